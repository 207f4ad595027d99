// What the search index is built from: documents, sections, tasks and indicators, and the fingerprint of them.
import type { Db } from '../../db/client.ts';

export const findDocumentHashes = (db: Db) => db.document.findMany({ select: { id: true, contentHash: true }, orderBy: { id: 'asc' } });

export const countAgencies = (db: Db) => db.agency.count();

export const findDocumentsWithApproval = (db: Db) =>
  db.document.findMany({ include: { approvedBy: { select: { type: true, number: true } } } });

export const findAllSections = (db: Db) => db.section.findMany({ orderBy: [{ documentId: 'asc' }, { ord: 'asc' }] });

export const findAllTasks = (db: Db) => db.task.findMany({ include: { agencies: true }, orderBy: [{ documentId: 'asc' }, { ord: 'asc' }] });

export const findAllIndicators = (db: Db) => db.indicator.findMany({ orderBy: [{ documentId: 'asc' }, { ord: 'asc' }] });
