// The dashboard in Chromium at 360 px: a coordinator signs in with the one-time link, sees the late agency,
// sends a reminder (one outbox row per official), downloads the XLSX and reads it back. The screenshot
// docs/images/dashboard-360.png is taken by actions.browser.test.ts (the whole page, with the period's buttons).
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/scheduler/index.ts';
import { userById } from '../../src/users/users.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { webFixture, type WebFixture } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

let fx: WebFixture;
let web: ReturnType<typeof buildWebServer>;
let browser: Browser;
let base: string;

describe.skipIf(!existsSync(CHROMIUM))('dashboard in Chromium at 360 px', () => {
  beforeAll(async () => {
    fx = await webFixture();
    fx.clock.set(new Date('2027-01-20T09:00:00+07:00')); // after the deadline
    web = buildWebServer(fx.app, { scheduler: createScheduler(fx.app, { adapters: new Map(), cron: false }) });
    await web.listen({ port: 0, host: '127.0.0.1' });
    const addr = web.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await fx?.close();
  });

  it('signs in, sees the late agency, reminds, downloads the XLSX', async () => {
    const coord = await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau' } });
    const link = new URL(dashboardLoginLink(fx.app, (await userById(fx.app.db, coord.id))!, fx.clock.now())!);
    fx.app.config.WEB_BASE_URL = base; // plain http here: the cookie is then not marked Secure
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(base + link.pathname + link.search);
    await page.locator('h1', { hasText: 'Bảng điều khiển' }).waitFor();
    expect(await page.locator('tr.late').first().innerText()).toContain('Sở Tài chính');

    await page.locator('button', { hasText: 'Nhắc ngay' }).click();
    await page.locator('p.ok').waitFor();
    expect(await page.locator('p.ok').innerText()).toMatch(/Đã xếp 2 tin nhắc/);
    expect(await fx.app.db.outbox.count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a', { hasText: 'XLSX' }).click()]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.getSheetValues().flat().join(' ')).join(' ')).toContain('Sở Tài chính');
    await ctx.close();
  }, 120_000);
});
