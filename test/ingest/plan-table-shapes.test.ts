// A plan with an appendix table whose header is printed again at each group of rows, a lead cell holding a name with
// a comma of its own, and bodies a plan counts on ("Khuyến khích …"), one name wrapped inside a province's
// (test/ingest/fixtures/dong-nai-2025-ke-hoach-bang-nhom-va-khuyen-khich.md, an invented text in the shape of 2025 plans).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from './helpers.ts';

const name = 'dong-nai-2025-ke-hoach-bang-nhom-va-khuyen-khich.md';
const [doc] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
const leads = doc!.tasks.map((t) => t.leads.map((l) => l.asWritten));

it('reads each table row once, the repeated header being no task, and keeps "Sở Văn hóa, Thể thao và Du lịch" whole', () => {
  const rows = doc!.tasks.filter((t) => doc!.sections[t.section]!.path.startsWith('Phụ lục'));
  expect(rows.map((t) => t.text)).toEqual(['Số hóa di sản văn hóa tiêu biểu của tỉnh', 'Xây dựng cơ sở dữ liệu người lao động']);
  expect(rows.map((t) => t.leads.map((l) => l.asWritten))).toEqual([['Sở Văn hóa, Thể thao và Du lịch'], ['Sở Nội vụ']]);
  expect(rows[0]!.coordinators.map((c) => c.asWritten)).toEqual(['Các sở, ban, ngành', 'UBND các phường, xã']);
});

it('reads "Cơ quan <Name>" as a body, "Khuyến khích X …" as work counted on X, and a name wrapped inside "Đồng / Nai"', () => {
  expect(leads.slice(0, 3)).toEqual([
    ['Cơ quan Bảo hiểm xã hội tỉnh'],
    ['Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai'],
    ['Liên đoàn Lao động tỉnh', 'Hội Nông dân tỉnh'],
  ]);
  expect(doc!.tasks[1]!.text).toMatch(/^Khuyến khích Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai chỉ đạo/u);
  // a line opening with an acronym ("IoT vào …") goes on the sentence above
  expect(doc!.tasks[3]!.text).toBe(
    'Sở Xây dựng: Chủ trì, phối hợp với các địa phương triển khai tích hợp IoT vào hạ tầng chiếu sáng công cộng.',
  );
});
