// Under a reminder on a channel without buttons, "1"/"2" mean "Báo cáo ngay"/"Nhắc lại sau" — but only while
// the reminder is the last thing the person saw; after that, numbers belong to the conversation again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import type { ExtraCommand } from '../../src/conversation/ports.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

it('maps a numbered reply to the reminder buttons, then leaves numbers to the form', async () => {
  const snoozed: string[] = [];
  const snooze: ExtraCommand = {
    name: 'snooze',
    match: (t) => t === 'nhắc lại sau',
    run: async ({ text }) => (snoozed.push(text), [{ text: 'Đã hoãn.' }]),
  };
  const bot = createBot(seed.app, { commands: [snooze] });
  const say = async (text: string) =>
    (await bot.handle({ channel: 'console', userId: 'u', chatId: 'u', text })).map((m) => m.text).join('\n');
  await say(`/start ${CODES.tttt}`);
  const user = await seed.app.db.user.findFirstOrThrow({ where: { identities: { some: { externalId: 'u' } } } });
  const sendReminder = () =>
    seed.app.db.outbox.create({
      data: {
        dedupeKey: `r${Math.random()}`,
        userId: user.id,
        kind: 'reminder',
        payload: '{}',
        dueAt: new Date(),
        status: 'sent',
        sentAt: new Date(Date.now() + 1000),
      },
    });
  await sendReminder();
  expect(await say('2')).toBe('Đã hoãn.');
  expect(snoozed).toEqual(['nhắc lại sau']);
  await sendReminder();
  const form = await say('1');
  expect(form).toContain('Câu 1/4. Tỷ lệ văn bản trao đổi trên môi trường mạng (%)?');
  // inside the form "1" is an answer, not a button
  expect(await say('1')).toContain('1% khác xa kỳ trước (72%; chỉ bằng 1%). Số này có đúng không?');
});
