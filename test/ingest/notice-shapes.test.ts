// A government notice of conclusions (test/ingest/fixtures/vpcp-2025-thong-bao-ket-luan-tinh-can.md, an invented text
// in the shape of the 2025 ones): "…, tỉnh Gia Lai cần tiếp tục thực hiện … một số nội dung trọng tâm sau:" gives the
// numbered items to the province; "Giao Bộ Tài chính …" to the ministry; the closing "Văn phòng Chính phủ thông báo để
// … biết, thực hiện./." is no task; a national document has no province.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from './helpers.ts';

const name = 'vpcp-2025-thong-bao-ket-luan-tinh-can.md';
const [doc] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);

it('gives the items after "tỉnh X cần … sau:" to the province, and reads no task from the closing formula', () => {
  const rows = doc!.tasks.map((t) => [doc!.sections[t.section]!.path, t.leads.map((l) => l.asWritten).join('; '), t.addressee]);
  expect(rows).toEqual([
    ['II.1', '', 'tỉnh Gia Lai'],
    ['II.2', '', 'tỉnh Gia Lai'],
    ['III', 'Bộ Tài chính', null],
  ]);
  expect(doc!.province).toBeNull();
});
