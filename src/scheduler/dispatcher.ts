// Flushing the Outbox: due rows are checked (still relevant? user idle? on leave?), claimed as 'sending'
// with an attempt number, sent through the user's channels in order of recent use, then marked 'sent'.
//
// Delivery guarantee: at-least-once. A row is marked 'sending' (attempts + 1, dueAt = now + sendingLeaseMs)
// before the adapter is called and 'sent' right after it returns, one row at a time. If the process dies in
// between, the row stays 'sending'; once its send lease is over it goes back to 'pending' and is sent again.
// A reminder lost forever is worse than a rare repeated one, and the window for a repeat is only the time
// between the platform accepting the message and one database UPDATE. Sends that never reached the platform
// (killed before or during the call, adapter threw) are retried with no duplicate.
import type { Db } from '../db/client.ts';
import {
  cancelSendingOutbox,
  claimOutbox,
  finishSendingOutbox,
  findDueOutbox,
  recoverInterruptedSends,
  setPendingOutbox,
} from './repo/outbox-send.ts';
import type { Clock } from '../core/clock.ts';
import type { ChannelAdapter, DeliveryResult, Logger } from '../core/interfaces.ts';
import type { ChannelName, OutboxStatus } from '../core/types.ts';
import { isAllowed, localDay, type Calendar } from './time.ts';
import type { RateLimiter } from './limiter.ts';
import { renderMessages, type OutboxPayload, type RenderData } from './messages.ts';
import { coveredByOpening, toldJustNow } from './nudges.ts';
import { loadChunk, type Chunk } from './chunk.ts';

export interface DispatchContext {
  db: Db;
  cal: Calendar;
  log: Logger;
  clock: Clock;
  adapters: Map<ChannelName, ChannelAdapter>;
  limiter: RateLimiter;
  idleMs: number;
  sendingLeaseMs: number;
  maxAttempts: number;
  concurrency: number;
  chunkSize: number;
  /** A send taking longer is abandoned as failed (delivery unknown: at-least-once applies). */
  sendTimeoutMs: number;
  /** Renews the scheduler lease; false when it was lost (stop flushing). */
  keepLease: () => Promise<boolean>;
  /** PostgreSQL: claim a row with FOR UPDATE SKIP LOCKED (another instance's sender may be claiming it). */
  skipLocked?: boolean;
}

export interface FlushStats {
  quiet: boolean;
  sent: number;
  retried: number;
  deferred: number;
  cancelled: number;
  failed: number;
  recovered: number;
}

type Row = { id: number; userId: number | null; dedupeKey: string; payload: string; attempts: number };

const DAY_MS = 86_400_000;
/** A chat still held (1/s per chat, platform "retry after") is rescheduled rather than blocking the batch. */
const MAX_INLINE_WAIT_MS = 0;

function backoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the channel after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function runPool<T>(items: T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < items.length) await fn(items[i++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}

export async function flush(ctx: DispatchContext, now: Date): Promise<FlushStats> {
  const stats: FlushStats = { quiet: false, sent: 0, retried: 0, deferred: 0, cancelled: 0, failed: 0, recovered: 0 };
  if (!isAllowed(now, ctx.cal)) return { ...stats, quiet: true };
  const { db } = ctx;
  // Sends interrupted by a crash: their send lease is over and nobody confirmed them.
  const recovered = await recoverInterruptedSends(db, now);
  stats.recovered = recovered;
  if (recovered) ctx.log.warn({ rows: recovered }, 'scheduler: retrying interrupted sends');
  const seen = new Set<number>();
  for (;;) {
    if (!(await ctx.keepLease())) break;
    const rows = (await findDueOutbox(db, now, ctx.chunkSize)).filter((r) => !seen.has(r.id));
    if (!rows.length) break;
    for (const r of rows) seen.add(r.id);
    const covered = new Set(coveredByOpening(rows));
    for (const id of covered) {
      stats.cancelled++;
      await setRow(ctx, id, 'cancelled', { lastError: 'covered by the opening message' });
    }
    const chunk = await loadChunk(db, rows);
    await runPool(
      rows.filter((r) => !covered.has(r.id)),
      ctx.concurrency,
      (row) => processRow(ctx, chunk, row, now, stats),
    );
  }
  return stats;
}

async function setRow(
  ctx: DispatchContext,
  id: number,
  status: OutboxStatus,
  data: { dueAt?: Date; lastError?: string | null },
): Promise<void> {
  await setPendingOutbox(ctx.db, id, status, data);
}

/**
 * pending → sending, true when this sender changed the row. The conditional UPDATE alone never lets two senders
 * both claim a row; on PostgreSQL the row is first locked with FOR UPDATE SKIP LOCKED, so a sender whose row is
 * being claimed by another instance skips it at once instead of queueing on the row lock.
 */
async function claim(ctx: DispatchContext, id: number, attempts: number, dueAt: Date): Promise<boolean> {
  return claimOutbox(ctx.db, id, attempts, dueAt, Boolean(ctx.skipLocked));
}

/** Tries the user's channels in turn within the rate limits and the daily budget: the first that took the messages, or why none did. */
async function deliver(
  ctx: DispatchContext,
  routes: { channel: string; chatId: string | null; externalId: string }[],
  messages: Parameters<ChannelAdapter['send']>[1],
  now: Date,
): Promise<{ sentOn: ChannelName | null; reasons: string[]; retryAfter: number | undefined }> {
  const reasons: string[] = [];
  let retryAfter: number | undefined;
  for (const ident of routes) {
    const channel = ident.channel as ChannelName;
    const chatId = ident.chatId ?? ident.externalId;
    let res: DeliveryResult;
    if (!ctx.limiter.takeQuota(channel, localDay(now, ctx.cal.tz))) {
      res = { ok: false, reason: 'quota', error: 'daily proactive budget spent' };
    } else {
      await ctx.limiter.acquire(channel, chatId);
      try {
        res = await withTimeout((ctx.adapters.get(channel) as ChannelAdapter).send(chatId, messages), ctx.sendTimeoutMs);
      } catch (e) {
        res = { ok: false, reason: 'error', error: (e as Error).message };
      }
    }
    if (res.ok) return { sentOn: channel, reasons, retryAfter };
    reasons.push(`${channel}: ${res.reason}${res.error ? ` (${res.error})` : ''}`);
    if (res.retryAfterMs !== undefined) {
      ctx.limiter.penalize(channel, chatId, res.retryAfterMs);
      retryAfter = Math.min(retryAfter ?? Infinity, res.retryAfterMs);
    }
  }
  return { sentOn: null, reasons, retryAfter };
}

async function processRow(ctx: DispatchContext, chunk: Chunk, row: Row, now: Date, stats: FlushStats): Promise<void> {
  const cancel = async (why: string) => {
    stats.cancelled++;
    await setRow(ctx, row.id, 'cancelled', { lastError: why });
  };
  const defer = async (until: Date, why: string) => {
    stats.deferred++;
    await setRow(ctx, row.id, 'pending', { dueAt: until, lastError: why });
  };
  let p: OutboxPayload;
  try {
    p = JSON.parse(row.payload) as OutboxPayload;
  } catch {
    stats.failed++;
    return setRow(ctx, row.id, 'failed', { lastError: 'unreadable payload' });
  }
  const user = row.userId !== null ? chunk.users.get(row.userId) : undefined;
  if (!user) return cancel('user not found');
  const period = chunk.periods.get(p.periodId);
  // A period past its lock date takes no more reports, so nothing should urge anyone to report for it.
  if (!period || period.status !== 'open' || now >= period.locksAt) return cancel('period no longer open');
  if (period.regime.paused) return defer(new Date(now.getTime() + DAY_MS), 'regime paused');
  const agencyId = p.agencyId ?? user.agencyId;
  if (p.kind !== 'digest' && (agencyId === null || period.submitted.has(agencyId))) return cancel('agency has submitted');
  if (user.pausedUntil && user.pausedUntil > now) return defer(user.pausedUntil, 'user on leave');
  const busySince = chunk.lastActivity.get(user.id);
  if (busySince && now.getTime() - busySince.getTime() < ctx.idleMs) {
    return defer(new Date(busySince.getTime() + ctx.idleMs), 'user busy in a conversation');
  }
  const routes = user.identities.filter((i) => ctx.adapters.has(i.channel as ChannelName));
  const first = routes[0];
  const held = first ? ctx.limiter.chatWait(first.channel as ChannelName, first.chatId ?? first.externalId) : 0;
  if (held > MAX_INLINE_WAIT_MS) return defer(new Date(now.getTime() + held), 'rate limited');
  const attempt = row.attempts + 1;
  if (!(await claim(ctx, row.id, attempt, new Date(Math.max(now.getTime(), ctx.clock.now().getTime()) + ctx.sendingLeaseMs)))) return;
  if (await toldJustNow(ctx.db, row, now)) {
    stats.cancelled++;
    await cancelSendingOutbox(ctx.db, row.id, 'told just now');
    return;
  }
  const data: RenderData = {
    regimeName: period.regime.name,
    periodKey: period.key,
    deadline: period.deadline,
    agencyName: agencyId !== null ? chunk.agencyNames.get(agencyId) : null,
    submitted: period.agencies.filter((a) => period.submitted.has(a.id)).map((a) => a.name),
    missing: period.agencies.filter((a) => !period.submitted.has(a.id)).map((a) => a.name),
    locale: user.locale,
  };
  const messages = renderMessages(p, data, now, ctx.cal).map((m) => (user.locale === 'en' ? { ...m, locale: 'en' as const } : m));
  const { sentOn, reasons, retryAfter } = await deliver(ctx, routes, messages, now);
  if (sentOn) {
    const done = await finishSendingOutbox(ctx.db, row.id, attempt, {
      status: 'sent',
      sentAt: ctx.clock.now(),
      channel: sentOn,
      lastError: null,
    });
    if (done !== 1) ctx.log.warn({ id: row.id, attempt }, 'scheduler: send confirmed after its lease was taken over');
    stats.sent++;
    return;
  }
  const lastError = reasons.join('; ') || 'no linked channel can deliver';
  const allBlocked = reasons.length > 0 && reasons.every((r) => / blocked/.test(r));
  const give = !routes.length || allBlocked || attempt >= ctx.maxAttempts;
  const base = Math.max(now.getTime(), ctx.clock.now().getTime());
  await finishSendingOutbox(
    ctx.db,
    row.id,
    attempt,
    give ? { status: 'failed', lastError } : { status: 'pending', lastError, dueAt: new Date(base + (retryAfter ?? backoffMs(attempt))) },
  );
  if (give) {
    stats.failed++;
    ctx.log.warn({ id: row.id, user: user.id, lastError }, 'scheduler: message could not be delivered');
  } else stats.retried++;
}
