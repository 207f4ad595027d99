// Reading a PDF must not leave the whole process slower: pdf.js's legacy build replaces Array.prototype.push
// and JSON.parse/stringify with core-js versions; the reader puts V8's own back (PDF and DOCX extraction, and
// every JSON the bot writes, run on them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readPdf } from '../../../src/ingest/formats/pdf.ts';
import { DEFAULT_LIMITS } from '../../../src/ingest/formats/types.ts';

// Taken before pdf.js is first loaded (the reader loads it at the first PDF). core-js's replacements also fake
// their toString as "[native code]", so identity is what tells them apart.
const natives = [Array.prototype.push, JSON.parse, JSON.stringify];

it('after a PDF is read, Array.prototype.push and JSON are the engine’s own again; the text is unchanged', async () => {
  const fix = join(import.meta.dirname, 'fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so');
  const r = await readPdf(readFileSync(`${fix}.pdf`), 'ke-hoach.pdf', { ...DEFAULT_LIMITS, pdftohtml: '' });
  expect(r.text).toContain('Sở Thông tin và Truyền thông');
  expect([Array.prototype.push, JSON.parse, JSON.stringify].map((f, i) => f === natives[i])).toEqual([true, true, true]);
});
