// Filters set by command ("lọc tỉnh Cà Mau năm 2020", `ask --province …`) rather than said in the question.
// They are read with the same question parser, so abbreviations, missing diacritics and document numbers work.
import { AppError, ErrorCode } from '../core/errors.ts';
import { provinces } from '../ingest/provinces.ts';
import { parseQuestion, type ParsedQuestion, type QueryContext } from '../search/query.ts';

export interface AnswerFilters {
  province?: string;
  year?: number;
  type?: string; // "Chỉ thị", "kế hoạch" …
  document?: string; // a number: "37/KH-STTTT"
  agency?: string; // "Sở Tài chính", "Sở TT&TT"
}

/** The filter as one phrase the question parser understands. */
export function filterPhrase(f: AnswerFilters | string): string {
  if (typeof f === 'string') return f;
  return [f.type, f.document, f.agency, f.province && `tỉnh ${f.province}`, f.year && `năm ${f.year}`].filter(Boolean).join(' ');
}

export interface ReadFilter {
  province: string | null;
  year: number | null;
  type: string | null;
  docs: ParsedQuestion['docs'];
  agency: ParsedQuestion['agency'];
}

const EXAMPLES = 'Ví dụ: "lọc tỉnh Cà Mau năm 2020", "lọc 37/KH-STTTT", "lọc chỉ thị", "lọc Sở Tài chính".';
const EXAMPLES_EN = 'For example: "lọc tỉnh Cà Mau năm 2020", "lọc 37/KH-STTTT", "lọc chỉ thị", "lọc Sở Tài chính".';

/** Reads a filter; throws a Vietnamese InvalidInput error when it names nothing the documents have. */
export function readFilter(f: AnswerFilters | string, ctx: QueryContext): ReadFilter {
  const phrase = filterPhrase(f).trim();
  const q = parseQuestion(phrase, ctx);
  const r: ReadFilter = { province: q.province, year: q.year, type: q.type, docs: q.docs, agency: q.agency };
  if (!r.province && !r.year && !r.type && !r.docs.length && !r.agency) {
    throw new AppError(
      ErrorCode.InvalidInput,
      `Không nhận ra bộ lọc "${phrase}". ${EXAMPLES} Các tỉnh/thành hiện có: ${ctx.provinces.join(', ')}.`,
      { en: `"${phrase}" names nothing to filter by. ${EXAMPLES_EN} The provinces are: ${ctx.provinces.join(', ')}.` },
    );
  }
  const asked = r.province ?? (typeof f !== 'string' ? f.province : null);
  // A province of today covers the documents of the former ones merged into it (Cà Mau: Bạc Liêu's too).
  if (asked && !ctx.provinces.some((p) => provinces().covers(r.province ?? '', p))) {
    throw new AppError(ErrorCode.InvalidInput, `Chưa có văn bản nào của ${asked}. Các tỉnh/thành hiện có: ${ctx.provinces.join(', ')}.`, {
      en: `There are no documents of ${asked} yet. The provinces are: ${ctx.provinces.join(', ')}.`,
    });
  }
  return r;
}

/** "tỉnh Cà Mau, năm 2020, Kế hoạch 37/KH-STTTT": a filter in words, to show the user what is applied. */
export function describeFilter(r: ReadFilter): string {
  return [
    r.province && `tỉnh/thành ${r.province}`,
    r.year && `năm ${r.year}`,
    r.type && !r.docs.length && `loại ${r.type}`,
    r.docs.length && `văn bản ${r.docs.map((d) => d.number ?? d.title).join(', ')}`,
    r.agency && r.agency.name,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The question with the filter's fields imposed (a filter wins over what the question says). */
export function applyFilter(q: ParsedQuestion, r: ReadFilter): ParsedQuestion {
  return {
    ...q,
    province: r.province ?? q.province,
    year: r.year ?? q.year,
    type: r.type ?? q.type,
    docs: r.docs.length ? r.docs : q.docs,
    agency: r.agency ?? q.agency,
    // Targets name no agency, so under an agency filter a figure question searches that agency's tasks instead.
    ...(r.agency ? { onlyAgency: r.agency.name, intent: q.intent === 'indicator' ? 'search' : q.intent } : {}),
    ...(r.year ? { strictYear: true } : {}),
  };
}
