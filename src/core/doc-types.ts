// The kinds of administrative document as data: the type stored, its words folded as printed and typed, the code its
// number carries, the abbreviation people type before a number, and in which places of a text or a question the
// word names a document. Every pattern that reads a type word (the parser's type line, attached documents, closing
// formula; the questions' filters, lists and "qđ 82/2025") is built here from this one list, by a named function.
import type { DocumentType } from './types.ts';

export interface DocTypeDef {
  name: DocumentType;
  words: string; // folded: "quyet dinh"
  /** In its number: 1578/QĐ-UBND. */
  code?: string;
  /** Typed before a number in a question: "qđ 82/2025", "cv 1235/2025". */
  typed?: string;
  /** Printed as a document's type line ("QUYẾT ĐỊNH") or a news headline's first words ("Chỉ thị về …"). */
  typeLine?: true;
  /** Issued with a decision, after its signature ("QUY CHẾ …" then "(Ban hành kèm theo Quyết định …)"). */
  attached?: true;
  /** Issues others ("kèm theo Quyết định …"), and closes with "… này có hiệu lực". */
  issues?: true;
  /** A file holding none of these words is not an administrative document. */
  marksDirective?: true;
  /** A question's filter on the type ("các kế hoạch năm 2025"), when documents of the type are stored. */
  filter?: true;
  /** A word asking for documents in a list request ("những quyết định nào"); "quy hoạch" is more often a topic. */
  listed?: true;
  /** Names a document by number and year in a question ("quyết định 82/2025"). */
  numbered?: true;
  /** Named by a closing sentence's "thực hiện … này./.". */
  executed?: true;
}

/** In this order: a question naming two types is filtered on the last one listed here. */
export const DOC_TYPES: readonly DocTypeDef[] = [
  {
    name: 'Chỉ thị',
    words: 'chi thi',
    code: 'ct',
    typed: 'ct',
    typeLine: true,
    issues: true,
    marksDirective: true,
    filter: true,
    listed: true,
    numbered: true,
    executed: true,
  },
  {
    name: 'Quyết định',
    words: 'quyet dinh',
    code: 'qd',
    typed: 'qd',
    typeLine: true,
    issues: true,
    marksDirective: true,
    filter: true,
    listed: true,
    numbered: true,
    executed: true,
  },
  {
    name: 'Kế hoạch',
    words: 'ke hoach',
    code: 'kh',
    typed: 'kh',
    typeLine: true,
    attached: true,
    issues: true,
    marksDirective: true,
    filter: true,
    listed: true,
    numbered: true,
    executed: true,
  },
  { name: 'Quy hoạch', words: 'quy hoach', typeLine: true, marksDirective: true, filter: true },
  {
    name: 'Nghị quyết',
    words: 'nghi quyet',
    code: 'nq',
    typed: 'nq',
    typeLine: true,
    issues: true,
    marksDirective: true,
    filter: true,
    listed: true,
    numbered: true,
    executed: true,
  },
  {
    name: 'Công văn',
    words: 'cong van',
    typed: 'cv',
    typeLine: true,
    marksDirective: true,
    filter: true,
    listed: true,
    numbered: true,
    executed: true,
  },
  { name: 'Thông báo', words: 'thong bao', code: 'tb', typed: 'tb', typeLine: true, marksDirective: true, numbered: true },
  { name: 'Chương trình', words: 'chuong trinh', code: 'ctr', typeLine: true, attached: true, marksDirective: true },
  { name: 'Đề án', words: 'de an', typeLine: true, attached: true, marksDirective: true },
  { name: 'Quy chế', words: 'quy che', typeLine: true, attached: true, numbered: true },
  { name: 'Quy định', words: 'quy dinh', typeLine: true, attached: true },
  { name: 'Quy trình', words: 'quy trinh', typeLine: true, attached: true },
  { name: 'Phương án', words: 'phuong an', typeLine: true, attached: true },
  { name: 'Hướng dẫn', words: 'huong dan', attached: true },
  { name: 'Điều lệ', words: 'dieu le', typeLine: true, attached: true },
  { name: 'Nghị định', words: 'nghi dinh', typed: 'nd', typeLine: true, marksDirective: true, numbered: true },
  { name: 'Thông tư', words: 'thong tu', typed: 'tt', typeLine: true, marksDirective: true, numbered: true },
];

type Flag = {
  [K in keyof DocTypeDef]-?: NonNullable<DocTypeDef[K]> extends true ? K : never;
}[keyof DocTypeDef];

/** The types with a flag, in the list's order. */
export function docTypesWith(flag: Flag): DocTypeDef[] {
  return DOC_TYPES.filter((t) => t[flag]);
}

/** Their folded words as a regex alternation ("chi thi|quyet dinh|…"), for patterns built around them. */
export function typeWords(flag: Flag, extra: readonly string[] = []): string {
  return [...docTypesWith(flag).map((t) => t.words), ...extra].join('|');
}

/** The type a folded type word starts with ("quyet dinh ve viec …" → Quyết định), or null. */
export function typeOfWords(folded: string): DocumentType | null {
  return DOC_TYPES.find((t) => folded.startsWith(t.words))?.name ?? null;
}

/** The type a number's code gives ("1578/QĐ-UBND" → Quyết định), or null. */
export function typeOfCode(code: string): DocumentType | null {
  return DOC_TYPES.find((t) => t.code === code)?.name ?? null;
}
