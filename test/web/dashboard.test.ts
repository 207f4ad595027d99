// The coordinator dashboard: one-time login link (a second use refused), HttpOnly SameSite=Strict session
// cookie, reporting and on-time rates with each agency's state, "remind now" through the outbox (once, CSRF
// required), and the XLSX download read back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import { createScheduler } from '../../src/scheduler/index.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { dashboardChat } from '../../src/web/dashboard-chat.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { userById } from '../../src/users/users.ts';
import { webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let web: ReturnType<typeof buildWebServer>;
let coordinator: number;

beforeAll(async () => {
  fx = await webFixture();
  // after the deadline (15/01/2027): Sở Tài chính has not reported; Sở TT&TT has a draft
  fx.clock.set(new Date('2027-01-20T09:00:00+07:00'));
  coordinator = (await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau' } })).id;
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'cuong', chatId: 'cuong', userId: coordinator } });
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'tai', chatId: 'tai', userId: fx.otherOfficial } });
  const item = await fx.app.db.regimeItem.findFirstOrThrow({ where: { agencyId: fx.agencyId } });
  const sub = await fx.app.db.submission.create({ data: { periodId: fx.periodId, agencyId: fx.agencyId, status: 'draft' } });
  await fx.app.db.answer.create({ data: { submissionId: sub.id, itemId: item.id, value: 80 } });
  const scheduler = createScheduler(fx.app, { adapters: new Map(), cron: false });
  web = buildWebServer(fx.app, { scheduler });
});
afterAll(async () => {
  await web.close();
  await fx.close();
});

const loginPath = async () => {
  const link = dashboardLoginLink(fx.app, (await userById(fx.app.db, coordinator))!, fx.clock.now())!;
  return new URL(link).pathname + new URL(link).search;
};

async function signIn() {
  const r = await web.inject({ method: 'GET', url: await loginPath() });
  expect(r.statusCode).toBe(303);
  const cookie = String(r.headers['set-cookie']);
  return { cookie, jar: cookie.split(';')[0]! };
}

describe('dashboard', () => {
  it('"bảng điều khiển" gives a coordinator a link, an official one limited to their agency, a stranger none', async () => {
    const bot = createBot(fx.app, { formOffer: formOfferOf(fx.app.config), commands: [dashboardChat(fx.app)] });
    const msg = (userId: string) =>
      bot.handle({ channel: 'console', userId, chatId: userId, text: 'bảng điều khiển', displayName: 'x', isGroup: false });
    expect((await msg('cuong'))[0]!.text).toMatch(/https:\/\/bot\.example\.vn\/dashboard\/login\?t=/);
    // An official's link shows only their agency (issue 17; the page is tested in isolation.test.ts).
    expect((await msg('tai'))[0]!.text).toContain('chỉ hiện cơ quan của bạn');
    expect((await msg('stranger'))[0]!.text).not.toMatch(/dashboard\/login/);
  });

  it('a login link works once; the cookie is HttpOnly, SameSite=Strict and Secure behind https', async () => {
    const path = await loginPath();
    const first = await web.inject({ method: 'GET', url: path });
    expect(first.statusCode).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; .*Secure/);
    const again = await web.inject({ method: 'GET', url: path });
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('đã được dùng');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await web.inject({ method: 'GET', url: '/dashboard' })).statusCode).toBe(401);
  });

  it('shows the reporting and on-time rates and each agency, the late one flagged', async () => {
    const { jar } = await signIn();
    const r = await web.inject({ method: 'GET', url: '/dashboard', headers: { cookie: jar } });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Tỷ lệ báo cáo: 0%');
    expect(r.body).toContain('Đúng hạn: 0%');
    expect(r.body).toMatch(/<tr class="late"><td>Sở Tài chính<\/td><td>Chưa báo cáo \(quá hạn\)/);
    expect(r.body).toContain('Đang nhập, chưa gửi');
  });

  it('"remind now" needs the CSRF token, queues one outbox row per official once, and is audited', async () => {
    const { jar } = await signIn();
    const page = await web.inject({ method: 'GET', url: '/dashboard', headers: { cookie: jar } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const regimeId = /name="regimeId" value="(\d+)"/.exec(page.body)![1]!;
    const form = (body: string) =>
      web.inject({
        method: 'POST',
        url: '/dashboard/remind',
        headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    expect((await form(`regimeId=${regimeId}`)).statusCode).toBe(403);
    expect(await fx.app.db.outbox.count()).toBe(0);
    const ok = await form(`regimeId=${regimeId}&csrf=${encodeURIComponent(csrf)}`);
    expect(ok.statusCode).toBe(303);
    const rows = await fx.app.db.outbox.count();
    expect(rows).toBe(2); // the officials of Sở TT&TT and Sở Tài chính
    await form(`regimeId=${regimeId}&csrf=${encodeURIComponent(csrf)}`);
    expect(await fx.app.db.outbox.count()).toBe(rows);
    expect(await fx.app.db.auditLog.count({ where: { action: 'dashboard.remind', userId: coordinator } })).toBe(2);
  });

  it('shows every figure against its target with the change since last period', async () => {
    const { jar } = await signIn();
    const r = await web.inject({ method: 'GET', url: `/dashboard/values?period=${fx.periodId}`, headers: { cookie: jar } });
    expect(r.statusCode).toBe(200);
    const row = /<tr[^>]*><td>1\. Tỷ lệ văn bản trao đổi trên môi trường mạng.*?<\/tr>/.exec(r.body)?.[0] ?? '';
    expect(row).toContain('80%');
    expect(row).toContain('90%');
    expect(row).toContain('+8');
    expect(r.body).toContain('Số liệu bất thường');
    expect((await web.inject({ method: 'GET', url: `/dashboard/values?period=${fx.periodId}` })).statusCode).toBe(401);
  });

  it('"Mở lại" reopens a submitted agency (CSRF required), audited from the web', async () => {
    await fx.app.db.submission.update({
      where: { periodId_agencyId: { periodId: fx.periodId, agencyId: fx.agencyId } },
      data: { status: 'submitted', submittedAt: fx.clock.now() },
    });
    const { jar } = await signIn();
    const page = await web.inject({ method: 'GET', url: '/dashboard', headers: { cookie: jar } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    expect(page.body).toContain('Mở lại');
    const post = (body: string) =>
      web.inject({
        method: 'POST',
        url: '/dashboard/reopen',
        headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const base = `periodId=${fx.periodId}&agencyId=${fx.agencyId}`;
    expect((await post(base)).statusCode).toBe(403);
    expect(await fx.app.db.auditLog.count({ where: { action: 'period.reopen' } })).toBe(0);
    const ok = await post(`${base}&csrf=${encodeURIComponent(csrf)}`);
    expect(ok.statusCode).toBe(303);
    expect(decodeURIComponent(String(ok.headers.location))).toContain('Đã mở lại báo cáo');
    const sub = await fx.app.db.submission.findUniqueOrThrow({
      where: { periodId_agencyId: { periodId: fx.periodId, agencyId: fx.agencyId } },
    });
    expect(sub.reopenedAt).not.toBeNull();
    expect(await fx.app.db.auditLog.count({ where: { action: 'period.reopen', channel: 'web', userId: coordinator } })).toBe(1);
  });

  it('downloads the consolidated XLSX, readable back', async () => {
    const { jar } = await signIn();
    const r = await web.inject({ method: 'GET', url: `/dashboard/export?period=${fx.periodId}&format=xlsx`, headers: { cookie: jar } });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const text = wb.worksheets.map((ws) => ws.getSheetValues().flat().join(' ')).join(' ');
    expect(text).toContain('Sở Tài chính');
  });
});
