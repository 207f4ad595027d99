// Audit records the web server reads back: a login link or a Web App launch is used once.
import type { Db, Prisma } from '../../db/client.ts';

/** The first audit record that matches, or null. */
export const findAuditEntry = (db: Db, where: Prisma.AuditLogWhereInput) => db.auditLog.findFirst({ where });
