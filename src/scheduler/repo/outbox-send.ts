// The Outbox rows as the dispatcher moves them: pending → sending → sent, failed, cancelled or pending again.
import type { Db, Prisma } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';

type OutboxStatus = Prisma.OutboxUncheckedUpdateManyInput['status'];

/** Sends interrupted by a crash (their send lease is over) are pending again: how many. */
export async function recoverInterruptedSends(db: Db, now: Date): Promise<number> {
  const rec = await db.outbox.updateMany({
    where: { status: 'sending', dueAt: { lte: now } },
    data: { status: 'pending', lastError: 'interrupted: delivery unknown, retrying' },
  });
  return rec.count;
}

/** The next `take` rows due, oldest first. */
export const findDueOutbox = (db: Db, now: Date, take: number) =>
  db.outbox.findMany({
    where: { status: 'pending', dueAt: { lte: now } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, userId: true, dedupeKey: true, payload: true, attempts: true },
  });

/** A pending row's new status (and due time or error). */
export async function setPendingOutbox(
  db: Db,
  id: number,
  status: OutboxStatus,
  data: { dueAt?: Date; lastError?: string | null },
): Promise<void> {
  await db.outbox.updateMany({ where: { id, status: 'pending' }, data: { status, ...data } });
}

/**
 * pending → sending, true when this call changed the row. With `skipLocked` (PostgreSQL) the row is first locked
 * with FOR UPDATE SKIP LOCKED in a transaction, so a row being claimed by another instance is skipped at once.
 */
export async function claimOutbox(db: Db, id: number, attempts: number, dueAt: Date, skipLocked: boolean): Promise<boolean> {
  const where = { id, status: 'pending' as const };
  const data = { status: 'sending' as const, attempts, dueAt };
  if (!skipLocked) return (await db.outbox.updateMany({ where, data })).count === 1;
  return inTransaction(db, async (tx) => {
    const free = await tx.$queryRaw<
      { id: number }[]
    >`SELECT "id" FROM "Outbox" WHERE "id" = ${id} AND "status" = 'pending' FOR UPDATE SKIP LOCKED`;
    return free.length === 1 && (await tx.outbox.updateMany({ where, data })).count === 1;
  });
}

/** A row being sent is dropped, with why. */
export async function cancelSendingOutbox(db: Db, id: number, lastError: string): Promise<void> {
  await db.outbox.updateMany({ where: { id, status: 'sending' }, data: { status: 'cancelled', lastError } });
}

/** The end of this attempt's send (sent, failed or pending again): how many rows it changed (0 when taken over). */
export async function finishSendingOutbox(
  db: Db,
  id: number,
  attempts: number,
  data: Prisma.OutboxUncheckedUpdateManyInput,
): Promise<number> {
  return (await db.outbox.updateMany({ where: { id, status: 'sending', attempts }, data })).count;
}
