// The audit trail: one row per change, written by every module beside the change it records.
import type { Db, DbTx, Prisma } from './client.ts';

/** Adds one audit record and returns it. */
export const addAuditLog = (db: Pick<Db | DbTx, 'auditLog'>, data: Prisma.AuditLogUncheckedCreateInput) => db.auditLog.create({ data });
