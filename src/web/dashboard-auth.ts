// Dashboard sign-in (coordinators, admins, and officials for their own agency): a one-time login link (HMAC-signed, 15 minutes, its nonce recorded in the audit
// log when used, so a second use is refused even after a restart), then a signed session cookie.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { App } from '../app.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { findAuditEntry } from './repo/audit-marks.ts';
import { userById, type BotUser } from '../users/users.ts';

const LOGIN_MS = 15 * 60_000;
const SESSION_MS = 8 * 3600_000;
export const COOKIE = 'da_session';

const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function sign(secret: string, kind: string, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, `${kind}:${body}`)}`;
}

function open(secret: string, kind: string, token: string | undefined, now: Date): Record<string, unknown> | null {
  const [body, sig, extra] = (token ?? '').split('.');
  if (!body || !sig || extra !== undefined || !same(sig, mac(secret, `${kind}:${body}`))) return null;
  try {
    const j = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof j.e === 'number' && now.getTime() < j.e ? j : null;
  } catch {
    return null;
  }
}

export const isStaffRole = (u: BotUser | null): u is BotUser => !!u && (u.role === 'coordinator' || u.role === 'admin');
/** Who may sign in: coordinators and admins (their province), officials of an agency (that agency only). */
export const canSignIn = (u: BotUser | null): u is BotUser =>
  !!u && (u.role === 'coordinator' || u.role === 'admin' || (u.role === 'official' && !!u.agency));

/** The link "bảng điều khiển" and `cli dashboard-link` give: a coordinator, an admin, or an official of an agency. */
export function dashboardLoginLink(app: App, user: BotUser, now: Date): string | null {
  const { WEB_BASE_URL: base, WEB_SECRET: secret } = app.config;
  if (!base || !secret || !canSignIn(user)) return null;
  const t = sign(secret, 'login', { u: user.id, n: randomBytes(12).toString('base64url'), e: now.getTime() + LOGIN_MS });
  return `${base.replace(/\/+$/, '')}/dashboard/login?t=${t}`;
}

/** Why a sign-in link is refused (DASH_TEXT's words); `user` when the link named someone, to answer in their language. */
export type LoginRefusal = 'badLogin' | 'notForYou' | 'usedLogin';
export type LoginResult = { ok: true; cookie: string; user: BotUser } | { ok: false; reason: LoginRefusal; user?: BotUser | null };

/** Trades a login link for a session cookie, once. */
export async function useLoginLink(app: App, token: string | undefined, now: Date): Promise<LoginResult> {
  const secret = app.config.WEB_SECRET;
  const j = secret ? open(secret, 'login', token, now) : null;
  if (!j || typeof j.u !== 'number' || typeof j.n !== 'string') return { ok: false, reason: 'badLogin' };
  const user = await userById(app.db, j.u);
  if (!canSignIn(user)) return { ok: false, reason: 'notForYou', user };
  const used = await findAuditEntry(app.db, { action: 'dashboard.login', entityId: j.n });
  if (used) return { ok: false, reason: 'usedLogin', user };
  await addAuditLog(app.db, {
    at: now,
    userId: user.id,
    channel: 'web',
    action: 'dashboard.login',
    entity: 'User',
    entityId: j.n,
    newValue: '{}',
  });
  return { ok: true, user, cookie: sign(secret!, 'session', { u: user.id, e: now.getTime() + SESSION_MS }) };
}

export async function sessionUser(app: App, cookie: string | undefined, now: Date): Promise<BotUser | null> {
  const secret = app.config.WEB_SECRET;
  const j = secret ? open(secret, 'session', cookie, now) : null;
  if (!j || typeof j.u !== 'number') return null;
  const user = await userById(app.db, j.u);
  return canSignIn(user) ? user : null;
}

export const dashboardCsrf = (secret: string, cookie: string) => mac(secret, `dcsrf:${cookie}`);

export function cookieOf(header: string | undefined, name = COOKIE): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function sessionCookie(value: string, secure: boolean): string {
  return `${COOKIE}=${value}; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MS / 1000}${secure ? '; Secure' : ''}`;
}
