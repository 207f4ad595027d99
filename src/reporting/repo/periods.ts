// The Period table: a regime's reporting periods, their state, and the joined read of an agency's periods.
import type { Db, DbTx, Prisma } from '../../db/client.ts';

/** The open periods of a regime not yet locked by time now ask this list of agencies. */
export async function setOpenPeriodsExpected(tx: DbTx, regimeId: number, now: Date, expectedAgencies: string): Promise<void> {
  await tx.period.updateMany({ where: { regimeId, status: 'open', locksAt: { gt: now } }, data: { expectedAgencies } });
}

export const findPeriodByKey = (db: Db, regimeId: number, key: string) =>
  db.period.findUnique({ where: { regimeId_key: { regimeId, key } } });

export const createPeriod = (db: Db, data: Prisma.PeriodUncheckedCreateInput) => db.period.create({ data });

export const updatePeriod = (db: Db, id: number, data: Prisma.PeriodUncheckedUpdateInput) => db.period.update({ where: { id }, data });

/** A period with its regime (items and their agencies) and its submissions (with their answers). */
export const findPeriodStatusTree = (db: Db, id: number) =>
  db.period.findUnique({
    where: { id },
    include: { regime: { include: { items: { include: { agency: true } } } }, submissions: { include: { answers: true } } },
  });

export const findPeriodWithRegimeOrThrow = (db: Db, id: number) =>
  db.period.findUniqueOrThrow({ where: { id }, include: { regime: true } });

/** Started periods of the regimes asking an agency (or of a province), each regime's by latest end first. */
export const findStartedPeriods = (db: Db, now: Date, agencyId?: number, province?: string | null) =>
  db.period.findMany({
    where: {
      regime: {
        ...(agencyId ? { items: { some: { agencyId } } } : {}),
        ...(province ? { OR: [{ province: null }, { province }] } : {}),
      },
      startsAt: { lte: now },
    },
    orderBy: [{ regimeId: 'asc' }, { endsAt: 'desc' }],
  });

/** A regime's periods, oldest first. */
export const findRegimePeriods = (db: Db, regimeId: number) =>
  db.period.findMany({ where: { regimeId }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });

/** Key and span of a regime's periods, newest first. */
export const findRegimePeriodSpans = (db: Db, regimeId: number) =>
  db.period.findMany({
    where: { regimeId },
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    select: { key: true, startsAt: true, endsAt: true },
  });

/** The started periods of these regimes, newest first. */
export const findStartedPeriodsOf = (db: Db, regimeIds: number[], now: Date) =>
  db.period.findMany({ where: { regimeId: { in: regimeIds }, startsAt: { lte: now } }, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }] });

/** The started periods of these regimes, newest first, with these agencies' submissions and answers. */
export const findHistoryPeriods = (db: Db, regimeIds: number[], now: Date, agencyIds: number[]) =>
  db.period.findMany({
    where: { regimeId: { in: regimeIds }, startsAt: { lte: now } },
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    include: { submissions: { where: { agencyId: { in: agencyIds } }, include: { answers: true } } },
  });

export type AgencyPeriodRow = {
  id: unknown;
  key: string;
  deadline: Date;
  locksAt: Date;
  status: string;
  lockedAt: Date | null;
  lockedById: unknown;
  approvedAt: Date | null;
  approvedBy: unknown;
  regimeCode: string;
  regimeName: string;
  s_id: unknown;
  s_reopenedAt: Date | null;
  s_lockedAt: Date | null;
  s_lockedById: unknown;
  s_approvedAt: Date | null;
  s_approvedById: unknown;
};

/**
 * Every period whose regime asks this agency something, with its regime and this agency's submission, in one
 * joined statement (Prisma's include ran three).
 */
export const findAgencyPeriodRows = (db: Db, agencyId: number) =>
  db.$queryRaw<AgencyPeriodRow[]>`
    SELECT p."id", p."key", p."deadline", p."locksAt", p."status", p."lockedAt", p."lockedById", p."approvedAt",
      p."approvedBy", r."code" AS "regimeCode", r."name" AS "regimeName", s."reopenedAt" AS "s_reopenedAt",
      s."lockedAt" AS "s_lockedAt", s."lockedById" AS "s_lockedById", s."approvedAt" AS "s_approvedAt",
      s."approvedById" AS "s_approvedById", s."id" AS "s_id"
    FROM "Period" p JOIN "Regime" r ON r."id" = p."regimeId"
      LEFT JOIN "Submission" s ON s."periodId" = p."id" AND s."agencyId" = ${agencyId}
    WHERE EXISTS (SELECT 1 FROM "RegimeItem" it WHERE it."regimeId" = p."regimeId" AND it."agencyId" = ${agencyId})`;
