// A plan whose work is under "II. NỘI DUNG THỰC HIỆN" with one heading per agency (test/ingest/fixtures/
// hau-giang-2025-ke-hoach-noi-dung-thuc-hien.md, an invented text in the shape of Cần Thơ's 165/KH-UBND of 2025):
// each agency heading owns its items, as under "Tổ chức thực hiện"; a heading naming two bodies ("Sở Văn hóa, Thể
// thao và Du lịch; Báo và Phát thanh, Truyền hình Hậu Giang", the 2025 merger of a province's newspaper and radio
// and television) gives both as leads, the merged body's name kept whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from './helpers.ts';

const name = 'hau-giang-2025-ke-hoach-noi-dung-thuc-hien.md';
const [doc] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);

it('gives the items under each agency heading of "Nội dung thực hiện" to that agency', () => {
  const rows = doc!.tasks.map((t) => [
    doc!.sections[t.section]!.path,
    t.leads.map((l) => l.asWritten).join('; '),
    t.coordinators.map((c) => c.asWritten).join('; '),
  ]);
  expect(rows).toEqual([
    ['II.1.a', 'Sở Y tế', 'Ủy ban nhân dân xã, phường'],
    ['II.1.b', 'Sở Y tế', ''],
    ['II.2', 'Sở Tài chính', 'Sở Y tế'],
    ['II.3', 'Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Hậu Giang', 'Sở Y tế'],
    ['III', 'Sở Y tế', ''],
  ]);
});
