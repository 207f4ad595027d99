// What a format reader gives the importer: plain text in the shape the parser reads, and what it noticed.
import { AppError, ErrorCode } from '../../core/errors.ts';
import type { ParseWarning } from '../../core/parse-warnings.ts';

export type SourceFormat = 'text' | 'docx' | 'pdf' | 'pdf-scan' | 'image' | 'html' | 'doc' | 'odt';

export interface Extracted {
  text: string;
  format: SourceFormat;
  /** Set when the text comes from OCR: the mean word confidence (0–100) Tesseract reported. */
  ocr?: { confidence: number };
  /** What the reader noticed, in Vietnamese (the sentences of `warningCodes` when it gave them). */
  warnings: string[];
  /** The same as codes, shown in the reader's language and stored with the documents. */
  warningCodes?: ParseWarning[];
  /** A PDF's pages, by the first words each starts with (after page furniture is removed), to cite "trang N". */
  pageHeads?: string[];
}

export interface FormatLimits {
  maxBytes: number;
  maxPages: number;
  maxOcrPages: number;
  maxUnzippedBytes: number;
  /** Time allowed for one file's reading (OCR processes are killed past it). */
  maxSeconds: number;
  /** The Tesseract command (TESSERACT_BIN). */
  tesseract: string;
  /** LibreOffice's command, to read .doc with its automatic list numbers (SOFFICE_BIN; '' = word-extractor only). */
  soffice: string;
  /** poppler's pdftohtml, the fast reader of PDF text (PDFTOHTML_BIN; '' = pdf.js only). */
  pdftohtml: string;
  /** Told after each page OCR has read (uploads show it in chat). */
  onOcrPage?: (done: number, total: number) => void;
}

export const DEFAULT_LIMITS: FormatLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 500,
  maxOcrPages: 50,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxSeconds: 120,
  tesseract: 'tesseract',
  soffice: 'soffice',
  pdftohtml: 'pdftohtml',
};

/** Why a file is refused: in Vietnamese, or in both languages where an admin reading English can meet it (chat uploads). */
export type Reason = string | { vi: string; en: string };

/** A refusal naming the file and the reason, shown as is in the import summary. */
export function refuse(file: string, reason: Reason): AppError {
  if (typeof reason === 'string') return new AppError(ErrorCode.Unreadable, `Tệp ${file}: ${reason}`);
  return new AppError(ErrorCode.Unreadable, `Tệp ${file}: ${reason.vi}`, { en: `File ${file}: ${reason.en}` });
}
