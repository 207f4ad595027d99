// Postponing: "nhắc lại sau …" by the person, leave (User.pausedUntil) and regime pause by the coordinator.
import type { Db } from '../db/client.ts';
import { countPendingNudges, createOutboxRow, findLastNudgeSent, postponeNudges, releasePausedMessages } from './repo/outbox-plan.ts';
import { setUserPausedUntil } from './repo/recipients.ts';
import { findRegimeByCodeBrief, listRegimesBrief, setRegimePausedFlag } from './repo/regimes.ts';
import { fold } from '../core/text.ts';
import { SNOOZE_HEAD } from '../conversation/phrases.ts';
import { addDays, atLocal, localDay, type Calendar } from './time.ts';

export const DEFAULT_SNOOZE_MS = 2 * 3_600_000;
const MAX_SNOOZE_MS = 30 * 86_400_000;

const UNIT_MS: [RegExp, number][] = [
  [/^(phut|p|m|min|mins|minute|minutes)$/, 60_000],
  [/^(gio|tieng|h|hr|hrs|hour|hours)$/, 3_600_000],
  [/^(ngay|d|day|days)$/, 86_400_000],
  [/^(tuan|w|week|weeks)$/, 7 * 86_400_000],
];

/** The moment to remind again, or why not (`error` in Vietnamese; `reason` for a reply in another language). */
export type SnoozeParse = { until: Date } | { error: string; reason: 'too_long' | 'unclear' };

/** True when the text is a snooze request ("nhắc lại sau", "snooze 30m", "nhắc lại ngày mai"…). */
export function isSnoozeText(text: string): boolean {
  return SNOOZE_HEAD.test(fold(text));
}

/** Reads a snooze request into the moment to remind again; null when the text is not one. */
export function parseSnooze(text: string, now: Date, cal: Calendar): SnoozeParse | null {
  const m = SNOOZE_HEAD.exec(fold(text).replace(/[.!?]+$/, ''));
  if (!m) return null;
  const rest = (m[1] ?? '').trim();
  if (!rest) return { until: new Date(now.getTime() + DEFAULT_SNOOZE_MS) };
  const today = localDay(now, cal.tz);
  if (/^(ngay )?mai$|^sang mai$|^tomorrow$/.test(rest)) return { until: atLocal(addDays(today, 1), cal.start, cal.tz) };
  if (/^tuan sau$|^tuan toi$/.test(rest)) return { until: atLocal(addDays(today, 7), cal.start, cal.tz) };
  const d = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)$/.exec(rest);
  if (d) {
    const n = Number((d[1] as string).replace(',', '.'));
    const unit = UNIT_MS.find(([re]) => re.test(d[2] as string));
    if (unit && n > 0) {
      const ms = n * unit[1];
      if (ms > MAX_SNOOZE_MS) return { error: 'Chỉ có thể hoãn nhắc tối đa 30 ngày.', reason: 'too_long' };
      return { until: new Date(now.getTime() + ms) };
    }
  }
  return {
    error: 'Tôi chưa hiểu thời gian nhắc lại. Ví dụ: “nhắc lại sau 2 giờ”, “nhắc lại sau 30 phút”, “nhắc lại ngày mai”, “snooze 30m”.',
    reason: 'unclear',
  };
}

/**
 * Postpones the user's pending messages to `until`. When nothing is pending (the usual case: the person just
 * read a reminder and pressed "Nhắc lại sau"), the last reminder sent to them is queued again for `until`;
 * it is dropped at send time if their agency has submitted meanwhile or the period closed.
 */
export async function snoozeUser(db: Db, userId: number, until: Date): Promise<{ postponed: number; repeated: boolean }> {
  const postponed = await postponeNudges(db, userId, until);
  if (postponed > 0) return { postponed, repeated: false };
  const pendingLater = await countPendingNudges(db, userId);
  if (pendingLater > 0) return { postponed: 0, repeated: false };
  const last = await findLastNudgeSent(db, userId);
  if (!last) return { postponed: 0, repeated: false };
  try {
    await createOutboxRow(db, {
      dedupeKey: `snooze:${last.id}:${until.getTime()}`,
      userId,
      kind: 'reminder',
      payload: repeatPayload(last.payload),
      dueAt: until,
    });
  } catch {
    /* same snooze twice: already queued */
  }
  return { postponed: 0, repeated: true };
}

function repeatPayload(payload: string): string {
  try {
    const p = JSON.parse(payload) as Record<string, unknown>;
    return JSON.stringify({ ...p, kind: 'reminder', offset: undefined });
  } catch {
    return payload;
  }
}

/** A person on leave: no message before `until` (null ends the leave). */
export async function pauseUser(db: Db, userId: number, until: Date | null): Promise<boolean> {
  return (await setUserPausedUntil(db, userId, until)) === 1;
}

export async function findRegime(
  db: Db,
  q: string,
): Promise<{ id: number; code: string; name: string; paused: boolean; province: string | null } | null> {
  const exact = await findRegimeByCodeBrief(db, q.trim());
  if (exact) return exact;
  const all = await listRegimesBrief(db);
  const f = fold(q);
  if (/^\d+$/.test(f)) {
    const byId = all.find((r) => r.id === Number(f));
    if (byId) return byId;
  }
  const hits = all.filter((r) => fold(r.code) === f || fold(r.name) === f);
  if (hits.length === 1) return hits[0] ?? null;
  const partial = all.filter((r) => fold(r.name).includes(f) || fold(r.code).includes(f));
  return partial.length === 1 ? (partial[0] ?? null) : null;
}

/**
 * Pauses or resumes a regime. While paused, its messages are held (deferred a day at a time); on resume every
 * held message is due again at once (those of regimes still paused are simply held again at the next flush).
 */
export async function setRegimePaused(db: Db, regimeId: number, paused: boolean, now: Date): Promise<void> {
  await setRegimePausedFlag(db, regimeId, paused);
  if (paused) return;
  await releasePausedMessages(db, now);
}
