// Telegram end to end in English: an official who chose English answers the form with English buttons (the button
// ids are the same as in Vietnamese), asks a question and gets the English framing around the Vietnamese quote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITATION, QUESTION, startBot, storedAnswers, type Bot } from './helpers.ts';
import { press, say, startTelegram, type Keyboard, type TelegramRig } from './telegram-harness.ts';

let bot: Bot;
let tg: TelegramRig;

beforeAll(async () => {
  bot = await startBot();
  tg = await startTelegram(bot.runtime.bot.handle);
});
afterAll(async () => {
  await tg?.close();
  await bot?.close();
});

describe('Telegram × real bot, in English', () => {
  it('runs the form with English prompts and buttons, and answers a question with an English framing', async () => {
    const client = tg.client(701, 'Lan');
    await say(client, `/start ${await bot.invite()}`, 'Đăng ký thành công');
    await say(client, '/lang en', 'From now on I reply in English');
    let msgs = await say(client, '/baocao', 'Question 1/4');
    expect(msgs.map((m) => m.text).join('\n')).toContain('Report for Q4 2026');
    msgs = await say(client, '85,5', 'Question 2/4');
    expect(msgs[0]!.text).toBe('Saved question 1: 85,5%.');
    await say(client, '150', 'Question 3/4');
    msgs = await say(client, '2 tỷ', 'Question 4/4');
    const kb = (msgs.at(-1)!.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.text);
    expect(kb).toEqual(['Not started', 'In progress', 'Completed']);
    msgs = await press(client, msgs, 'In progress', 'percentage');
    expect(msgs[0]!.text).toBe('Saved question 4: In progress.');
    await say(client, '60', 'short note');
    msgs = await say(client, 'skip', 'last question');
    msgs = await say(client, 'send', 'Send the report?');
    msgs = await press(client, msgs, 'Send the report', 'Sent the');
    expect(msgs.at(-1)!.text).toMatch(/^Sent the Q4 2026 report of Sở Khoa học và Công nghệ at 09:00 05\/01\/2027, on time\./);
    expect((await storedAnswers(bot)).map((a) => [a.value ?? a.status, a.percentDone, a.submission])).toEqual([
      [85.5, null, 'submitted'],
      [150, null, 'submitted'],
      [2000, null, 'submitted'],
      ['dang_trien_khai', 60, 'submitted'],
    ]);

    const answer = (await say(client, QUESTION, 'leads')).find((m) => m.text.includes('leads'))!;
    expect(answer.text).toMatch(/^Sở Tài chính leads/);
    expect(answer.text).toMatch(new RegExp(CITATION.source.replace('mục', 'section')));
  });
});
