// The Regime table: a reporting regime by code or id, the list, and its create and update.
import type { Db, DbTx, Prisma } from '../../db/client.ts';

export const findRegimeByCode = (db: Db | DbTx, code: string) => db.regime.findUnique({ where: { code } });

export const findRegimeById = (db: Db, id: number) => db.regime.findUnique({ where: { id } });

export const findRegimeOrThrow = (db: Db, id: number) => db.regime.findUniqueOrThrow({ where: { id } });

export const createRegime = (tx: DbTx, data: Prisma.RegimeUncheckedCreateInput) => tx.regime.create({ data });

export const updateRegime = (tx: DbTx, id: number, data: Prisma.RegimeUncheckedUpdateInput) => tx.regime.update({ where: { id }, data });

/** A regime with its items (and their agencies, in order) and its document. */
export const findRegimeWithItems = (db: Db, code: string) =>
  db.regime.findUnique({
    where: { code },
    include: { items: { include: { agency: true }, orderBy: { ord: 'asc' } }, document: true },
  });

/** Every regime by code, with how many items and periods it has. */
export const listRegimesWithCounts = (db: Db) =>
  db.regime.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { items: true, periods: true } } } });

/** Id, code and name of every regime, to match a name typed loosely. */
export const listRegimeNames = (db: Db) => db.regime.findMany({ select: { id: true, code: true, name: true } });

/** The codes of the regimes in a scope, by code. */
export const listRegimeCodesWhere = (db: Db, where: Prisma.RegimeWhereInput) =>
  db.regime.findMany({ where, select: { code: true }, orderBy: { code: 'asc' } });

/** The regimes in a scope, by id. */
export const listRegimesWhere = (db: Db, where: Prisma.RegimeWhereInput) =>
  db.regime.findMany({ where, select: { id: true, code: true, name: true }, orderBy: { id: 'asc' } });
