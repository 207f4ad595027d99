// Locking, approving and reopening a period as a whole, from the dashboard and from chat: by coordinators and
// admins only, audited; once locked, officials' edits and submissions are refused on the page and in chat with
// who locked it and when; the dashboard shows the period's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import { reopenAgency } from '../../src/reporting/period-service.ts';
import { userById } from '../../src/users/users.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { csrfFor, signFormToken } from '../../src/web/link.ts';
import { SECRET, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let coordinator: number;
let bot: ReturnType<typeof createBot>;

beforeAll(async () => {
  fx = await webFixture();
  fx.clock.set(new Date('2027-01-12T09:00:00+07:00')); // after the deadline, before the period locks by itself
  coordinator = (await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau' } })).id;
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'bich', chatId: 'bich', userId: fx.official } });
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'cuong', chatId: 'cuong', userId: coordinator } });
  bot = createBot(fx.app, { formOffer: formOfferOf(fx.app.config) });
});
afterAll(async () => {
  await fx.close();
});

const say = async (who: string, text: string) =>
  (await bot.handle({ channel: 'console', userId: who, chatId: who, text, isGroup: false })).map((m) => m.text).join('\n');

async function signIn(userId = coordinator) {
  const link = dashboardLoginLink(fx.app, (await userById(fx.app.db, userId))!, fx.clock.now())!;
  const r = await fx.web.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search });
  const jar = String(r.headers['set-cookie']).split(';')[0]!;
  const page = (await fx.web.inject({ method: 'GET', url: '/dashboard', headers: { cookie: jar } })).body;
  return { jar, page, csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
}
const post = (jar: string, body: string) =>
  fx.web.inject({
    method: 'POST',
    url: '/dashboard/period',
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });

const token = () =>
  signFormToken(SECRET, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId, exp: Date.parse('2030-01-01') });
const firstItem = () => fx.app.db.regimeItem.findFirstOrThrow({ where: { agencyId: fx.agencyId }, orderBy: { ord: 'asc' } });
async function fieldFromPage(text: string) {
  const t = token();
  const r = await fx.web.inject({
    method: 'POST',
    url: '/form/field',
    headers: { 'x-csrf-token': csrfFor(SECRET, t) },
    payload: { t, itemId: (await firstItem()).id, text },
  });
  return r.json() as { state: string; messages: { text: string }[] };
}
async function submitFromPage() {
  const t = token();
  const r = await fx.web.inject({ method: 'POST', url: '/form/submit', headers: { 'x-csrf-token': csrfFor(SECRET, t) }, payload: { t } });
  return r.json() as { submitted: boolean; messages: { text: string }[] };
}
const answers = async () => JSON.stringify(await fx.app.db.answer.findMany({ orderBy: { id: 'asc' } }));
const period = () => fx.app.db.period.findUniqueOrThrow({ where: { id: fx.periodId } });

const LOCKED_BY = 'Kỳ báo cáo quý IV/2026 đã bị điều phối viên khóa (Lê Văn Cường, lúc 09:00 12/01/2027)';

describe('the period as a whole, from the dashboard', () => {
  it('a coordinator locks it (CSRF, audited); the page and the chat refuse changes and submissions with who and when', async () => {
    expect((await fieldFromPage('81')).state).toBe('saved');
    const { jar, page, csrf } = await signIn();
    expect(page).toContain('Trạng thái kỳ: <b>đang mở');
    expect(page).toMatch(/action="\/dashboard\/period">[^]*?value="lock"><button[^>]*>Khóa kỳ</);
    expect((await post(jar, `periodId=${fx.periodId}&action=lock`)).statusCode).toBe(403);
    expect((await period()).status).toBe('open');
    const ok = await post(jar, `periodId=${fx.periodId}&action=lock&csrf=${encodeURIComponent(csrf)}`);
    expect(ok.statusCode).toBe(303);
    expect(decodeURIComponent(String(ok.headers.location))).toContain('Đã khóa kỳ báo cáo quý IV/2026 (cds-20)');
    expect(await fx.app.db.auditLog.count({ where: { action: 'period.lock', userId: coordinator, channel: 'web' } })).toBe(1);

    const before = await answers();
    const field = await fieldFromPage('99');
    expect(field.state).toBe('locked');
    expect(field.messages[0]!.text).toContain(LOCKED_BY);
    const sent = await submitFromPage();
    expect(sent.submitted).toBe(false);
    expect(sent.messages.map((m) => m.text).join('\n')).toContain(LOCKED_BY);
    const form = await fx.web.inject({ method: 'GET', url: `/form?t=${encodeURIComponent(token())}` });
    expect(form.body).toContain(LOCKED_BY);
    expect(await say('bich', 'báo cáo')).toContain(LOCKED_BY);
    expect(await say('bich', 'gửi')).not.toMatch(/Đã gửi báo cáo/);
    expect(await answers()).toBe(before);
    expect((await fx.app.db.submission.findFirst({ where: { periodId: fx.periodId, agencyId: fx.agencyId } }))?.status).toBe('draft');

    const after = (await signIn()).page;
    expect(after).toContain('Trạng thái kỳ: <b>đã khóa (Lê Văn Cường, lúc 09:00 12/01/2027)</b>');
    expect(after).toContain('>Mở lại kỳ<');
  });

  it('an official can neither lock nor reopen it, even with a token of their own session', async () => {
    const off = await signIn(fx.official);
    const r = await post(off.jar, `periodId=${fx.periodId}&action=unlock&csrf=${encodeURIComponent(off.csrf || 'x')}`);
    expect(r.statusCode).toBe(403);
    expect((await period()).status).toBe('locked');
  });

  it('"Mở lại kỳ" (audited) lets officials write again', async () => {
    const { jar, csrf } = await signIn();
    const ok = await post(jar, `periodId=${fx.periodId}&action=unlock&csrf=${encodeURIComponent(csrf)}`);
    expect(decodeURIComponent(String(ok.headers.location))).toContain('Đã mở lại kỳ báo cáo quý IV/2026 (cds-20)');
    expect(await fx.app.db.auditLog.count({ where: { action: 'period.unlock', userId: coordinator, channel: 'web' } })).toBe(1);
    expect((await fieldFromPage('82')).state).toBe('saved');
  });
});

describe('the period as a whole, in chat', () => {
  it('an official is refused "khóa kỳ" and nothing changes', async () => {
    expect(await say('bich', 'khóa kỳ cds-20 quý 4')).toContain('Chỉ điều phối viên hoặc quản trị viên mới khóa được cả kỳ báo cáo');
    expect((await period()).status).toBe('open');
  });

  it('a coordinator approves it ("phê duyệt kỳ"), audited; the dashboard shows it and offers no action per agency', async () => {
    fx.clock.set(new Date('2027-01-13T08:30:00+07:00'));
    const approved = await say('cuong', 'phê duyệt kỳ cds-20 quý 4');
    expect(approved).toContain('Đã phê duyệt kỳ báo cáo quý IV/2026 (cds-20) lúc 08:30 13/01/2027');
    // whoever closes the period is told what it lacks
    expect(approved).toContain(
      'Lưu ý: 2/2 cơ quan chưa gửi báo cáo (Sở Tài chính, Sở Thông tin và Truyền thông): số liệu của các cơ quan này không có trong kỳ đã phê duyệt.',
    );
    expect(await fx.app.db.auditLog.count({ where: { action: 'period.approve', userId: coordinator, channel: 'console' } })).toBe(1);
    expect(await say('cuong', 'khóa kỳ cds-20 quý 4')).toContain('đã được phê duyệt từ trước (Lê Văn Cường, lúc 08:30 13/01/2027)');
    expect((await fieldFromPage('83')).messages[0]!.text).toContain(
      'Báo cáo quý IV/2026 đã được phê duyệt (Lê Văn Cường, lúc 08:30 13/01/2027)',
    );
    const { page } = await signIn();
    expect(page).toContain('Trạng thái kỳ: <b>đã phê duyệt (Lê Văn Cường, lúc 08:30 13/01/2027)</b>');
    expect(page).not.toContain('action="/dashboard/submission"');
    expect(page).not.toContain('action="/dashboard/remind-agency"');
  });

  it('"mở lại kỳ" reopens it (audited), and an agency reopened before a later lock is locked by it', async () => {
    expect(await say('cuong', 'mở lại kỳ cds-20 quý 4')).toContain('Đã mở lại kỳ báo cáo quý IV/2026 (cds-20)');
    expect(await fx.app.db.auditLog.count({ where: { action: 'period.unlock', channel: 'console' } })).toBe(1);
    expect((await fieldFromPage('84')).state).toBe('saved');
    await reopenAgency(fx.app, 'cds-20', '2026-Q4', 'so-tttt@ca-mau', coordinator, 'console');
    fx.clock.set(new Date('2027-01-13T10:00:00+07:00'));
    expect(await say('cuong', 'khóa kỳ cds-20 quý 4')).toContain('Đã khóa kỳ báo cáo quý IV/2026');
    expect((await fieldFromPage('85')).state).toBe('locked');
    expect(await say('cuong', 'mở lại Sở TT&TT quý 4')).toContain('Đã mở lại kỳ báo cáo quý IV/2026');
    expect((await fieldFromPage('86')).state).toBe('saved');
  });
});
