// Who may act where: the one guard every coordinator and admin command in chat goes through. A staff user
// with a province (a coordinator of Cà Mau) acts on that province's regimes, agencies and people, and on those
// of the units merged into it (Bạc Liêu); one without a province (the deployment's admin) acts everywhere.
// Officials never reach these commands (they act on their own agency only, checked where they report).
import { AppError, ErrorCode } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import { provinces } from '../ingest/provinces.ts';
import { ROLE_LABELS, type BotUser } from './users.ts';

export const isStaff = (u: BotUser | null): u is BotUser => u !== null && (u.role === 'coordinator' || u.role === 'admin');

/** The province a staff user is limited to, or null for every province. */
export function provinceScope(user: BotUser): string | null {
  return user.province ?? user.agency?.province ?? null;
}

const bare = (p: string) => fold(p).replace(/^(tinh|thanh pho|tp\.?)\s+/, '');

/** Whether `user` may act on something of `province` (null: a regime or agency set up for no one province). */
export function inScope(user: BotUser, province: string | null | undefined, on: Date = new Date()): boolean {
  if (!isStaff(user)) return false;
  const scope = provinceScope(user);
  if (!scope || !province) return true;
  if (bare(scope) === bare(province)) return true;
  const reg = provinces();
  const canonical = (p: string) => reg.names().find((n) => bare(n) === bare(p)) ?? p;
  return reg.covers(canonical(scope), canonical(province), on);
}

/** Throws the user's reason when `what` (of `province`) is outside the user's scope. */
export function assertInScope(user: BotUser, province: string | null | undefined, what: string, on: Date = new Date()): void {
  if (inScope(user, province, on)) return;
  throw new AppError(
    ErrorCode.Forbidden,
    `${what} thuộc ${province}; bạn là ${ROLE_LABELS[user.role]} của ${provinceScope(user)} nên không xem hoặc thao tác được.`,
  );
}

/** The province names a staff user's scope covers (today's unit and the former ones), or null for every province. */
export function scopeProvinces(user: BotUser): string[] | null {
  const scope = provinceScope(user);
  if (!scope) return null;
  const reg = provinces();
  const canonical = reg.names().find((n) => bare(n) === bare(scope)) ?? scope;
  return [...new Set([scope, canonical, ...reg.formerOf(canonical).map((c) => c.name)])];
}

/** A Prisma `where` on a regime's province for the user's scope (empty for every province). */
export function regimeScopeWhere(user: BotUser): { OR?: { province: string | null }[] } {
  const names = scopeProvinces(user);
  return names ? { OR: [{ province: null }, ...names.map((province) => ({ province }))] } : {};
}

/** A Prisma `where` on users of the scope: their own province, or their agency's when they have none. */
export function userScopeWhere(user: BotUser): object {
  const names = scopeProvinces(user);
  return names ? { OR: [{ province: { in: names } }, { province: null, agency: { province: { in: names } } }] } : {};
}
