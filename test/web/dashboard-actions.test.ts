// The dashboard's per-agency actions and its trend: remind one agency now (through the outbox, once, audited),
// lock or approve one agency's submission (coordinator/admin, audited; then neither the page nor the chat changes
// it), and the reporting rate across periods drawn as inline SVG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import { reportChatCommands } from '../../src/reporting/report/chat-commands.ts';
import { createScheduler } from '../../src/scheduler/index.ts';
import { userById } from '../../src/users/users.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { csrfFor, signFormToken } from '../../src/web/link.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { SECRET, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let web: ReturnType<typeof buildWebServer>;
let coordinator: number;
let tcOfficial2: number;

beforeAll(async () => {
  fx = await webFixture();
  fx.clock.set(new Date('2027-01-12T09:00:00+07:00')); // before the lock date, after the deadline
  coordinator = (await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau' } })).id;
  tcOfficial2 = (
    await fx.app.db.user.create({ data: { name: 'Đỗ Thu', role: 'official', agencyId: fx.otherAgencyId, province: 'Cà Mau' } })
  ).id;
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'bich', chatId: 'bich', userId: fx.official } });
  web = buildWebServer(fx.app, { scheduler: createScheduler(fx.app, { adapters: new Map(), cron: false }) });
});
afterAll(async () => {
  await web.close();
  await fx.close();
});

async function signIn(userId = coordinator) {
  const link = dashboardLoginLink(fx.app, (await userById(fx.app.db, userId))!, fx.clock.now())!;
  const r = await web.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search });
  const jar = String(r.headers['set-cookie']).split(';')[0]!;
  const page = await web.inject({ method: 'GET', url: '/dashboard', headers: { cookie: jar } });
  return { jar, page: page.body, csrf: /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
}
const post = (jar: string, url: string, body: string) =>
  web.inject({ method: 'POST', url, headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });

describe('remind one agency', () => {
  it('queues one outbox row per official of that agency only, once, audited; CSRF required', async () => {
    const { jar, page, csrf } = await signIn();
    expect(page).toMatch(/<td>Sở Tài chính<\/td><td>[^<]*<form method="post" action="\/dashboard\/remind-agency">/);
    const body = `periodId=${fx.periodId}&agencyId=${fx.otherAgencyId}`;
    expect((await post(jar, '/dashboard/remind-agency', body)).statusCode).toBe(403);
    expect(await fx.app.db.outbox.count()).toBe(0);
    const ok = await post(jar, '/dashboard/remind-agency', `${body}&csrf=${encodeURIComponent(csrf)}`);
    expect(ok.statusCode).toBe(303);
    expect(decodeURIComponent(String(ok.headers.location))).toContain('Đã xếp 2 tin nhắc tới cán bộ của Sở Tài chính');
    const rows = await fx.app.db.outbox.findMany();
    expect(rows.map((r) => r.userId).sort()).toEqual([fx.otherOfficial, tcOfficial2].sort());
    await post(jar, '/dashboard/remind-agency', `${body}&csrf=${encodeURIComponent(csrf)}`);
    expect(await fx.app.db.outbox.count()).toBe(2);
    const audit = await fx.app.db.auditLog.findMany({ where: { action: 'dashboard.remind.agency', userId: coordinator } });
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.newValue!)).toMatchObject({ agencyId: fx.otherAgencyId, officials: 2 });
  });

  it('an official cannot remind, even with a CSRF token of their own session', async () => {
    const { jar } = await signIn(fx.official);
    const before = await fx.app.db.outbox.count();
    expect((await post(jar, '/dashboard/remind-agency', `periodId=${fx.periodId}&agencyId=${fx.otherAgencyId}&csrf=x`)).statusCode).toBe(
      403,
    );
    expect(await fx.app.db.outbox.count()).toBe(before);
  });
});

describe('trend of the reporting rate', () => {
  it('draws the reporting rate of each period of the regime as inline SVG (nothing fetched)', async () => {
    const { page } = await signIn();
    const svg = /<svg[^>]*aria-label="Tỷ lệ báo cáo qua các kỳ"[\s\S]*?<\/svg>/.exec(page)?.[0];
    expect(svg).toBeTruthy();
    expect(svg).toContain('<title>quý III/2026: 50%</title>'); // 1 of 2 agencies reported Q3
    expect(svg).toContain('<title>quý IV/2026: 0%</title>');
    expect(svg!.indexOf('quý III/2026')).toBeLessThan(svg!.indexOf('quý IV/2026'));
    expect(svg).not.toMatch(/https?:\/\//);
  });
});

describe('lock and approve one submission', () => {
  const formToken = () =>
    signFormToken(SECRET, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId, exp: Date.parse('2030-01-01') });
  const firstItem = () => fx.app.db.regimeItem.findFirstOrThrow({ where: { agencyId: fx.agencyId }, orderBy: { ord: 'asc' } });
  const fieldFromPage = async (text: string) => {
    const t = formToken();
    return web.inject({
      method: 'POST',
      url: '/form/field',
      headers: { 'x-csrf-token': csrfFor(SECRET, t) },
      payload: { t, itemId: (await firstItem()).id, text },
    });
  };

  it("locks Sở TT&TT's submission (CSRF, audited); the page and the chat then refuse changes with the reason", async () => {
    expect((await fieldFromPage('81')).json().state).toBe('saved');
    const { jar, csrf } = await signIn();
    const body = `periodId=${fx.periodId}&agencyId=${fx.agencyId}&action=lock`;
    expect((await post(jar, '/dashboard/submission', body)).statusCode).toBe(403);
    const ok = await post(jar, '/dashboard/submission', `${body}&csrf=${encodeURIComponent(csrf)}`);
    expect(ok.statusCode).toBe(303);
    expect(decodeURIComponent(String(ok.headers.location))).toContain('Đã khóa báo cáo quý IV/2026 của Sở Thông tin và Truyền thông');
    expect(await fx.app.db.auditLog.count({ where: { action: 'submission.lock', userId: coordinator, channel: 'web' } })).toBe(1);

    const answersBefore = JSON.stringify(await fx.app.db.answer.findMany({ orderBy: { id: 'asc' } }));
    const r = await fieldFromPage('99');
    expect(r.json().state).toBe('locked');
    expect(r.json().messages[0].text).toContain('đã bị điều phối viên khóa');
    const bot = createBot(fx.app, { formOffer: formOfferOf(fx.app.config), commands: reportChatCommands(fx.app) });
    const say = (text: string) => bot.handle({ channel: 'console', userId: 'bich', chatId: 'bich', text, isGroup: false });
    const chat = (await say('báo cáo')).map((m) => m.text).join('\n');
    expect(chat).toContain('đã bị điều phối viên khóa');
    expect(JSON.stringify(await fx.app.db.answer.findMany({ orderBy: { id: 'asc' } }))).toBe(answersBefore);
    const dash = (await signIn()).page;
    expect(dash).toMatch(/<td>Sở Thông tin và Truyền thông<\/td><td>[^<]*· đã khóa/);
  });

  it('approves it (audited), and an official cannot lock or approve', async () => {
    const { jar, csrf } = await signIn();
    const approve = (agencyId: number) =>
      post(jar, '/dashboard/submission', `periodId=${fx.periodId}&agencyId=${agencyId}&action=approve&csrf=${encodeURIComponent(csrf)}`);
    // Nothing to approve before the agency sends its report.
    const early = await approve(fx.otherAgencyId);
    expect(decodeURIComponent(String(early.headers.location))).toContain('Chỉ phê duyệt được báo cáo đã gửi');
    expect(await fx.app.db.auditLog.count({ where: { action: 'submission.approve' } })).toBe(0);
    await fx.app.db.submission.update({
      where: { periodId_agencyId: { periodId: fx.periodId, agencyId: fx.agencyId } },
      data: { status: 'submitted', submittedAt: fx.clock.now() },
    });
    const ok = await approve(fx.agencyId);
    expect(ok.statusCode).toBe(303);
    expect(await fx.app.db.auditLog.count({ where: { action: 'submission.approve', userId: coordinator } })).toBe(1);
    expect((await fieldFromPage('98')).json().messages[0].text).toContain('đã được phê duyệt');
    const off = await signIn(fx.otherOfficial);
    const before = await fx.app.db.auditLog.count({ where: { action: { startsWith: 'submission.' } } });
    const r = await post(off.jar, '/dashboard/submission', `periodId=${fx.periodId}&agencyId=${fx.otherAgencyId}&action=lock&csrf=x`);
    expect(r.statusCode).toBe(403);
    expect(await fx.app.db.auditLog.count({ where: { action: { startsWith: 'submission.' } } })).toBe(before);
  });
});
