// The Lease and JobRun tables: one scheduler at a time, and when each job last ran.
import type { Db } from '../../db/client.ts';

/** Takes or renews the lease when it is ours or expired: how many rows changed (0 or 1). */
export async function renewLease(db: Db, name: string, holder: string, now: Date, expiresAt: Date): Promise<number> {
  const upd = await db.lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  return upd.count;
}

/** The very first take of a lease (fails on the unique key when another process made it first). */
export async function createLease(db: Db, name: string, holder: string, expiresAt: Date): Promise<void> {
  await db.lease.create({ data: { name, holder, expiresAt } });
}

export async function expireLease(db: Db, name: string, holder: string): Promise<void> {
  await db.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}

export const findJobRun = (db: Db, name: string) => db.jobRun.findUnique({ where: { name } });

export async function upsertJobRun(db: Db, name: string, at: Date): Promise<void> {
  await db.jobRun.upsert({ where: { name }, create: { name, lastRunAt: at }, update: { lastRunAt: at } });
}
