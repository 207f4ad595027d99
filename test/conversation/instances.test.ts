// Two bot instances on one PostgreSQL database (any instance may receive any update): one person's messages
// arriving at both at once are handled one after the other, so one answers question 1 and the other question 2.
// Each instance's own queue cannot see the other's; without the shared lock both took the session at question 1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBot, type Bot } from '../e2e/helpers.ts';
import { createPgDatabase, pgSkipReason, type PgDatabase } from '../helpers/postgres.ts';

const skip = await pgSkipReason();
let pg: PgDatabase | null = null;
let one: Bot;
let two: Bot;
const say = async (bot: Bot, channel: 'telegram' | 'zalo', user: string, text: string) =>
  (await bot.runtime.bot.handle({ channel, userId: user, chatId: user, text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  if (skip) return;
  pg = await createPgDatabase();
  one = await startBot(undefined, { databaseUrl: pg!.url });
  two = await startBot(undefined, { databaseUrl: pg!.url, join: true });
  expect(await say(one, 'telegram', 't1', `/start ${await one.invite()}`)).toContain('Sở Khoa học và Công nghệ');
  const code = /Mã liên kết: (\S+)/.exec(await say(two, 'telegram', 't1', 'liên kết'))![1]!;
  expect(await say(two, 'zalo', 'z1', `/start ${code}`)).toMatch(/liên kết|Đã/);
}, 300_000);
afterAll(async () => {
  await one?.close();
  await two?.close();
  await pg?.drop();
});

it.skipIf(skip)(
  '10 pairs sent at once to two instances: each pair answers questions 1 and 2, as each was told',
  async () => {
    const db = one.app.db;
    const items = await db.regimeItem.findMany({ where: { agency: { key: 'so-khcn@ca-mau' } }, orderBy: { ord: 'asc' }, take: 2 });
    for (let i = 0; i < 10; i++) {
      await db.answer.deleteMany({});
      await db.session.deleteMany({});
      expect(await say(one, 'telegram', 't1', 'báo cáo')).toContain('Câu 1/');
      const [a, b] = await Promise.all([say(one, 'telegram', 't1', String(10 + i)), say(two, 'zalo', 'z1', String(50 + i))]);
      const acks = [a, b].map((t) => /Đã ghi câu (\d+)/.exec(t)?.[1]);
      expect([...acks].sort()).toEqual(['1', '2']);
      const stored = await db.answer.findMany({ where: { itemId: { in: items.map((x) => x.id) } } });
      const value = (id: number) => stored.find((s) => s.itemId === id)?.value;
      const first = acks[0] === '1' ? 10 + i : 50 + i;
      expect(value(items[0]!.id)).toBe(first);
      expect(value(items[1]!.id)).toBe(first === 10 + i ? 50 + i : 10 + i);
    }
  },
  300_000,
);
