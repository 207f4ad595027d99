// A .doc whose list numbers were Word's automatic ones loses them (word-extractor does not rebuild them): the
// importer warns so the official checks the sections. The fixture (numbers typed) keeps its labels, no warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { NUMBERS_LOST, numbersLost, readDoc } from '../../../src/ingest/formats/doc.ts';

const FIX = join(import.meta.dirname, 'fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so');

it('the .doc with typed numbers keeps "I." and "1." and gets no warning', async () => {
  const r = await readDoc(readFileSync(`${FIX}.doc`), 'ke-hoach.doc');
  expect(r.text).toMatch(/^I\. MỤC TIÊU$/m);
  expect(r.warnings).toEqual([]);
});

it('the same text without its automatic labels (what word-extractor gives) is flagged, in Vietnamese', async () => {
  const { text } = await readDoc(readFileSync(`${FIX}.doc`), 'ke-hoach.doc');
  const stripped = text.replace(/^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s+/gmu, '');
  expect(stripped).toMatch(/^MỤC TIÊU$/m);
  expect(numbersLost(stripped)).toBe(true);
  expect(NUMBERS_LOST).toMatch(/^danh sách tự động đánh số trong \.doc có thể mất số thứ tự/);
});

it('a letter without section headings is not flagged', () => {
  expect(numbersLost('ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: các sở, ngành.\nNội dung.')).toBe(
    false,
  );
});
