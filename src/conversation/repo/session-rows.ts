// The Session table as the conversation keeps it: a key → JSON row (sessions, and Zalo's numbered choices).
import type { Db, DbTx } from '../../db/client.ts';

export const findSessionRow = (db: Db | DbTx, key: string) => db.session.findUnique({ where: { key } });

export const findSessionData = (db: Db, key: string) => db.session.findUnique({ where: { key }, select: { data: true } });

/** Writes the row of `key` (Prisma's upsert: a read, then an update or an insert). */
export async function upsertSessionRow(db: Db | DbTx, key: string, data: string): Promise<void> {
  await db.session.upsert({ where: { key }, update: { data }, create: { key, data } });
}

export async function deleteSessionRows(db: Db, key: string): Promise<void> {
  await db.session.deleteMany({ where: { key } });
}
