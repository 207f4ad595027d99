// The web pages in the person's language: an official who chose English ("/lang en") gets the form page, its
// replies under the fields, the chat's offer of it and the confirmation in English; a coordinator who chose English
// gets the dashboard in English; a page whose person is not known yet (a forged link) follows the browser's
// Accept-Language. A Vietnamese person's pages are unchanged (the other web tests pin them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import { createScheduler } from '../../src/scheduler/index.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { dashboardChat } from '../../src/web/dashboard-chat.ts';
import { formLinkFor } from '../../src/web/links.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { browserLocale } from '../../src/web/web-text.ts';
import { userById } from '../../src/users/users.ts';
import { formItemIds, postField, postSubmit, webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;
let token: string;

/** Words of the Vietnamese page furniture that must not be left on an English page. */
const VIETNAMESE_UI =
  /Kỳ trước|Mục tiêu:|Đơn vị:|Gửi báo cáo|Tình trạng|Ghi chú|Xin |Đã lưu|Đang lưu|Bảng điều khiển|Tỷ lệ|Hạn nộp|Cơ quan|Nhắc|Tải về/;

beforeAll(async () => {
  fx = await webFixture();
  await fx.app.db.user.update({ where: { id: fx.official }, data: { locale: 'en' } });
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'bich', chatId: 'bich', userId: fx.official } });
  const url = formLinkFor(fx.app.config, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId }, fx.clock.now())!;
  token = new URL(url).searchParams.get('t')!;
});
afterAll(() => fx.close());

const itemIds = () => formItemIds(fx);
const field = async (body: Record<string, unknown>) => (await postField(fx, token, body)).json;

describe('the form page in English', () => {
  it('is offered in English in chat, and the page it opens is in English', async () => {
    const out = await createBot(fx.app, { formOffer: formOfferOf(fx.app.config) }).handle({
      channel: 'console',
      userId: 'bich',
      chatId: 'bich',
      text: 'báo cáo',
      isGroup: false,
    });
    expect(out[0]!.text).toContain('The form has 20 questions: you can fill them all in on one page');
    expect(out[0]!.text).toMatch(/Open the form \(valid for \d+ hours, for you only\): https:\/\/bot\.example\.vn\/form\?t=/);
    expect(out[0]!.choices?.map((c) => c.label)).toEqual(['Answer one by one here']);
    // on Telegram: the Web App button, in English too
    await createBot(fx.app, { formOffer: formOfferOf(fx.app.config) }).handle({
      channel: 'console',
      userId: 'bich',
      chatId: 'bich',
      text: 'hủy',
      isGroup: false,
    });
    const tg = await createBot(fx.app, { formOffer: formOfferOf(fx.app.config) }).handle({
      channel: 'telegram',
      userId: '777',
      chatId: '777',
      text: 'báo cáo',
      isGroup: false,
    });
    expect(tg[0]!.text).toContain('(the “Open the form” button), or answer them one by one here.');
    expect(tg[0]!.webApp?.label).toBe('Open the form');

    const r = await fx.web.inject({ method: 'GET', url: `/form?t=${token}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<html lang="en">');
    expect(r.body).toContain('Last period: 72%');
    expect(r.body).toContain('Send report');
    expect(r.body).toContain('— Status —');
    expect(r.body).toContain('Every change is saved as a draft at once.');
    // the page's script gets its words from the page
    expect(r.body).toMatch(/<meta name="ui-text" content="[^"]*Saved\.[^"]*Saving…[^"]*">/);
    const furniture = r.body.replace(/<label[\s\S]*?<\/label>/g, '').replace(/<h1>[\s\S]*?<\/h1>/, '');
    expect(furniture).not.toMatch(VIETNAMESE_UI);
  });

  it('answers a field in English: a saved figure, a nonsense value re-asked without the chat prompt, a task status', async () => {
    const ids = await itemIds();
    expect((await field({ itemId: ids[0], text: '85' })).state).toBe('saved');
    const bad = await field({ itemId: ids[1], text: 'abc' });
    expect(bad.state).toBe('refused');
    expect(bad.messages[0]!.text).not.toMatch(VIETNAMESE_UI);
    expect(bad.messages[0]!.text).not.toMatch(/Question \d+\/20/);
    expect(bad.messages[0]!.text).toMatch(/[a-z]+ [a-z]+/);
    const task = await field({ itemId: ids[17], status: 'dang_trien_khai', percent: '60', note: 'pilot' });
    expect(task.state).toBe('saved');
    expect(await fx.app.db.answer.findFirst({ where: { itemId: ids[17] } })).toMatchObject({ status: 'dang_trien_khai', percentDone: 60 });
  });

  it('sends the report and confirms it in English on the page and in the chat', async () => {
    const r = await postSubmit(fx, token);
    expect(r.json()).toMatchObject({ submitted: true });
    const text = fx.sent
      .at(-1)!
      .messages.map((m) => m.text)
      .join('\n');
    expect(text).not.toMatch(/Tóm tắt|Đã gửi/);
    expect(text).toMatch(/sent/i);
    const page = await fx.web.inject({ method: 'GET', url: `/form?t=${token}` });
    expect(page.body).toContain('The report has been sent.');
  });

  it('a link nobody signed speaks the browser’s language', async () => {
    const forged = (lang?: string) =>
      fx.web.inject({ method: 'GET', url: '/form?t=forged.token', headers: lang ? { 'accept-language': lang } : {} });
    expect((await forged('en-GB,en;q=0.9')).body).toContain('This link is not valid.');
    expect((await forged('fr-FR, en;q=0.5, vi;q=0.4')).body).toContain('<html lang="en">');
    expect((await forged('vi-VN,vi;q=0.9,en;q=0.8')).body).toContain('Đường dẫn không hợp lệ.');
    expect((await forged()).body).toContain('Đường dẫn không hợp lệ.');
    const tg = await fx.web.inject({ method: 'GET', url: '/tg/form', headers: { 'accept-language': 'en-US' } });
    expect(tg.body).toContain('Opening the form…');
    expect(tg.body).toContain('data-outside="Please open this page from the “Open the form” button in Telegram."');
  });

  it('reads Accept-Language by its weights', () => {
    expect(browserLocale('en;q=0.3, vi;q=0.8')).toBe('vi');
    expect(browserLocale('de, en-US;q=0.7')).toBe('en');
    expect(browserLocale('de, fr')).toBe('vi');
    expect(browserLocale('en;q=0, vi;q=0.1')).toBe('vi');
    expect(browserLocale(undefined)).toBe('vi');
  });
});

describe('the dashboard in English', () => {
  it('gives an English coordinator the link, the dashboard, the period state and the values page in English', async () => {
    const coordinator = await fx.app.db.user.create({
      data: { name: 'Lê Văn Cường', role: 'coordinator', province: 'Cà Mau', locale: 'en' },
    });
    await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'cuong', chatId: 'cuong', userId: coordinator.id } });
    const bot = createBot(fx.app, { formOffer: formOfferOf(fx.app.config), commands: [dashboardChat(fx.app)] });
    const chat = await bot.handle({ channel: 'console', userId: 'cuong', chatId: 'cuong', text: 'dashboard', isGroup: false });
    expect(chat[0]!.text).toMatch(/^Dashboard sign-in link \(single use, valid for 15 minutes\):\nhttps:/);

    const web = buildWebServer(fx.app, { scheduler: createScheduler(fx.app, { adapters: new Map(), cron: false }) });
    try {
      const link = dashboardLoginLink(fx.app, (await userById(fx.app.db, coordinator.id))!, fx.clock.now())!;
      const login = await web.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const again = await web.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search });
      expect(again.body).toContain('This sign-in link has already been used.');

      const page = await web.inject({ method: 'GET', url: '/dashboard', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<html lang="en">');
      expect(page.body).toContain('<h1>Reporting dashboard</h1>');
      expect(page.body).toContain('Q4 2026');
      expect(page.body).toMatch(/<b>Reporting rate: \d+%<\/b> \(1\/2\)/);
      expect(page.body).toContain('<th>Agency</th><th>Status</th><th>Answered</th><th>Sent at</th>');
      expect(page.body).toContain('Period: <b>open, due ');
      expect(page.body).toContain('Remind every agency that has not sent, now');
      const furniture = page.body.replace(/<h2>[\s\S]*?<\/h2>/g, '').replace(/<td>[^<]*(?:Sở|Văn phòng)[^<]*<\/td>/g, '');
      expect(furniture).not.toMatch(VIETNAMESE_UI);

      const id = /\/dashboard\/values\?period=(\d+)/.exec(page.body)![1];
      const values = await web.inject({ method: 'GET', url: `/dashboard/values?period=${id}`, headers: { cookie } });
      expect(values.body).toContain('<th>Indicator</th><th>Total</th><th>Target</th>');
      expect(values.body).toContain('← Dashboard');
      const bad = await web.inject({ method: 'GET', url: `/dashboard/export?period=${id}&format=exe`, headers: { cookie } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('This format is not supported.');
    } finally {
      await web.close();
    }
  });
});
