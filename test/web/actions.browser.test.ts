// The dashboard's buttons driven in Chromium at 360 px: Nhắc (one agency: one outbox row), Khóa / Phê duyệt of an
// agency and Mở lại, Khóa kỳ / Phê duyệt kỳ / Mở lại kỳ of the period; and an official's own-agency page, which
// must fit the width. Screenshots dashboard-360.png, official-360.png (`npm run docs:screenshots`).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/scheduler/index.ts';
import { userById } from '../../src/users/users.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { webFixture, type WebFixture } from './helpers.ts';
import { screenshotPath } from '../helpers/screenshot.ts';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

let fx: WebFixture;
let web: ReturnType<typeof buildWebServer>;
let browser: Browser;
let base: string;

/** A page at 360 px signed in as `userId` with a one-time login link. */
async function signedIn(userId: number): Promise<Page> {
  const link = new URL(dashboardLoginLink(fx.app, (await userById(fx.app.db, userId))!, fx.clock.now())!);
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(base + link.pathname + link.search);
  await page.locator('h1').first().waitFor();
  return page;
}
const row = (page: Page, agency: string) => page.locator('tr', { has: page.locator('td', { hasText: agency }) });
const press = async (page: Page, scope: ReturnType<Page['locator']>, label: string) => {
  await scope.locator('button', { hasText: new RegExp(`^${label}$`) }).click();
  await page.locator('p.ok').waitFor();
  return page.locator('p.ok').innerText();
};
const noSideScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

describe.skipIf(!existsSync(CHROMIUM))('dashboard buttons and the official page in Chromium at 360 px', () => {
  let coordinator: number;
  beforeAll(async () => {
    fx = await webFixture();
    fx.clock.set(new Date('2027-01-12T09:00:00+07:00')); // after the deadline, before the period locks by itself
    fx.app.config.WEB_BASE_URL = 'http://127.0.0.1'; // plain http: the cookie is not marked Secure
    web = buildWebServer(fx.app, { scheduler: createScheduler(fx.app, { adapters: new Map(), cron: false }) });
    await web.listen({ port: 0, host: '127.0.0.1' });
    const addr = web.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    fx.app.config.WEB_BASE_URL = base;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    coordinator = (await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau' } })).id;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await fx?.close();
  });

  it('Nhắc one agency, Khóa / Phê duyệt / Mở lại an agency, Khóa kỳ / Phê duyệt kỳ / Mở lại kỳ', async () => {
    const page = await signedIn(coordinator);
    expect(await page.locator('.period-state').innerText()).toContain('đang mở');
    await page.screenshot({ path: screenshotPath('dashboard-360.png'), fullPage: true });
    expect(await noSideScroll(page)).toBe(true);

    expect(await press(page, row(page, 'Sở Tài chính'), 'Nhắc')).toContain('Đã xếp 1 tin nhắc tới cán bộ của Sở Tài chính');
    expect((await fx.app.db.outbox.findMany()).map((r) => r.userId)).toEqual([fx.otherOfficial]);

    const tttt = () => row(page, 'Sở Thông tin và Truyền thông');
    expect(await press(page, tttt(), 'Khóa')).toContain('Đã khóa báo cáo quý IV/2026 của Sở Thông tin và Truyền thông');
    expect(await tttt().innerText()).toContain('đã khóa');
    expect(await press(page, tttt(), 'Mở lại')).toContain('Đã mở lại báo cáo quý IV/2026 cho Sở Thông tin và Truyền thông');
    expect(await tttt().innerText()).not.toContain('đã khóa');
    await fx.app.db.submission.update({
      where: { periodId_agencyId: { periodId: fx.periodId, agencyId: fx.agencyId } },
      data: { status: 'submitted', submittedAt: fx.clock.now() },
    });
    await page.reload();
    expect(await press(page, tttt(), 'Phê duyệt')).toContain('Đã phê duyệt báo cáo quý IV/2026');
    expect(await tttt().innerText()).toContain('đã phê duyệt');

    const period = page.locator('.period-actions');
    expect(await press(page, period, 'Khóa kỳ')).toContain('Đã khóa kỳ báo cáo quý IV/2026 (cds-20)');
    expect(await page.locator('.period-state').innerText()).toContain('đã khóa (Lê Văn Cường, lúc 09:00 12/01/2027)');
    expect(await press(page, period, 'Phê duyệt kỳ')).toContain('Đã phê duyệt kỳ báo cáo quý IV/2026 (cds-20)');
    expect(await page.locator('.period-state').innerText()).toContain('đã phê duyệt (Lê Văn Cường');
    expect(await press(page, period, 'Mở lại kỳ')).toContain('Đã mở lại kỳ báo cáo quý IV/2026 (cds-20)');
    expect(await page.locator('.period-state').innerText()).toContain('đang mở');
    const audit = await fx.app.db.auditLog.findMany({ where: { userId: coordinator, channel: 'web' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'dashboard.login',
      'dashboard.remind.agency',
      'submission.lock',
      'period.reopen',
      'submission.approve',
      'period.lock',
      'period.approve',
      'period.unlock',
    ]);
    await page.context().close();
  }, 120_000);

  it("an official's page shows their agency only and fits 360 px", async () => {
    const page = await signedIn(fx.otherOfficial);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Sở Tài chính');
    expect(text).not.toContain('Sở Thông tin và Truyền thông');
    expect(await page.locator('a', { hasText: 'Mở biểu mẫu' }).count()).toBe(1);
    expect(await page.locator('form[action^="/dashboard/"]').count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    await page.screenshot({ path: screenshotPath('official-360.png'), fullPage: true });
    // once the period is locked, the page says who locked it and when instead of offering the form
    await fx.app.db.period.update({
      where: { id: fx.periodId },
      data: { status: 'locked', lockedAt: fx.clock.now(), lockedById: coordinator },
    });
    await page.reload();
    expect(await page.locator('p.lock').innerText()).toContain('đã bị điều phối viên khóa (Lê Văn Cường, lúc 09:00 12/01/2027)');
    expect(await page.locator('a', { hasText: 'Mở biểu mẫu' }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
