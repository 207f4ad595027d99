// How many tasks and indicators a document has, and who signed documents.
import type { Db } from '../../db/client.ts';

export const countTasks = (db: Db, documentId: number) => db.task.count({ where: { documentId } });

export const countIndicators = (db: Db, documentId: number) => db.indicator.count({ where: { documentId } });

export const findSigners = (db: Db, ids: number[]) =>
  db.document.findMany({ where: { id: { in: ids } }, select: { id: true, signer: true } });
