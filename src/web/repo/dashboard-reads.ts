// What the dashboard and the form page read: periods, submissions, agencies and identities.
import type { Db } from '../../db/client.ts';

export const findPeriodWithRegime = (db: Db, id: number) => db.period.findUnique({ where: { id }, include: { regime: true } });

export const findAgencyById = (db: Db, id: number) => db.agency.findUnique({ where: { id } });

/** How many items a regime asks one agency. */
export const countAgencyItems = (db: Db, regimeId: number, agencyId: number) => db.regimeItem.count({ where: { regimeId, agencyId } });

/** The submissions of a period locked or approved one by one. */
export const findLockedSubmissions = (db: Db, periodId: number) =>
  db.submission.findMany({
    where: { periodId, OR: [{ lockedAt: { not: null } }, { approvedAt: { not: null } }] },
    select: { agencyId: true, lockedAt: true, approvedAt: true },
  });

/** A regime's latest started periods (up to `take`), newest first, with the agencies each expected. */
export const findTrendPeriods = (db: Db, regimeId: number, now: Date, take: number) =>
  db.period.findMany({
    where: { regimeId, startsAt: { lte: now } },
    orderBy: { startsAt: 'desc' },
    take,
    select: { id: true, key: true, expectedAgencies: true },
  });

/** Who submitted in these periods, with their successor. */
export const findTrendSubmissions = (db: Db, periodIds: number[]) =>
  db.submission.findMany({
    where: { periodId: { in: periodIds }, status: 'submitted' },
    select: { periodId: true, agencyId: true, agency: { select: { successorId: true } } },
  });

/** An agency's latest 24 submissions with their period and regime, newest first. */
export const findPastSubmissions = (db: Db, agencyId: number) =>
  db.submission.findMany({
    where: { agencyId },
    include: { period: { include: { regime: true } } },
    orderBy: { period: { startsAt: 'desc' } },
    take: 24,
  });

/** A Telegram identity with its user. */
export const findTelegramIdentity = (db: Db, externalId: string) =>
  db.identity.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId } }, include: { user: true } });

/** A person's identities, the one seen last first. */
export const findIdentitiesByRecency = (db: Db, userId: number) =>
  db.identity.findMany({ where: { userId }, orderBy: { lastSeenAt: 'desc' } });
