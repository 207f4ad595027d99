// A stored document by id or number, and the whole of it as `cli show` renders it.
import type { Db } from '../../db/client.ts';

export const findDocumentIdById = (db: Db, id: number) => db.document.findUnique({ where: { id }, select: { id: true } });

export const findDocumentIdByNumberKey = (db: Db, numberKey: string) =>
  db.document.findFirst({ where: { numberKey }, select: { id: true } });

/** A document with its sections, tasks (and their agencies) and indicators, in order: the tree `cli show` prints. */
export const findDocumentTree = (db: Db, id: number) =>
  db.document.findUniqueOrThrow({
    where: { id },
    include: {
      approves: { select: { number: true, title: true } },
      approvedBy: { select: { number: true } },
      sections: { orderBy: { ord: 'asc' } },
      tasks: { orderBy: { ord: 'asc' }, include: { agencies: { include: { agency: true } } } },
      indicators: { orderBy: { ord: 'asc' } },
    },
  });

/** The same with the types of the related documents and the agencies in link order: `cli show --json`. */
export const findDocumentExtraction = (db: Db, id: number) =>
  db.document.findUniqueOrThrow({
    where: { id },
    include: {
      approves: { select: { number: true, title: true, type: true } },
      approvedBy: { select: { number: true, title: true, type: true } },
      sections: { orderBy: { ord: 'asc' } },
      tasks: { orderBy: { ord: 'asc' }, include: { agencies: { include: { agency: true }, orderBy: { id: 'asc' } } } },
      indicators: { orderBy: { ord: 'asc' } },
    },
  });
