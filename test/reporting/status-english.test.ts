// A coordinator who chose English reads the period's status and an agency's answers in English, with the same
// figures the Vietnamese view shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/index.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

describe('report status in English', () => {
  it('says the period status, the agency detail and the hint in English, with the same figures', async () => {
    const bot = createBot(seed.app);
    const say = async (user: string, text: string) =>
      (await bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');
    await say('tt', `/start ${CODES.tttt}`);
    await say('tt', 'báo cáo');
    await say('tt', 'chưa có số liệu vì hệ thống đang nâng cấp');
    await say('tt', '130');
    await say('dp', `/start ${CODES.coordinator}`);
    const vi = await say('dp', 'tình hình báo cáo');
    const viDetail = await say('dp', 'tình hình báo cáo Sở TT&TT');
    await say('dp', '/lang en');
    const en = await say('dp', 'tình hình báo cáo');
    const enDetail = await say('dp', 'tình hình báo cáo Sở TT&TT');

    expect(en).toMatch(/^Reports for Q4 2026 — .+ Due 10\/01\/2027\.\n0\/\d+ agencies have sent \(0%\), not due yet; \d+% complete\./);
    expect(en).toContain(
      '• Sở Thông tin và Truyền thông: being entered, not sent (not due yet); 2/4 questions answered; officers: Trần Thị Bích',
    );
    expect(en).toContain('Type "tình hình báo cáo <agency name>"');
    expect(enDetail).toContain('Sở Thông tin và Truyền thông — Q4 2026 report (cds-ca-mau), due 10/01/2027: not sent (being entered).');
    expect(enDetail).toContain('1. Tỷ lệ văn bản trao đổi trên môi trường mạng: no data yet (hệ thống đang nâng cấp)');
    expect(enDetail).toContain('2. Số doanh nghiệp sử dụng hóa đơn điện tử: 130 doanh nghiệp');
    // the same rows and figures as in Vietnamese
    const figures = (s: string) => s.replace(/quý IV\/2026|Q4 2026/g, '').match(/\d+(?:[.,/]\d+)*/g);
    expect(figures(en)).toEqual(figures(vi));
    expect(figures(enDetail)).toEqual(figures(viDetail));
    expect(vi).toContain('đang nhập, chưa gửi (chưa đến hạn); 2/4 câu có số liệu');
  });
});
