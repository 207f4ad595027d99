// What the importer notices about a document (no number, no date, possibly cut short, read by OCR …), as a code and
// its parameters, written in the reader's language only when shown. The documents store the codes (a JSON array,
// Document.warnings); documents imported before the codes were kept stored the Vietnamese sentences, and those are
// shown as they are.
import { catalog, type Locale } from './i18n.ts';

export type ParseWarning =
  /** No header block: the issuer was found in the body. */
  | { code: 'issuer-from-body'; issuer: string }
  /** No issue date: the year is the first of the period in the title ("2007 - 2010"). */
  | { code: 'year-from-period'; year: number; period: string }
  | { code: 'no-date' }
  | { code: 'no-number' }
  /** No closing block and a last line in mid-sentence: `end` is the last words of the file. */
  | { code: 'cut-short'; end: string }
  /** The task or target extraction failed with `error`; the document is kept without them. */
  | { code: 'tasks-failed'; error: string }
  | { code: 'targets-failed'; error: string }
  /** The text was read by OCR with this mean word confidence (0–100). */
  | { code: 'ocr'; confidence: number }
  /** A .doc read without LibreOffice: Word's automatic list numbers may be lost (`install` tells how to get it). */
  | { code: 'doc-numbers-lost'; install: string };

/** A warning as stored: its code, or the sentence a document imported before the codes were kept has. */
export type StoredWarning = ParseWarning | string;

type Texts = { [C in ParseWarning['code']]: (w: Extract<ParseWarning, { code: C }>) => string };

const TEXT = catalog<Texts>({
  vi: {
    'issuer-from-body': (w) => `Không có phần đầu văn bản: cơ quan ban hành "${w.issuer}" suy ra từ nội dung.`,
    'year-from-period': (w) => `Không có ngày ban hành: năm ${w.year} suy ra từ giai đoạn ${w.period}.`,
    'no-date': () => 'Không có ngày ban hành.',
    'no-number': () => 'Không có số hiệu văn bản.',
    'cut-short': (w) =>
      `Văn bản có thể bị cắt cụt: không có phần nơi nhận, chữ ký, và dòng cuối dừng giữa câu (“…${w.end}”). Hãy đối chiếu với tệp gốc.`,
    'tasks-failed': (w) => `Lỗi khi tách nhiệm vụ: ${w.error}`,
    'targets-failed': (w) => `Lỗi khi tách chỉ tiêu: ${w.error}`,
    ocr: (w) => `Văn bản trích từ bản quét (OCR, độ tin cậy ${w.confidence}%), có thể sai chính tả.`,
    'doc-numbers-lost': (w) =>
      'danh sách tự động đánh số trong .doc có thể mất số thứ tự (I., 1., a) của Word không đọc được); hãy kiểm tra các mục, hoặc lưu thành .docx rồi nhập lại' +
      ` (cài LibreOffice để đọc được số thứ tự: ${w.install}).`,
  },
  en: {
    'issuer-from-body': (w) => `No header: the issuer "${w.issuer}" was inferred from the text.`,
    'year-from-period': (w) => `No issue date: the year ${w.year} was inferred from the period ${w.period}.`,
    'no-date': () => 'No issue date.',
    'no-number': () => 'No document number.',
    'cut-short': (w) =>
      `The text may be cut short: it has no recipients or signature, and its last line stops mid-sentence (“…${w.end}”). Compare it with the original file.`,
    'tasks-failed': (w) => `Extracting the tasks failed: ${w.error}`,
    'targets-failed': (w) => `Extracting the targets failed: ${w.error}`,
    ocr: (w) => `Text read from a scan (OCR, confidence ${w.confidence}%): it may contain misspellings.`,
    'doc-numbers-lost': (w) =>
      "automatic list numbers in a .doc may be lost (Word's I., 1., a) could not be read); check the sections, or save it as .docx and import it again" +
      ` (install LibreOffice to read the numbers: ${w.install}).`,
  },
});

/** The warning in the reader's language; a stored sentence (from before the codes) as it is. */
export function warningIn(locale: Locale, w: StoredWarning): string {
  if (typeof w === 'string') return w;
  const say = TEXT(locale)[w.code] as ((w: ParseWarning) => string) | undefined;
  // A code this version does not know (written by a newer one) is shown as its code rather than dropped.
  return say ? say(w) : w.code;
}

/** The Vietnamese sentences of these warnings: the parser's `warnings`, `cli show --json`'s `warnings`. */
export const warningTexts = (list: readonly StoredWarning[]): string[] => list.map((w) => warningIn('vi', w));

/** A stored (parsed JSON) element as a warning: a sentence, or an object with a code; anything else is dropped. */
export function storedWarning(v: unknown): StoredWarning | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') return v as ParseWarning;
  return null;
}
