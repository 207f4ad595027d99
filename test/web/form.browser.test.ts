// The form page in a real browser (Debian's Chromium through playwright-core) at 360 px: an official fills the
// 20-item form, closes and reopens the page (the draft is kept), gets a refused value and an outlier question,
// submits, and the chat receives the confirmation. Its screenshot form-360.png goes to docs/images with `npm run docs:screenshots`.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebFixture } from './helpers.ts';
import { browserFixture, hasChromium } from './browser.ts';
import { screenshotPath } from '../helpers/screenshot.ts';

let fx: WebFixture;
let browser: Browser;
let link: string;

describe.skipIf(!hasChromium)('form page in Chromium at 360 px', () => {
  beforeAll(async () => {
    ({ fx, browser, link } = await browserFixture());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    await page.goto(link);
    return page;
  };
  const item = (page: Page, n: number) => page.locator('section.item').nth(n - 1);
  const type = async (page: Page, n: number, value: string) => {
    await item(page, n).locator('input[data-role="value"], textarea[data-role="text"]').fill(value);
    await item(page, n).locator('input[data-role="value"], textarea[data-role="text"]').press('Tab');
  };
  const saved = (page: Page, n: number) => item(page, n).locator('.msg.saved').waitFor();

  it('fills, keeps the draft, refuses, confirms an outlier, submits, and the chat is told', async () => {
    let page = await open();
    expect(await page.locator('section.item').count()).toBe(20);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await type(page, 1, '85');
    await saved(page, 1);
    await type(page, 3, '110');
    await saved(page, 3);
    await page.close();

    page = await open(); // the phone closed: the draft is on the server
    await expect.poll(() => item(page, 1).locator('input').inputValue()).toBe('85');
    await expect.poll(() => item(page, 3).locator('input').inputValue()).toBe('110');

    await type(page, 1, '140'); // over 100%
    await item(page, 1).locator('.msg.refused').waitFor();
    expect(await item(page, 1).locator('.msg').innerText()).toMatch(/100/);

    await type(page, 2, '1000'); // ten times last quarter
    await item(page, 2).locator('button.choice', { hasText: 'Đúng, giữ số này' }).click();
    await item(page, 2).locator('input.why').fill('thêm dịch vụ công mới');
    await item(page, 2).locator('button', { hasText: 'Lưu' }).click();
    await saved(page, 2);
    // the reason typed is what is stored (leaving its box is not a new answer to the figure)
    const two = await fx.app.db.answer.findFirst({ where: { value: 1000, submission: { periodId: fx.periodId } } });
    expect(two?.note).toBe('thêm dịch vụ công mới');

    for (let n = 4; n <= 17; n++) {
      await type(page, n, '100');
      await saved(page, n);
    }
    await item(page, 18).locator('input[data-role="percent"]').fill('60');
    await item(page, 18).locator('select').selectOption('dang_trien_khai');
    await saved(page, 18);
    await item(page, 19).locator('select').selectOption('hoan_thanh');
    await saved(page, 19);
    await type(page, 20, 'Thiếu kinh phí cho máy chủ');
    await saved(page, 20);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: screenshotPath('form-360.png'), fullPage: false });

    await page.locator('#submit').click();
    await page.locator('#done.saved').waitFor();
    expect(await page.locator('#done').innerText()).toContain('Đã gửi báo cáo');
    const sub = await fx.app.db.submission.findFirstOrThrow({ where: { periodId: fx.periodId, agencyId: fx.agencyId } });
    expect(sub.status).toBe('submitted');
    expect(await fx.app.db.answer.count({ where: { submissionId: sub.id } })).toBe(20);
    expect(fx.sent).toHaveLength(1);
    expect(fx.sent[0]!.messages.map((m) => m.text).join('\n')).toMatch(/Đã gửi báo cáo[\s\S]*|Tóm tắt báo cáo/);
    await page.close();
  }, 120_000);
});
