// "báo cáo" on a 20-item form offers the page in ONE message: a signed link for this person on the console (and
// Slack, Zalo), a Web App button on Telegram, and a "Trả lời từng câu tại đây" button for the chat form, which then
// goes on from question 1 without offering the page again. A short form is not offered a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import type { ChannelName } from '../../src/core/types.ts';
import { webFixture, type WebFixture } from './helpers.ts';

let fx: WebFixture;

beforeAll(async () => {
  fx = await webFixture();
  await fx.app.db.identity.create({ data: { channel: 'console', externalId: 'bich', chatId: 'bich', userId: fx.official } });
});
afterAll(() => fx.close());

const say = (channel: ChannelName, userId: string, text: string) =>
  createBot(fx.app, { formOffer: formOfferOf(fx.app.config) }).handle({
    channel,
    userId,
    chatId: userId,
    text,
    displayName: 'Bích',
    isGroup: false,
  });

describe('offering the form page', () => {
  it('on the console: one message with a link that opens this person\u2019s form, and the chat form on request', async () => {
    const out = await say('console', 'bich', 'báo cáo');
    expect(out).toHaveLength(1);
    const all = out[0]!.text;
    const link = /https:\/\/bot\.example\.vn(\/form\?t=[\w.-]+)/.exec(all);
    expect(link).not.toBeNull();
    expect(all).toContain('Biểu mẫu có 20 câu');
    expect(all).not.toMatch(/Câu 1\/20/);
    expect(out[0]!.choices?.map((c) => c.label)).toEqual(['Trả lời từng câu tại đây']);
    const inChat = await createBot(fx.app, { formOffer: formOfferOf(fx.app.config) }).handle({
      channel: 'console',
      userId: 'bich',
      chatId: 'bich',
      text: 'Trả lời từng câu tại đây',
      choice: out[0]!.choices![0]!.id,
      isGroup: false,
    });
    expect(inChat.at(-1)!.text).toMatch(/^Câu 1\/20/);
    expect(inChat.map((m) => m.text).join('\n')).not.toContain('/form?t=');
    const page = await fx.web.inject({ method: 'GET', url: link![1]! });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sở Thông tin và Truyền thông');
  });

  it('on Telegram: a Web App button to the page', async () => {
    const out = await say('telegram', '777', 'báo cáo');
    const offer = out.find((m) => m.webApp);
    expect(offer?.webApp?.url).toBe(`https://bot.example.vn/tg/form?p=${fx.periodId}&a=${fx.agencyId}`);
    expect(offer?.text).not.toContain('/form?t=');
  });

  it('not offered when the form is short enough for the chat (FORM_CHAT_MAX_ITEMS)', async () => {
    fx.app.config.FORM_CHAT_MAX_ITEMS = 20;
    const out = await say('console', 'bich', 'báo cáo');
    fx.app.config.FORM_CHAT_MAX_ITEMS = 5;
    expect(out.map((m) => m.text).join('\n')).not.toContain('/form?t=');
  });
});
