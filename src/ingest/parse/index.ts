// The pure parser of Vietnamese directive and plan texts: text in, ParsedDocument[] out (no I/O, no DB).
import { typeWords } from '../../core/doc-types.ts';
import { AppError, ErrorCode, isAppError } from '../../core/errors.ts';
import { cleanInput } from '../../core/text.ts';
import { warningTexts, type ParseWarning } from '../../core/parse-warnings.ts';
import type { ParsedDocument } from '../../core/types.ts';
import type { AgencyRegistry } from '../agencies.ts';
import { buildBlocks } from './blocks.ts';
import { MOTTO, formSections } from './forms.ts';
import { extractIndicators } from './indicators.ts';
import { prepareLines } from './lines.ts';
import { MentionFinder } from './mentions.ts';
import { extractMeta } from './meta.ts';
import { buildOutline } from './sections.ts';
import { splitDocuments, type Chunk } from './split.ts';
import { tableIndicators } from './table-targets.ts';
import { extractTasks } from './tasks.ts';
import { foldKeep } from './vn.ts';

export { parseViNumber } from './indicators.ts';
export { abbreviates } from './mentions.ts';

/**
 * Raised when a parser change alters what stored documents hold (tasks, sections, metadata): a file is then read again
 * on its next import (`npm start` imports data/ at every start; `cli import` the folders given) instead of being
 * skipped as unchanged.
 */
export const PARSER_VERSION = '2026-12-08';

/** A document as the parser builds it: its warnings as codes, written out as `warnings` once it is whole. */
type Parsed = Omit<ParsedDocument, 'warningCodes'> & { warningCodes: ParseWarning[] };

export interface ParseOptions {
  fileName: string;
  registry: AgencyRegistry;
}

/**
 * Parses one file's text into its documents (usually one; a decision followed by the plan it approves gives two).
 * Throws AppError Unreadable (empty or binary) or NotADirective (no administrative document), naming the file.
 */
/** A type word an administrative document has somewhere in its opening. */
const DIRECTIVE_WORD = new RegExp(`\\b(?:${typeWords('marksDirective')})\\b`);

export function parseDocumentText(text: string, opts: ParseOptions): ParsedDocument[] {
  const clean = checkReadable(text, opts.fileName);
  try {
    const lines = prepareLines(clean);
    const chunks = splitDocuments(lines);
    const docs = chunks.map((c, i) => parseChunk(c, i, opts.registry));
    chunks.forEach((c, i) => {
      if (c.attached && i > 0) inheritFromDecision(docs[i]!, docs[i - 1]!, c.attached);
    });
    const real = docs.filter((d) => d.sections.length > 0 || d.number);
    if (real.length === 0) throw notDirective(opts.fileName);
    const cut = truncation(lines, chunks);
    if (cut) real[real.length - 1]!.warningCodes.push(cut);
    const part = new Map(real.map((d, i) => [d.partIndex, i]));
    for (const d of real) d.approvesPart = d.approvesPart === null ? null : (part.get(d.approvesPart) ?? null);
    real.forEach((d, i) => (d.partIndex = i));
    for (const d of real) d.warnings = warningTexts(d.warningCodes);
    return real;
  } catch (e) {
    if (isAppError(e)) throw e;
    const why = (e as Error).message;
    throw new AppError(ErrorCode.ParseFailed, `Không phân tích được tệp ${opts.fileName}: ${why}`, {
      cause: e,
      en: `Could not parse the file ${opts.fileName}: ${why}`,
    });
  }
}

/** The warnings a document issued with a decision drops: it has the decision's number and date. */
const NUMBER_OR_DATE = new Set<ParseWarning['code']>(['no-number', 'no-date', 'year-from-period']);

/**
 * A regulation or plan issued with a decision ("Ban hành kèm theo Quyết định số 26/2025/QĐ-UBND") has no header of its
 * own: it takes the decision's issuer, province, date and signer, and the decision is linked to it.
 */
function inheritFromDecision(d: Parsed, decision: ParsedDocument, note: { date: string | null }): void {
  d.issuer ??= decision.issuer;
  d.province ??= decision.province;
  d.issueDate ??= note.date ?? decision.issueDate;
  d.year ??= d.issueDate ? Number(d.issueDate.slice(0, 4)) : decision.year;
  d.signer ??= decision.signer;
  d.warningCodes = d.warningCodes.filter((w) => !NUMBER_OR_DATE.has(w.code));
  if (decision.approvesPart === null && !decision.approvesNumber) decision.approvesPart = d.partIndex;
}

/**
 * A file cut short (a partial download, a copy that stopped): its last document has no closing block (neither
 * "Nơi nhận" nor a signature) and the last line stops in the middle of a sentence. Portal copies often drop the
 * signature, so the missing closing alone says little; with a last line in mid-sentence it does. On the 162 corpus
 * files: 2 flagged as they are; of the same files cut at 30/60/90/97% of their length, 73/76/67/43% flagged.
 */
function truncation(lines: string[], chunks: Chunk[]): ParseWarning | null {
  const last = chunks[chunks.length - 1];
  const signature = (l: string) => /\(\s*đã ký\s*\)|^(?:TM|KT|Q)\.\s*\p{Lu}/iu.test(l);
  if (!last || last.trailer.length > 0 || last.body.slice(-40).some(signature)) return null;
  // A form of the appendix (its motto inside the body) ends with fields to fill, not in a cut sentence.
  if (MOTTO.test(foldKeep(last.body.join(' ')))) return null;
  const end = ([...lines].reverse().find((l) => l.trim()) ?? '').trim();
  const midSentence = /\p{Ll}$|,$/u.test(end) && end.split(/\s+/).length >= 3;
  if (!midSentence) return null;
  return { code: 'cut-short', end: end.slice(-50) };
}

function notDirective(file: string): AppError {
  return new AppError(ErrorCode.NotADirective, `Tệp ${file} không phải là văn bản chỉ đạo, điều hành (chỉ thị, quyết định, kế hoạch…).`, {
    en: `The file ${file} is not a directive or administrative document (chỉ thị, quyết định, kế hoạch…).`,
  });
}

function checkReadable(text: string, file: string): string {
  if (typeof text !== 'string' || text.trim() === '')
    throw new AppError(ErrorCode.Unreadable, `Tệp ${file} trống, không có nội dung để nhập.`, {
      en: `The file ${file} is empty: nothing to import.`,
    });
  const sample = text.slice(0, 4000);
  const bad = (sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  if (bad > 0 && bad / sample.length > 0.01)
    throw new AppError(ErrorCode.Unreadable, `Tệp ${file} không đọc được: có vẻ là tệp nhị phân hoặc sai bảng mã (cần văn bản UTF-8).`, {
      en: `The file ${file} cannot be read: it looks binary or in the wrong encoding (UTF-8 text is needed).`,
    });
  const clean = cleanInput(text);
  const f = foldKeep(clean.slice(0, 20000));
  const viLetters = (clean.slice(0, 4000).match(/[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/giu) ?? []).length;
  const typeWord = DIRECTIVE_WORD.test(f);
  const admin = /\b(?:so:|uy ban nhan dan|ubnd|tinh uy|thanh uy|so [a-z]+|bo [a-z]+|chu tri|phoi hop|trien khai|to chuc thuc hien)\b/.test(
    f,
  );
  if (viLetters < 10 || !typeWord || !admin) throw notDirective(file);
  return clean;
}

function parseChunk(c: Chunk, partIndex: number, registry: AgencyRegistry): Parsed {
  const bodyText = c.body.join('\n');
  const meta = extractMeta(c, bodyText, registry);
  const warnings: ParseWarning[] = [...meta.warnings];
  const blocks = buildBlocks(c.body);
  const outline = buildOutline(blocks);
  const probe = new MentionFinder(registry);
  const inlineAliases = probe.inlineAliases(blocks.map((b) => b.text).join('\n'));
  const finder = inlineAliases.length ? new MentionFinder(registry, inlineAliases) : probe;
  const per = meta.period ?? meta.title;
  const targetYear = Number(per.match(/đến năm (\d{4})/u)?.[1] ?? per.match(/(\d{4})(?!.*\d{4})/)?.[1] ?? '') || meta.year;
  let tasks: ParsedDocument['tasks'] = [];
  let indicators: ParsedDocument['indicators'] = [];
  try {
    tasks = extractTasks(outline, finder, c.recipients, meta.issueDate);
  } catch (e) {
    warnings.push({ code: 'tasks-failed', error: (e as Error).message });
  }
  try {
    indicators = [...extractIndicators(outline, targetYear), ...tableIndicators(outline)].sort((a, b) => a.section - b.section);
  } catch (e) {
    warnings.push({ code: 'targets-failed', error: (e as Error).message });
  }
  const forms = formSections(outline.sections);
  if (forms.size) {
    tasks = tasks.filter((t) => !forms.has(t.section));
    indicators = indicators.filter((t) => !forms.has(t.section));
  }
  return {
    partIndex,
    type: meta.type,
    number: meta.number,
    issuer: meta.issuer,
    province: meta.province,
    issueDate: meta.issueDate,
    year: meta.year,
    signer: meta.signer,
    title: meta.title || outline.sections[0]?.heading || '',
    period: meta.period,
    approvesNumber: meta.approvesNumber,
    approvesPart: null,
    inlineAliases,
    sections: outline.sections,
    tasks,
    indicators,
    warnings: warningTexts(warnings),
    warningCodes: warnings,
  };
}
