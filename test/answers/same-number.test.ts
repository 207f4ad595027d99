// Two provinces' decisions bearing the same number ("71/2025/QĐ-UBND" of Nghệ An, which issued a regulation, and of
// Thanh Hóa): asked by that number, both are answered and said to be two; a province named picks one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded([
    'test/ingest/fixtures/nghe-an-2025-quyet-dinh-quy-che-kem-theo.md',
    'test/answers/fixtures/thanh-hoa-2025-quyet-dinh-cung-so.txt',
  ]);
}, 60_000);
afterAll(async () => s.close());

it('says that two documents have the number asked, and lists the tasks of both', async () => {
  const r = await s.answerer.answer('qd 71/2025 ai chủ trì');
  expect(r.reply.split('\n')[0]).toMatch(
    /^Có 2 văn bản mang số đã hỏi: .*\(Thanh Hóa\).*\(Nghệ An\)|^Có 2 văn bản mang số đã hỏi: .*\(Nghệ An\).*\(Thanh Hóa\)/,
  );
  expect(new Set(r.answers.map((a) => a.document.province))).toEqual(new Set(['Nghệ An', 'Thanh Hóa']));
});

it('answers one when the province is named', async () => {
  const r = await s.answerer.answer('qd 71/2025 thanh hoa ai chu tri');
  expect(r.reply).toMatch(/^Các nhiệm vụ của Quyết định 71\/2025\/QĐ-UBND và cơ quan chủ trì:\n1\. \(Sở Công Thương chủ trì\)/);
  expect(r.answers.every((a) => a.document.province === 'Thanh Hóa')).toBe(true);
});
