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
import { DEFAULT_LIMITS, extract, loadFile, type FormatLimits } from '../../src/ingest/formats/index.ts';
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

/** CPU time of this process and of its children that have ended (pdftohtml, Tesseract), in ms. */
function cpuNow(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // /proc/self/stat fields 16–17: cutime, cstime in clock ticks (100 per second on Linux).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    // not Linux: the children's time is not counted
  }
  return (own.user + own.system) / 1000 + children;
}

type Timed = { ms: number; cpuMs: number; chars: number; bytes: number };

/** Best of `runs` for each reader setting, the settings' runs interleaved (one round each in turn). */
async function time(file: string, runs: number, settings: FormatLimits[] = [limits]): Promise<Timed[]> {
  const loaded = await loadFile(file, file, limits);
  const out = settings.map(() => ({ ms: Infinity, cpuMs: Infinity, chars: 0, bytes: loaded.buf.length }));
  for (let i = 0; i < runs; i++)
    for (const [k, lim] of settings.entries()) {
      const t0 = performance.now();
      const c0 = cpuNow();
      const text = (await extract(loaded, lim)).text;
      const o = out[k]!;
      o.ms = Math.min(o.ms, performance.now() - t0);
      o.cpuMs = Math.min(o.cpuMs, cpuNow() - c0);
      o.chars = Buffer.byteLength(text);
    }
  return out;
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
const popplerInstalled = async () => {
  try {
    execFileSync('pdftohtml', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

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
  const row = (label: string, r: Timed) => [
    label,
    `${(r.bytes / 1024).toFixed(0)} KB`,
    `${mb(r.chars).toFixed(2)} MB`,
    `${(r.ms / 1000).toFixed(2)} s`,
    `${(r.cpuMs / 1000).toFixed(2)} s`,
    `${(mb(r.chars) / (r.ms / 1000)).toFixed(2)} MB/s`,
    `${(mb(r.chars) / (r.cpuMs / 1000)).toFixed(2)} MB/s`,
  ];
  // PDFs by both readers, interleaved: poppler's pdftohtml (the default when installed) and pdf.js (without it).
  const readers: [string, FormatLimits][] = [
    ['poppler', limits],
    ['pdf.js', { ...limits, pdftohtml: '' }],
  ];
  if (!(await popplerInstalled())) console.log('poppler not measured: pdftohtml is not installed (apt-get install -y poppler-utils)');
  for (const [label, file] of files) {
    if (!file.endsWith('.pdf')) rows.push(row(label, (await time(file, 3))[0]!));
    else {
      const used = (await popplerInstalled()) ? readers : readers.slice(1);
      const got = await time(
        file,
        3,
        used.map(([, l]) => l),
      );
      used.forEach(([name], i) => rows.push(row(`${label}, ${name}`, got[i]!)));
    }
  }
  if (await ocrAvailable()) {
    for (const [label, file] of [
      ['OCR ảnh JPEG 300 dpi, 1 trang', join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.jpg')],
      ['OCR PDF quét 300 dpi, 1 trang', join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.scan.pdf')],
    ] as const) {
      const r = (await time(file, 1))[0]!;
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
