// An asker who chose English gets the same answers (the same items, quotes and documents) with the words around
// them in English: who leads, coordinates, where it is written, what was not found, more results, the filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded([], { clock: new ManualClock(new Date('2026-12-04T03:00:00Z')) });
}, 120_000);
afterAll(async () => {
  await s.close();
});

const QUESTIONS = [
  'Ai chủ trì xây dựng Kế hoạch phát triển thương mại điện tử trên địa bàn tỉnh Quảng Ngãi?',
  'ai chu tri ung dung cntt',
  'Sở TT&TT Cần Thơ phải làm gì',
  'Sở Tài chính Cà Mau phải làm gì',
  'Mục tiêu tỷ lệ hộ gia đình có máy tính năm 2014 là bao nhiêu',
  'Cà Mau có những văn bản nào',
  'ai ký 17/CT-UBND',
  'nhiệm vụ nào quá hạn',
  'ứng dụng cntt trong giáo dục',
  'xyz qwe',
  '',
  'trợ giúp',
];

/** Words only the Vietnamese framing says (quotes «…», document and agency names are left out first). */
const VIETNAMESE =
  /chủ trì|phối hợp|Không tìm thấy|\bmục \d|trang \d|Còn \d+ kết quả|Tìm thấy|Gồm \d|nhiệm vụ được giao|Đang lọc|Văn bản ghi|kế thừa|nay là|Tôi chưa|Bạn chưa|Thời hạn:|\[hạn:|theo tỉnh/;
const framing = (reply: string) =>
  reply
    .replace(/«[^»]*»/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/(?:các|Các) (?:cấp|ngành|cơ quan|đơn vị|sở)[^.;]*/g, '');

describe('answers in English', () => {
  it('gives the same answers, with every framing word in English', async () => {
    let vietnameseFraming = 0;
    for (const q of QUESTIONS) {
      const vi = await s.answerer.answer(q, { province: 'Cà Mau' });
      const en = await s.answerer.answer(q, { province: 'Cà Mau', locale: 'en' });
      expect({ q, answers: en.answers, intent: en.intent, hasMore: en.hasMore }).toEqual({
        q,
        answers: vi.answers,
        intent: vi.intent,
        hasMore: vi.hasMore,
      });
      expect({ q, vietnamese: framing(en.reply).match(VIETNAMESE)?.[0] ?? null }).toEqual({ q, vietnamese: null });
      // the quotes are the same
      expect(en.reply.match(/«[^»]*»/g)).toEqual(vi.reply.match(/«[^»]*»/g));
      if (VIETNAMESE.test(framing(vi.reply))) vietnameseFraming++;
    }
    // the check would see the Vietnamese framing
    expect(vietnameseFraming).toBeGreaterThanOrEqual(QUESTIONS.length - 3);
  });

  it('says who leads, where it is written, and what was not found', async () => {
    const owner = await s.answerer.answer('Ai chủ trì xây dựng Kế hoạch phát triển thương mại điện tử trên địa bàn tỉnh Quảng Ngãi?', {
      locale: 'en',
    });
    expect(owner.reply).toMatch(/^Sở Công Thương leads/);
    expect(owner.reply).toMatch(/— Chỉ thị 17\/CT-UBND, Quảng Ngãi, section 5/);
    const none = await s.answerer.answer('Mục tiêu số lượng tàu vũ trụ năm 2014 là bao nhiêu', { locale: 'en' });
    expect(none.reply).toMatch(/^(No matching target or indicator found\.|I am not sure I understood)/);
    const filtered = await s.answerer.answer('ứng dụng cntt', { locale: 'en', filters: 'tỉnh Cà Mau' });
    expect(filtered.reply).toMatch(/\n\(Filter: tỉnh\/thành Cà Mau\. Type "bỏ lọc" to remove it\.\)$/);
  });
});
