// The one way the app opens its database: resolve DATABASE_URL, migrate, then hand out a Prisma client.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, openSqlite } from './migrate.ts';

export type Db = PrismaClient;

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

/** Turns `file:./data/app.db` (or a bare path) into an absolute file path; `:memory:` stays as is. */
export function sqlitePath(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  const raw = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (raw === ':memory:') return raw;
  return isAbsolute(raw) ? raw : resolve(process.cwd(), raw);
}

/** Opens (creating and migrating if needed) the SQLite database and returns a connected Prisma client. */
export async function openDb(url?: string): Promise<Db> {
  const file = sqlitePath(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  applyMigrations(file);
  // WAL is persistent in the file; set it once on a plain handle before Prisma connects.
  openSqlite(file).close();
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const db = new PrismaClient({ adapter });
  await db.$executeRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
