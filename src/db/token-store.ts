// A platform token pair kept in the database (beside the sessions, key "token:<name>") so several instances share
// it; refreshing takes a lease, so two instances never spend one single-use refresh token. Zalo OA's tokens
// (src/channels/zalo/oa-api.ts) use it; a token file from a one-instance deployment is read once as the start.
import type { ExclusiveLease, TokenPair, TokenStore } from '../core/interfaces.ts';
import { putSessionRow, type Db } from './client.ts';

/** A token store several instances share: refreshing is always exclusive. */
export type SharedTokenStore = Required<TokenStore>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function databaseTokenStore(
  db: Db,
  name: string,
  lease: ExclusiveLease,
  opts: { before?: { load(): Promise<TokenPair | null> }; waitMs?: number } = {},
): SharedTokenStore {
  const key = `token:${name}`;
  return {
    async load() {
      const row = await db.session.findUnique({ where: { key }, select: { data: true } });
      if (!row) return (await opts.before?.load()) ?? null;
      try {
        const pair = JSON.parse(row.data) as TokenPair;
        return pair.accessToken !== undefined && pair.refreshToken ? pair : null;
      } catch {
        return null;
      }
    },
    async save(pair) {
      const data = JSON.stringify(pair);
      await putSessionRow(db, key, data);
    },
    async exclusive(fn) {
      const until = Date.now() + (opts.waitMs ?? 30_000);
      while (!(await lease.take())) {
        if (Date.now() > until) throw new Error(`${name}: another instance has been refreshing the token for too long`);
        await sleep(Math.min(200, lease.everyMs));
      }
      try {
        return await fn();
      } finally {
        await lease.release();
      }
    },
  };
}
