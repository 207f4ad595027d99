// What the chat commands read beside the form: regimes by code, an agency's periods, uploads in the audit trail.
import type { Db } from '../../db/client.ts';

export const findRegimeCode = (db: Db, code: string) => db.regime.findUnique({ where: { code } });

/** An official's latest started periods (up to `take`) of regimes asking their agency, with its items and answers. */
export const findHomePeriods = (db: Db, agencyId: number, now: Date, take: number) =>
  db.period.findMany({
    where: { startsAt: { lte: now }, regime: { paused: false, items: { some: { agencyId } } } },
    include: {
      regime: { include: { items: { where: { agencyId }, select: { id: true } } } },
      submissions: { where: { agencyId }, include: { answers: true } },
    },
    orderBy: { deadline: 'desc' },
    take,
  });

export const findPeriodByKeyOrThrow = (db: Db, regimeId: number, key: string) =>
  db.period.findUniqueOrThrow({ where: { regimeId_key: { regimeId, key } } });

/** These periods with one agency's submission. */
export const findPeriodsWithSubmissionOf = (db: Db, ids: number[], agencyId: number) =>
  db.period.findMany({ where: { id: { in: ids } }, include: { submissions: { where: { agencyId } } } });

/** An audit record of this action: by id, or the latest of a person. */
export const findUploadAudit = (db: Db, action: string, by: { id: number } | { userId: number }) =>
  'id' in by
    ? db.auditLog.findFirst({ where: { id: by.id, action } })
    : db.auditLog.findFirst({ where: { action, userId: by.userId }, orderBy: { id: 'desc' } });

/** The audit record of an undo of the upload recorded as `auditId`. */
export const findUndoOf = (db: Db, action: string, auditId: number) =>
  db.auditLog.findFirst({ where: { action, entity: 'auditLog', entityId: String(auditId) } });
