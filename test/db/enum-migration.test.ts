// The state columns became enums (prisma/migrations-postgresql/*_enum_states): a database of the version before
// keeps every stored state through the migration, and the database then refuses a state outside the list.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { applyPgMigrations, PG_MIGRATIONS_DIR } from '../../src/db/migrate-pg.ts';
import { createPgDatabase, pgSkipReason, type PgDatabase } from '../helpers/postgres.ts';

const skip = await pgSkipReason();
const ENUMS = readdirSync(PG_MIGRATIONS_DIR).find((d) => d.endsWith('_enum_states'))!;

describe.skipIf(skip)('the enum migration on PostgreSQL', () => {
  let db: PgDatabase | null = null;
  const dirs: string[] = [];
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps the states a database of the previous version holds, and refuses one outside the list', async () => {
    db = (await createPgDatabase())!;
    const before = mkdtempSync(join(tmpdir(), 'da-mig-'));
    dirs.push(before);
    for (const d of readdirSync(PG_MIGRATIONS_DIR))
      if (d < ENUMS && !d.endsWith('.prisma')) cpSync(join(PG_MIGRATIONS_DIR, d), join(before, d), { recursive: true });
    await applyPgMigrations(db.url, before);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(`INSERT INTO "User" (id, name, role) VALUES (1, 'An', 'admin'), (2, 'Hoa', 'coordinator')`);
      await c.query(`INSERT INTO "Regime" (id, code, name, frequency) VALUES (1, 'r', 'R', 'quarter')`);
      await c.query(
        `INSERT INTO "Period" (id, "regimeId", key, "startsAt", "endsAt", deadline, "locksAt", status)
         VALUES (1, 1, '2026-Q3', now(), now(), now(), now(), 'locked'), (2, 1, '2026-Q4', now(), now(), now(), now(), DEFAULT)`,
      );
      await c.query(
        `INSERT INTO "Outbox" ("dedupeKey", kind, payload, "dueAt", status) VALUES ('a', 'digest', '{}', now(), 'sent'), ('b', 'reminder', '{}', now(), DEFAULT)`,
      );

      const after = await applyPgMigrations(db.url);
      expect(after.applied).toContain(ENUMS);

      expect((await c.query(`SELECT role::text AS v FROM "User" ORDER BY id`)).rows.map((r) => r.v)).toEqual(['admin', 'coordinator']);
      expect((await c.query(`SELECT status::text AS v FROM "Period" ORDER BY id`)).rows.map((r) => r.v)).toEqual(['locked', 'open']);
      expect((await c.query(`SELECT kind::text || '/' || status::text AS v FROM "Outbox" ORDER BY id`)).rows.map((r) => r.v)).toEqual([
        'digest/sent',
        'reminder/pending',
      ]);
      // New rows still get their default state, and a misspelt state is refused by the database itself.
      await c.query(
        `INSERT INTO "Period" (id, "regimeId", key, "startsAt", "endsAt", deadline, "locksAt") VALUES (3, 1, '2027-Q1', now(), now(), now(), now())`,
      );
      expect((await c.query(`SELECT status::text AS v FROM "Period" WHERE key = '2027-Q1'`)).rows[0].v).toBe('open');
      await expect(c.query(`UPDATE "User" SET role = 'superuser' WHERE id = 1`)).rejects.toThrow(/invalid input value for enum "Role"/);
    } finally {
      await c.end();
    }
  });
});
