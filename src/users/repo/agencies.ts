// The Agency table as users/ reads it: by key, by id, by registry key, and the successor chains.
import type { Db } from '../../db/client.ts';

export const findAgencyByKey = (db: Db, key: string) => db.agency.findUnique({ where: { key } });

export const findAgencyByIdOrThrow = (db: Db, id: number) => db.agency.findUniqueOrThrow({ where: { id } });

export const findAgenciesByBaseKey = (db: Db, baseKey: string) => db.agency.findMany({ where: { baseKey } });

export const listAgencies = (db: Db) => db.agency.findMany();

/** One agency whose row key ends with `@slug`: its province's name. */
export const findAgencyOfSlug = (db: Db, slug: string) => db.agency.findMany({ where: { key: { endsWith: `@${slug}` } }, take: 1 });

/** The agencies whose successor is one of these. */
export const findPredecessors = (db: Db, ids: number[]) =>
  db.agency.findMany({ where: { successorId: { in: ids } }, select: { id: true } });

/** Agencies with people, or with invites not used yet. */
export const findAgenciesWithPeople = (db: Db) =>
  db.agency.findMany({ where: { OR: [{ users: { some: {} } }, { invites: { some: { usedAt: null } } }] } });
