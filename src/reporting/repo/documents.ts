// Reporting's reads of imported documents: a regime's plan, its issuer, and what a regime is proposed from.
import type { Db } from '../../db/client.ts';

export const findDocumentById = (db: Db, id: number) => db.document.findUnique({ where: { id } });

/** The first document (lowest id) with this number key. */
export const findDocumentByNumberKey = (db: Db, numberKey: string) =>
  db.document.findFirst({ where: { numberKey }, orderBy: { id: 'asc' } });

export const findDocumentOrThrow = (db: Db, id: number) => db.document.findUniqueOrThrow({ where: { id } });

export const findDocumentIssuer = (db: Db, id: number) =>
  db.document.findUnique({ where: { id }, select: { issuer: true, province: true } });

export const findDocumentSections = (db: Db, documentId: number) =>
  db.section.findMany({ where: { documentId }, select: { id: true, parentId: true, path: true } });

/** A document's tasks in order, with their agencies. */
export const findDocumentTasks = (db: Db, documentId: number) =>
  db.task.findMany({ where: { documentId }, include: { agencies: { include: { agency: true } } }, orderBy: { ord: 'asc' } });

export const findDocumentIndicators = (db: Db, documentId: number) =>
  db.indicator.findMany({ where: { documentId }, orderBy: { ord: 'asc' } });
