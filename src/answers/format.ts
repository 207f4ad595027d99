// Reply text: the answer first, then the quote and the citation. Short Vietnamese, safe for every channel.
import { fold } from '../core/text.ts';
import type { DocInfo } from '../search/entries.ts';
import { VI_ANSWER_TEXT, type AnswerText } from './reply-text.ts';

export const PAGE_SIZE = 5;

type Labelled = Pick<DocInfo, 'type' | 'number' | 'title'> & Partial<Pick<DocInfo, 'issuer' | 'province' | 'issuedWith' | 'scanned'>>;

/** Said after every citation from a document read by OCR. */

/** Long names shortened the way officials write them in a citation. */
const SHORT: [RegExp, string][] = [
  [/\bỦy ban nhân dân\b/giu, 'UBND'],
  [/\bcông nghệ thông tin\b/giu, 'CNTT'],
];

/**
 * "Chỉ thị 17/CT-UBND"; a document without a number by its type, issuer and subject, short:
 * "Chỉ thị (không số) của UBND thành phố Cần Thơ về đẩy mạnh ứng dụng và phát triển CNTT giai đoạn 2007 - 2010".
 */
export function docLabel(d: Labelled): string {
  if (d.number) return `${d.type} ${d.number}`;
  // "Quy chế ban hành kèm theo Quyết định 95/2025/QĐ-UBND": the decision that issued it names it best.
  if (d.issuedWith) return `${d.type} ban hành kèm theo ${d.issuedWith.type} ${d.issuedWith.number}`;
  let subject = d.title
    .replace(/^\s*(về việc|về)\s+/iu, '')
    .replace(/\s+trên địa bàn (tỉnh|thành phố) [^,;]+?(?=\s+(giai đoạn|năm|đến)\b|$)/iu, '')
    .trim();
  for (const [re, short] of SHORT) subject = subject.replace(re, short);
  const issuer = d.issuer ? ` của ${SHORT.reduce((s, [re, sh]) => s.replace(re, sh), d.issuer)}` : '';
  return `${d.type} (không số)${issuer}${subject ? ` về ${subject}` : ''}`;
}

/** "— Chỉ thị 17/CT-UBND, Quảng Ngãi, mục 5.a"; from a PDF also the page: "…, mục II.1, trang 2" */
export function citation(d: Labelled, section: string, page?: number, t: AnswerText = VI_ANSWER_TEXT): string {
  const label = docLabel(d);
  const parts = [label];
  // The province once: "… của UBND thành phố Cần Thơ …" already says where.
  if (d.province && !label.includes(d.province)) parts.push(d.province);
  // the text before the first heading and after the last (src/ingest/parse/sections.ts) is no "mục"
  const part = section === 'Mở đầu' ? t.opening : section === 'Kết thúc' ? t.closing : null;
  if (part) parts.push(part);
  else if (section) parts.push(/^(Điều|Phần|Chương|Mục)(?=\s|$)/u.test(section) ? section : t.section(section));
  if (page) parts.push(t.page(page));
  return `— ${parts.join(', ')}${d.scanned ? ` (${t.scanned})` : ''}`;
}

export function quote(text: string, max = 260): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const cut = t.length > max ? `${t.slice(0, max).replace(/\s+\S*$/, '')} …` : t;
  return `«${cut}»`;
}

/**
 * A long passage quoted from where the question's words are, not cut off before them ("«… phạm vi quản lý của Sở: Sàn
 * giao dịch tín chỉ carbon; triển khai …»" for "tín chỉ carbon"): the stretch of `max` letters holding the most of
 * `terms` (the question's folded words; those side by side count twice), from the start of its sentence when that
 * is near. A passage that has them near its start, or fits, is quoted from its start as `quote` does.
 */
export function quoteAround(text: string, terms: readonly string[], max = 260): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max || !terms.length) return quote(t, max);
  const want = new Set(terms);
  const hits = [...t.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ at: m.index, word: fold(m[0]) })).filter((w) => want.has(w.word));
  let best = { at: 0, score: 0 };
  for (let i = 0; i < hits.length; i++) {
    const inside = hits.filter((h, k) => k >= i && h.at - hits[i]!.at <= max * 0.8);
    const together = inside.filter((h, k) => k > 0 && h.at - inside[k - 1]!.at <= inside[k - 1]!.word.length + 2).length;
    const score = new Set(inside.map((h) => h.word)).size + together;
    if (score > best.score) best = { at: hits[i]!.at, score };
  }
  if (best.at <= max * 0.5) return quote(t, max);
  const before = (marks: string[], within: number) => {
    const at = Math.max(...marks.map((m) => t.lastIndexOf(m, best.at)));
    return at >= 0 && best.at - at <= within ? at + 2 : -1;
  };
  // From the sentence or clause it is in ("…; Sở Tài chính tổng hợp báo cáo …"), else a few words before it.
  const sentence = before(['. ', '; ', ': '], 80);
  const clause = sentence >= 0 ? sentence : before([', '], 60);
  const from = clause >= 0 ? clause : Math.max(0, t.lastIndexOf(' ', best.at - 30) + 1);
  return quote(t.slice(from), max).replace(/^«/, '«… ');
}

export function isoToVn(date: string | null): string | null {
  const m = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

export function moreLine(remaining: number, t: AnswerText = VI_ANSWER_TEXT): string {
  return remaining > 0 ? t.more(remaining) : '';
}
