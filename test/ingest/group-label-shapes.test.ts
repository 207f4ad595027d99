// Duties labelled with the groups they are asked of (test/ingest/fixtures/dak-lak-2025-ke-hoach-nhan-de-nghi-nhom.md,
// an invented text in the shape of Đắk Lắk's 0124/KH-UBND of 2025): "2. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc
// Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp …" is a task addressed to those groups, as "3. Các
// cơ quan thông tin, truyền thông của tỉnh: Xây dựng …"; a list of members after "gồm:" is none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from './helpers.ts';

const name = 'dak-lak-2025-ke-hoach-nhan-de-nghi-nhom.md';
const [doc] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);

it('gives a labelled duty to the groups of its label, and reads no task from a list of members', () => {
  const rows = doc!.tasks.map((t) => [doc!.sections[t.section]!.path, t.leads.map((l) => l.asWritten).join('; '), t.addressee]);
  expect(rows).toEqual([
    ['III.1', 'Sở Nội vụ', null],
    ['III.2', '', 'các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh'],
    ['III.3', '', 'Các cơ quan thông tin, truyền thông của tỉnh'],
  ]);
});
