// What the CLI lists and looks up on its own: documents, agencies, regime codes and a regime's periods.
import type { Db } from '../../db/client.ts';

/** Every document by id, with how many tasks and indicators it has. */
export const listDocumentsWithCounts = (db: Db) =>
  db.document.findMany({ orderBy: { id: 'asc' }, include: { _count: { select: { tasks: true, indicators: true } } } });

/** Agencies by name (only the unknown "x-" ones when asked), with the documents that name them. */
export const listAgenciesWithTasks = (db: Db, unknownOnly: boolean | undefined) =>
  db.agency.findMany({
    where: unknownOnly ? { baseKey: { startsWith: 'x-' } } : {},
    include: { taskLinks: { select: { role: true, task: { select: { document: { select: { number: true, title: true } } } } } } },
    orderBy: { name: 'asc' },
  });

export const findAgenciesByKeys = (db: Db, keys: string[]) => db.agency.findMany({ where: { key: { in: keys } } });

export const listAgencyNames = (db: Db) => db.agency.findMany({ select: { id: true, key: true, name: true, province: true } });

export const listRegimeCodes = (db: Db) => db.regime.findMany({ select: { code: true } });

/** A regime's periods by start. */
export const findPeriodsByStart = (db: Db, regimeId: number) => db.period.findMany({ where: { regimeId }, orderBy: { startsAt: 'asc' } });
