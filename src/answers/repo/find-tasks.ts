// Tasks an answer lists: one by id, an agency's, those with a deadline; with their agencies and section.
import type { Db } from '../../db/client.ts';

const withLinks = { agencies: { select: { agencyId: true, role: true } }, section: { select: { path: true, page: true } } };

export const findTask = (db: Db, id: number) => db.task.findUnique({ where: { id } });

/** The tasks of these agencies (of these documents only, when given), by document and order. */
export const findAgencyTasks = (db: Db, agencyIds: number[], docIds: number[] | null) =>
  db.task.findMany({
    where: { agencies: { some: { agencyId: { in: agencyIds } } }, ...(docIds ? { documentId: { in: docIds } } : {}) },
    include: withLinks,
    orderBy: [{ documentId: 'asc' }, { ord: 'asc' }],
  });

/** The tasks with a deadline (of these documents, of these agencies, when given). */
export const findDeadlineTasks = (db: Db, docIds: number[] | null, agencyIds: number[] | null) =>
  db.task.findMany({
    where: {
      deadlineEnd: { not: null },
      ...(docIds ? { documentId: { in: docIds } } : {}),
      ...(agencyIds ? { agencies: { some: { agencyId: { in: agencyIds } } } } : {}),
    },
    include: withLinks,
  });
