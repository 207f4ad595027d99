// "Điều 5 của Quy chế 161 quy định gì", "phụ lục I kế hoạch 0134 nói về nội dung gì", "mục II.3 của kế hoạch 617":
// a part of a named document, read from the normalised question as the segments its section paths are written with
// ("Chương I.Điều 5.1" → "Chương I", "Điều 5", "1"; "II.3"; "Phụ lục I").
import { ROMAN_PATTERN as ROMAN, toRoman } from './roman.ts';

const PART = new RegExp(
  `\\b(?:(dieu) (\\d+)(?: khoan (\\d+))?|(phu luc) (${ROMAN}|\\d+)|(chuong) (${ROMAN})|(?:muc|phan) (${ROMAN})((?: \\d+){0,2}))\\b`,
);

export interface SectionRef {
  /** The path segments, in order ("Điều 5", "2"). */
  segments: string[];
  /** As a person names it: "Điều 5 khoản 2", "Phụ lục I", "mục II.3". */
  label: string;
  /** The words of the question that named it (removed from what is searched). */
  words: string;
}

/** The part of a document the question names, or null. A roman numeral must be one ("muc i", not "muc tieu"). */
export function sectionRef(norm: string): SectionRef | null {
  const m = PART.exec(norm);
  if (!m) return null;
  if (m[1]) {
    const segments = [`Điều ${m[2]}`, ...(m[3] ? [m[3]] : [])];
    return { segments, label: `Điều ${m[2]}${m[3] ? ` khoản ${m[3]}` : ''}`, words: m[0] };
  }
  if (m[4] && m[5]) {
    const n = /^\d+$/.test(m[5]) ? toRoman(Number(m[5])) : m[5].toUpperCase();
    return { segments: [`Phụ lục ${n}`], label: `Phụ lục ${n}`, words: m[0] };
  }
  if (m[6] && m[7]) return { segments: [`Chương ${m[7].toUpperCase()}`], label: `Chương ${m[7].toUpperCase()}`, words: m[0] };
  if (m[8]) {
    const segments = [m[8].toUpperCase(), ...(m[9] ?? '').trim().split(' ').filter(Boolean)];
    return { segments, label: `mục ${segments.join('.')}`, words: m[0] };
  }
  return null;
}

/** Whether a section path lies in the part: its segments hold the part's, one after the other. */
export function pathIn(path: string, segments: readonly string[]): boolean {
  const parts = path.split('.');
  for (let i = 0; i + segments.length <= parts.length; i++) if (segments.every((s, j) => parts[i + j] === s)) return true;
  return false;
}
