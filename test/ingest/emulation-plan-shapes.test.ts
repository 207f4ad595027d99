// An emulation plan ("Kế hoạch tổ chức Đợt thi đua", test/ingest/fixtures/ha-tinh-2025-ke-hoach-dot-thi-dua.md, an
// invented text in the shape of the 2025 ones): what the emulation rewards ("Tiêu chí thi đua" then "a) Đối với các
// sở, ban, ngành: - Hoàn thành vượt mức …") and the forms of reward are no tasks; the work is under "Tổ chức thực hiện".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from './helpers.ts';

const name = 'ha-tinh-2025-ke-hoach-dot-thi-dua.md';
const [doc] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
const paths = doc!.tasks.map((t) => doc!.sections[t.section]!.path);

it('reads no task from the criteria of an emulation, only from its organisation', () => {
  expect(paths.filter((p) => p.split('.')[0] === 'II')).toEqual([]);
  expect(paths).toEqual(['III.1.-1', 'III.1.-2', 'III.2']);
  expect(doc!.tasks[0]!.leads.map((l) => l.asWritten)).toEqual(['Sở Nội vụ']);
  expect(doc!.tasks[0]!.deadline).toBe('trước ngày 15/01/2026');
});
