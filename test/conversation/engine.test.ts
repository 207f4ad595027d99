// The pure engine: no database, just (session, input, now, context) → (session, messages, effects).
import { describe, expect, it } from 'vitest';
import { step } from '../../src/conversation/engine.ts';
import { emptySession } from '../../src/conversation/types.ts';
import { converse, ctx, item, NOW } from './engine-harness.ts';

describe('engine step', () => {
  it('starts at the first unanswered item and shows target and last period', () => {
    const c = ctx({ items: [item(1, { targetText: '90%', targetYear: 2020, prev: { value: 72, status: null, percentDone: null } })] });
    const r = step(emptySession(), { kind: 'start' }, NOW, c);
    expect(r.outbound.at(-1)?.text).toBe('Câu 1/1. Chỉ tiêu 1 (%)? Mục tiêu 90% năm 2020; kỳ trước: 72%');
    expect(r.session.form).toMatchObject({ periodId: 3, agencyId: 7, cursor: 0, pending: null });
    expect(r.effects).toEqual([]);
  });

  it('saves an accepted answer as an effect and moves on', () => {
    const r = converse(ctx(), ['85,5']);
    expect(r.effects).toEqual([
      { kind: 'saveAnswer', itemId: 101, values: { value: 85.5, valueText: '85,5', status: null, note: null, skipped: false } },
    ]);
    expect(r.session.form?.cursor).toBe(1);
    expect(r.last).toContain('Câu 2/3');
  });

  it('refuses a bad value without saving and asks the same question again', () => {
    const r = converse(ctx(), ['abc', '150']);
    expect(r.effects).toEqual([]);
    expect(r.transcript.join('\n')).toContain('Tôi chưa hiểu "abc"');
    expect(r.transcript.join('\n')).toContain('từ 0 đến 100');
    expect(r.last).toContain('Câu 1/3');
  });

  it('asks back an ambiguous number and accepts the chosen reading', () => {
    const c = ctx({ items: [item(1, { valueKind: 'ratio', unit: 'thuê bao/100 dân' })] });
    const first = converse(c, ['1.728']);
    expect(first.session.form?.pending).toMatchObject({ kind: 'disambiguate', candidates: [1.728, 1728] });
    const r = step(first.session, { kind: 'text', text: '1,728', choice: 'c0' }, NOW, c);
    expect(r.effects[0]).toMatchObject({ kind: 'saveAnswer', values: { value: 1.728 } });
  });

  it('"1.728" for a percent is taken as 1,728%: a 1728% button, refused when pressed, is not offered', () => {
    const r = converse(ctx({ items: [item(1)] }), ['1.728']);
    expect(r.session.form?.pending ?? null).toBeNull();
    expect(r.effects[0]).toMatchObject({ kind: 'saveAnswer', values: { value: 1.728 } });
  });

  it('"sửa 1 46" corrects question 1 in one message and comes back to where the form was', () => {
    const c = ctx({ items: [item(1), item(2, { valueKind: 'count', unit: 'doanh nghiệp' })] });
    const r = converse(c, ['80', 'sửa 1 46']);
    const saved = (r.effects as { kind: string; values?: { value?: number } }[]).filter((e) => e.kind === 'saveAnswer');
    expect(saved.map((e) => e.values?.value)).toEqual([80, 46]);
    expect(r.last).toContain('Câu 2/2');
    const colon = converse(c, ['80', 'sửa câu 1: 47%']);
    expect(colon.effects.at(-1)).toMatchObject({ kind: 'saveAnswer', values: { value: 47 } });
  });

  it('asks to confirm a value far from last period, then stores the explanation with it', () => {
    const r = converse(ctx(), ['10', 'có', 'Đổi cách tính']);
    expect(r.effects).toEqual([
      { kind: 'saveAnswer', itemId: 101, values: { value: 10, valueText: '10', status: null, note: 'Đổi cách tính', skipped: false } },
    ]);
    const no = converse(ctx(), ['10', 'không']);
    expect(no.effects).toEqual([]);
    expect(no.last).toContain('Câu 1/3');
  });

  it('takes an explicit confirmation before submitting', () => {
    const r = converse(ctx(), ['80', 'bỏ qua', '3', 'bỏ qua', 'gửi']);
    expect(r.session.form?.pending).toEqual({ kind: 'confirmSubmit' });
    expect(r.transcript.join('\n')).toContain('Còn 1 câu chưa trả lời (2); nếu gửi bây giờ, các câu này được gửi để trống');
    expect(r.effects.some((e) => (e as { kind: string }).kind === 'submit')).toBe(false);
    const done = step(r.session, { kind: 'text', text: '1' }, NOW, ctx({ answers: {} }));
    expect(done.effects).toEqual([{ kind: 'submit' }]);
    expect(done.session.form).toBeNull();
    expect(done.outbound[0]?.text).toContain('đúng hạn');
  });

  it('"sửa <n>" edits one item and returns to where the user was', () => {
    const r = converse(ctx(), ['80', 'sửa 1', '81']);
    expect(r.session.form?.cursor).toBe(1);
    expect(r.transcript.join('\n')).toContain('Đã ghi: 80%');
    expect(r.effects.at(-1)).toMatchObject({ values: { value: 81 } });
  });

  it('"quay lại", "xem", "trợ giúp", "hủy" keep or end the form without writing', () => {
    const r = converse(ctx(), ['80', 'quay lại', 'xem', 'trợ giúp']);
    expect(r.session.form?.cursor).toBe(0);
    expect(r.transcript.join('\n')).toContain('1. Chỉ tiêu 1: 80%');
    const h = converse(ctx(), ['hủy']);
    expect(h.session.form).toBeNull();
    expect(h.last).toContain('vẫn được lưu');
  });

  it('task status: choice, percent done, then a note', () => {
    const c = ctx({ items: [item(1, { kind: 'task_status', valueKind: null, unit: null })] });
    const r = converse(c, ['Đang triển khai', '60', 'Chờ vốn']);
    expect(r.effects).toEqual([
      { kind: 'saveAnswer', itemId: 101, values: { status: 'dang_trien_khai', skipped: false } },
      { kind: 'saveAnswer', itemId: 101, values: { percentDone: 60 } },
      { kind: 'saveAnswer', itemId: 101, values: { note: 'Chờ vốn' } },
    ]);
  });

  it('answers a question typed mid-form through the runner and re-asks the pending question', () => {
    const c = ctx({ isQuestion: (t) => t.endsWith('?') });
    const r = converse(c, ['Ai chủ trì nhiệm vụ này?']);
    expect(r.effects).toEqual([{ kind: 'askQuestion', text: 'Ai chủ trì nhiệm vụ này?' }]);
    expect(r.session.form?.cursor).toBe(0);
    expect(r.last).toContain('Câu 1/3');
  });

  it('a locked period refuses with the reason and closes the form', () => {
    const open = converse(ctx(), []);
    const r = step(open.session, { kind: 'text', text: '80' }, NOW, ctx({ lock: { message: 'Kỳ báo cáo đã khóa vì quá hạn.' } }));
    expect(r.effects).toEqual([]);
    expect(r.session.form).toBeNull();
    expect(r.outbound[0]?.text).toBe('Kỳ báo cáo đã khóa vì quá hạn.');
  });

  it('a reminder starts the form when idle and re-asks the pending question when in it', () => {
    const idle = step(emptySession(), { kind: 'reminder', periodId: 3 }, NOW, ctx());
    expect(idle.session.form?.cursor).toBe(0);
    expect(idle.outbound.at(-1)?.text).toContain('Câu 1/3');
    const mid = converse(ctx(), ['80']);
    const again = step(mid.session, { kind: 'reminder', periodId: 3 }, NOW, ctx());
    expect(again.outbound).toHaveLength(1);
    expect(again.outbound[0]?.text).toContain('Câu 2/3');
  });

  it('a refusal re-asks the same field with the reason in the same message (native forms show it as the error)', () => {
    const open = converse(ctx(), []);
    const r = step(open.session, { kind: 'text', text: '120' }, NOW, ctx());
    expect(r.outbound).toHaveLength(1);
    expect(r.outbound[0]?.input?.itemId).toBe('101');
    expect(r.outbound[0]?.text.split('\n')[0]).toContain('từ 0 đến 100');
  });

  it('a value sent for a specific form field answers that item and returns to the current one', () => {
    const mid = converse(ctx(), ['80']);
    const r = step(mid.session, { kind: 'text', text: '75', itemId: 101 }, NOW, ctx());
    expect(r.effects).toEqual([
      { kind: 'saveAnswer', itemId: 101, values: { value: 75, valueText: '75', status: null, note: null, skipped: false } },
    ]);
    expect(r.session.form?.cursor).toBe(1);
  });

  it('never mutates the session it is given (the runner persists the returned one)', () => {
    const s = emptySession();
    const frozen = JSON.stringify(s);
    step(s, { kind: 'start' }, NOW, ctx());
    expect(JSON.stringify(s)).toBe(frozen);
  });
});
