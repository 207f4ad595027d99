// The User table: a person by id or channel identity, the list, and their role, language and province.
import { sqlFragment, type Db, type DbTx, type Prisma } from '../../db/client.ts';

/** The columns of a user with their agency, as the joined reads select them (here and conversation/repo/). */
export type IdentityRow = {
  id: number;
  name: string | null;
  role: string;
  locale: string | null;
  province: string | null;
  agencyId: number | null;
  agencyKey: string | null;
  agencyBaseKey: string | null;
  agencyName: string | null;
  agencyProvince: string | null;
};

/** Columns (of "User" u and "Agency" a) that `identityRowUser` reads back. */
export const IDENTITY_COLUMNS = sqlFragment(`u."id", u."name", u."role", u."locale", u."province", a."id" AS "agencyId",
      a."key" AS "agencyKey", a."baseKey" AS "agencyBaseKey", a."name" AS "agencyName", a."province" AS "agencyProvince"`);

/** The user (with agency) bound to a channel identity: one joined statement, portable SQL. */
export const findIdentityRows = (db: Db, channel: string, externalId: string) =>
  db.$queryRaw<IdentityRow[]>`
    SELECT ${IDENTITY_COLUMNS}
    FROM "Identity" i JOIN "User" u ON u."id" = i."userId" LEFT JOIN "Agency" a ON a."id" = u."agencyId"
    WHERE i."channel" = ${channel} AND i."externalId" = ${externalId}`;

export const findUserWithAgency = (db: Db | DbTx, id: number) => db.user.findUnique({ where: { id }, include: { agency: true } });

export const findUserWithAgencyOrThrow = (tx: DbTx, id: number) => tx.user.findUniqueOrThrow({ where: { id }, include: { agency: true } });

export const findUserById = (db: Db, id: number) => db.user.findUnique({ where: { id } });

/** Every user with agency and identities, by id. */
export const listUsersWithIdentities = (db: Db) =>
  db.user.findMany({ include: { agency: true, identities: true }, orderBy: { id: 'asc' } });

/** Changes a user, returning them with their agency. */
export const updateUserWithAgency = (db: Db, id: number, data: Prisma.UserUncheckedUpdateInput) =>
  db.user.update({ where: { id }, data, include: { agency: true } });

export async function updateUser(db: Db | DbTx, id: number, data: Prisma.UserUncheckedUpdateInput): Promise<void> {
  await db.user.update({ where: { id }, data });
}

export const createUser = (tx: DbTx, data: Prisma.UserUncheckedCreateInput) => tx.user.create({ data });

/** The people of an agency, by id only. */
export const findAgencyUserIds = (tx: DbTx, agencyId: number) => tx.user.findMany({ where: { agencyId }, select: { id: true } });

/** Everyone of one agency now belongs to another (in its province). */
export async function moveAgencyUsers(tx: DbTx, from: number, to: { id: number; province: string | null }): Promise<void> {
  await tx.user.updateMany({ where: { agencyId: from }, data: { agencyId: to.id, province: to.province } });
}

/** People of no agency with a province: coordinators. */
export const findProvinceCoordinators = (db: Db) => db.user.findMany({ where: { agencyId: null, province: { not: null } } });
