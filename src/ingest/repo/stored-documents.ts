// The documents stored from one source file: what an import compares with, what an upload reports and undoes.
import type { Db } from '../../db/client.ts';

/** Hash, title and counts of the documents stored from a source file. */
export const findStoredVersions = (db: Db, sourceFile: string) =>
  db.document.findMany({
    where: { sourceFile },
    select: { contentHash: true, title: true, _count: { select: { sections: true, tasks: true, indicators: true } } },
  });

/** The documents of a source file by part, with their counts and their tasks' leads. */
export const findStoredWithLeads = (db: Db, sourceFile: string) =>
  db.document.findMany({
    where: { sourceFile },
    orderBy: { partIndex: 'asc' },
    include: {
      _count: { select: { sections: true, tasks: true, indicators: true } },
      tasks: { select: { agencies: { where: { role: 'lead' }, select: { agency: { select: { name: true } } } } } },
    },
  });

/** Deletes these documents when still stored from this source file: how many. */
export async function deleteStoredDocuments(db: Db, ids: number[], sourceFile: string): Promise<number> {
  return (await db.document.deleteMany({ where: { id: { in: ids }, sourceFile } })).count;
}
