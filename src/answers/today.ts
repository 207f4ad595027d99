// Answers in today's terms: a task's agency that no longer exists is named with who carries its duties on the date of
// the question ("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01/3/2025)"), and a
// former province with the one it belongs to. Asked "theo văn bản", the text's own wording stands alone.
import { vnDate } from '../core/text.ts';
import { provinces } from '../ingest/provinces.ts';
import type { AgencyDef } from '../core/types.ts';
import type { AnswerSuccessor } from './types.ts';

/** "nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01/3/2025" (+ how a split was decided). */
export function nowNote(s: AnswerSuccessor): string {
  const inferred = s.inferred ? `; suy ra theo nội dung nhiệm vụ (${s.inferred})` : '';
  return `nay là ${s.today}, từ ${vnDate(s.since)}${inferred}`;
}

/** A name followed by its successor, when it has one: "Sở TT&TT (nay là …)". */
export function withToday(name: string, successors: AnswerSuccessor[]): string {
  const s = successors.find((x) => x.agency === name);
  return s ? `${name} (${nowNote(s)})` : name;
}

/** Asked by a former name: "Sở Thông tin và Truyền thông đã hợp nhất vào Sở Khoa học và Công nghệ từ 01/3/2025 (…)." */
export function changeSentence(from: AgencyDef, to: AgencyDef, since: string, basis: string, as: string | null): string {
  const verb =
    from.succession?.change === 'renamed'
      ? 'nay là'
      : from.succession?.change === 'ended'
        ? 'đã kết thúc hoạt động; nhiệm vụ chuyển cho'
        : 'đã hợp nhất vào';
  return `${from.name} ${verb} ${as ?? to.name} từ ${vnDate(since)} (${basis}).`;
}

/** "Bạc Liêu nay thuộc Cà Mau (từ 01/7/2025, Nghị quyết 202/2025/QH15 …)." for each former province named. */
export function provinceNotes(names: (string | null)[], on: Date | null): string[] {
  if (!on) return [];
  const out: string[] = [];
  for (const n of new Set(names.filter((x): x is string => !!x))) {
    const c = provinces().changeOf(n);
    if (!c || provinces().today(n, on) === n) continue;
    out.push(`${n} nay thuộc ${c.into} (từ ${vnDate(c.date)}, ${c.basis}).`);
  }
  return out;
}
