// PDF with a text layer: text positions (poppler's pdftohtml when installed, else pdfjs-dist) → lines in reading order, page furniture removed,
// paragraphs re-joined, tables rebuilt. A PDF without text (a scan) goes to OCR.
import { dropFurniture, linesOf, type Item, type Line } from './pdf-layout.ts';
import { piecesOf, piecesText } from './pdf-tables.ts';
import { ocrPdf } from './ocr.ts';
import { popplerPages } from './pdf-poppler.ts';
import { refuse, type Extracted, type FormatLimits } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const load = () => (pdfjs ??= loadPdfJs());

/**
 * pdf.js's legacy build (the one that runs on Node 20) bundles core-js, which replaces Array.prototype.push,
 * JSON.parse and JSON.stringify for the whole process with slower JavaScript versions (V8's own are correct for
 * everything pdf.js and we do). The push alone took a fifth of text extraction; the natives are put back.
 */
async function loadPdfJs(): Promise<PdfJs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker code, loaded here rather than by pdf.js at the first document, runs in this thread (pdf.js's
  // "fake worker", which looks for it on globalThis) and brings core-js again: it is loaded before the natives
  // are put back.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  Object.defineProperty(Array.prototype, 'push', { value: natives.push, writable: true, configurable: true, enumerable: false });
  Object.assign(JSON, { parse: natives.parse, stringify: natives.stringify });
  return mod;
}

/** Characters per page below which a PDF is taken for a scan (a page number or a stamp is not a text layer). */
const SCAN_CHARS_PER_PAGE = 40;

interface Read {
  pages: { lines: Line[]; height: number }[];
  /** Characters of text, to tell a scan (a page number or a stamp is not a text layer). */
  chars: number;
}

const charsOf = (items: Item[]) => items.reduce((n, it) => n + it.text.trim().length, 0);

/** By poppler when it is installed and reads the file; null sends the file to pdf.js. */
async function readByPoppler(buf: Buffer, file: string, limits: FormatLimits): Promise<Read | null> {
  if (!limits.pdftohtml) return null;
  const pages = await popplerPages(limits.pdftohtml, buf, file, limits);
  if (!pages) return null;
  return {
    pages: pages.map((p) => ({ lines: linesOf(p.items), height: p.height })),
    chars: pages.reduce((n, p) => n + charsOf(p.items), 0),
  };
}

export async function readPdf(buf: Buffer, file: string, limits: FormatLimits): Promise<Extracted> {
  const read = (await readByPoppler(buf, file, limits)) ?? (await readByPdfJs(buf, file, limits));
  if (read.chars < SCAN_CHARS_PER_PAGE * read.pages.length) return await ocrPdf(buf, file, read.pages.length, limits);
  const kept = dropFurniture(read.pages);
  // Each segment is told its page (the segments are this read's own objects).
  kept.forEach((ls, p) => ls.forEach((l) => l.segs.forEach((s) => (s.page = p))));
  const lines = kept.flat();
  const pageHeads = kept.map((ls) => (ls[0]?.segs.map((s) => s.text).join(' ') ?? '').normalize('NFC'));
  return { text: piecesText(piecesOf(lines)).normalize('NFC'), format: 'pdf', warnings: [], pageHeads };
}

async function readByPdfJs(buf: Buffer, file: string, limits: FormatLimits): Promise<Read> {
  const { getDocument } = await load();
  const task = getDocument({
    data: new Uint8Array(buf),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    useSystemFonts: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException')
      throw refuse(file, {
        vi: 'PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại.',
        en: 'the PDF is password-protected; remove the password and import it again.',
      });
    throw refuse(file, {
      vi: `PDF bị hỏng, không đọc được (${(e as Error)?.message ?? e}).`,
      en: `the PDF is damaged and cannot be read (${(e as Error)?.message ?? e}).`,
    });
  }
  try {
    if (doc.numPages > limits.maxPages)
      throw refuse(file, {
        vi: `PDF có ${doc.numPages} trang, quá giới hạn ${limits.maxPages} trang (IMPORT_MAX_PAGES): không nhập.`,
        en: `the PDF has ${doc.numPages} pages, over the ${limits.maxPages}-page limit (IMPORT_MAX_PAGES): not imported.`,
      });
    const deadline = performance.now() + limits.maxSeconds * 1000;
    const pages: Read['pages'] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (performance.now() > deadline)
        throw refuse(file, {
          vi: `đọc PDF quá ${limits.maxSeconds} giây (IMPORT_MAX_SECONDS), dừng ở trang ${n}: không nhập.`,
          en: `reading the PDF took over ${limits.maxSeconds} s (IMPORT_MAX_SECONDS), stopped at page ${n}: not imported.`,
        });
      const page = await doc.getPage(n);
      const [, , , height] = page.view as [number, number, number, number];
      // pdf.js's own normalisation (NFKC per item) took about half the time; the text is NFC-normalised once below.
      const content = await page.getTextContent({ disableNormalization: true });
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ text: it.str, x: x!, y: y!, w: it.width, size: Math.hypot(a!, b!) || it.height || 10 });
      }
      chars += charsOf(items);
      pages.push({ lines: linesOf(items), height });
      page.cleanup();
    }
    return { pages, chars };
  } finally {
    await doc.destroy();
  }
}
