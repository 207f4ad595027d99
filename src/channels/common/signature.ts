// Signature helpers for webhook authentication. Comparisons are constant-time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hmacSha256Hex(secret: string, data: string | Buffer): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Slack v0: `v0=` + HMAC-SHA256(signingSecret, `v0:${ts}:${rawBody}`), timestamp at most 5 minutes old. */
export function slackSignature(secret: string, ts: string, rawBody: string | Buffer): string {
  return `v0=${hmacSha256Hex(secret, Buffer.concat([Buffer.from(`v0:${ts}:`), Buffer.from(rawBody)]))}`;
}

export function verifySlack(secret: string, ts: string | undefined, sig: string | undefined, rawBody: Buffer, nowMs = Date.now()): boolean {
  if (!ts || !sig || !/^\d+$/.test(ts)) return false;
  if (Math.abs(nowMs / 1000 - Number(ts)) > 5 * 60) return false;
  return safeEqual(slackSignature(secret, ts, rawBody), sig);
}

/** Zalo OA: `mac=` + hex SHA-256(app_id + rawBody + timestamp + secret). */
export function zaloOaSignature(appId: string, rawBody: string | Buffer, timestamp: string, secret: string): string {
  return `mac=${sha256Hex(Buffer.concat([Buffer.from(appId), Buffer.from(rawBody), Buffer.from(timestamp + secret)]))}`;
}

export function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
