// A fresh, migrated SQLite database in a temp folder for each test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/db/client.ts';

export interface TempDb {
  db: Db;
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function tempDb(): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'da-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await openDb(url);
  return {
    db,
    url,
    dir,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
