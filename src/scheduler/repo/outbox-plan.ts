// The Outbox rows as the planner, the nudges and the snooze write and read them.
import type { Db, Prisma } from '../../db/client.ts';

/** Which of these keys are planned already. */
export const findOutboxKeys = (db: Db, keys: string[]) =>
  db.outbox.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } });

/** Writes the rows at once: how many. */
export async function createOutboxRows(db: Db, data: Prisma.OutboxCreateManyInput[]): Promise<number> {
  return (await db.outbox.createMany({ data })).count;
}

/** Writes one row (fails on the unique key when it is planned already). */
export async function createOutboxRow(db: Db, data: Prisma.OutboxUncheckedCreateInput): Promise<void> {
  await db.outbox.create({ data });
}

/** Cancels the rows of these keys still waiting: a newer stage replaces them. */
export async function cancelSuperseded(db: Db, keys: string[]): Promise<void> {
  await db.outbox.updateMany({
    where: { dedupeKey: { in: keys }, status: 'pending' },
    data: { status: 'cancelled', lastError: 'superseded' },
  });
}

/** The recipients of a period's manual nudges still waiting, and of its nudges sent since `since`. */
export const findWaitingNudges = (db: Db, periodId: number, nudges: Prisma.OutboxWhereInput[], since: Date) =>
  db.outbox.findMany({
    where: {
      OR: [
        { dedupeKey: { startsWith: `manual:${periodId}:` }, status: { in: ['pending', 'sending'] } },
        { OR: nudges, status: 'sent', sentAt: { gte: since } },
      ],
    },
    select: { userId: true },
  });

/** Another nudge of the same period and person, sent since `since` or being sent before this one. */
export const findRecentNudge = (db: Db, row: { id: number }, nudges: Prisma.OutboxWhereInput[], since: Date, opening: string) =>
  db.outbox.findFirst({
    where: {
      id: { not: row.id },
      OR: nudges,
      AND: {
        OR: [
          { status: 'sent', sentAt: { gte: since } },
          { status: 'sending', OR: [{ dedupeKey: opening }, { id: { lt: row.id } }] },
        ],
      },
    },
    select: { id: true },
  });

const NUDGE_KINDS: ('prompt' | 'reminder' | 'overdue')[] = ['prompt', 'reminder', 'overdue'];

/** The person's nudges due before `until` are due at `until`: how many. */
export async function postponeNudges(db: Db, userId: number, until: Date): Promise<number> {
  const upd = await db.outbox.updateMany({
    where: { userId, status: 'pending', dueAt: { lt: until }, kind: { in: NUDGE_KINDS } },
    data: { dueAt: until, lastError: 'snoozed' },
  });
  return upd.count;
}

export const countPendingNudges = (db: Db, userId: number) =>
  db.outbox.count({ where: { userId, status: 'pending', kind: { in: NUDGE_KINDS } } });

export const findLastNudgeSent = (db: Db, userId: number) =>
  db.outbox.findFirst({ where: { userId, status: 'sent', kind: { in: NUDGE_KINDS } }, orderBy: [{ sentAt: 'desc' }, { id: 'desc' }] });

/** The messages held by a paused regime are due now. */
export async function releasePausedMessages(db: Db, now: Date): Promise<void> {
  await db.outbox.updateMany({ where: { status: 'pending', lastError: 'regime paused' }, data: { dueAt: now, lastError: null } });
}

/** The waiting messages (of these recipients, or all), soonest first. */
export const findQueuedOutbox = (db: Db, recipients: number[] | null) =>
  db.outbox.findMany({
    where: { status: { in: ['pending' as const, 'sending' as const] }, ...(recipients ? { userId: { in: recipients } } : {}) },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
