// Imports directive texts: read → parse → store, one transaction per file, never stopping the batch on a bad file.
import { createHash } from 'node:crypto';
import type { ImportConfig, IngestDeps } from './deps.ts';
import { findStoredVersions } from './repo/stored-documents.ts';
import { AppError, ErrorCode, isAppError } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import { warningIn } from '../core/parse-warnings.ts';
import type { ParsedDocument } from '../core/types.ts';
import { cleanInput } from '../core/text.ts';
import { AgencyRows } from './agency-rows.ts';
import { checkLines, collectFiles, sourceName } from './files.ts';
import { extract, isPlainText, loadFile, type Extracted, type FormatLimits } from './formats/index.ts';
import { PARSER_VERSION, parseDocumentText } from './parse/index.ts';
import { storeDocuments, type StoredCounts } from './store.ts';
import { openRawSql, type RawSql } from '../db/raw.ts';
import { assignPages } from './pages.ts';
import { outcomeIn } from './import-text.ts';

export type FileStatus = 'new' | 'updated' | 'unchanged' | 'error';

export interface FileResult {
  file: string;
  status: FileStatus;
  counts: StoredCounts;
  /** A replaced file's counts before (status 'updated'). */
  before?: StoredCounts;
  titles: string[];
  message: string; // Vietnamese, for the progress line (outcomeIn gives it in the reader's language)
  /** A failure's message in English (for an admin who reads English in chat), when it has one. */
  messageEn?: string;
  /** What the parser noticed in the file's documents (no number, possibly cut short …), in Vietnamese. */
  warnings: string[];
  /** The same in English, when the file was read. */
  warningsEn?: string[];
  ms: number;
  /** The format the text was read from (docx, pdf, pdf-scan …), when the file was read. */
  format?: string;
}

export interface ImportSummary {
  files: FileResult[];
  changed: boolean; // anything new, updated
}

export interface ImportOptions {
  onProgress?: (r: FileResult, index: number, total: number) => void;
  /** Called before a file is read (OCR of a scan takes seconds): the CLI shows what it is reading. */
  onStart?: (file: string, index: number, total: number) => void;
  parse?: typeof parseDocumentText;
  /** The name a file is stored under (default: its path relative to the working directory). */
  sourceOf?: (file: string) => string;
  /** Called after each page of a scan OCR has read. */
  onOcrPage?: (file: string, done: number, total: number) => void;
}

const ZERO: StoredCounts = { documents: 0, sections: 0, tasks: 0, indicators: 0 };

export async function importPaths(app: IngestDeps, paths: string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const parse = opts.parse ?? parseDocumentText;
  const { files, missing } = collectFiles(paths);
  const results: FileResult[] = missing.map((file) => ({
    file,
    status: 'error',
    counts: ZERO,
    titles: [],
    message: `Không tìm thấy tệp hoặc thư mục ${file}.`,
    messageEn: `No such file or folder: ${file}.`,
    warnings: [],
    ms: 0,
  }));
  const agencies = new AgencyRows(app.registry);
  const total = files.length + missing.length;
  results.forEach((r, i) => opts.onProgress?.(r, i, total));
  // The file's rows are written through a plain connection of our own (src/ingest/store.ts), with a short lock wait.
  const raw = files.length ? await openRawSql(app.config.DATABASE_URL) : null;
  try {
    for (const file of files) {
      opts.onStart?.(opts.sourceOf?.(file) ?? sourceName(file), results.length, total);
      const t0 = performance.now();
      const source = opts.sourceOf?.(file) ?? sourceName(file);
      const onPage = opts.onOcrPage && ((done: number, n: number) => opts.onOcrPage!(source, done, n));
      const result = await importOne(app, raw!, file, source, agencies, parse, onPage);
      result.ms = performance.now() - t0;
      results.push(result);
      opts.onProgress?.(result, results.length - 1, total);
    }
  } finally {
    await raw?.close();
  }
  return { files: results, changed: results.some((r) => r.status === 'new' || r.status === 'updated') };
}

async function importOne(
  app: IngestDeps,
  raw: RawSql,
  file: string,
  source: string,
  agencies: AgencyRows,
  parse: typeof parseDocumentText,
  onOcrPage?: FormatLimits['onOcrPage'],
): Promise<FileResult> {
  const base = { file: source, counts: ZERO, titles: [] as string[], warnings: [] as string[], ms: 0 };
  const cfg = app.config;
  const started = performance.now();
  let docs: ParsedDocument[];
  const limits = { ...formatLimits(cfg), onOcrPage };
  try {
    const loaded = await loadFile(file, source, limits);
    // Plain text is hashed as read (cleaned); other formats by their bytes, so an unchanged scan is not OCR'd again.
    // The parser's version is hashed too: a file read by an older parser is read again on its next import.
    let got: Extracted | null = isPlainText(loaded) ? await extract(loaded, limits) : null;
    const hash = createHash('sha256')
      .update(PARSER_VERSION)
      .update(got ? cleanInput(got.text) : loaded.buf)
      .digest('hex');
    const existing = await findStoredVersions(app.db, source);
    if (existing.length && existing.every((d) => d.contentHash === hash)) {
      const unchanged = { ...base, status: 'unchanged' as const, titles: existing.map((d) => d.title) };
      return { ...unchanged, message: outcomeIn('vi', unchanged) };
    }
    got ??= await extract(loaded, limits);
    const text = cleanInput(got.text);
    checkLines(text, source, cfg.IMPORT_MAX_LINES);
    docs = parse(text, { fileName: source, registry: app.registry });
    assignPages(docs, text, got.pageHeads?.map(cleanInput));
    for (const d of docs) {
      d.warningCodes = [...(got.warningCodes ?? got.warnings), ...(d.warningCodes ?? d.warnings)];
      d.warnings.unshift(...got.warnings);
    }
    const parseSeconds = (performance.now() - started) / 1000;
    if (parseSeconds > cfg.IMPORT_MAX_SECONDS)
      throw new AppError(
        ErrorCode.Unreadable,
        `Tệp ${source}: phân tích mất ${parseSeconds.toFixed(0)} giây, quá giới hạn ${cfg.IMPORT_MAX_SECONDS} giây (IMPORT_MAX_SECONDS): không nhập.`,
        {
          en: `File ${source}: parsing took ${parseSeconds.toFixed(0)} s, over the ${cfg.IMPORT_MAX_SECONDS} s limit (IMPORT_MAX_SECONDS): not imported.`,
        },
      );
    const warningsIn = (locale: Locale) =>
      docs.flatMap((d) =>
        (d.warningCodes ?? d.warnings).map((w) => (docs.length > 1 ? `${d.number ?? d.title.slice(0, 40)}: ` : '') + warningIn(locale, w)),
      );
    const [warnings, warningsEn] = [warningsIn('vi'), warningsIn('en')];
    for (const d of docs) for (const a of d.inlineAliases) app.registry.learnAlias(a.alias, a.key);
    const before = sumCounts(
      existing.map((d) => d._count),
      existing.length,
    );
    const counts = await storeDocuments(app.db, raw, agencies, source, hash, docs, {
      format: got.format,
      ocrConfidence: got.ocr?.confidence ?? null,
    });
    const titles = docs.map((d) => d.number ?? d.title);
    const read = { ...base, counts, titles, warnings, warningsEn, format: got.format };
    const done = existing.length ? { ...read, status: 'updated' as const, before } : { ...read, status: 'new' as const };
    return { ...done, message: outcomeIn('vi', done) };
  } catch (e) {
    app.log.warn({ file: source, err: (e as Error).message }, 'import failed');
    return { ...base, status: 'error', message: failureMessage(e, source), messageEn: failureMessage(e, source, 'en') };
  }
}

function formatLimits(cfg: ImportConfig): FormatLimits {
  return {
    maxBytes: cfg.IMPORT_MAX_MB * 1024 * 1024,
    maxPages: cfg.IMPORT_MAX_PAGES,
    maxOcrPages: cfg.IMPORT_OCR_MAX_PAGES,
    maxUnzippedBytes: cfg.IMPORT_MAX_UNZIPPED_MB * 1024 * 1024,
    maxSeconds: cfg.IMPORT_MAX_SECONDS,
    tesseract: cfg.TESSERACT_BIN,
    soffice: cfg.SOFFICE_BIN,
    pdftohtml: cfg.PDFTOHTML_BIN,
  };
}

/**
 * What a failed file says to the admin: our own errors as they are; a database error by its kind and code, never
 * Prisma's invocation text (source paths, the query); the details are in the log.
 */
export function failureMessage(e: unknown, source: string, locale: 'vi' | 'en' = 'vi'): string {
  if (isAppError(e)) return e.messageIn(locale);
  const en = locale === 'en';
  const code = (e as { code?: unknown })?.code;
  const text = String((e as Error)?.message ?? e);
  if (/SQLITE_BUSY|database is locked|timed out/i.test(text))
    return en
      ? `Could not store ${source}: the database is busy (another process is writing). Run the import again.`
      : `Không lưu được ${source}: cơ sở dữ liệu đang bận (một tiến trình khác đang ghi). Hãy chạy lại lệnh nhập.`;
  if (typeof code === 'string' && /^P\d{4}$/.test(code))
    return en
      ? `Could not store ${source}: database error (${code}); details in the log.`
      : `Không lưu được ${source}: lỗi cơ sở dữ liệu (${code}); chi tiết trong nhật ký.`;
  return en ? `Import of ${source} failed; details in the log.` : `Lỗi khi nhập ${source}; chi tiết trong nhật ký.`;
}

function sumCounts(list: { sections: number; tasks: number; indicators: number }[], documents: number): StoredCounts {
  return list.reduce(
    (a, c) => ({ documents, sections: a.sections + c.sections, tasks: a.tasks + c.tasks, indicators: a.indicators + c.indicators }),
    { ...ZERO, documents },
  );
}
