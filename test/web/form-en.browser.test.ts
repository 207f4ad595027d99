// The form page in English in a real browser (Debian's Chromium through playwright-core) at 360 px: an official who
// chose English sees the page, the script's own words ("Saving…", "Saved.", the reason box and its "Save") and the
// outlier question in English, and the answer is stored; a coordinator who chose English signs in to the dashboard,
// reminds the agencies that have not sent and reads the result in English. Its screenshots form-360-en.png and
// dashboard-360-en.png go to docs/images with `npm run docs:screenshots`.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/scheduler/index.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { userById } from '../../src/users/users.ts';
import type { WebFixture } from './helpers.ts';
import { browserFixture, hasChromium } from './browser.ts';
import { screenshotPath } from '../helpers/screenshot.ts';

let fx: WebFixture;
let browser: Browser;
let link: string;
let base: string;

describe.skipIf(!hasChromium)('the English form page in Chromium at 360 px', () => {
  beforeAll(async () => {
    ({ fx, browser, base, link } = await browserFixture((f) =>
      f.app.db.user.update({ where: { id: f.official }, data: { locale: 'en' } }),
    ));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  it('answers a figure, confirms an outlier with its reason, all in English', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    await page.goto(link);
    const item = (n: number) => page.locator('section.item').nth(n - 1);
    expect(await page.locator('#submit').innerText()).toBe('Send report');
    await item(1).locator('input').fill('85');
    await item(1).locator('input').press('Tab');
    await item(1).locator('.msg.saved').waitFor();

    await item(2).locator('input').fill('1000'); // ten times last quarter
    await item(2).locator('input').press('Tab');
    await item(2).locator('button.choice', { hasText: 'Yes, keep it' }).click();
    const why = item(2).locator('input.why');
    expect(await why.getAttribute('placeholder')).toBe('Reason (may be left empty)');
    await why.fill('new online services');
    await item(2)
      .locator('button', { hasText: /^Save$/ })
      .click();
    await item(2).locator('.msg.saved').waitFor();
    expect(await item(2).locator('.msg').innerText()).not.toMatch(/Đã|Xin|Lưu/);
    const stored = await fx.app.db.answer.findFirst({ where: { value: 1000, submission: { periodId: fx.periodId } } });

    expect(stored?.note).toBe('new online services');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: screenshotPath('form-360-en.png'), fullPage: false });
    await page.close();
  });

  it('gives an English coordinator the dashboard in English, and the reminder it sends is reported in English', async () => {
    const coord = await fx.app.db.user.create({ data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau', locale: 'en' } });
    const web = buildWebServer(fx.app, { scheduler: createScheduler(fx.app, { adapters: new Map(), cron: false }) });
    await web.listen({ port: 0, host: '127.0.0.1' });
    const addr = web.server.address();
    const dash = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    try {
      const login = new URL(dashboardLoginLink(fx.app, (await userById(fx.app.db, coord.id))!, fx.clock.now())!);
      fx.app.config.WEB_BASE_URL = base; // plain http here: the cookie is then not marked Secure
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await ctx.newPage();
      await page.goto(dash + login.pathname + login.search);
      await page.locator('h1', { hasText: 'Reporting dashboard' }).waitFor();
      expect(await page.locator('th').allInnerTexts()).toEqual(['Agency', 'Status', 'Answered', 'Sent at']);
      await page.screenshot({ path: screenshotPath('dashboard-360-en.png'), fullPage: false });
      await page.locator('button', { hasText: 'Remind every agency' }).click();
      await page.locator('p.ok').waitFor();
      expect(await page.locator('p.ok').innerText()).toMatch(/^(Queued \d+ reminders? to the officials of \d+ agenc|Nobody to remind)/);
      await ctx.close();
    } finally {
      await web.close();
    }
  }, 120_000);
});
