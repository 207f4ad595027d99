// Free-text items of a regime (kind 'text'): which section of the written report each fills, from its label, and
// their answers per agency. They are neither figures nor tasks: no number, no aggregate, no chart.
import { isAnswerState } from '../../core/types.ts';
import { fold } from '../../core/text.ts';
import type { LoadedAnswer, LoadedItem } from './load.ts';
import type { AgencyText, TextRow, TextSection } from './types.ts';

const SECTION_PATTERNS: [TextSection, RegExp][] = [
  ['difficulties', /kho khan|vuong mac|han che|ton tai/],
  ['next_steps', /giai phap|nhiem vu.*(toi|tiep theo)|phuong huong|ke hoach.*(toi|tiep)/],
  ['proposals', /kien nghi|de xuat|de nghi/],
];

/** "Khó khăn, vướng mắc" → difficulties; "Nhiệm vụ, giải pháp thời gian tới" → next_steps; "Kiến nghị" → proposals. */
export function textSectionOf(label: string): TextSection {
  const f = fold(label);
  return SECTION_PATTERNS.find(([, re]) => re.test(f))?.[0] ?? 'results';
}

export interface HeldAnswer {
  answer: LoadedAnswer;
  submitted: boolean;
}

/** One row per group of text items (already sorted by agency); `visible` hides drafts unless they are included. */
export function textRow(key: string, items: readonly LoadedItem[], current: Map<number, HeldAnswer>, includeDrafts: boolean): TextRow {
  const first = items[0] as LoadedItem;
  const answers: AgencyText[] = items.map((item) => {
    const held = current.get(item.id);
    const a = held && (held.submitted || includeDrafts) ? held.answer : null;
    const state = a && !a.skipped && isAnswerState(a.status) ? a.status : null;
    const text = a && !a.skipped && !state ? (a.valueText ?? '').trim() || null : null;
    return {
      agencyId: item.agencyId,
      agencyName: item.agency.name,
      itemId: item.id,
      text,
      state,
      note: a?.note ?? null,
      skipped: a?.skipped ?? false,
      draft: a !== null && held?.submitted === false,
    };
  });
  return { key, label: first.label, section: textSectionOf(first.label), answers };
}
