// Users and their channel identities: who is typing, with which role, for which agency.
import type { BotUser, ChannelName, Role } from '../core/types.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../core/i18n.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { addAuditLog } from '../db/audit-log.ts';
import {
  findIdentityRows,
  findUserById,
  findUserWithAgency,
  listUsersWithIdentities,
  updateUser,
  updateUserWithAgency,
  type IdentityRow,
} from './repo/users.ts';

export type { BotUser } from '../core/types.ts';

export const ROLES: Role[] = ['official', 'coordinator', 'admin'];
export const isRole = (s: string): s is Role => (ROLES as string[]).includes(s);

export const ROLE_LABELS: Record<Role, string> = {
  official: 'cán bộ báo cáo',
  coordinator: 'điều phối viên',
  admin: 'quản trị viên',
};

type UserRow = {
  id: number;
  name: string | null;
  role: string;
  province: string | null;
  agency: { id: number; key: string; baseKey: string; name: string; province: string | null } | null;
  /** Absent from reads that do not select it: Vietnamese. */
  locale?: string | null;
};

/** A stored role the code does not know is a corrupt row: it fails loudly rather than quietly making an official. */
function roleOf(u: Pick<UserRow, 'id' | 'role'>): Role {
  if (isRole(u.role)) return u.role;
  throw new AppError(ErrorCode.Internal, `Người dùng #${u.id} có vai trò "${u.role}" không hợp lệ (official, coordinator, admin).`);
}

/** A role the app does not have, named with the ones it has. */
export const badRole = (role: string): AppError =>
  new AppError(ErrorCode.InvalidInput, `Vai trò "${role}" không hợp lệ; chọn một trong: ${ROLES.join(', ')}.`, {
    en: `Invalid role "${role}"; choose one of: ${ROLES.join(', ')}.`,
  });

/** No user has this number. */
export const noUser = (userId: number): AppError =>
  new AppError(ErrorCode.NotFound, `Không có người dùng số ${userId}.`, { en: `No user number ${userId}.` });

export function toBotUser(u: UserRow): BotUser {
  return {
    id: u.id,
    name: u.name,
    role: roleOf(u),
    locale: isLocale(u.locale) ? u.locale : DEFAULT_LOCALE,
    province: u.province ?? u.agency?.province ?? null,
    agency: u.agency
      ? { id: u.agency.id, key: u.agency.key, baseKey: u.agency.baseKey, name: u.agency.name, province: u.agency.province }
      : null,
  };
}

export { IDENTITY_COLUMNS, type IdentityRow } from './repo/users.ts';

export function identityRowUser(r: IdentityRow): BotUser {
  const agency =
    r.agencyId == null
      ? null
      : { id: Number(r.agencyId), key: r.agencyKey!, baseKey: r.agencyBaseKey!, name: r.agencyName!, province: r.agencyProvince };
  return toBotUser({ id: Number(r.id), name: r.name, role: r.role, locale: r.locale, province: r.province, agency });
}

/**
 * The user bound to a channel identity, or null when this person has not registered yet. One joined statement
 * (Prisma's include would be three), portable SQL (SQLite and PostgreSQL). The conversation reads it together with
 * the person's session (src/conversation/repo/person.ts).
 */
export async function userByIdentity(db: Db, channel: ChannelName, externalId: string): Promise<BotUser | null> {
  const rows = await findIdentityRows(db, channel, externalId);
  return rows[0] ? identityRowUser(rows[0]) : null;
}
export async function userById(db: Db, id: number): Promise<BotUser | null> {
  const u = await findUserWithAgency(db, id);
  return u ? toBotUser(u) : null;
}

export interface UserListing extends BotUser {
  identities: { channel: string; externalId: string }[];
}

export async function listUsers(db: Db): Promise<UserListing[]> {
  const rows = await listUsersWithIdentities(db);
  return rows.map((u) => ({ ...toBotUser(u), identities: u.identities.map((i) => ({ channel: i.channel, externalId: i.externalId })) }));
}

export async function setRole(db: Db, userId: number, role: string, by: number | null = null): Promise<BotUser> {
  if (!isRole(role)) {
    throw badRole(role);
  }
  const old = await findUserById(db, userId);
  if (!old) throw noUser(userId);
  const u = await updateUserWithAgency(db, userId, { role });
  await addAuditLog(db, {
    userId: by,
    channel: 'cli',
    action: 'user.role',
    entity: 'User',
    entityId: String(userId),
    oldValue: JSON.stringify({ role: old.role }),
    newValue: JSON.stringify({ role }),
  });
  return toBotUser(u);
}

/** Human description: "Nguyễn Văn A — cán bộ báo cáo, Sở Tài chính (Cà Mau)". */
const ROLE_LABELS_EN: Record<Role, string> = { official: 'reporting officer', coordinator: 'coordinator', admin: 'administrator' };

/** "Trần Thị Bích — cán bộ báo cáo, Sở Thông tin và Truyền thông (Cà Mau)", in the person's language. */
export function describeUser(u: BotUser, locale: Locale = DEFAULT_LOCALE): string {
  const who = u.name ?? (locale === 'en' ? `User #${u.id}` : `Người dùng #${u.id}`);
  const where = u.agency ? `, ${u.agency.name}${u.agency.province ? ` (${u.agency.province})` : ''}` : u.province ? `, ${u.province}` : '';
  return `${who} — ${roleLabel(u.role, locale)}${where}`;
}

/** "cán bộ báo cáo" / "reporting officer". */
export const roleLabel = (role: Role, locale: Locale = DEFAULT_LOCALE): string => (locale === 'en' ? ROLE_LABELS_EN : ROLE_LABELS)[role];

/** Records the language a person chose; the bot speaks it from the next reply on. */
export async function setLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await updateUser(db, userId, { locale });
}
