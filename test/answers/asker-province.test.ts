// A question that names no province is answered for the asker's own province first, and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

describe("the asker's province", () => {
  it('scopes an agency-tasks question of a Cà Mau official to Cà Mau, and says so', async () => {
    const r = await s.answerer.answer('So TT&TT phai lam gi?', { province: 'Cà Mau' });
    expect(r.intent).toBe('agency_tasks');
    expect(r.answers.length).toBeGreaterThan(0);
    expect(new Set(r.answers.map((a) => a.document.province))).toEqual(new Set(['Cà Mau']));
    expect(r.reply).toContain('Theo tỉnh/thành của bạn: Cà Mau');
  });

  it("a province named in the question wins over the asker's", async () => {
    const r = await s.answerer.answer('So TT&TT Can Tho phai lam gi?', { province: 'Cà Mau' });
    expect(new Set(r.answers.map((a) => a.document.province))).toEqual(new Set(['Cần Thơ']));
    expect(r.reply).not.toContain('Theo tỉnh/thành của bạn');
  });

  it("falls back to every province when the asker's has nothing on it", async () => {
    const own = await s.answerer.answer('Sở Tài chính phải làm gì?', { province: 'Lào Cai' });
    const all = await s.answerer.answer('Sở Tài chính phải làm gì?');
    expect(own.answers.map((a) => a.text)).toEqual(all.answers.map((a) => a.text));
    expect(own.reply).not.toContain('Theo tỉnh/thành của bạn');
  });
});
