// Who the scheduler writes to and about: the periods it plans, their agencies, officials and coordinators.
import type { Db, Prisma } from '../../db/client.ts';

const withSubmitted = { regime: true, submissions: { where: { status: 'submitted' as const }, select: { agencyId: true } } };

/** The open, started, not yet locked periods of regimes not paused (only of `regimeIds` when given). */
export const findPlannablePeriods = (db: Db, now: Date, regimeIds?: number[]) =>
  db.period.findMany({
    where: {
      status: 'open',
      startsAt: { lte: now },
      locksAt: { gt: now },
      regime: { paused: false },
      ...(regimeIds ? { regimeId: { in: regimeIds } } : {}),
    },
    include: withSubmitted,
  });

/** These periods with their regime and the agencies that submitted. */
export const findPeriodsWithSubmitted = (db: Db, ids: number[]) =>
  db.period.findMany({ where: { id: { in: ids } }, include: withSubmitted });

/** The open periods not yet locked (of the regimes in scope), by deadline, with the agencies that submitted. */
export const findOpenPeriodsByDeadline = (db: Db, now: Date, regimes?: Prisma.RegimeWhereInput) =>
  db.period.findMany({
    where: { status: 'open', locksAt: { gt: now }, ...(regimes ? { regime: regimes } : {}) },
    include: withSubmitted,
    orderBy: { deadline: 'asc' },
  });

/** The agencies among these ids, keys and base keys. */
export const findAgenciesNamed = (db: Db, where: Prisma.AgencyWhereInput[]) =>
  db.agency.findMany({ where: { OR: where }, select: { id: true, name: true } });

export const findAgencyNamesByIds = (db: Db, ids: number[]) =>
  db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });

/** The officials of these agencies. */
export const findOfficialsOf = (db: Db, agencyIds: number[]) =>
  db.user.findMany({ where: { role: 'official', agencyId: { in: agencyIds } }, select: { id: true, agencyId: true } });

/** The coordinators of a province (and those of no province), or all. */
export const findCoordinators = (db: Db, province: string | null) =>
  db.user.findMany({
    where: province ? { role: 'coordinator' as const, OR: [{ province: null }, { province }] } : { role: 'coordinator' as const },
    select: { id: true },
  });

/** The people a chunk of messages goes to: role, agency, leave, language and their channels, latest first. */
export const findChunkUsers = (db: Db, ids: number[]) =>
  db.user.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      role: true,
      agencyId: true,
      pausedUntil: true,
      locale: true,
      identities: { select: { channel: true, externalId: true, chatId: true }, orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }] },
    },
  });

/** When these sessions last changed. */
export const findSessionTimes = (db: Db, keys: string[]) =>
  db.session.findMany({ where: { key: { in: keys } }, select: { key: true, updatedAt: true } });

export const findUserIdsWhere = (db: Db, where: Prisma.UserWhereInput) => db.user.findMany({ where, select: { id: true } });

/** Name and agency of these people. */
export const findUserLabels = (db: Db, ids: number[]) =>
  db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, agency: { select: { name: true } } } });

/** The agencies that submitted in these periods. */
export const findSubmittedIn = (db: Db, periodIds: number[]) =>
  db.submission.findMany({ where: { status: 'submitted', periodId: { in: periodIds } }, select: { periodId: true, agencyId: true } });

export async function setUserPausedUntil(db: Db, id: number, pausedUntil: Date | null): Promise<number> {
  return (await db.user.updateMany({ where: { id }, data: { pausedUntil } })).count;
}

/** Someone a coordinator names by number, with where they belong. */
export const findUserWithProvince = (db: Db, id: number) =>
  db.user.findUnique({ where: { id }, select: { id: true, name: true, province: true, agency: { select: { province: true } } } });
