// OCR of scans (an image, or a PDF without text) by Tesseract in Vietnamese, run as a process. Missing
// Tesseract or its Vietnamese data refuses the file with the command that installs them.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { refuse, type Extracted, type FormatLimits } from './types.ts';
import { warningTexts, type ParseWarning } from '../../core/parse-warnings.ts';

const run = promisify(execFile);
export const OCR_INSTALL = 'apt-get install -y tesseract-ocr tesseract-ocr-vie';
export const PDFTOPPM_INSTALL = 'apt-get install -y poppler-utils';

const available = new Map<string, Promise<boolean>>();

/** Whether `tesseract` runs here with the Vietnamese data (asked once per process and command). */
export function ocrAvailable(bin = 'tesseract'): Promise<boolean> {
  let p = available.get(bin);
  if (!p) {
    p = run(bin, ['--list-langs'], { timeout: 10_000 }).then(
      (r) => /^vie$/m.test(`${r.stdout}\n${r.stderr}`),
      () => false,
    );
    available.set(bin, p);
  }
  return p;
}

async function requireOcr(file: string, bin: string): Promise<void> {
  if (!(await ocrAvailable(bin)))
    throw refuse(file, {
      vi: `là bản quét (ảnh), cần nhận dạng chữ (OCR) nhưng máy chưa cài Tesseract tiếng Việt. Cài bằng: ${OCR_INSTALL}`,
      en: `is a scan (an image) that needs OCR, but Tesseract with Vietnamese is not installed. Install it with: ${OCR_INSTALL}`,
    });
}

/** Mean confidence of the words of Tesseract's TSV output (0–100). */
function confidenceOf(tsv: string): { sum: number; words: number } {
  let sum = 0;
  let words = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    const conf = Number(c[10]);
    if (c.length >= 12 && conf >= 0 && (c[11] ?? '').trim()) {
      sum += conf;
      words++;
    }
  }
  return { sum, words };
}

async function tesseract(image: string, outBase: string, file: string, deadline: number, limits: FormatLimits) {
  const timeout = Math.round(Math.max(1000, deadline - performance.now()));
  try {
    await run(limits.tesseract, [image, outBase, '-l', 'vie', '--psm', '3', 'txt', 'tsv'], {
      timeout,
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
  } catch (e) {
    if ((e as { killed?: boolean }).killed)
      throw refuse(file, {
        vi: `nhận dạng chữ (OCR) quá ${limits.maxSeconds} giây (IMPORT_MAX_SECONDS): dừng, không nhập.`,
        en: `OCR took over ${limits.maxSeconds} s (IMPORT_MAX_SECONDS): stopped, not imported.`,
      });
    throw refuse(file, {
      vi: `ảnh không nhận dạng được (${String((e as Error).message).split('\n')[0]}).`,
      en: `the image could not be read (${String((e as Error).message).split('\n')[0]}).`,
    });
  }
  return { text: await readFile(`${outBase}.txt`, 'utf8'), ...confidenceOf(await readFile(`${outBase}.tsv`, 'utf8')) };
}

async function ocrImages(images: string[], dir: string, file: string, limits: FormatLimits, deadline: number): Promise<Extracted> {
  const texts: string[] = [];
  let [sum, words] = [0, 0];
  for (const [i, img] of images.entries()) {
    const r = await tesseract(img, join(dir, `out-${i}`), file, deadline, limits);
    texts.push(r.text.trimEnd());
    sum += r.sum;
    words += r.words;
    limits.onOcrPage?.(i + 1, images.length);
  }
  const confidence = words ? Math.round((sum / words) * 10) / 10 : 0;
  const warningCodes: ParseWarning[] = [{ code: 'ocr', confidence }];
  return { text: texts.join('\n\n'), format: 'image', ocr: { confidence }, warnings: warningTexts(warningCodes), warningCodes };
}

export async function ocrImage(path: string, file: string, limits: FormatLimits): Promise<Extracted> {
  await requireOcr(file, limits.tesseract);
  const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
  try {
    return await ocrImages([path], dir, file, limits, performance.now() + limits.maxSeconds * 1000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A scanned PDF: its pages rasterised at 300 dpi by pdftoppm, then read by Tesseract. */
export async function ocrPdf(buf: Buffer, file: string, pages: number, limits: FormatLimits): Promise<Extracted> {
  await requireOcr(file, limits.tesseract);
  if (pages > limits.maxOcrPages)
    throw refuse(file, {
      vi: `là bản quét ${pages} trang, quá giới hạn nhận dạng chữ ${limits.maxOcrPages} trang (IMPORT_OCR_MAX_PAGES): không nhập.`,
      en: `is a scan of ${pages} pages, over the OCR limit of ${limits.maxOcrPages} pages (IMPORT_OCR_MAX_PAGES): not imported.`,
    });
  const deadline = performance.now() + limits.maxSeconds * 1000;
  const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await (await import('node:fs/promises')).writeFile(pdf, buf);
    try {
      await run('pdftoppm', ['-r', '300', '-gray', '-png', pdf, join(dir, 'page')], {
        timeout: Math.round(Math.max(1000, deadline - performance.now())),
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT')
        throw refuse(file, {
          vi: `là bản quét, cần pdftoppm để tách trang. Cài bằng: ${PDFTOPPM_INSTALL}`,
          en: `is a scan and needs pdftoppm to split its pages. Install it with: ${PDFTOPPM_INSTALL}`,
        });
      throw refuse(file, {
        vi: `không tách được trang của bản quét (${String((e as Error).message).split('\n')[0]}).`,
        en: `the scan's pages could not be split (${String((e as Error).message).split('\n')[0]}).`,
      });
    }
    const images = (await readdir(dir))
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => join(dir, f));
    return { ...(await ocrImages(images, dir, file, limits, deadline)), format: 'pdf-scan' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
