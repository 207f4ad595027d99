// On the console (no real buttons) a proactive reminder's numbered choices answer to "1"/"2" — but only until
// something else is shown; after that, numbers belong to the conversation again. Real bot behind the channel.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConsoleChannel } from '../../../src/channels/console/console.ts';
import { createBot } from '../../../src/conversation/bot.ts';
import type { ExtraCommand } from '../../../src/conversation/ports.ts';
import { REMINDER_CHOICES } from '../../../src/scheduler/index.ts';
import { CODES, seedReporting, type Seeded } from '../../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

it('maps a typed number to the reminder buttons, then leaves numbers to the form', async () => {
  const snoozed: string[] = [];
  const snooze: ExtraCommand = {
    name: 'snooze',
    match: (t) => t === 'nhắc lại sau',
    run: async ({ text }) => (snoozed.push(text), [{ text: 'Đã hoãn.' }]),
  };
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const console_ = new ConsoleChannel({ input, output, userId: 'u', interactive: false });
  await console_.start(createBot(seed.app, { commands: [snooze] }).handle);
  const type = async (line: string, expected: string) => {
    const from = out.length;
    input.write(`${line}\n`);
    await expect.poll(() => out.slice(from), { timeout: 5000 }).toContain(expected);
    return out.slice(from);
  };
  const remind = () => console_.send('u', [{ text: 'Nhắc việc: Sở TT&TT chưa gửi báo cáo quý IV/2026.', choices: REMINDER_CHOICES }]);

  await type(`/start ${CODES.tttt}`, 'Đăng ký thành công');
  await remind();
  expect(out).toContain('1. Báo cáo ngay\n  2. Nhắc lại sau');
  await type('2', 'Đã hoãn.');
  expect(snoozed).toEqual(['nhắc lại sau']);
  await remind();
  await type('1', 'Câu 1/4. Tỷ lệ văn bản trao đổi trên môi trường mạng (%)?');
  // inside the form "1" is an answer, not a button
  await type('1', '1% khác xa kỳ trước (72%; chỉ bằng 1%). Số này có đúng không?');
  input.end();
  await console_.done;
});
