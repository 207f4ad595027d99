// Telegram end to end in the DEFAULT mode, long polling: the fake Bot API (which honours offset and timeout)
// → real TelegramAdapter (no webhook) → the real bot on a seeded database: onboarding and a cited answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/channels/telegram/adapter.ts';
import { silentLogger } from '../../src/log.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { ANSWER_AGENCY, CITATION, QUESTION, startBot, until, type Bot } from './helpers.ts';

const TOKEN = '123456:E2E-polling-abcdefghijklmnop';

let bot: Bot;
let api: FakeBotApi;
let adapter: TelegramAdapter;

beforeAll(async () => {
  bot = await startBot();
  api = await new FakeBotApi(TOKEN).start();
  adapter = new TelegramAdapter({ token: TOKEN, apiRoot: api.url, log: silentLogger, queue: { chatIntervalMs: () => 5 } });
  await adapter.start(bot.runtime.bot.handle);
});
afterAll(async () => {
  await adapter?.stop();
  await api?.stop();
  await bot?.close();
});

const replyTo = (chatId: number, text: string | RegExp) =>
  until(
    () => api.sentTo(chatId).find((m) => (typeof text === 'string' ? m.text.includes(text) : text.test(m.text))),
    15_000,
    `a reply containing ${String(text)}`,
  );

describe('Telegram × real bot over long polling', () => {
  it('onboards with /start <code>: identity stored, code spent, update confirmed', async () => {
    const code = await bot.invite();
    api.userSays({ id: 801, first_name: 'Lan' }, `/start ${code}`);
    const welcome = await replyTo(801, 'Đăng ký thành công');
    expect(welcome.text).toContain('Sở Khoa học và Công nghệ (Cà Mau)');
    const ident = await bot.app.db.identity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: '801' } },
      include: { user: true },
    });
    expect(ident).toMatchObject({ chatId: '801', user: { role: 'official' } });
    await until(() => api.pending === 0 || undefined, 5000, 'the update to be confirmed');
  });

  it('answers a question about 37/KH-STTTT with the agency and a citation line', async () => {
    api.userSays({ id: 802, first_name: 'Minh' }, QUESTION);
    const answer = await replyTo(802, ANSWER_AGENCY);
    expect(answer.text).toMatch(/^Sở Tài chính chủ trì/);
    expect(answer.text).toMatch(CITATION);
    expect(api.sentTo(802).filter((m) => m.text.includes(ANSWER_AGENCY))).toHaveLength(1);
  });
});
