// A plain SQL connection of our own beside Prisma, for the importer's bulk writes (src/ingest/store.ts): prepared
// better-sqlite3 statements on SQLite, a pg client on PostgreSQL. Statements are written once with `?`
// placeholders and double-quoted identifiers, which both accept (PostgreSQL's $1… are made here).
import { sqlitePath } from './client.ts';
import { BUSY_SYNC_MS } from './busy.ts';
import { isPostgresUrl } from './migrate-pg.ts';
import { openSqlite } from './migrate.ts';

export interface RawSql {
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction that excludes every other writer of `tables` (SQLite: its single write lock;
   * PostgreSQL: a table lock that still lets readers read). On PostgreSQL the id sequences of `tables` are moved
   * past the ids written explicitly, so later inserts through Prisma do not collide with them.
   */
  transaction<T>(tables: string[], fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openRawSql(url: string): Promise<RawSql> {
  return isPostgresUrl(url) ? openPgRaw(url) : openSqliteRaw(url);
}

function openSqliteRaw(url: string): RawSql {
  const db = openSqlite(sqlitePath(url), BUSY_SYNC_MS);
  const cache = new Map<string, ReturnType<typeof db.prepare>>();
  const stmt = (sql: string) => cache.get(sql) ?? cache.set(sql, db.prepare(sql)).get(sql)!;
  return {
    run: async (sql, params = []) => void stmt(sql).run(...params),
    all: async <T>(sql: string, params: unknown[] = []) => stmt(sql).all(...params) as T[],
    async transaction(_tables, fn) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn();
        db.exec('COMMIT');
        return out;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
    close: async () => void db.close(),
  };
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function openPgRaw(url: string): Promise<RawSql> {
  const { default: pg } = await import('pg'); // loaded for PostgreSQL only
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const all = async <T>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows as T[];
  return {
    run: async (sql, params) => void (await all(sql, params)),
    all,
    async transaction(tables, fn) {
      await client.query('BEGIN');
      try {
        await client.query(`LOCK TABLE ${tables.map((t) => `"${t}"`).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
        const out = await fn();
        for (const t of tables)
          await client.query(
            `SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), COALESCE((SELECT MAX("id") FROM "${t}"), 0) + 1, false)
             WHERE pg_get_serial_sequence('"${t}"', 'id') IS NOT NULL`,
          );
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close: () => client.end(),
  };
}
