// The form page served by the bot: a signed link opens all 20 items prefilled with last quarter's values;
// each field goes through the chat's own parser and checks; "Gửi báo cáo" submits and the chat is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formLinkFor } from '../../src/web/links.ts';
import { formItemIds, postField, postSubmit, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let token: string;

beforeAll(async () => {
  fx = await webFixture();
  const url = formLinkFor(fx.app.config, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId }, fx.clock.now())!;
  token = new URL(url).searchParams.get('t')!;
});
afterAll(() => fx.close());

const itemIds = () => formItemIds(fx);
const field = (body: Record<string, unknown>) => postField(fx, token, body);

const answerOf = async (itemId: number) => fx.app.db.answer.findFirst({ where: { itemId, submission: { periodId: fx.periodId } } });

describe('form page', () => {
  it('shows every item with unit, target and last period, numeric keyboard for figures', async () => {
    const r = await fx.web.inject({ method: 'GET', url: `/form?t=${token}` });
    expect(r.statusCode).toBe(200);
    const html = r.body;
    expect(html.match(/class="item"/g)).toHaveLength(20);
    expect(html).toContain('Tỷ lệ văn bản trao đổi trên môi trường mạng');
    expect(html).toContain('Mục tiêu: 90% năm 2026');
    expect(html).toContain('Kỳ trước: 72%');
    expect(html.match(/inputmode="decimal"/g)!.length).toBeGreaterThanOrEqual(17);
    expect(html).toContain('Gửi báo cáo');
    expect(html).not.toMatch(/https?:\/\/(?!web\.telegram\.org)/); // nothing loaded from elsewhere
  });

  it('saves a figure at once (draft) with the audit trail marked web, and prefills it on reopening', async () => {
    const [first] = await itemIds();
    const r = await field({ itemId: first, text: '85' });
    expect(r.json.state).toBe('saved');
    expect((await answerOf(first!))?.value).toBe(85);
    const audit = await fx.app.db.auditLog.findFirst({ where: { action: 'answer.set' }, orderBy: { id: 'desc' } });
    expect(audit?.channel).toBe('web');
    const sub = await fx.app.db.submission.findFirst({ where: { periodId: fx.periodId, agencyId: fx.agencyId } });
    expect(sub?.status).toBe('draft');
    const page = await fx.web.inject({ method: 'GET', url: `/form?t=${token}` });
    expect(page.body).toContain(`id="f${first}" name="value" data-role="value" inputmode="decimal" autocomplete="off" value="85"`);
  });

  it('refuses what the chat refuses, with the same Vietnamese message, storing nothing', async () => {
    const [first] = await itemIds();
    const r = await field({ itemId: first, text: '140' });
    expect(r.json.state).toBe('refused');
    expect(r.json.messages[0]!.text).toMatch(/100/);
    // the question is in view on the page: only the reason is shown, not the chat's re-ask
    expect(r.json.messages[0]!.text).not.toMatch(/Câu \d+\/20/);
    expect((await answerOf(first!))?.value).toBe(85);
  });

  it('asks to confirm an outlier, and saves it once confirmed', async () => {
    const ids = await itemIds();
    const r = await field({ itemId: ids[1], text: '1000' });
    expect(r.json.state).toBe('confirm');
    expect(r.json.messages[0]!.choices?.map((c) => c.id)).toContain('yes');
    expect(await answerOf(ids[1]!)).toBeNull();
    const yes = r.json.messages[0]!.choices!.find((c) => c.id === 'yes')!;
    const why = await field({ itemId: ids[1], text: yes.label, choice: yes.id });
    expect(why.json.state).toBe('note');
    const ok = await field({ itemId: ids[1], text: 'có thêm dịch vụ mới' });
    expect(ok.json.state).toBe('saved');
    expect(await answerOf(ids[1]!)).toMatchObject({ value: 1000, note: expect.stringContaining('có thêm dịch vụ mới') });
  });

  it('asks what "1.728" means, as the chat does', async () => {
    const ids = await itemIds();
    const r = await field({ itemId: ids[2], text: '1.728' });
    expect(r.json.state).toBe('confirm');
    expect(r.json.messages[0]!.text).toMatch(/1\.728/);
    expect(await answerOf(ids[2]!)).toBeNull();
  });

  it('saves a task status with its % and note, and a free-text item', async () => {
    const ids = await itemIds();
    const t = await field({ itemId: ids[17], status: 'dang_trien_khai', percent: '60', note: 'đang thử nghiệm' });
    expect(t.json.state).toBe('saved');
    expect(await answerOf(ids[17]!)).toMatchObject({ status: 'dang_trien_khai', percentDone: 60, note: 'đang thử nghiệm' });
    const x = await field({ itemId: ids[19], text: 'Thiếu kinh phí cho máy chủ' });
    expect(x.json.state).toBe('saved');
    expect((await answerOf(ids[19]!))?.valueText).toBe('Thiếu kinh phí cho máy chủ');
  });

  it('"Gửi báo cáo" submits through the chat submission and the chat gets the confirmation with the summary', async () => {
    const r = await postSubmit(fx, token);
    expect(r.json()).toMatchObject({ submitted: true });
    const sub = await fx.app.db.submission.findFirst({ where: { periodId: fx.periodId, agencyId: fx.agencyId } });
    expect(sub?.status).toBe('submitted');
    expect(await fx.app.db.auditLog.count({ where: { action: 'submission.submit', channel: 'web' } })).toBe(1);
    expect(fx.sent).toHaveLength(1);
    const text = fx.sent[0]!.messages.map((m) => m.text).join('\n');
    expect(fx.sent[0]!.chatId).toBe('777');
    expect(text).toContain('Tóm tắt báo cáo');
    expect(text).toMatch(/Đã gửi báo cáo/);
    const page = await fx.web.inject({ method: 'GET', url: `/form?t=${token}` });
    expect(page.body).toContain('Báo cáo đã gửi');
  });

  it('a locked period shows why and takes no change', async () => {
    fx.clock.set(new Date('2027-03-01T09:00:00+07:00'));
    const url = formLinkFor(fx.app.config, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId }, fx.clock.now())!;
    token = new URL(url).searchParams.get('t')!;
    const page = await fx.web.inject({ method: 'GET', url: `/form?t=${token}` });
    expect(page.body).toContain('class="lock"');
    const [first] = await itemIds();
    const r = await field({ itemId: first, text: '50' });
    expect(r.json.state).toBe('locked');
    expect((await answerOf(first!))?.value).toBe(85);
  });
});
