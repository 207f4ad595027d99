// Reporting's reads of users and agencies: who locked, who can reopen, who reports, which body issues.
import type { Db } from '../../db/client.ts';

export const findUserNames = (db: Db, ids: number[]) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });

export const findUser = (db: Db, id: number) => db.user.findUnique({ where: { id } });

/** Up to five coordinators and admins (of a province, or of all), coordinators first. */
export const findReopeners = (db: Db, province: string | null) =>
  db.user.findMany({
    where: { role: { in: ['coordinator', 'admin'] }, ...(province ? { OR: [{ province: null }, { province }] } : {}) },
    orderBy: [{ role: 'desc' }, { id: 'asc' }], // coordinators first: they are the ones who chase and reopen
    take: 5,
  });

/** The people of these agencies, by id. */
export const findAgencyPeople = (db: Db, agencyIds: number[]) =>
  db.user.findMany({
    where: { agencyId: { in: agencyIds } },
    orderBy: { id: 'asc' },
    select: { id: true, name: true, role: true, agencyId: true },
  });

export const findAgencyOrThrow = (db: Db, id: number) => db.agency.findUniqueOrThrow({ where: { id } });

export const findAgencyBrief = (db: Db, id: number) => db.agency.findUnique({ where: { id }, select: { id: true, key: true, name: true } });

/** Id and name of the agencies of a province (or all). */
export const findAgencyNames = (db: Db, province: string | null) =>
  db.agency.findMany({ where: province ? { province } : {}, select: { id: true, name: true } });

export const findAgencyWithSuccessor = (db: Db, id: number) => db.agency.findUniqueOrThrow({ where: { id }, include: { successor: true } });
