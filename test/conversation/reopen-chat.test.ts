// "mở lại <cơ quan> [kỳ]" from chat: who may, which period is meant, what is said and audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { reopenRequest, splitAgencyPeriod } from '../../src/conversation/reopen-chat.ts';
import { setPeriodStatus } from '../../src/reporting/period-service.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

describe('reading the request', () => {
  const now = new Date('2027-02-12T08:00:00+07:00');
  it('takes the agency and an optional period at the end, in the ways people write it', () => {
    expect(reopenRequest('Mở lại Sở Tài chính')).toBe('Sở Tài chính');
    expect(reopenRequest('mo lai')).toBe('');
    expect(reopenRequest('mở lại báo cáo')).toBe('báo cáo');
    expect(reopenRequest('báo cáo')).toBeNull();
    expect(splitAgencyPeriod('Sở Tài chính', now)).toEqual({ agency: 'Sở Tài chính', periodKey: null });
    expect(splitAgencyPeriod('Sở TT&TT 2026-Q4', now)).toEqual({ agency: 'Sở TT&TT', periodKey: '2026-Q4' });
    expect(splitAgencyPeriod('Sở TT&TT quý IV/2026', now)).toEqual({ agency: 'Sở TT&TT', periodKey: '2026-Q4' });
    expect(splitAgencyPeriod('Sở TT&TT quý 4 năm 2026', now)).toEqual({ agency: 'Sở TT&TT', periodKey: '2026-Q4' });
    // a quarter without a year is the latest one that has started: in February 2027, "quý 4" is 2026-Q4
    expect(splitAgencyPeriod('Sở TT&TT quý 4', now)).toEqual({ agency: 'Sở TT&TT', periodKey: '2026-Q4' });
    expect(splitAgencyPeriod('Sở TT&TT quý 1', now)).toEqual({ agency: 'Sở TT&TT', periodKey: '2027-Q1' });
  });
});

describe('reopening from chat', () => {
  let seed: Seeded;
  beforeEach(async () => {
    seed = await seedReporting();
  });
  afterEach(async () => {
    await seed.close();
  });
  const chat = (userId: string) => {
    const bot = createBot(seed.app);
    return async (text: string) => (await bot.handle({ channel: 'telegram', userId, chatId: userId, text })).map((m) => m.text).join('\n');
  };

  it('says when there is nothing to reopen, and refuses an approved period with who can undo the approval', async () => {
    const coord = chat('c1');
    await coord(`/start ${CODES.coordinator}`);
    expect(await coord('mở lại Sở Tài chính')).toBe(
      'Kỳ báo cáo quý IV/2026 (cds-ca-mau) chưa khóa với Sở Tài chính: cơ quan vẫn sửa được đến 09/02/2027, không cần mở lại. Để mở lại kỳ trước đã khóa, ghi rõ kỳ, ví dụ "mở lại Sở Tài chính 2026-Q3".',
    );
    expect(await coord('mở lại Sở Không Có')).toContain('Không tìm thấy cơ quan "Sở Không Có" ở Cà Mau');
    expect(await coord('mở lại')).toContain('Gõ "mở lại <tên cơ quan> [kỳ]"');
    await setPeriodStatus(seed.app.db, 'cds-ca-mau', '2026-Q4', 'approved', null, { now: seed.app.clock.now() });
    expect(await coord('mở lại Sở Tài chính quý 4/2026')).toContain(
      'đã được phê duyệt; cần bỏ phê duyệt trước (gõ "mở lại kỳ cds-ca-mau 2026-Q4" hoặc nút "Mở lại kỳ" trên bảng điều khiển)',
    );
    const official = chat('o1');
    await official(`/start ${CODES.taichinh}`);
    expect(await official('báo cáo')).toBe(
      'Báo cáo quý IV/2026 đã được phê duyệt (lúc 09:00 05/01/2027) nên không sửa được nữa. Chỉ điều phối viên hoặc quản trị viên mới mở lại được cho cơ quan của bạn; nếu cần sửa, hãy liên hệ Lê Văn Cường.',
    );
    expect(await chat('nobody')('mở lại Sở Tài chính')).toContain('Bạn chưa đăng ký');
    // an older locked quarter, named explicitly: the agency's officials are taken to it
    expect(await coord('mở lại Sở Tài chính 2026-Q3')).toContain('Đã mở lại kỳ báo cáo quý III/2026 (cds-ca-mau) cho Sở Tài chính.');
    expect(await official('báo cáo')).toContain(
      'Báo cáo quý III/2026 — Báo cáo ứng dụng CNTT tỉnh Cà Mau, Sở Tài chính. Hạn nộp 10/10/2026 (kỳ đã được mở lại cho cơ quan bạn lúc 09:00 05/01/2027).',
    );
    expect(await official('mở lại Sở Tài chính')).toContain('Chỉ điều phối viên hoặc quản trị viên mới mở lại được');
  });
});
