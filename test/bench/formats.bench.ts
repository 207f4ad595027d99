// npm run bench:formats — format readers' speed on this machine:
//  - DOCX and PDF text extraction, in MB of extracted text per second, on the text twin repeated to ≥ 1 MB of
//    text (the DOCX built with the `docx` package, the PDF rendered from it by LibreOffice when soffice is
//    installed; always the PDF fixture's pages repeated to the same size, which needs no LibreOffice);
//    wall time and this process's CPU time (the wall time is the CPU's on a machine nobody else is using);
//  - OCR of the one-page 300 dpi scan fixture (JPEG, and the scanned PDF: pdftoppm + Tesseract), in seconds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../../src/cli/format/table.ts';
import { DEFAULT_LIMITS, extract, loadFile } from '../../src/ingest/formats/index.ts';
import { ocrAvailable } from '../../src/ingest/formats/ocr.ts';
import { docxOf } from '../ingest/formats/make-fixtures.ts';
import { repeatPdf } from './repeat-pdf.ts';

const FIX = join(import.meta.dirname, '../ingest/formats/fixtures');
const twin = readFileSync(join(FIX, 'dong-thap-2024-ke-hoach-312-chuyen-doi-so.txt'), 'utf8');
const body = twin.slice(0, twin.indexOf('Nơi nhận:'));
const copies = Math.ceil((Number(process.env.BENCH_BYTES ?? 1024 * 1024) / Buffer.byteLength(body)) * 1.05);
const dir = mkdtempSync(join(tmpdir(), 'da-bench-formats-'));
const limits = { ...DEFAULT_LIMITS, maxPages: 10_000, maxSeconds: 600 };
const rows: (string | number)[][] = [];

async function time(file: string, runs: number): Promise<{ ms: number; cpuMs: number; chars: number; bytes: number }> {
  const loaded = await loadFile(file, file, limits);
  let best = Infinity;
  let cpuMs = Infinity;
  let text = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    text = (await extract(loaded, limits)).text;
    best = Math.min(best, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms: best, cpuMs, chars: Buffer.byteLength(text), bytes: loaded.buf.length };
}

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const mb = (bytes: number) => bytes / 1024 / 1024;

try {
  const big = Array.from({ length: copies }, (_, i) => body.replace(/^II\. NHIỆM VỤ/m, `II. NHIỆM VỤ (phần ${i + 1})`)).join('\n');
  const docx = join(dir, 'big.docx');
  writeFileSync(docx, await docxOf(big));
  const files: [string, string][] = [['DOCX', docx]];
  if (hasSoffice) {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
    files.push(['PDF (lớp chữ, LibreOffice)', join(dir, 'big.pdf')]);
  } else console.log('PDF by LibreOffice not measured: soffice is not installed');
  // The fixture PDF (2 pages, ~3 KB of text) repeated to the same text size.
  const fixture = readFileSync(join(FIX, 'dong-thap-2024-ke-hoach-312-chuyen-doi-so.pdf'));
  const repeated = join(dir, 'repeated.pdf');
  writeFileSync(repeated, repeatPdf(fixture, Math.ceil((copies * Buffer.byteLength(body)) / 3200)));
  files.push(['PDF (lớp chữ, trang mẫu lặp lại)', repeated]);
  for (const [label, file] of files) {
    const r = await time(file, 3);
    rows.push([
      label,
      `${(r.bytes / 1024).toFixed(0)} KB`,
      `${mb(r.chars).toFixed(2)} MB`,
      `${(r.ms / 1000).toFixed(2)} s`,
      `${(r.cpuMs / 1000).toFixed(2)} s`,
      `${(mb(r.chars) / (r.ms / 1000)).toFixed(2)} MB/s`,
      `${(mb(r.chars) / (r.cpuMs / 1000)).toFixed(2)} MB/s`,
    ]);
  }
  if (await ocrAvailable()) {
    for (const [label, file] of [
      ['OCR ảnh JPEG 300 dpi, 1 trang', join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.jpg')],
      ['OCR PDF quét 300 dpi, 1 trang', join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.scan.pdf')],
    ] as const) {
      const r = await time(file, 1);
      rows.push([
        label,
        `${(r.bytes / 1024).toFixed(0)} KB`,
        `${(r.chars / 1024).toFixed(1)} KB`,
        `${(r.ms / 1000).toFixed(2)} s`,
        `${(r.cpuMs / 1000).toFixed(2)} s`,
        '',
        '',
      ]);
    }
  } else console.log('OCR not measured: Tesseract with Vietnamese is not installed (apt-get install -y tesseract-ocr tesseract-ocr-vie)');
  console.log(table(['Định dạng', 'Tệp', 'Chữ trích ra', 'Thời gian (tốt nhất)', 'CPU (tốt nhất)', 'Tốc độ', 'Tốc độ theo CPU'], rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
