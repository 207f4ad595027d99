// The InboundEvent table: the keys of the platform events handled, so a re-delivery is ignored.
import type { Db, DbTx } from '../../db/client.ts';

export async function createInboundEvent(db: Db | DbTx, key: string): Promise<void> {
  await db.inboundEvent.create({ data: { key } });
}

export const findInboundEvent = (db: Db, key: string) => db.inboundEvent.findUnique({ where: { key }, select: { key: true } });

/** Forgets the keys stored before `before`: how many. */
export async function deleteEventsBefore(db: Db, before: Date): Promise<number> {
  return (await db.inboundEvent.deleteMany({ where: { at: { lt: before } } })).count;
}
