// npm run bench:formats — format readers' speed on this machine:
//  - DOCX and PDF text extraction, in MB of extracted text per second, on the text twin repeated to ≥ 1 MB of
//    text (the DOCX built with the `docx` package, the PDF rendered from it by LibreOffice);
//  - OCR of the one-page 300 dpi scan fixture (JPEG, and the scanned PDF: pdftoppm + Tesseract), in seconds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../../src/cli/format/table.ts';
import { DEFAULT_LIMITS, extract, loadFile } from '../../src/ingest/formats/index.ts';
import { ocrAvailable } from '../../src/ingest/formats/ocr.ts';
import { docxOf } from '../ingest/formats/make-fixtures.ts';

const FIX = join(import.meta.dirname, '../ingest/formats/fixtures');
const twin = readFileSync(join(FIX, 'dong-thap-2024-ke-hoach-312-chuyen-doi-so.txt'), 'utf8');
const body = twin.slice(0, twin.indexOf('Nơi nhận:'));
const copies = Math.ceil((Number(process.env.BENCH_BYTES ?? 1024 * 1024) / Buffer.byteLength(body)) * 1.05);
const dir = mkdtempSync(join(tmpdir(), 'da-bench-formats-'));
const limits = { ...DEFAULT_LIMITS, maxPages: 10_000, maxSeconds: 600 };
const rows: (string | number)[][] = [];

async function time(file: string, runs: number): Promise<{ ms: number; chars: number; bytes: number }> {
  const loaded = await loadFile(file, file, limits);
  let best = Infinity;
  let text = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    text = (await extract(loaded, limits)).text;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, chars: Buffer.byteLength(text), bytes: loaded.buf.length };
}

try {
  const big = Array.from({ length: copies }, (_, i) => body.replace(/^II\. NHIỆM VỤ/m, `II. NHIỆM VỤ (phần ${i + 1})`)).join('\n');
  const docx = join(dir, 'big.docx');
  writeFileSync(docx, await docxOf(big));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
  for (const [label, file] of [
    ['DOCX', docx],
    ['PDF (lớp chữ)', join(dir, 'big.pdf')],
  ] as const) {
    const r = await time(file, 3);
    const mbps = r.chars / 1024 / 1024 / (r.ms / 1000);
    rows.push([
      label,
      `${(r.bytes / 1024).toFixed(0)} KB`,
      `${(r.chars / 1024 / 1024).toFixed(2)} MB`,
      `${(r.ms / 1000).toFixed(2)} s`,
      `${mbps.toFixed(2)} MB/s`,
    ]);
  }
  if (await ocrAvailable()) {
    for (const [label, file] of [
      ['OCR ảnh JPEG 300 dpi, 1 trang', join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.jpg')],
      ['OCR PDF quét 300 dpi, 1 trang', join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.scan.pdf')],
    ] as const) {
      const r = await time(file, 1);
      rows.push([label, `${(r.bytes / 1024).toFixed(0)} KB`, `${(r.chars / 1024).toFixed(1)} KB`, `${(r.ms / 1000).toFixed(2)} s`, '']);
    }
  } else console.log('OCR not measured: Tesseract with Vietnamese is not installed (apt-get install -y tesseract-ocr tesseract-ocr-vie)');
  console.log(table(['Định dạng', 'Tệp', 'Chữ trích ra', 'Thời gian (tốt nhất)', 'Tốc độ'], rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
