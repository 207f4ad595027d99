// The scheduler's reads and writes of regimes: find one by code or words, pause or resume it.
import type { Db, Prisma } from '../../db/client.ts';

const sel = { id: true, code: true, name: true, paused: true, province: true } as const;

export const findRegimeByCodeBrief = (db: Db, code: string) => db.regime.findFirst({ where: { code }, select: sel });

export const listRegimesBrief = (db: Db) => db.regime.findMany({ select: sel });

export async function setRegimePausedFlag(db: Db, id: number, paused: boolean): Promise<void> {
  await db.regime.update({ where: { id }, data: { paused } });
}

export const findRegimeIdsWhere = (db: Db, where: Prisma.RegimeWhereInput) => db.regime.findMany({ where, select: { id: true } });
