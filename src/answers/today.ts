// Answers in today's terms: a task's agency that no longer exists is named with who carries its duties on the date of
// the question ("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01/3/2025)"), and a
// former province with the one it belongs to. Asked "theo văn bản", the text's own wording stands alone.
import { vnDate } from '../core/text.ts';
import { provinces } from '../ingest/provinces.ts';
import type { AgencyDef } from '../core/types.ts';
import type { AnswerSuccessor } from './types.ts';
import { VI_ANSWER_TEXT, type AnswerText } from './reply-text.ts';

/** "nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01/3/2025" (+ how a split was decided). */
export function nowNote(s: AnswerSuccessor, w: AnswerText = VI_ANSWER_TEXT): string {
  return w.nowIs(s.today, vnDate(s.since), s.inferred);
}

/** A name followed by its successor, when it has one: "Sở TT&TT (nay là …)". */
export function withToday(name: string, successors: AnswerSuccessor[], w: AnswerText = VI_ANSWER_TEXT): string {
  const s = successors.find((x) => x.agency === name);
  return s ? `${name} (${nowNote(s, w)})` : name;
}

/** A listed passage's lead, with who carries it today: " (Sở TT&TT chủ trì; nay là Sở KH&CN tỉnh Cà Mau, từ 01/3/2025)". */
export function leadParen(agency: string, successors: AnswerSuccessor[], w: AnswerText = VI_ANSWER_TEXT): string {
  const s = successors.find((x) => x.agency === agency);
  return w.leadsParen(agency, s ? nowNote(s, w) : undefined);
}

/** Asked by a former name: "Sở Thông tin và Truyền thông đã hợp nhất vào Sở Khoa học và Công nghệ từ 01/3/2025 (…)." */
export function changeSentence(
  from: AgencyDef,
  to: AgencyDef,
  since: string,
  basis: string,
  as: string | null,
  w: AnswerText = VI_ANSWER_TEXT,
): string {
  const change = from.succession?.change;
  const verb = change === 'renamed' ? 'renamed' : change === 'ended' ? 'ended' : 'merged';
  return w.changed(from.name, verb, as ?? to.name, vnDate(since), basis);
}

/** "Bạc Liêu nay thuộc Cà Mau (từ 01/7/2025, Nghị quyết 202/2025/QH15 …)." for each former province named. */
export function provinceNotes(names: (string | null)[], on: Date | null, w: AnswerText = VI_ANSWER_TEXT): string[] {
  if (!on) return [];
  const out: string[] = [];
  for (const n of new Set(names.filter((x): x is string => !!x))) {
    const c = provinces().changeOf(n);
    if (!c || provinces().today(n, on) === n) continue;
    out.push(w.provinceNow(n, c.into, vnDate(c.date), c.basis));
  }
  return out;
}
