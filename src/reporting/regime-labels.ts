// Labels of a proposed regime, made from a document's words: whole and grammatical, never cut mid-phrase with "…".
// A long task keeps its first sentence without the "Chủ trì, phối hợp với …" lead-in, and is shortened only at a
// clause boundary; the full text stays in the document (and in a comment of the proposed file).
import { upperFirst } from '../core/text.ts';

/** Labels longer than this are shortened at a clause boundary (";" first, then the last "," that fits). */
export const MAX_LABEL = 160;

/** Verbs that start the action of a duty: the lead-in before one of them can go ("Chủ trì, phối hợp với X cân đối …"). */
const ACTION_VERBS = [
  'thực hiện',
  'triển khai',
  'cân đối',
  'bố trí',
  'đẩy mạnh',
  'đào tạo',
  'xây dựng',
  'tổ chức',
  'hướng dẫn',
  'kiểm tra',
  'theo dõi',
  'tham mưu',
  'rà soát',
  'nghiên cứu',
  'phát triển',
  'ban hành',
  'cấp',
  'tăng cường',
  'nâng cao',
  'tuyên truyền',
  'đôn đốc',
  'hoàn thiện',
  'quản lý',
  'ưu tiên',
  'tiếp tục',
  'chỉ đạo',
  'đề xuất',
  'tổng hợp',
  'huy động',
  'lồng ghép',
];

const startsWithVerb = (s: string) => ACTION_VERBS.some((v) => s.toLowerCase().startsWith(`${v} `) || s.toLowerCase().startsWith(`${v},`));

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A duty's label: "Chủ trì, phối hợp với Sở TT&TT, Sở Tài chính cân đối … này. Định kỳ …" → "Cân đối … này". */
export function taskLabel(text: string, coordinators: string[]): string {
  let s = firstSentence(text);
  s = s.replace(/^Căn cứ (theo |vào )?[^,.;]*? này,?\s+/iu, '');
  s = dropBasis(s);
  s = dropLeadIn(s, coordinators);
  s = s.replace(/\s+(theo|tại) (Quyết định|Nghị định|Thông tư|Chỉ thị|Nghị quyết|Công văn) (số )?\d[^,;]*$/u, ''); // the legal basis
  return shorten(upperFirst(s));
}

/** "Trên cơ sở X, <verb> …" / "Căn cứ X, chủ trì <verb> …" → "<verb> …", when a verb does follow. */
function dropBasis(s: string): string {
  const m = /^(Trên cơ sở|Căn cứ)\s[^;:]*?,\s*/iu.exec(s);
  if (!m) return s;
  const rest = s.slice(m[0].length).replace(/^chủ trì,?\s+/iu, '');
  return startsWithVerb(rest) ? rest : s;
}

/** "Chủ trì, phối hợp với A, B và C <verb> …" and "Chủ trì <verb> …" → "<verb> …"; anything else as it is. */
function dropLeadIn(s: string, coordinators: string[]): string {
  const lead = /^chủ trì,?\s+/iu.exec(s);
  if (!lead) return s;
  let rest = s.slice(lead[0].length);
  if (startsWithVerb(rest)) return rest;
  const coord = /^phối hợp với\s+/iu.exec(rest);
  if (!coord) return s;
  rest = rest.slice(coord[0].length);
  const names = [...coordinators].sort((a, b) => b.length - a.length).map(escapeRe);
  const name = new RegExp(`^(${names.join('|')})(,\\s*|\\s+và\\s+|\\s+)`, 'iu');
  for (let m = names.length ? name.exec(rest) : null; m; m = name.exec(rest)) rest = rest.slice(m[0].length);
  rest = rest.replace(/^(và\s+)?các (đơn vị|cơ quan|ngành) (có )?liên quan\s+/iu, '');
  if (startsWithVerb(rest)) return rest;
  // "… Ủy ban nhân dân cấp huyện, thành phố thực hiện …": a short qualifier of the last name, then the verb.
  const words = rest.split(' ');
  for (let n = 1; n <= 3 && n < words.length; n++) {
    const after = words.slice(n).join(' ');
    if (startsWithVerb(after)) return after;
  }
  return s;
}

/** The first sentence, without its full stop ("TP.Cà Mau" and "1.755" are not sentence ends). */
function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+\p{Lu})/u.exec(t);
  return (end ? t.slice(0, end.index) : t).replace(/[.;:,\s]+$/u, '');
}

/**
 * Over MAX_LABEL: cut where a clause ends, never inside a phrase: at a ";" or ":" that fits (a list's "…, bao gồm:"
 * goes with it), else at the last "," that fits, else at the first boundary not far beyond; with none, whole.
 */
export function shorten(s: string, max = MAX_LABEL): string {
  if (s.length <= max) return s;
  const stop = /[;:]/.exec(s)?.index ?? -1;
  const cutAt = (i: number) =>
    s
      .slice(0, i)
      .replace(/,?\s*(bao gồm|gồm|cụ thể|như sau)$/u, '')
      .trim();
  if (stop >= 20 && stop <= max) return cutAt(stop);
  const comma = s.slice(0, max).lastIndexOf(',');
  if (comma >= max / 3) return cutAt(comma);
  const beyond = [stop, s.indexOf(',', max)].filter((i) => i >= 20 && i <= max * 1.5);
  return beyond.length ? cutAt(Math.min(...beyond)) : s;
}

/**
 * A target's label from its subject (as the parser read it) and its sentence: a last clause the parser cut inside
 * a phrase ("…, biết sử dụng thành thạo" before "máy tính") is dropped, and "…, hồ sơ bệnh án,... điện tử" keeps
 * its closing words ("hồ sơ bệnh án điện tử").
 */
export function indicatorLabel(subject: string, sentence: string): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  const text = sentence.replace(/\s+/g, ' ');
  const comma = s.lastIndexOf(', ');
  const last = comma > 0 ? s.slice(comma + 2) : s;
  const at = text.toLowerCase().indexOf(last.toLowerCase());
  if (at >= 0) {
    const after = text.slice(at + last.length);
    const etc = /^\s*,?\s*(?:\.\.\.|…)\s*([\p{L}]+(?: [\p{L}]+){0,2})\s*[.;]/u.exec(after);
    if (etc) s = `${s} ${etc[1]}`;
    else if (comma > 0 && cutInsidePhrase(after)) s = s.slice(0, comma); // drop the clause the parser left unfinished
  }
  const open = s.lastIndexOf('(');
  if (open > 0 && !s.slice(open).includes(')')) s = s.slice(0, open).trim(); // "… truyền thống (bưu phẩm"
  return shorten(s);
}

/** Words that open a new clause: a subject ending before one of them ends where a phrase does. */
const CLAUSE_OPENERS = new Set([
  'để',
  'nhằm',
  'theo',
  'tại',
  'trong',
  'trên',
  'với',
  'cho',
  'đạt',
  'từ',
  'đến',
  'vào',
  'khi',
  'nếu',
  'và',
  'là',
]);

/** The subject stopped before a lower-case word that continues its phrase ("thành thạo" | "máy tính"). */
function cutInsidePhrase(after: string): boolean {
  const next = /^ (\p{Ll}+)/u.exec(after)?.[1];
  return next != null && !CLAUSE_OPENERS.has(next);
}

/**
 * A document as the object of a sentence: "Kế hoạch 37/KH-STTTT thực hiện đề án …" (its title lower-cased after
 * the type and number, so never "… của Thực hiện đề án …"); a title that repeats the type is not said twice.
 */
export function documentPhrase(doc: { type: string; number: string | null; title: string }): string {
  let title = doc.title.replace(/\s+/g, ' ').trim();
  if (title.toLowerCase().startsWith(`${doc.type.toLowerCase()} `)) title = title.slice(doc.type.length + 1);
  const head = [doc.type, doc.number].filter(Boolean).join(' ');
  return title ? `${head} ${lowerFirst(title)}` : head;
}

/** Lower-cases the first letter unless the first word is an acronym ("CNTT", "UBND"). */
export function lowerFirst(s: string): string {
  return /^\p{Lu}{2}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}
