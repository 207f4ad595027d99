// The 20-item form on Telegram, end to end: telegram-test-api → the real TelegramAdapter → the bot. "báo cáo" gets
// ONE message with the "Mở biểu mẫu" Web App button; the page (opened with Telegram's signed initData) takes the 20
// answers and "Gửi báo cáo"; the chat then receives the confirmation through the same adapter. Three chat messages
// in all (the official's, the offer, the confirmation) plus the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/core/interfaces.ts';
import type { ChannelName } from '../../src/core/types.ts';
import { createBot } from '../../src/conversation/index.ts';
import { formOfferOf } from '../../src/web/offer.ts';
import { csrfFor, signInitData } from '../../src/web/link.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { BOT_TOKEN, SECRET, webFixture, type WebFixture } from '../web/helpers.ts';
import { replies, startTelegram, type TelegramRig } from './telegram-harness.ts';

let fx: WebFixture;
let tg: TelegramRig;
let web: ReturnType<typeof buildWebServer>;

beforeAll(async () => {
  fx = await webFixture();
  tg = await startTelegram(createBot(fx.app, { formOffer: formOfferOf(fx.app.config) }).handle);
  web = buildWebServer(fx.app, { adapters: new Map<ChannelName, ChannelAdapter>([['telegram', tg.adapter]]) });
}, 60_000);
afterAll(async () => {
  await web?.close();
  await tg?.close();
  await fx?.close();
});

describe('Telegram Web App form', () => {
  it('one offer with the Web App button, the page, one confirmation in the chat', async () => {
    const client = tg.client(777, 'Bích'); // the official's Telegram identity in the fixture
    await client.sendMessage(client.makeMessage('báo cáo'));
    const offer = await replies(client, (m) => m.length >= 1);
    await new Promise((r) => setTimeout(r, 1500)); // anything else the bot sent would have arrived by now
    offer.push(...(await replies(client, () => true, 500).catch(() => [])));
    expect(offer).toHaveLength(1);
    expect(offer[0]!.text).toContain('Biểu mẫu có 20 câu');
    const buttons = (offer[0]!.reply_markup as { inline_keyboard: { text: string; web_app?: { url: string } }[][] }).inline_keyboard.flat();
    const webApp = buttons.find((b) => b.web_app)!;
    expect(webApp.text).toBe('Mở biểu mẫu');
    expect(buttons.map((b) => b.text)).toContain('Trả lời từng câu tại đây');
    const target = new URL(webApp.web_app!.url);

    // The Web App page hands Telegram's signed initData to the bot, which answers with this person's form link.
    const initData = signInitData(BOT_TOKEN, {
      auth_date: String(Math.floor(fx.clock.now().getTime() / 1000) - 5),
      query_id: 'AAH',
      user: JSON.stringify({ id: 777, first_name: 'Bích' }),
    });
    const session = await web.inject({
      method: 'POST',
      url: '/tg/session',
      payload: { initData, periodId: Number(target.searchParams.get('p')), agencyId: Number(target.searchParams.get('a')) },
    });
    expect(session.statusCode).toBe(200);
    const t = new URL(session.json().url as string, 'https://x').searchParams.get('t')!;
    const post = (url: string, payload: Record<string, unknown>) =>
      web.inject({ method: 'POST', url, headers: { 'x-csrf-token': csrfFor(SECRET, t) }, payload: { t, ...payload } });
    const items = await fx.app.db.regimeItem.findMany({ where: { agencyId: fx.agencyId }, orderBy: { ord: 'asc' } });
    expect(items).toHaveLength(20);
    for (const it of items) {
      const body =
        it.kind === 'task_status' ? { status: 'hoan_thanh' } : { text: it.kind === 'text' ? 'Không có' : it.unit === '%' ? '80' : '100' };
      const r = await post('/form/field', { itemId: it.id, ...body });
      expect(r.json().state, `${it.label}: ${JSON.stringify(r.json().messages)}`).toBe('saved');
    }
    expect((await post('/form/submit', {})).json()).toMatchObject({ submitted: true });

    const after = await replies(client, (m) => m.some((x) => /Đã gửi báo cáo/.test(x.text)));
    expect(after.filter((m) => /Đã gửi báo cáo/.test(m.text))).toHaveLength(1);
    expect(after.map((m) => m.text).join('\n')).toContain('Tóm tắt báo cáo');
  });
});
