// "Chưa có số liệu" / "không áp dụng" typed in chat are stored as their own states with the reason, and a
// coordinator reading the agency's detail sees the state and the reason, not "bỏ qua" (issue 18).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

describe('answer states through the bot', () => {
  it('an official types "chưa có số liệu vì …"; the answer row and the coordinator see that state and its reason', async () => {
    const bot = createBot(seed.app);
    const say = async (user: string, text: string) =>
      (await bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');
    await say('tt', `/start ${CODES.tttt}`);
    await say('tt', 'báo cáo');
    expect(await say('tt', 'chưa có số liệu vì hệ thống quản lý văn bản đang nâng cấp')).toContain(
      'Đã ghi câu 1: chưa có số liệu (hệ thống quản lý văn bản đang nâng cấp).',
    );
    expect(await say('tt', 'không áp dụng')).toContain('Lý do (ngắn)');
    await say('tt', 'Sở không theo dõi hóa đơn điện tử');
    const rows = await seed.app.db.answer.findMany({ orderBy: { itemId: 'asc' } });
    const mine = rows.filter((r) => r.status === 'no_data' || r.status === 'not_applicable');
    expect(mine.map((r) => [r.status, r.note, r.skipped, r.value])).toEqual([
      ['no_data', 'hệ thống quản lý văn bản đang nâng cấp', false, null],
      ['not_applicable', 'Sở không theo dõi hóa đơn điện tử', false, null],
    ]);

    await say('dp', `/start ${CODES.coordinator}`);
    const detail = await say('dp', 'tình hình báo cáo Sở TT&TT');
    expect(detail).toContain('1. Tỷ lệ văn bản trao đổi trên môi trường mạng: chưa có số liệu (hệ thống quản lý văn bản đang nâng cấp)');
    expect(detail).toContain('2. Số doanh nghiệp sử dụng hóa đơn điện tử: không áp dụng (Sở không theo dõi hóa đơn điện tử)');
    expect(detail).not.toContain('bỏ qua');
  });
});
