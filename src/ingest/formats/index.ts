// Reads any supported file as text for the parser, by the format its bytes show (not its extension):
// UTF-8 text/Markdown, DOCX, PDF (text layer, or OCR of a scan), images (OCR), saved HTML pages, Word 97–2003.
import { readFile, stat } from 'node:fs/promises';
import { isAppError } from '../../core/errors.ts';
import { detectFormat, type Detected } from './detect.ts';
import { refuse, type Extracted, type FormatLimits } from './types.ts';

export type { Extracted, FormatLimits, SourceFormat } from './types.ts';
export { DEFAULT_LIMITS } from './types.ts';

export interface Loaded {
  path: string;
  /** The name the file is known by in messages. */
  name: string;
  buf: Buffer;
  kind: Detected;
}

const SUPPORTED = 'hỗ trợ .txt, .md, .docx, .doc, .odt, .pdf (có lớp chữ hoặc bản quét), ảnh JPG/PNG/TIFF và trang HTML đã lưu';
const SUPPORTED_EN =
  'supported: .txt, .md, .docx, .doc, .odt, .pdf (with a text layer or scanned), JPG/PNG/TIFF images and saved HTML pages';

/** Reads the file within the size limit and tells its format. */
export async function loadFile(path: string, name: string, limits: FormatLimits): Promise<Loaded> {
  const st = await stat(path);
  if (!st.isFile())
    throw refuse(name, {
      vi: 'không phải tệp thông thường (thư mục, FIFO hay thiết bị): bỏ qua.',
      en: 'not a regular file (a folder, FIFO or device): skipped.',
    });
  if (st.size > limits.maxBytes)
    throw refuse(name, {
      vi: `quá lớn (${(st.size / 1024 / 1024).toFixed(1)} MB; giới hạn ${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB, đặt bằng IMPORT_MAX_MB).`,
      en: `too large (${(st.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB, set by IMPORT_MAX_MB).`,
    });
  const buf = await readFile(path);
  return { path, name, buf, kind: detectFormat(buf) };
}

/** Whether the file is plain text (its own text is hashed); other formats are hashed by their bytes. */
export const isPlainText = (l: Loaded) => l.kind === 'text';

export async function extract(l: Loaded, limits: FormatLimits): Promise<Extracted> {
  try {
    return await read(l, limits);
  } catch (e) {
    if (isAppError(e)) throw e;
    // A reader's own failure on a malformed file: named with the format, the details in the log.
    throw refuse(l.name, {
      vi: `tệp ${l.kind.toUpperCase()} bị hỏng hoặc không đọc được (${String((e as Error)?.message ?? e).slice(0, 120)}).`,
      en: `the ${l.kind.toUpperCase()} file is damaged or unreadable (${String((e as Error)?.message ?? e).slice(0, 120)}).`,
    });
  }
}

// Each reader (and its XML, ZIP, HTML or PDF library) is loaded the first time a file of its format comes: a start
// that imports only .txt files, as the shipped data/ is, never loads them.
async function read(l: Loaded, limits: FormatLimits): Promise<Extracted> {
  switch (l.kind) {
    case 'text':
      return { text: decodeUtf8(l), format: 'text', warnings: [] };
    case 'html':
      return (await import('./html.ts')).readHtml(decodeUtf8(l));
    case 'docx':
      return (await import('./docx.ts')).readDocx(l.buf, l.name, limits);
    case 'pdf':
      return (await import('./pdf.ts')).readPdf(l.buf, l.name, limits);
    case 'ole':
      return (await import('./doc.ts')).readDoc(l.buf, l.name, limits);
    case 'png':
    case 'jpeg':
    case 'tiff':
      return (await import('./ocr.ts')).ocrImage(l.path, l.name, limits);
    case 'odt':
      return (await import('./odt.ts')).readOdt(l.buf, l.name, limits);
    case 'rtf':
      throw refuse(l.name, {
        vi: `là tài liệu RTF, chưa đọc được (RTF không được hỗ trợ); hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập lại (${SUPPORTED}).`,
        en: `is an RTF document, which cannot be read yet (RTF is not supported); open it in Word or LibreOffice, save it as .docx and import that (${SUPPORTED_EN}).`,
      });
    case 'zip':
      throw refuse(l.name, {
        vi: `là tệp nén (zip) không phải tài liệu Word; hãy giải nén và nhập từng tệp (${SUPPORTED}).`,
        en: `is a zip archive, not a Word document; unpack it and import each file (${SUPPORTED_EN}).`,
      });
    default:
      throw refuse(l.name, {
        vi: `không phải văn bản (tệp nhị phân, định dạng không nhận ra; ${SUPPORTED}).`,
        en: `is not a document (a binary file of a format not recognised; ${SUPPORTED_EN}).`,
      });
  }
}

function decodeUtf8(l: Loaded): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(l.buf);
  } catch {
    throw refuse(l.name, { vi: 'không đọc được: không phải mã UTF-8.', en: 'unreadable: not UTF-8 text.' });
  }
}
