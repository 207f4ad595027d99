// The one way the app opens its database: resolve DATABASE_URL, migrate, then hand out a Prisma client.
import { existsSync, mkdirSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { userInfo } from 'node:os';
import { AppError, ErrorCode } from '../core/errors.ts';
import { dirname, isAbsolute, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, openSqlite } from './migrate.ts';
import { applyPgMigrations, isPostgresUrl } from './migrate-pg.ts';
import { BUSY_SYNC_MS, withBusyRetry } from './busy.ts';

export type Db = PrismaClient;
/** The client a `$transaction` callback gets: a repository function takes it (or a `Db`) as its first argument. */
export type DbTx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** The generated input and payload types, for the repository functions' parameters (`Prisma.AuditLogUncheckedCreateInput`). */
export type { Prisma } from './generated/client.ts';

/** `IN (${sqlList(ids)})` in a `$queryRaw` template: one placeholder per value, on either database. */
export { join as sqlList } from './generated/internal/prismaNamespace.ts';
/** A fixed SQL fragment (a column list kept in one place) inside a `$queryRaw` template; never user input. */
export { raw as sqlFragment } from './generated/internal/prismaNamespace.ts';
/** A piece of SQL with its own placeholders, to put inside a `$queryRaw` template. */
export { sql as sqlTag, empty as sqlEmpty } from './generated/internal/prismaNamespace.ts';

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

/** Turns `file:./data/app.db` (or a bare path) into an absolute file path; `:memory:` stays as is. */
export function sqlitePath(url = DEFAULT_DATABASE_URL): string {
  const raw = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (raw === ':memory:') return raw;
  return isAbsolute(raw) ? raw : resolve(process.cwd(), raw);
}

export interface OsIdentity {
  uid: number;
  groups: number[];
}

const me = (): OsIdentity | null =>
  typeof process.getuid === 'function' ? { uid: process.getuid(), groups: process.getgroups?.() ?? [process.getgid!()] } : null;

/**
 * Why `who` may not use the database file (it must read and write it), or null. The CLI can mint admin codes:
 * run by an account that is not the service's, it stops here instead of half-working.
 */
export function dbAccessProblem(
  file: string,
  st: Pick<Stats, 'uid' | 'gid' | 'mode'>,
  who: OsIdentity | null = me(),
): { vi: string; en: string } | null {
  if (!who || who.uid === 0) return null;
  const bits = who.uid === st.uid ? (st.mode >> 6) & 7 : who.groups.includes(st.gid) ? (st.mode >> 3) & 7 : st.mode & 7;
  if ((bits & 6) === 6) return null;
  const name = (() => {
    try {
      return userInfo().username;
    } catch {
      return `uid ${who.uid}`;
    }
  })();
  return {
    vi: `Tài khoản "${name}" không đọc và ghi được cơ sở dữ liệu ${file}. Hãy chạy bằng tài khoản của dịch vụ (chủ của tệp).`,
    en: `The account "${name}" cannot read and write the database ${file}. Run as the service's account (the file's owner).`,
  };
}

/** Which database a DATABASE_URL names: postgresql:// (or postgres://) is PostgreSQL, anything else SQLite. */
export const dbProvider = (url?: string): 'postgresql' | 'sqlite' => (isPostgresUrl(url) ? 'postgresql' : 'sqlite');

/**
 * Opens the PostgreSQL database of a postgresql:// URL, applying the committed migrations first. Both generated
 * clients come from one schema, so the PostgreSQL one has the SQLite one's API (and a little more, unused).
 */
async function openPostgres(url: string): Promise<Db> {
  try {
    await applyPgMigrations(url);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError(ErrorCode.Config, `Không kết nối hoặc không chuẩn bị được cơ sở dữ liệu PostgreSQL (DATABASE_URL): ${why}`, {
      en: `Cannot connect to or prepare the PostgreSQL database (DATABASE_URL): ${why}`,
    });
  }
  // Loaded only for a PostgreSQL URL: the second generated client and pg cost an SQLite start ~memory and CPU.
  const [{ PrismaPg }, { PrismaClient: PgPrismaClient }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('./generated-pg/client.ts'),
  ]);
  const db = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await db.$connect();
  return db as unknown as Db;
}

/**
 * Opens (creating and migrating if needed) the database and returns a connected Prisma client: PostgreSQL for a
 * postgresql:// URL, else SQLite. A new SQLite database file is created readable by its owner only (0600; SQLite
 * gives its -wal and -shm files the same mode).
 */
export async function openDb(url?: string): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url);
  const file = sqlitePath(url);
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
    const problem = dbAccessProblem(file, statSync(file));
    if (problem) throw new AppError(ErrorCode.Config, problem.vi, { en: problem.en });
  }
  applyMigrations(file);
  // WAL is persistent in the file; set it once on a plain handle before Prisma connects.
  openSqlite(file).close();
  // a short wait inside SQLite, then asynchronous retries (src/db/busy.ts): a lock never blocks the event loop long
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: BUSY_SYNC_MS });
  const db = withBusyRetry(new PrismaClient({ adapter }));
  await db.$executeRawUnsafe(`PRAGMA busy_timeout = ${BUSY_SYNC_MS}`);
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}

/**
 * Writes a key → JSON row of the Session table. Prisma's upsert is a read then a write, so two instances creating
 * the same key at once make one fail on the unique key: that one then updates the row the other created.
 */
export async function putSessionRow(db: Pick<Db, 'session'>, key: string, data: string): Promise<void> {
  try {
    await db.session.upsert({ where: { key }, create: { key, data }, update: { data } });
  } catch {
    await db.session.update({ where: { key }, data: { data } });
  }
}
