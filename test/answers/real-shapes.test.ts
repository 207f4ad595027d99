// Answers from documents in the shapes of real 2025 texts (test/ingest/fixtures): a Quy chế printed after its decision,
// agencies found by the shape of their name, labelled fields and a one-cell-per-line appendix table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded([
    'test/ingest/fixtures/nghe-an-2025-quyet-dinh-quy-che-kem-theo.md',
    'test/ingest/fixtures/ha-noi-2025-ke-hoach-truong-nhan-va-bang-o.md',
  ]);
}, 60_000);
afterAll(async () => s.close());

describe('owners in real 2025 shapes', () => {
  it('a Quy chế issued with its decision is cited by that decision, not as "(không số)"', async () => {
    const r = await s.answerer.answer('ai chủ trì bố trí kinh phí vận hành cơ sở dữ liệu đất đai');
    expect(r.intent).toBe('owner');
    expect(r.reply.split('\n')[0]).toMatch(/^Sở Tài chính chủ trì/);
    expect(r.reply).toContain('Quy chế ban hành kèm theo Quyết định 71/2025/QĐ-UBND');
    expect(r.reply).not.toContain('không số');
  });

  it('an agency missing from the registry is found by its name and answers "phải làm gì"', async () => {
    const r = await s.answerer.answer('Văn phòng đăng ký đất đai phải làm gì?');
    expect(r.intent).toBe('agency_tasks');
    expect(r.reply).toMatch(/Văn phòng đăng ký đất đai/);
    expect(r.reply).toMatch(/cung cấp thông tin địa chính/);
  });

  it('an appendix row exported one cell per line gives its lead and coordinators', async () => {
    const r = await s.answerer.answer('ai chủ trì nâng cấp trung tâm dữ liệu thành phố hà nội');
    expect(r.intent).toBe('owner');
    expect(r.answers[0]!.agency).toBe('Sở Khoa học và Công nghệ');
    expect(r.answers[0]!.coordinators.join('; ')).toMatch(/Sở Tài chính.*Công an thành phố/);
    expect(r.answers[0]!.document.number).toBe('415/KH-UBND');
  });
});
