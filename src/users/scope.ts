// Who may act where: the one guard every coordinator and admin command in chat goes through. A staff user
// with a province (a coordinator of Cà Mau) acts on that province's regimes, agencies and people, and on those
// of the units merged into it (Bạc Liêu); one without a province (the deployment's admin) acts everywhere.
// Officials never reach these commands (they act on their own agency only, checked where they report).
import { AppError, ErrorCode } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import { provinces } from '../ingest/provinces.ts';
import { roleLabel, type BotUser } from './users.ts';

export const isStaff = (u: BotUser | null): u is BotUser => u !== null && (u.role === 'coordinator' || u.role === 'admin');

/** The province a staff user is limited to, or null for every province. */
export function provinceScope(user: BotUser): string | null {
  return user.province ?? user.agency?.province ?? null;
}

const bare = (p: string) => fold(p).replace(/^(tinh|thanh pho|tp\.?)\s+/, '');

/** The registry's spelling of a province ("tỉnh Cà Mau" → "Cà Mau"), or the name as given. */
const canonical = (p: string) =>
  provinces()
    .names()
    .find((n) => bare(n) === bare(p)) ?? p;

/**
 * The province names a staff user's scope covers on a date: theirs, and the former units merged into it by then
 * (Bạc Liêu for Cà Mau from 01/7/2025); null for every province.
 */
export function scopeProvinces(user: BotUser, on: Date = new Date()): string[] | null {
  const scope = provinceScope(user);
  if (!scope) return null;
  const today = canonical(scope);
  const day = on.toISOString().slice(0, 10);
  const merged = provinces()
    .formerOf(today)
    .filter((c) => c.date <= day)
    .map((c) => c.name);
  return [...new Set([scope, today, ...merged])];
}

/** Whether `user` may act on something of `province` (null: a regime or agency set up for no one province). */
export function inScope(user: BotUser, province: string | null | undefined, on: Date = new Date()): boolean {
  if (!isStaff(user)) return false;
  const names = scopeProvinces(user, on);
  return !names || !province || names.some((n) => bare(n) === bare(province));
}

/**
 * Throws the user's reason when `what` (of `province`) is outside the user's scope; `what` names the thing in
 * Vietnamese, or in both languages ({ vi, en }) where the refusal can reach someone who reads English.
 */
export function assertInScope(
  user: BotUser,
  province: string | null | undefined,
  what: string | { vi: string; en: string },
  on: Date = new Date(),
): void {
  if (inScope(user, province, on)) return;
  const [vi, en] = typeof what === 'string' ? [what, null] : [what.vi, what.en];
  throw new AppError(
    ErrorCode.Forbidden,
    `${vi} thuộc ${province}; bạn là ${roleLabel(user.role)} của ${provinceScope(user)} nên không xem hoặc thao tác được.`,
    en
      ? {
          en: `${en} belongs to ${province}; your role (${roleLabel(user.role, 'en')}) covers ${provinceScope(user)} only, so you cannot see or act on it.`,
        }
      : {},
  );
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
