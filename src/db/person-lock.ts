// One person's messages, one at a time across bot instances. Within a process the conversation keeps an ordered
// queue per person (src/conversation/turns.ts); on PostgreSQL several instances may share the database, so each
// turn also holds a PostgreSQL advisory lock on the person's session key, on a connection of a small pool of its
// own (held for the turn; released by PostgreSQL if the instance dies). Waiters are granted in the order they
// asked. SQLite is one instance's database: nothing more is done there.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { isPostgresUrl } from './migrate-pg.ts';

export type KeyLock = <T>(key: string, run: () => Promise<T>) => Promise<T>;

/** The advisory-lock namespace of session keys (the first of PostgreSQL's two int4 lock keys). */
const NAMESPACE = 190_002;
const POOL_SIZE = 8;

const pools = new Map<string, Promise<Pool>>();

/** The second int4 lock key of a session key; two keys sharing it merely wait for each other. */
export const lockKeyOf = (key: string): number => createHash('sha256').update(key).digest().readInt32BE(0);

const passThrough: KeyLock = (_key, run) => run();

export function keyLockFor(url: string): KeyLock {
  if (!isPostgresUrl(url)) return passThrough;
  let pool = pools.get(url);
  if (!pool) {
    // pg is loaded with the first pool (PostgreSQL only)
    pool = import('pg').then(({ default: pg }) => {
      const made = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
      made.on('error', () => undefined); // a dropped idle connection: the next turn connects again
      return made;
    });
    pools.set(url, pool);
  }
  const p = pool;
  return async (key, run) => {
    const client = await (await p).connect();
    const k = lockKeyOf(key);
    let broken = false;
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', [NAMESPACE, k]);
      try {
        return await run();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [NAMESPACE, k]).catch(() => (broken = true));
      }
    } finally {
      client.release(broken);
    }
  };
}

/** Closes the lock pools (tests, shutdown). */
export async function closeKeyLocks(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map(async (p) => (await p).end().catch(() => undefined)));
}
