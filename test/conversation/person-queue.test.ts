// One person on two linked channels sending at the same moment: the messages are handled one after the other
// (one queue per person, not per channel), so one answers question 1 and the other question 2. They were both
// acknowledged as the answer to question 1, one value silently overwriting the other (200 of 200 pairs).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBot, type Bot } from '../e2e/helpers.ts';

let bot: Bot;
const say = async (channel: 'telegram' | 'zalo', user: string, text: string) =>
  (await bot.runtime.bot.handle({ channel, userId: user, chatId: user, text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  bot = await startBot();
  expect(await say('telegram', 't1', `/start ${await bot.invite()}`)).toContain('Sở Khoa học và Công nghệ');
  const code = /Mã liên kết: (\S+)/.exec(await say('telegram', 't1', 'liên kết'))![1]!;
  expect(await say('zalo', 'z1', `/start ${code}`)).toMatch(/liên kết|Đã/);
}, 60_000);
afterAll(async () => bot?.close());

/** With the form just opened on `opener`, the two channels answer at once; returns [reply A, reply B, acked items]. */
async function race(opener: 'telegram' | 'zalo', a: ['telegram' | 'zalo', string, string], b: ['telegram' | 'zalo', string, string]) {
  await bot.app.db.answer.deleteMany({});
  await bot.app.db.session.deleteMany({});
  expect(await say(opener, opener === 'telegram' ? 't1' : 'z1', 'báo cáo')).toContain('Câu 1/');
  const replies = await Promise.all([say(...a), say(...b)]);
  const acks = replies.map((t) => /Đã ghi câu (\d+)/.exec(t)?.[1]);
  expect([...acks].sort()).toEqual(['1', '2']);
  return acks;
}

it('20 simultaneous pairs from Telegram and Zalo: each pair answers questions 1 and 2, in the order handled', async () => {
  const items = await bot.app.db.regimeItem.findMany({ where: { agency: { key: 'so-khcn@ca-mau' } }, orderBy: { ord: 'asc' }, take: 2 });
  for (let i = 0; i < 20; i++) {
    const acks = await race('telegram', ['telegram', 't1', String(10 + i)], ['zalo', 'z1', String(50 + i)]);
    const stored = await bot.app.db.answer.findMany({ where: { itemId: { in: items.map((x) => x.id) } } });
    const value = (id: number) => stored.find((s) => s.itemId === id)?.value;
    // what each channel was told is what is stored
    const first = acks[0] === '1' ? 10 + i : 50 + i;
    expect(value(items[0]!.id)).toBe(first);
    expect(value(items[1]!.id)).toBe(first === 10 + i ? 50 + i : 10 + i);
  }
});

it('an identity moved to another person after its first message: its next messages queue with that person’s', async () => {
  // telegram t2 registers as a person of its own (its queue key is then remembered), then an admin's fix binds
  // the identity to the person of t1/z1: the two channels are one person again and must not race
  expect(await say('telegram', 't2', `/start ${await bot.invite()}`)).toContain('Sở Khoa học và Công nghệ');
  expect(await say('telegram', 't2', 'tôi là ai')).toMatch(/Sở Khoa học và Công nghệ/);
  const t1 = await bot.app.db.identity.findFirstOrThrow({ where: { channel: 'telegram', externalId: 't1' } });
  await bot.app.db.identity.updateMany({ where: { channel: 'telegram', externalId: 't2' }, data: { userId: t1.userId } });
  for (let i = 0; i < 10; i++) await race('zalo', ['telegram', 't2', String(10 + i)], ['zalo', 'z1', String(50 + i)]);
});
