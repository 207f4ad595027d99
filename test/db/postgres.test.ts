import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { dbProvider } from '../../src/db/client.ts';
import { applyPgMigrations } from '../../src/db/migrate-pg.ts';
import { tempDb } from '../helpers/db.ts';
import { pgSkipReason } from '../helpers/postgres.ts';
import { derivedPostgresSchema } from '../../prisma/providers.mjs';

describe('DATABASE_URL', () => {
  it('postgresql:// and postgres:// mean PostgreSQL; file: and bare paths keep SQLite', () => {
    expect(dbProvider('postgresql://u@h/db')).toBe('postgresql');
    expect(dbProvider('postgres://u@h/db')).toBe('postgresql');
    expect(dbProvider('file:./data/app.db')).toBe('sqlite');
    expect(dbProvider(undefined)).toBe('sqlite');
  });

  it('the committed PostgreSQL schema is the one derived from prisma/schema.prisma', () => {
    expect(readFileSync('prisma/schema.postgresql.prisma', 'utf8')).toBe(derivedPostgresSchema());
  });
});

const skip = await pgSkipReason();

describe.skipIf(skip)('on PostgreSQL', () => {
  it('a new database gets every table from the committed migrations; starting again applies nothing', async () => {
    const t = await tempDb('postgresql');
    try {
      const again = await applyPgMigrations(t.url);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBeGreaterThan(0);
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      const tables = (await c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'")).rows.map(
        (r) => r.t,
      );
      await c.end();
      expect(tables).toEqual(expect.arrayContaining(['Document', 'Section', 'Task', 'Agency', 'Outbox', '_prisma_migrations']));
      await t.db.document.create({ data: { type: 'Chỉ thị', title: 'x', sourceFile: 'f', contentHash: 'h' } });
      expect(await t.db.document.count()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('an unreachable server is a clear error in Vietnamese, not a crash', async () => {
    const { openDb } = await import('../../src/db/client.ts');
    await expect(openDb('postgresql://nobody@127.0.0.1:1/none')).rejects.toThrow(/PostgreSQL \(DATABASE_URL\)/);
  });
});
