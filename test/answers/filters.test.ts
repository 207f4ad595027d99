// Filters set by command (CLI flags, "lọc …" in chat) rather than said in the question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

const provinces = (r: { answers: { document: { province: string | null } }[] }) => new Set(r.answers.map((a) => a.document.province));

describe('filters set by command', () => {
  it('a province filter, written without diacritics, limits a search and is stated in the reply', async () => {
    const r = await s.answerer.answer('dao tao nguon nhan luc', { filters: 'tinh ca mau' });
    expect(r.answers.length).toBeGreaterThan(0);
    expect(provinces(r)).toEqual(new Set(['Cà Mau']));
    expect(r.reply).toContain('(Đang lọc: tỉnh/thành Cà Mau. Gõ "bỏ lọc" để bỏ.)');
  });

  it('a filter wins over what the question says', async () => {
    const r = await s.answerer.answer('Sở Tài chính Cần Thơ phải làm gì?', { filters: { province: 'Quảng Ngãi' } });
    expect(provinces(r)).toEqual(new Set(['Quảng Ngãi']));
  });

  it('a document filter by number and a year filter', async () => {
    const doc = await s.answerer.answer('ung dung cntt', { filters: { document: '17/ct-ubnd' } });
    expect(new Set(doc.answers.map((a) => a.document.number))).toEqual(new Set(['17/CT-UBND']));
    const year = await s.answerer.answer('ung dung cntt', { filters: { year: 2015 } });
    expect(year.answers.length).toBeGreaterThan(0);
    for (const a of year.answers) expect(a.document.year === 2015 || a.text.includes('2015')).toBe(true);
  });

  it('an agency filter keeps only passages that agency leads or coordinates', async () => {
    const r = await s.answerer.answer('kinh phi', { filters: 'So Tai chinh' });
    expect(r.answers.length).toBeGreaterThan(0);
    for (const a of r.answers) expect([a.agency, ...a.coordinators]).toContain('Sở Tài chính');
  });

  it('a filter naming nothing the documents have is refused with the reason, not silently ignored', async () => {
    expect(() => s.answerer.checkFilter({ province: 'Hà Nội' })).toThrow(/Chưa có văn bản nào của Hà Nội.*Cà Mau/);
    expect(() => s.answerer.checkFilter('xyz abc')).toThrow(/Không nhận ra bộ lọc/);
    const r = await s.answerer.answer('dao tao', { filters: 'Hà Nội' });
    expect(r.answers).toEqual([]);
    expect(r.reply).toMatch(/^Chưa có văn bản nào của Hà Nội/);
  });
});
