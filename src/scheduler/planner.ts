// Planning: turns open periods into Outbox rows. Each (period, person) has one current stage (the latest
// milestone already reached); only that stage is written, so a catch-up after downtime sends one message,
// not one per missed milestone. Rows are keyed (dedupeKey), so planning twice never creates two rows.
import type { Db } from '../db/client.ts';
import { findRegimeAgencyIds } from '../reporting/repo/regime-items.ts';
import { cancelSuperseded, createOutboxRow, createOutboxRows, findOutboxKeys, findWaitingNudges } from './repo/outbox-plan.ts';
import { findAgenciesNamed, findCoordinators, findOfficialsOf, findPlannablePeriods } from './repo/recipients.ts';
import type { Logger } from '../core/interfaces.ts';
import { compareVi } from '../core/text.ts';
import { atLocal, deadlineDay, addDays, nextAllowedSlot, workingDayOnOrBefore, type Calendar } from './time.ts';
import type { OutboxKind, OutboxPayload } from './messages.ts';
import { nudgeKeys, RECENT_NUDGE_MS } from './nudges.ts';

export interface Milestone {
  stage: 'open' | 'remind' | 'overdue';
  offset?: number;
  at: Date;
  /** A reminder moved to an earlier working day because its own day is a day off. */
  early?: boolean;
}

export interface PlanContext {
  db: Db;
  cal: Calendar;
  offsets: number[];
  log: Logger;
}

export function parseOffsets(s: string): number[] {
  const list = s
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0);
  return [...new Set(list)].sort((a, b) => b - a);
}

/**
 * Opening at startsAt, reminders at the window start of (deadline day − N), overdue at the deadline.
 * A reminder day that is a day off (weekend, holiday) moves to the working day before: waiting for the next
 * working day would send it after the deadline, or not at all once a later stage replaces it. Two reminders on
 * the same working day are one: the more urgent (smaller offset), whose text says the deadline is near.
 */
export function milestones(period: { startsAt: Date; deadline: Date }, cal: Calendar, offsets: number[]): Milestone[] {
  const out: Milestone[] = [{ stage: 'open', at: period.startsAt }];
  const dday = deadlineDay(period.deadline, cal.tz);
  const byDay = new Map<string, number>();
  for (const offset of offsets) {
    const day = workingDayOnOrBefore(addDays(dday, -offset), cal);
    const kept = byDay.get(day);
    if (kept === undefined || offset < kept) byDay.set(day, offset);
  }
  for (const [day, offset] of byDay) {
    const at = atLocal(day, cal.start, cal.tz);
    const early = day !== addDays(dday, -offset);
    if (at > period.startsAt && at < period.deadline) out.push({ stage: 'remind', offset, at, ...(early ? { early } : {}) });
  }
  out.push({ stage: 'overdue', at: period.deadline });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function stageKind(m: Milestone): OutboxKind {
  return m.stage === 'open' ? 'prompt' : m.stage === 'remind' ? 'reminder' : 'overdue';
}

export function stageKey(m: Milestone, periodId: number, userId: number): string {
  return m.stage === 'remind' ? `remind:${periodId}:${userId}:${m.offset}` : `${m.stage}:${periodId}:${userId}`;
}

export interface RegimeLike {
  id: number;
  reportingBodies: string | null;
  province: string | null;
}

/** Agencies that report under a regime: those owning its items plus those named in reportingBodies. */
export async function reportingAgencies(db: Db, regime: RegimeLike): Promise<{ id: number; name: string }[]> {
  const items = await findRegimeAgencyIds(db, regime.id);
  let keys: string[] = [];
  try {
    const parsed: unknown = regime.reportingBodies ? JSON.parse(regime.reportingBodies) : [];
    if (Array.isArray(parsed)) keys = parsed.filter((k): k is string => typeof k === 'string');
  } catch {
    keys = [];
  }
  const byBase = regime.province ? { baseKey: { in: keys }, province: regime.province } : { baseKey: { in: keys } };
  const agencies = await findAgenciesNamed(db, [{ id: { in: items.map((i) => i.agencyId) } }, { key: { in: keys } }, byBase]);
  return agencies.sort((a, b) => compareVi(a.name, b.name) || a.id - b.id);
}

export async function coordinatorsOf(db: Db, regime: RegimeLike): Promise<{ id: number }[]> {
  return findCoordinators(db, regime.province);
}

function chunks<T>(xs: T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export interface NewRow {
  dedupeKey: string;
  userId: number;
  kind: OutboxKind;
  payload: OutboxPayload;
  dueAt: Date;
}

/** Writes rows whose key does not exist yet; returns how many were created. */
export async function insertRows(db: Db, rows: NewRow[]): Promise<number> {
  let created = 0;
  for (const part of chunks(rows)) {
    const existing = await findOutboxKeys(
      db,
      part.map((r) => r.dedupeKey),
    );
    const seen = new Set(existing.map((e) => e.dedupeKey));
    const fresh = part.filter((r) => !seen.has(r.dedupeKey));
    if (!fresh.length) continue;
    const data = fresh.map((r) => ({
      dedupeKey: r.dedupeKey,
      userId: r.userId,
      kind: r.kind,
      payload: JSON.stringify(r.payload),
      dueAt: r.dueAt,
    }));
    try {
      created += await createOutboxRows(db, data);
    } catch {
      // Someone else wrote some of these keys meanwhile: fall back to one by one, the unique key decides.
      for (const d of data) {
        try {
          await createOutboxRow(db, d);
          created++;
        } catch {
          /* already planned */
        }
      }
    }
  }
  return created;
}

/** Plans every open, non-paused period; returns the number of Outbox rows created. */
export async function planDue(ctx: PlanContext, now: Date): Promise<number> {
  const { db, cal } = ctx;
  const periods = await findPlannablePeriods(db, now);
  let created = 0;
  for (const period of periods) {
    const ms = milestones(period, cal, ctx.offsets);
    const idx = ms.findLastIndex((m) => m.at <= now);
    const current = ms[idx];
    if (!current) continue;
    const submitted = new Set(period.submissions.map((s) => s.agencyId));
    const agencies = await reportingAgencies(db, period.regime);
    const late = agencies.filter((a) => !submitted.has(a.id)).map((a) => a.id);
    const officials = late.length ? await findOfficialsOf(db, late) : [];
    const dueAt = nextAllowedSlot(current.at, cal);
    const rows: NewRow[] = officials.map((u) => ({
      dedupeKey: stageKey(current, period.id, u.id),
      userId: u.id,
      kind: stageKind(current),
      payload: { kind: stageKind(current), periodId: period.id, regimeId: period.regimeId, agencyId: u.agencyId, offset: current.offset },
      dueAt,
    }));
    if (current.stage === 'overdue') {
      for (const c of await coordinatorsOf(db, period.regime)) {
        rows.push({
          dedupeKey: `digest:${period.id}:${c.id}`,
          userId: c.id,
          kind: 'digest',
          payload: { kind: 'digest', periodId: period.id, regimeId: period.regimeId },
          dueAt,
        });
      }
    }
    const n = await insertRows(db, rows);
    created += n;
    if (n > 0 && idx > 0) {
      // A newer stage replaces older ones still waiting (quiet hours, idle, leave): one message, the current one.
      const older = ms.slice(0, idx);
      for (const part of chunks(officials, 200)) {
        const keys = part.flatMap((u) => older.map((m) => stageKey(m, period.id, u.id)));
        await cancelSuperseded(db, keys);
      }
    }
    if (n > 0) ctx.log.info({ period: period.id, stage: current.stage, offset: current.offset, rows: n }, 'scheduler: planned');
  }
  return created;
}

/**
 * "nhắc ngay": queues a reminder, due now, to every official of every late agency of the matching open periods
 * (only of `agencyIds` when given: the dashboard's reminder to one agency).
 */
export async function queueManual(
  ctx: PlanContext,
  now: Date,
  regimeIds?: number[],
  agencyIds?: number[],
): Promise<{ officials: number; agencies: number; periods: number }> {
  const { db } = ctx;
  const periods = await findPlannablePeriods(db, now, regimeIds);
  let officials = 0;
  let agencies = 0;
  for (const period of periods) {
    const submitted = new Set(period.submissions.map((s) => s.agencyId));
    const late = (await reportingAgencies(db, period.regime))
      .filter((a) => !submitted.has(a.id) && (!agencyIds || agencyIds.includes(a.id)))
      .map((a) => a.id);
    agencies += late.length;
    const all = late.length ? await findOfficialsOf(db, late) : [];
    // "nhắc ngay" twice before the first batch went out queued everyone twice: one waiting nudge per person is enough
    // …and one told within the hour (the opening message, an earlier nudge) would be dropped when due: not queued
    const waiting = await findWaitingNudges(db, period.id, nudgeKeys(period.id), new Date(now.getTime() - RECENT_NUDGE_MS));
    const queued = new Set(waiting.map((w) => w.userId));
    const users = all.filter((u) => !queued.has(u.id));
    officials += await insertRows(
      db,
      users.map((u) => ({
        dedupeKey: `manual:${period.id}:${u.id}:${now.getTime()}`,
        userId: u.id,
        kind: 'reminder' as const,
        payload: { kind: 'reminder' as const, periodId: period.id, regimeId: period.regimeId, agencyId: u.agencyId, manual: true },
        dueAt: now,
      })),
    );
  }
  return { officials, agencies, periods: periods.length };
}
