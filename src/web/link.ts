// Signed, expiring form links (one person, one period, one agency) and Telegram Web App initData checks.
// Both are HMAC-SHA256; comparisons are constant-time. Nothing here touches the database.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface FormClaim {
  userId: number;
  periodId: number;
  agencyId: number;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signFormToken(secret: string, claim: FormClaim): string {
  const body = b64(JSON.stringify({ u: claim.userId, p: claim.periodId, a: claim.agencyId, e: claim.exp }));
  return `${body}.${mac(secret, `form:${body}`)}`;
}

export type TokenCheck = { ok: true; claim: FormClaim } | { ok: false; reason: 'forged' | 'expired' };

export function verifyFormToken(secret: string, token: string, now: Date): TokenCheck {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined || !sameText(sig, mac(secret, `form:${body}`))) return { ok: false, reason: 'forged' };
  try {
    const j = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const n = (k: string) => (Number.isInteger(j[k]) ? (j[k] as number) : NaN);
    const claim = { userId: n('u'), periodId: n('p'), agencyId: n('a'), exp: n('e') };
    if (Object.values(claim).some(Number.isNaN)) return { ok: false, reason: 'forged' };
    if (now.getTime() >= claim.exp) return { ok: false, reason: 'expired' };
    return { ok: true, claim };
  } catch {
    return { ok: false, reason: 'forged' };
  }
}

/** The token that must accompany every change made from a page opened with `token` (double-submit, bound to it). */
export function csrfFor(secret: string, token: string): string {
  return mac(secret, `csrf:${token}`);
}

export function checkCsrf(secret: string, token: string, given: string | undefined): boolean {
  return !!given && sameText(given, csrfFor(secret, token));
}

export type InitDataCheck = { ok: true; telegramUserId: string; authDate: Date; hash: string } | { ok: false; reason: 'forged' | 'stale' };

/**
 * Telegram Web App initData, as Telegram specifies: the data-check string (every field but `hash`, sorted,
 * `key=value` joined by newlines) signed with HMAC-SHA256 under the key HMAC-SHA256("WebAppData", bot token);
 * `auth_date` no older than `maxAgeSeconds`.
 */
export function verifyInitData(botToken: string, initData: string, now: Date, maxAgeSeconds: number): InitDataCheck {
  const params = new URLSearchParams(initData);
  const hash = params.get('hash') ?? '';
  params.delete('hash');
  const check = [...params.entries()]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');
  const key = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', key).update(check).digest('hex');
  if (!/^[0-9a-f]{64}$/.test(hash) || !sameText(hash, expected)) return { ok: false, reason: 'forged' };
  const authDate = Number(params.get('auth_date'));
  if (!Number.isFinite(authDate) || now.getTime() / 1000 - authDate > maxAgeSeconds || authDate - now.getTime() / 1000 > 60)
    return { ok: false, reason: 'stale' };
  try {
    const user = JSON.parse(params.get('user') ?? '') as { id?: unknown };
    if (typeof user.id !== 'number' && typeof user.id !== 'string') return { ok: false, reason: 'forged' };
    return { ok: true, telegramUserId: String(user.id), authDate: new Date(authDate * 1000), hash };
  } catch {
    return { ok: false, reason: 'forged' };
  }
}

/** Builds initData the way Telegram does (tests, and a local preview without Telegram). */
export function signInitData(botToken: string, fields: Record<string, string>): string {
  const check = Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');
  const key = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', key).update(check).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}
