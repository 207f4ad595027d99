// Which stored item each item of a definition is, so that re-loading an edited file keeps item ids (and the
// answers attached to them). Files kept in data/regimes/ carry no database ids, so items are matched by:
//   1. an explicit `id` (as `regime show` prints it),
//   2. the same agency and the same label (tones, case and spacing ignored); "the same agency" includes the one the
//      item was stored under before it passed to its successor (Sở TT&TT's items are Sở KH&CN's since 2025),
//   3. a relabelled item: the same agency, the same place among that agency's items, the same kind and unit,
//      when neither side matched otherwise.
// Anything left over is new (file side) or dropped (database side).
import { fold } from '../core/text.ts';

export interface StoredItem {
  id: number;
  agencyId: number;
  ord: number;
  kind: string;
  label: string;
  unit: string | null;
  valueKind: string | null;
}

export interface WantedItem {
  id?: number;
  agencyId: number;
  formerAgencyId?: number | null; // the agency as the file names it, when that one has a successor
  kind: string;
  label: string;
  unit: string | null;
  valueKind: string | null;
}

const labelKey = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();

const ofAgency = (s: StoredItem, w: WantedItem) =>
  s.agencyId === w.agencyId || (w.formerAgencyId != null && s.agencyId === w.formerAgencyId);

/** For each wanted item (same order), the id of the stored item it updates, or null when it is new. */
export function matchItems(stored: StoredItem[], wanted: WantedItem[]): (number | null)[] {
  const result: (number | null)[] = wanted.map(() => null);
  const taken = new Set<number>();
  const take = (i: number, id: number) => {
    result[i] = id;
    taken.add(id);
  };
  wanted.forEach((w, i) => {
    if (w.id != null && stored.some((s) => s.id === w.id) && !taken.has(w.id)) take(i, w.id);
  });
  wanted.forEach((w, i) => {
    if (result[i] != null) return;
    const same = stored.find((s) => !taken.has(s.id) && ofAgency(s, w) && labelKey(s.label) === labelKey(w.label));
    if (same) take(i, same.id);
  });
  // relabelled: the k-th item of an agency in the file and the k-th stored item of that agency
  const byAgency = <T extends { agencyId: number }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) m.set(x.agencyId, [...(m.get(x.agencyId) ?? []), x]);
    return m;
  };
  const storedBy = byAgency([...stored].sort((a, b) => a.ord - b.ord));
  const wantedBy = byAgency(wanted.map((w, i) => ({ ...w, i })));
  for (const [agencyId, ws] of wantedBy) {
    const former = ws.find((w) => w.formerAgencyId != null)?.formerAgencyId;
    const ss = [...(storedBy.get(agencyId) ?? []), ...(former != null ? (storedBy.get(former) ?? []) : [])];
    ws.forEach((w, k) => {
      const s = ss[k];
      if (result[w.i] != null || !s || taken.has(s.id)) return;
      if (s.kind === w.kind && (s.unit ?? '') === (w.unit ?? '') && (s.valueKind ?? '') === (w.valueKind ?? '')) take(w.i, s.id);
    });
  }
  return result;
}
