// A message reads the person, their session and (when their last message left them in a form) that form's
// context in one statement. The form read with them is a guess from this process's memory: when the session was
// moved to another form meanwhile (another instance, the web page), the message answers in the form it is in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { REGIME } from '../transcripts/seed.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

let bot: Bot;
const say = async (text: string) =>
  (await bot.runtime.bot.handle({ channel: 'telegram', userId: 't1', chatId: 't1', text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  bot = await startBot();
  expect(await say(`/start ${await bot.invite()}`)).toContain('Sở Khoa học và Công nghệ');
}, 60_000);
afterAll(async () => bot?.close());

it('a session moved to another period by someone else: the next message is in that period, not the one remembered', async () => {
  expect(await say('báo cáo')).toMatch(/quý IV/);
  expect(await say('85')).toMatch(/Đã ghi câu 1: 85/);
  // another instance moves the person's form to the third quarter (closed: its lock says so), at its first question
  const q3 = await openPeriod(bot.app, REGIME.code, '2026-Q3');
  const row = await bot.app.db.session.findFirstOrThrow({ where: { key: { startsWith: 'user:' } } });
  const s = JSON.parse(row.data);
  await bot.app.db.session.update({
    where: { key: row.key },
    data: { data: JSON.stringify({ ...s, form: { ...s.form, periodId: q3.id, cursor: 0 } }) },
  });
  const review = await say('xem');
  expect(review).toMatch(/quý III/);
  expect(review).not.toMatch(/quý IV/);
  // the third quarter's form was closed on 2026-10 (its edit window is over): the answer goes nowhere
  expect(await say('42')).not.toMatch(/Đã ghi/);
  const answers = await bot.app.db.answer.findMany({ include: { submission: { include: { period: true } } } });
  expect(answers.map((a) => [a.submission.period.key, a.value])).toEqual([['2026-Q4', 85]]);
  // and back in the fourth quarter's form, its context is the fourth quarter's again
  expect(await say('báo cáo')).toMatch(/quý IV/);
  expect(await say('xem')).toMatch(/85/);
});
