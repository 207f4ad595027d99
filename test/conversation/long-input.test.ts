// Huge messages: a 100 KB message got a 107,881-character reply echoing it (27 Telegram parts). A message over
// the limit is refused in one short reply and changes nothing; a long one under it is quoted as a short excerpt.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../src/conversation/replies.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

let bot: Bot;
const say = async (text: string, user = 'o') =>
  (await bot.runtime.bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text);

beforeAll(async () => {
  bot = await startBot();
  await say(`/start ${await bot.invite()}`);
}, 60_000);
afterAll(async () => bot?.close());

it('a 100 KB message is refused in one short reply, in the form or outside it, and nothing is stored', async () => {
  for (const text of ['quy hoạch '.repeat(10_000), `1 ${'ghi chú '.repeat(12_500)}`]) {
    const before = await bot.counts();
    const out = await say(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^Tin nhắn quá dài \([\d.]+ ký tự\), tôi chưa đọc\. Xin gửi ngắn hơn 4\.000 ký tự/);
    expect(await bot.counts()).toEqual(before);
    await say('báo cáo');
  }
});

it('a long answer the form cannot read is quoted back as an excerpt, not whole', async () => {
  await say('báo cáo');
  const text = 'z'.repeat(MAX_MESSAGE_CHARS - 10);
  const out = (await say(text)).join('\n');
  expect(out).toMatch(/Tôi chưa hiểu "z{40}…" là con số nào/);
  expect(out.length).toBeLessThan(600);
  const unit = (await say(`5 ${'đơn vị lạ '.repeat(300)}`)).join('\n');
  expect(unit.length).toBeLessThan(600);
});
