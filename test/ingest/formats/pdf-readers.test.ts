// Two readers of PDF text: poppler's pdftohtml when it is installed (fast, native), pdf.js otherwise. Both give
// the parser the same document; without pdftohtml, or when it fails on a file, pdf.js reads it; a pdftohtml that
// hangs is stopped at IMPORT_MAX_SECONDS; a long file read as page ranges at once keeps its pages in order.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/types.ts';
import { readPdf } from '../../../src/ingest/formats/pdf.ts';
import { DEFAULT_LIMITS } from '../../../src/ingest/formats/types.ts';
import { repeatPdf } from '../../bench/repeat-pdf.ts';
import { parse } from '../helpers.ts';

const FIX = join(import.meta.dirname, 'fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so');
const pdf = readFileSync(`${FIX}.pdf`);
const PDFJS = { ...DEFAULT_LIMITS, pdftohtml: '' };
const POPPLER = { ...DEFAULT_LIMITS, pdftohtml: 'pdftohtml' };
const hasPoppler = (() => {
  try {
    execFileSync('pdftohtml', ['-v'], { stdio: 'ignore' });
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler) console.warn('pdf-readers.test: poppler (pdftohtml, pdfinfo) is not installed; only pdf.js is tested here');

const tmp = mkdtempSync(join(tmpdir(), 'da-pdf-readers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What the parser makes of a text: sections, tasks with leads, partners and deadlines, targets. */
const reading = (docs: ParsedDocument[]) =>
  docs.map((d) => ({
    type: d.type,
    number: d.number,
    title: d.title,
    signer: d.signer,
    sections: d.sections.map((s) => [s.path, s.heading, s.text]),
    tasks: d.tasks.map((t) => [t.text, t.leads.map((l) => l.key), t.coordinators.map((c) => c.key), t.deadline]),
    targets: d.indicators.map((i) => [i.subject, i.valueText, i.year]),
  }));

const twin = reading(parse(readFileSync(`${FIX}.txt`, 'utf8'), 'twin.txt'));

it('pdf.js alone reads the PDF into the document of its text twin', async () => {
  const r = await readPdf(pdf, 'ke-hoach.pdf', PDFJS);
  expect(reading(parse(r.text, 'ke-hoach.pdf'))).toEqual(twin);
  expect(twin[0]!.tasks).toHaveLength(10);
});

describe.skipIf(!hasPoppler)('with poppler installed', () => {
  it('pdftohtml reads the PDF into the same document as pdf.js, the text twin’s, with the same page starts', async () => {
    const [byPoppler, byPdfJs] = [await readPdf(pdf, 'ke-hoach.pdf', POPPLER), await readPdf(pdf, 'ke-hoach.pdf', PDFJS)];
    expect(reading(parse(byPoppler.text, 'ke-hoach.pdf'))).toEqual(twin);
    expect(byPoppler.pageHeads).toEqual(byPdfJs.pageHeads);
    expect(byPoppler.pageHeads).toHaveLength(2);
  });

  it('a PDFTOHTML_BIN that does not exist, or fails on the file, leaves the file to pdf.js', async () => {
    const failing = join(tmp, 'fails');
    writeFileSync(failing, '#!/bin/sh\necho "Syntax Error: broken" >&2\nexit 1\n');
    chmodSync(failing, 0o755);
    const want = (await readPdf(pdf, 'ke-hoach.pdf', PDFJS)).text;
    for (const bin of [join(tmp, 'no-such-pdftohtml'), failing])
      expect((await readPdf(pdf, 'ke-hoach.pdf', { ...DEFAULT_LIMITS, pdftohtml: bin })).text).toBe(want);
  });

  it('a pdftohtml that hangs is stopped at IMPORT_MAX_SECONDS with the reason', async () => {
    const dir = mkdtempSync(join(tmp, 'hang-'));
    symlinkSync(execFileSync('sh', ['-c', 'command -v pdfinfo']).toString().trim(), join(dir, 'pdfinfo'));
    writeFileSync(join(dir, 'pdftohtml'), '#!/bin/sh\nexec sleep 60\n');
    chmodSync(join(dir, 'pdftohtml'), 0o755);
    const t0 = Date.now();
    await expect(readPdf(pdf, 'treo.pdf', { ...DEFAULT_LIMITS, pdftohtml: join(dir, 'pdftohtml'), maxSeconds: 1 })).rejects.toThrow(
      'Tệp treo.pdf: đọc PDF quá 1 giây (IMPORT_MAX_SECONDS): dừng, không nhập.',
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a 62-page PDF, read as page ranges at once, keeps its pages in order: the page starts pdf.js finds', async () => {
    // 31 copies of the 2 pages: the two halves start on different pages, so halves out of order would show.
    const long = repeatPdf(pdf, 31);
    const [byPoppler, byPdfJs] = [await readPdf(long, 'dai.pdf', POPPLER), await readPdf(long, 'dai.pdf', PDFJS)];
    expect(byPoppler.pageHeads).toHaveLength(62);
    expect(byPoppler.pageHeads).toEqual(byPdfJs.pageHeads);
    const [docs, pdfJsDocs] = [parse(byPoppler.text, 'dai.pdf'), parse(byPdfJs.text, 'dai.pdf')];
    expect(reading(docs)).toEqual(reading(pdfJsDocs));
    expect(docs[0]!.tasks.length).toBeGreaterThanOrEqual(10);
  });
});
