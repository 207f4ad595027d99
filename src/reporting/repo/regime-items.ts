// The RegimeItem table: what a regime asks each agency.
import type { Db, DbTx, Prisma } from '../../db/client.ts';

/** A regime's items with how many answers each has (an answered one is never deleted silently). */
export const findItemsWithAnswerCounts = (tx: DbTx, regimeId: number) =>
  tx.regimeItem.findMany({ where: { regimeId }, include: { _count: { select: { answers: true } } } });

export async function updateRegimeItem(tx: DbTx, id: number, data: Prisma.RegimeItemUncheckedUpdateInput): Promise<void> {
  await tx.regimeItem.update({ where: { id }, data });
}

export async function createRegimeItem(tx: DbTx, data: Prisma.RegimeItemUncheckedCreateInput): Promise<void> {
  await tx.regimeItem.create({ data });
}

export async function deleteRegimeItems(tx: DbTx, ids: number[]): Promise<void> {
  await tx.regimeItem.deleteMany({ where: { id: { in: ids } } });
}

/** The agencies a regime asks something, one row each. */
export const findRegimeAgencyIds = (db: Pick<Db, 'regimeItem'>, regimeId: number) =>
  db.regimeItem.findMany({ where: { regimeId }, distinct: ['agencyId'], select: { agencyId: true } });

/** What a regime asks one agency, in order. */
export const findAgencyItems = (db: Db, regimeId: number, agencyId: number) =>
  db.regimeItem.findMany({ where: { regimeId, agencyId }, orderBy: { ord: 'asc' } });

/** A regime's items in order, with their agencies: the rows of a consolidated report. */
export const findReportItems = (db: Db, regimeId: number) =>
  db.regimeItem.findMany({
    where: { regimeId },
    include: { agency: { select: { id: true, key: true, name: true } } },
    orderBy: [{ ord: 'asc' }, { id: 'asc' }],
  });

/** An agency's items of every regime (or one), with their regime: the rows of its history. */
export const findAgencyHistoryItems = (db: Db, agencyId: number, regime: Prisma.RegimeWhereInput) =>
  db.regimeItem.findMany({
    where: { agencyId, regime },
    orderBy: [{ regimeId: 'asc' }, { ord: 'asc' }, { id: 'asc' }],
    include: { regime: { select: { id: true, code: true, name: true } } },
  });

/** The items someone may ask the progress of, with their agency and regime. */
export const findProgressItems = (db: Db, where: Prisma.RegimeItemWhereInput) =>
  db.regimeItem.findMany({
    where,
    include: { agency: { select: { id: true, name: true, baseKey: true } }, regime: { select: { id: true, code: true } } },
  });
