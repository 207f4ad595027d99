// The reporting form in English: the same inputs give the same stored answers as in Vietnamese (the notes the form
// writes itself stay Vietnamese, for the consolidated report), while every sentence the form says is English.
import { describe, expect, it } from 'vitest';
import { ctx, converse, item } from './engine-harness.ts';
import type { FormContext } from '../../src/conversation/types.ts';

function form(locale: 'vi' | 'en'): FormContext {
  const c = ctx({
    items: [
      item(1, { prev: { value: 72, status: null, percentDone: null } }),
      item(2, { valueKind: 'count', unit: 'doanh nghiệp', prev: { value: 120, status: null, percentDone: null } }),
      item(3, { kind: 'task_status', valueKind: null, unit: null }),
      item(4, { valueKind: 'count', unit: 'xã', targetValue: 10, targetText: '10 xã' }),
      item(5, { valueKind: 'ratio', unit: null }),
    ],
  });
  c.user = { ...c.user, locale };
  if (locale === 'en') c.period = { ...c.period, label: 'Q4 2026' };
  return c;
}

// Vietnamese inputs, understood in either language: refusals, an outlier, a copy of last period, a state with its
// reason, a status with its percentage, a figure far above its target confirmed without explanation, an ambiguous
// number, a batch, a missing item, the summary and the sending.
const INPUTS = [
  'abc',
  '120',
  '1.728',
  '2',
  '85,5',
  'như kỳ trước',
  'có',
  'đang triển khai',
  '60',
  'bỏ qua',
  '50',
  '1',
  'bỏ qua',
  '1.728',
  '1',
  'sửa 9',
  '1: 46; 2: 130',
  'có',
  'sửa 5 chưa có số liệu vì chưa tổng hợp xong',
  'xem',
  'gửi',
  'có',
];

/** Fragments only the Vietnamese form says (a label or a quoted command word may still be Vietnamese). */
const VIETNAMESE = /Câu \d|Đã ghi|Xin |kỳ trước|Mục tiêu|Tình trạng|Tôi chưa|Đã bỏ qua|Lưu |Đúng không|Ý bạn là|Tóm tắt|Đã gửi|gấp|hạn/;

describe('the form in English', () => {
  it('stores exactly what the Vietnamese form stores for the same inputs', () => {
    const vi = converse(form('vi'), INPUTS);
    const en = converse(form('en'), INPUTS);
    expect(en.effects).toEqual(vi.effects);
    expect(en.effects).toContainEqual(
      expect.objectContaining({ values: expect.objectContaining({ note: 'đã xác nhận: 50 xã cao gấp 5 lần mục tiêu (10 xã)' }) }),
    );
    expect(en.effects).toContainEqual(expect.objectContaining({ kind: 'submit' }));
  });

  it('says every sentence in English', () => {
    const en = converse(form('en'), INPUTS);
    const vi = converse(form('vi'), INPUTS);
    expect(en.transcript.length).toBe(vi.transcript.length);
    const said = en.transcript.map((t) => t.replace(/Chỉ tiêu \d|doanh nghiệp|xã|chưa tổng hợp xong|"[^"]*"/g, ''));
    expect(said.filter((t) => VIETNAMESE.test(t))).toEqual([]);
    expect(vi.transcript.filter((t) => VIETNAMESE.test(t)).length).toBeGreaterThan(INPUTS.length / 2);
    expect(en.transcript).toContain("Take last period's figure for question 2 (Chỉ tiêu 2): 120 doanh nghiệp. Right?");
    expect(en.transcript).toContain('50 xã is 5 times the target (10 xã). Is this number right?');
    expect(en.transcript.join('\n')).toMatch(/I do not understand "abc" as a number/);
  });

  it('understands the commands, statuses and states in English words', () => {
    const en = converse(form('en'), [
      'skip',
      'same as last period',
      'yes',
      'completed',
      'skip',
      'no data because the survey is late',
      'back',
      'edit 1 80',
      'review',
      'send',
      'yes',
    ]);
    expect(en.effects).toEqual([
      { kind: 'saveAnswer', itemId: 101, values: { skipped: true } },
      {
        kind: 'saveAnswer',
        itemId: 102,
        values: { value: 120, valueText: 'như kỳ trước', status: null, note: 'như kỳ trước', skipped: false },
      },
      { kind: 'saveAnswer', itemId: 103, values: { status: 'hoan_thanh', skipped: false, percentDone: 100 } },
      {
        kind: 'saveAnswer',
        itemId: 104,
        values: { value: null, status: 'no_data', percentDone: null, note: 'the survey is late', skipped: false },
      },
      { kind: 'saveAnswer', itemId: 101, values: { value: 80, valueText: '80', status: null, note: null, skipped: false } },
      { kind: 'submit' },
    ]);
    expect(en.last).toMatch(/^Sent the Q4 2026 report of Sở Thông tin và Truyền thông at 09:00 05\/01\/2027, on time\./);
  });
});
