// Nobody sees data that is not theirs on the pages: a coordinator of another province sees none of Cà Mau's
// rounds and cannot act on them; an official's dashboard shows their own agency only (its rounds and its
// submissions), with no action and no download; a form link for someone else's agency or province is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/types.ts';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { createScheduler } from '../../src/scheduler/index.ts';
import { userById } from '../../src/users/users.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { dashboardChat } from '../../src/web/dashboard-chat.ts';
import { signFormToken } from '../../src/web/link.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { REGIME20, SECRET, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let web: ReturnType<typeof buildWebServer>;
let cmCoord: number;
let qnCoord: number;
let qnOfficial: number;
let qnPeriod: number;
let qnAgency: number;

const QN_REGIME = 'Báo cáo hồ sơ trực tuyến Quảng Ngãi';

beforeAll(async () => {
  fx = await webFixture();
  fx.clock.set(new Date('2027-01-20T09:00:00+07:00'));
  await saveRegime(fx.app, {
    ...REGIME20,
    code: 'qn-hs',
    name: QN_REGIME,
    province: 'Quảng Ngãi',
    agencies: [{ agency: 'Sở Kế hoạch và Đầu tư', items: [{ label: 'Số hồ sơ tiếp nhận', kind: 'figure', valueKind: 'count' }] }],
  });
  qnPeriod = (await openPeriod(fx.app, 'qn-hs', '2026-Q4')).id;
  qnAgency = (await fx.app.db.regimeItem.findFirstOrThrow({ where: { regime: { code: 'qn-hs' } } })).agencyId;
  const user = (name: string, role: Role, province: string, agencyId?: number) =>
    fx.app.db.user.create({ data: { name, role, province, agencyId } }).then((u) => u.id);
  cmCoord = await user('Lê Văn Cường', 'coordinator', 'Cà Mau');
  qnCoord = await user('Nguyễn Thị Quế', 'coordinator', 'Quảng Ngãi');
  qnOfficial = await user('Hồ Văn Nam', 'official', 'Quảng Ngãi', qnAgency);
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'bich', chatId: 'bich', userId: fx.official } });
  // Cà Mau's Sở Tài chính is late; Sở TT&TT has a draft of Q4 and submitted Q3.
  const item = await fx.app.db.regimeItem.findFirstOrThrow({ where: { agencyId: fx.agencyId } });
  const sub = await fx.app.db.submission.create({ data: { periodId: fx.periodId, agencyId: fx.agencyId, status: 'draft' } });
  await fx.app.db.answer.create({ data: { submissionId: sub.id, itemId: item.id, value: 80 } });
  web = buildWebServer(fx.app, { scheduler: createScheduler(fx.app, { adapters: new Map(), cron: false }) });
});
afterAll(async () => {
  await web.close();
  await fx.close();
});

async function signIn(userId: number) {
  const link = dashboardLoginLink(fx.app, (await userById(fx.app.db, userId))!, fx.clock.now());
  expect(link).toBeTruthy();
  const r = await web.inject({ method: 'GET', url: new URL(link!).pathname + new URL(link!).search });
  expect(r.statusCode).toBe(303);
  return String(r.headers['set-cookie']).split(';')[0]!;
}
const get = (jar: string, url: string) => web.inject({ method: 'GET', url, headers: { cookie: jar } });
const post = (jar: string, url: string, body: string) =>
  web.inject({ method: 'POST', url, headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];
const stored = async () => ({
  outbox: await fx.app.db.outbox.count(),
  audit: await fx.app.db.auditLog.count({ where: { NOT: { action: 'dashboard.login' } } }),
  subs: JSON.stringify(await fx.app.db.submission.findMany({ orderBy: { id: 'asc' } })),
});

describe('a coordinator of another province', () => {
  it("sees only their province's rounds on the dashboard, and none of Cà Mau's agencies", async () => {
    const qn = await get(await signIn(qnCoord), '/dashboard');
    expect(qn.statusCode).toBe(200);
    expect(qn.body).toContain(QN_REGIME);
    expect(qn.body).not.toContain(REGIME20.name);
    expect(qn.body).not.toContain('Sở Tài chính');
    expect(qn.body).not.toContain('Sở Thông tin');
    const cm = await get(await signIn(cmCoord), '/dashboard');
    expect(cm.body).toContain(REGIME20.name);
    expect(cm.body).not.toContain(QN_REGIME);
    expect(cm.body).not.toContain('Sở Kế hoạch');
  });

  it("cannot open, download, remind or reopen Cà Mau's round, and nothing is stored", async () => {
    const jar = await signIn(qnCoord);
    const csrf = csrfOf((await get(jar, '/dashboard')).body)!;
    const before = await stored();
    for (const url of [`/dashboard/values?period=${fx.periodId}`, `/dashboard/export?period=${fx.periodId}&format=csv`]) {
      const r = await get(jar, url);
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('trong phạm vi của bạn');
      expect(r.body).not.toContain('Sở Tài chính');
    }
    const cmRegime = (await fx.app.db.period.findUniqueOrThrow({ where: { id: fx.periodId } })).regimeId;
    expect((await post(jar, '/dashboard/remind', `regimeId=${cmRegime}&csrf=${encodeURIComponent(csrf)}`)).statusCode).toBe(403);
    const reopen = `periodId=${fx.periodId}&agencyId=${fx.agencyId}&csrf=${encodeURIComponent(csrf)}`;
    expect((await post(jar, '/dashboard/reopen', reopen)).statusCode).toBe(404);
    expect(await stored()).toEqual(before);
  });
});

describe("an official's dashboard", () => {
  it('"bảng điều khiển" gives an official a link to their own agency\'s view', async () => {
    const bot = createBot(fx.app, { formOffer: formOfferOf(fx.app.config), commands: [dashboardChat(fx.app)] });
    const out = await bot.handle({ channel: 'console', userId: 'bich', chatId: 'bich', text: 'bảng điều khiển', isGroup: false });
    expect(out[0]!.text).toMatch(/https:\/\/bot\.example\.vn\/dashboard\/login\?t=/);
    expect(out[0]!.text).toContain('cơ quan của bạn');
  });

  it("shows their agency's round and their submissions, nothing of other agencies or provinces", async () => {
    const r = await get(await signIn(fx.official), '/dashboard');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Sở Thông tin và Truyền thông');
    expect(r.body).toContain(REGIME20.name);
    expect(r.body).toContain('Đang nhập, chưa gửi');
    expect(r.body).toContain('1/20');
    expect(r.body).toMatch(/quý III\/2026<\/td><td>Đã gửi/); // last quarter's submission
    for (const foreign of ['Sở Tài chính', QN_REGIME, 'Tỷ lệ báo cáo', 'Nhắc ngay', 'Mở lại', '/dashboard/export'])
      expect(r.body).not.toContain(foreign);
    expect(csrfOf(r.body)).toBeUndefined();
  });

  it('gets no download, figures of the province, reminder or reopen, and nothing is stored', async () => {
    const jar = await signIn(fx.official);
    const before = await stored();
    for (const url of [`/dashboard/values?period=${fx.periodId}`, `/dashboard/export?period=${fx.periodId}&format=csv`]) {
      const r = await get(jar, url);
      expect(r.statusCode).toBe(403);
      expect(r.body).toContain('điều phối viên');
    }
    const regimeId = (await fx.app.db.period.findUniqueOrThrow({ where: { id: fx.periodId } })).regimeId;
    expect((await post(jar, '/dashboard/remind', `regimeId=${regimeId}`)).statusCode).toBe(403);
    expect((await post(jar, '/dashboard/reopen', `periodId=${fx.periodId}&agencyId=${fx.agencyId}`)).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });
});

describe('form pages', () => {
  const link = (userId: number, periodId: number, agencyId: number) =>
    `/form?t=${signFormToken(SECRET, { userId, periodId, agencyId, exp: fx.clock.now().getTime() + 3600_000 })}`;

  it("refuse a coordinator or an official of another province, and an official of another agency; one's own opens", async () => {
    for (const [user, period, agency] of [
      [qnCoord, fx.periodId, fx.agencyId],
      [qnOfficial, fx.periodId, fx.agencyId],
      [cmCoord, qnPeriod, qnAgency],
      [fx.otherOfficial, fx.periodId, fx.agencyId],
    ] as const) {
      const r = await web.inject({ method: 'GET', url: link(user, period, agency) });
      expect(r.statusCode).toBe(403);
      expect(r.body).toContain('không dành cho bạn');
      expect(r.body).not.toContain('Tỷ lệ văn bản');
    }
    const own = await web.inject({ method: 'GET', url: link(fx.official, fx.periodId, fx.agencyId) });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Tỷ lệ văn bản');
  });
});
