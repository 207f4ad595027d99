// Text positions of a PDF by poppler's pdftohtml (Debian poppler-utils, the package OCR already needs for
// pdftoppm), run as a process: native, about 2.5× less CPU than pdf.js's text extraction here and, for long files,
// run on page ranges in parallel. The same items pdf.js gives (text runs with position, width and font size) go
// through the same layout code. pdf.js stays the reader when pdftohtml is not installed or fails on a file (its
// refusals — password, broken, too many pages — are the ones the admin reads).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Item } from './pdf-layout.ts';
import { refuse } from './types.ts';

export interface PopplerPage {
  items: Item[];
  height: number;
}

/** Pages at or above which the file is read as several page ranges at once (one per core). */
const PARALLEL_PAGES = 24;

/** stdout, or null when the command is missing or fails; running out of time is the file's refusal. */
function run(bin: string, args: string[], timeout: number, file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => {
      if (err?.killed)
        reject(
          refuse(file, {
            vi: `đọc PDF quá ${Math.round(timeout / 1000)} giây (IMPORT_MAX_SECONDS): dừng, không nhập.`,
            en: `reading the PDF took over ${Math.round(timeout / 1000)} s (IMPORT_MAX_SECONDS): stopped, not imported.`,
          }),
        );
      else resolve(err ? null : stdout);
    });
  });
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10)) : (ENTITY[e] ?? m),
    );

const PAGE = /<page number="(\d+)"[^>]*height="([\d.]+)"/y;
const FONT = /<fontspec id="(\d+)" size="(-?[\d.]+)"/g;
const TEXT = /<text top="([-\d.]+)" left="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)" font="(\d+)">(.*)<\/text>$/;

/** pdftohtml's XML (zoom 1, unrounded coordinates: PDF points, top-left origin) as pages of items. */
export function parsePdfXml(xml: string): PopplerPage[] {
  const pages: PopplerPage[] = [];
  const sizes = new Map<string, number>();
  let page: PopplerPage | null = null;
  for (const line of xml.split('\n')) {
    if (line.startsWith('<page ')) {
      PAGE.lastIndex = 0;
      const m = PAGE.exec(line);
      page = { items: [], height: Number(m?.[2] ?? 842) };
      pages.push(page);
    } else if (line.startsWith('\t<fontspec')) {
      for (const m of line.matchAll(FONT)) sizes.set(m[1]!, Number(m[2]));
    } else if (page && line.startsWith('<text ')) {
      const m = TEXT.exec(line);
      if (!m) continue;
      const text = decode(m[6]!);
      if (!text.trim()) continue;
      const [top, left, width, height] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      // The font size as pdftohtml states it (whole points); the box is the font's ascent to descent, its
      // baseline at 0.73 of it (where pdf.js puts it on the PDFs LibreOffice writes; 0.8 in Times New Roman): y from the bottom of the page, as pdf.js gives it.
      const size = sizes.get(m[5]!) || height / 1.3;
      page.items.push({ text, x: left, y: page.height - top - height * 0.73, w: width, size });
    }
  }
  return pages;
}

const args = (first: number, last: number) => [
  '-xml',
  '-i',
  '-q',
  '-stdout',
  '-nomerge',
  '-hidden',
  '-nodrm',
  '-zoom',
  '1',
  '-noroundcoord',
  '-f',
  String(first),
  '-l',
  String(last),
];

/** pdfinfo beside the pdftohtml command (both are poppler-utils). */
const pdfinfoOf = (bin: string) => (basename(bin) === bin ? 'pdfinfo' : join(dirname(bin), 'pdfinfo'));

async function pageRanges(bin: string, path: string, pages: number, timeoutMs: number, file: string): Promise<PopplerPage[] | null> {
  const parts = pages >= PARALLEL_PAGES ? Math.min(availableParallelism(), Math.ceil(pages / PARALLEL_PAGES)) : 1;
  const per = Math.ceil(pages / parts);
  const ranges = Array.from({ length: parts }, (_, i) => [i * per + 1, Math.min(pages, (i + 1) * per)] as const).filter(([a, b]) => a <= b);
  const outs = await Promise.all(ranges.map(([a, b]) => run(bin, [...args(a, b), path], timeoutMs, file)));
  if (outs.some((o) => o === null)) return null;
  const read = outs.flatMap((o) => parsePdfXml(o!));
  return read.length === pages ? read : null;
}

/**
 * The pages of a PDF with a text layer, by poppler; null when pdftohtml or pdfinfo is missing or fails (a
 * password, a broken file) or the file has more than `maxPages` pages: the caller then reads the file with
 * pdf.js, whose refusals say why. Running out of time refuses the file.
 */
export async function popplerPages(
  bin: string,
  buf: Buffer,
  file: string,
  limits: { maxPages: number; maxSeconds: number },
): Promise<PopplerPage[] | null> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, buf);
    const timeoutMs = limits.maxSeconds * 1000;
    const info = await run(pdfinfoOf(bin), [path], timeoutMs, file);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info ?? '')?.[1] ?? 0);
    if (!pages || pages > limits.maxPages) return null;
    return await pageRanges(bin, path, pages, timeoutMs, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
