// A fresh, migrated database for each test file: SQLite in a temp folder, or (kind 'postgresql') a new database
// on the test PostgreSQL server (test/helpers/postgres.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/db/client.ts';
import { createPgDatabase, pgSkipReason } from './postgres.ts';

export type DbKind = 'sqlite' | 'postgresql';

export interface TempDb {
  db: Db;
  url: string;
  dir: string;
  kind: DbKind;
  close(): Promise<void>;
}

/** The database tests run on when they do not say: SQLite, or PostgreSQL under TEST_DB=postgresql (npm run test:pg). */
export const defaultDbKind = (): DbKind => (process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite');

export async function tempDb(kind: DbKind = defaultDbKind()): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'da-test-'));
  if (kind === 'postgresql') {
    const pg = await createPgDatabase();
    if (!pg) throw new Error('no PostgreSQL for tests (see test/helpers/postgres.ts)');
    const db = await openDb(pg.url);
    return {
      db,
      url: pg.url,
      dir,
      kind,
      async close() {
        await db.$disconnect();
        await pg.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = `file:${join(dir, 'test.db')}`;
  const db = await openDb(url);
  return {
    db,
    url,
    dir,
    kind,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The databases a database-facing test runs on: SQLite, and PostgreSQL when there is one (else it says why). */
export async function dbKinds(): Promise<DbKind[]> {
  return (await pgSkipReason()) ? ['sqlite'] : ['sqlite', 'postgresql'];
}
