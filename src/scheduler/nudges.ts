// One nudge at a time: a reminder is not sent back to back with the opening message of the same period, or with
// another reminder that just went ("nhắc ngay" pressed while the opening message waited for the sending hours).
// The opening message always goes: it is planned once per person and period, and says the deadline too.
import type { Db } from '../db/client.ts';
import { findRecentNudge } from './repo/outbox-plan.ts';

/** A reminder within this time after another message urging the same person for the same period is dropped. */
export const RECENT_NUDGE_MS = 3_600_000;

interface Nudge {
  periodId: number;
  userId: number;
  opening: boolean;
}

/** open:<period>:<user>, remind:<period>:<user>:<offset>, manual:<period>:<user>:<ms>; snoozes ("nhắc lại sau") are not. */
export function nudgeOf(dedupeKey: string): Nudge | null {
  const m = /^(open|remind|manual):(\d+):(\d+)(?::|$)/.exec(dedupeKey);
  return m ? { periodId: Number(m[2]), userId: Number(m[3]), opening: m[1] === 'open' } : null;
}

/** The messages urging people to report for a period (opening, planned and manual reminders): one person's, or anyone's. */
export function nudgeKeys(periodId: number, userId?: number) {
  const who = userId === undefined ? '' : `${userId}:`;
  return [
    userId === undefined ? { dedupeKey: { startsWith: `open:${periodId}:` } } : { dedupeKey: `open:${periodId}:${userId}` },
    { dedupeKey: { startsWith: `remind:${periodId}:${who}` } },
    { dedupeKey: { startsWith: `manual:${periodId}:${who}` } },
  ];
}

/** Reminders of a batch whose person gets that period's opening message in the same batch. */
export function coveredByOpening(rows: { id: number; dedupeKey: string }[]): number[] {
  const opening = new Set<string>();
  for (const r of rows) {
    const n = nudgeOf(r.dedupeKey);
    if (n?.opening) opening.add(`${n.periodId}:${n.userId}`);
  }
  return rows
    .filter((r) => {
      const n = nudgeOf(r.dedupeKey);
      return n && !n.opening && opening.has(`${n.periodId}:${n.userId}`);
    })
    .map((r) => r.id);
}

/**
 * Whether a reminder (already claimed) should be dropped: the person was urged for the same period within
 * RECENT_NUDGE_MS, or such a message is being sent now (the opening one, or an earlier reminder).
 */
export async function toldJustNow(db: Db, row: { id: number; dedupeKey: string }, now: Date): Promise<boolean> {
  const n = nudgeOf(row.dedupeKey);
  if (!n || n.opening) return false;
  const other = await findRecentNudge(
    db,
    row,
    nudgeKeys(n.periodId, n.userId),
    new Date(now.getTime() - RECENT_NUDGE_MS),
    `open:${n.periodId}:${n.userId}`,
  );
  return other !== null;
}
