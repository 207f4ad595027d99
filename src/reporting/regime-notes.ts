// What building a reporting regime notices, as a code and its parameters, written in the admin's language only when
// shown: the agencies of a definition that no longer exist (kept with the regime, Regime.agencyChanges, for
// `regime show`; regimes saved before the codes were kept have the Vietnamese sentences, shown as they are), and
// what a proposal from a document left out or guessed. Agency names, labels and legal bases are data, as written.
import { catalog, type Locale } from '../core/i18n.ts';
import { vnDate } from '../core/text.ts';
import type { AgencyChange } from '../users/agency.ts';

export type RegimeNote =
  /** An item's agency no longer exists: the item goes to its successor. */
  | { code: 'item-agency'; change: AgencyChange }
  /** The definition's province was merged into another: the regime belongs to that one. */
  | { code: 'province'; from: string; to: string }
  /** A free-text field named a former agency: it names today's. */
  | { code: 'wording'; name: string; as: string; since: string; basis: string }
  /** A proposal's target or task with no agency to carry it: left out. */
  | { code: 'no-owner'; kind: 'target' | 'task'; excerpt: string }
  /** A proposal's target that is the total of others asked separately: not asked. */
  | { code: 'total-of-parts'; subject: string; value: string; parts: string[] }
  /** A proposal's target the document gives no agency: the agency managing its sector is proposed. */
  | { code: 'sector-owner'; label: string; agency: string };

/** A note as stored: its code, or the sentence a regime saved before the codes were kept has. */
export type StoredRegimeNote = RegimeNote | string;

type Texts = { [C in RegimeNote['code']]: (n: Extract<RegimeNote, { code: C }>) => string };

const TEXT = catalog<Texts>({
  vi: {
    'item-agency': ({ change: c }) =>
      `Mục của ${c.from} nay là ${c.to} (từ ${vnDate(c.since)}, ${c.basis}${c.inferred ? `; theo nội dung: ${c.inferred}` : ''}): giao cho ${c.to}.`,
    province: (n) => `Tỉnh ${n.from} nay thuộc ${n.to}: chế độ báo cáo thuộc ${n.to}.`,
    wording: (n) => `"${n.name}" trong nội dung chế độ báo cáo đã đổi thành "${n.as}" (từ ${vnDate(n.since)}, ${n.basis}).`,
    'no-owner': (n) =>
      `Không xác định được cơ quan chịu trách nhiệm cho ${n.kind === 'task' ? 'nhiệm vụ' : 'chỉ tiêu'} "${n.excerpt}"; bỏ qua.`,
    'total-of-parts': (n) =>
      `Không hỏi "${n.subject}" (${n.value}): là tổng của ${n.parts.map((p) => `"${p}"`).join(' và ')}, các phần được hỏi riêng.`,
    'sector-owner': (n) => `"${n.label}": văn bản không nêu cơ quan; giao ${n.agency} (quản lý lĩnh vực). Hãy rà soát.`,
  },
  en: {
    'item-agency': ({ change: c }) =>
      `${c.from} is now ${c.to} (since ${vnDate(c.since)}, ${c.basis}${c.inferred ? `; by the item's content: ${c.inferred}` : ''}): its items go to ${c.to}.`,
    province: (n) => `The province ${n.from} is now part of ${n.to}: the regime belongs to ${n.to}.`,
    wording: (n) => `"${n.name}" in the regime's text now reads "${n.as}" (since ${vnDate(n.since)}, ${n.basis}).`,
    'no-owner': (n) => `No agency found to carry the ${n.kind} "${n.excerpt}"; left out.`,
    'total-of-parts': (n) =>
      `Not asking "${n.subject}" (${n.value}): it is the total of ${n.parts.map((p) => `"${p}"`).join(' and ')}, asked separately.`,
    'sector-owner': (n) =>
      `"${n.label}": the document names no agency; proposed for ${n.agency} (which manages the sector). Please review.`,
  },
});

/** The note in the reader's language; a stored sentence (from before the codes) as it is. */
export function regimeNoteIn(locale: Locale, n: StoredRegimeNote): string {
  if (typeof n === 'string') return n;
  const say = TEXT(locale)[n.code] as ((n: RegimeNote) => string) | undefined;
  return say ? say(n) : n.code; // a code of a newer version: shown by its code rather than dropped
}

/** Notes as Regime.agencyChanges keeps them (a JSON array), in the reader's language. */
export function storedRegimeNotes(json: string | null, locale: Locale = 'vi'): string[] {
  if (!json) return [];
  const v = JSON.parse(json) as unknown;
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is StoredRegimeNote => typeof x === 'string' || (!!x && typeof x === 'object'))
    .map((n) => regimeNoteIn(locale, n));
}

/** Notes in the order first noticed, each once (by its Vietnamese sentence, as the sentences were kept before). */
export class RegimeNotes {
  private readonly seen = new Map<string, RegimeNote>();
  add(n: RegimeNote): void {
    const key = regimeNoteIn('vi', n);
    if (!this.seen.has(key)) this.seen.set(key, n);
  }
  get size(): number {
    return this.seen.size;
  }
  /** The Vietnamese sentences, as `saveRegime` and `proposeRegime` have always given them. */
  texts(): string[] {
    return [...this.seen.keys()];
  }
  in(locale: Locale): string[] {
    return [...this.seen.values()].map((n) => regimeNoteIn(locale, n));
  }
  codes(): RegimeNote[] {
    return [...this.seen.values()];
  }
}
