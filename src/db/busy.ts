// better-sqlite3 is synchronous: with a busy timeout, a database locked by another process (a `cli import`)
// makes the statement wait on the event loop, and the whole bot stops answering for that long. Our connections
// wait only BUSY_SYNC_MS inside SQLite, then give the event loop back and retry asynchronously with backoff:
// a single statement is retried as it is; a transaction is retried whole (its callback runs again from the
// start), never a statement inside one, whose snapshot may be stale.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from './generated/client.ts';

/** How long SQLite itself may block the event loop on a lock before we retry asynchronously. */
export const BUSY_SYNC_MS = 10;
/** How long a statement or transaction keeps retrying before the lock error reaches the caller. */
export const BUSY_MAX_WAIT_MS = 30_000;

const inTransaction = new AsyncLocalStorage<true>();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The database was locked by another connection (Prisma's P1008 with SQLITE_BUSY underneath). */
export function isBusy(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const meta = JSON.stringify((e as { meta?: unknown }).meta ?? {});
  return /SQLITE_BUSY|database is locked/.test(meta) || /SQLITE_BUSY|database is locked/.test(String((e as Error).message));
}

export async function retryBusy<T>(run: () => Promise<T>, maxWaitMs = BUSY_MAX_WAIT_MS): Promise<T> {
  const started = Date.now();
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    try {
      return await run();
    } catch (e) {
      if (!isBusy(e) || Date.now() - started > maxWaitMs) throw e;
      await sleep(delay + Math.random() * delay);
    }
  }
}

/**
 * The client with busy retries: every model and raw operation outside a transaction, and every `$transaction`
 * (interactive ones re-run their callback; a batch is retried only when it failed before running anything).
 */
export function withBusyRetry(db: PrismaClient): PrismaClient {
  const extended = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (inTransaction.getStore()) return query(args);
        return retryBusy(() => query(args));
      },
    },
  }) as unknown as PrismaClient;
  const transaction = extended.$transaction.bind(extended) as (...a: unknown[]) => Promise<unknown>;
  return new Proxy(extended, {
    get(target, prop, receiver) {
      if (prop !== '$transaction') return Reflect.get(target, prop, receiver) as unknown;
      return (arg: unknown, opts?: unknown) =>
        Array.isArray(arg)
          ? inTransaction.run(true, () => transaction(arg, opts))
          : retryBusy(() => inTransaction.run(true, () => transaction(arg, opts)));
    },
  });
}
