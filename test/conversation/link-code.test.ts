// "liên kết" makes a code that joins another channel to this account: the reply names whose account it is,
// province included, since whoever sends the code acts as that person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => seed.close());

describe('liên kết', () => {
  it('names the coordinator and the province, or the official and the agency, and the code links', async () => {
    const bot = createBot(seed.app);
    const say = async (userId: string, text: string, channel: 'console' | 'zalo' = 'console') =>
      (await bot.handle({ channel, userId, chatId: userId, text })).map((m) => m.text).join('\n');
    await say('c1', `/start ${CODES.coordinator}`);
    const coord = await say('c1', 'liên kết');
    expect(coord).toMatch(/^Mã liên kết: [A-Z0-9]{8} cho Lê Văn Cường — điều phối viên, Cà Mau \(dùng một lần/);
    await say('o1', `/start ${CODES.tttt}`);
    const official = await say('o1', 'liên kết');
    expect(official).toContain('cho Trần Thị Bích — cán bộ báo cáo, Sở Thông tin và Truyền thông (Cà Mau) (dùng một lần');
    const code = /Mã liên kết: (\S+)/.exec(coord)![1]!;
    expect(await say('z1', `/start ${code}`, 'zalo')).toContain('Đã liên kết tài khoản này với Lê Văn Cường — điều phối viên, Cà Mau');
  });
});
