import { describe, expect, it } from 'vitest';
import { applyMigrations, openSqlite } from '../../src/db/migrate.ts';
import { tempDb } from '../helpers/db.ts';

describe('database start-up', () => {
  it('creates every table on a new file, in WAL mode, and re-running applies nothing', async () => {
    const t = await tempDb('sqlite'); // the SQLite file start-up, also under TEST_DB=postgresql (npm run test:pg)
    const file = t.url.slice('file:'.length);
    const again = applyMigrations(file);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
    const raw = openSqlite(file);
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['Document', 'Section', 'Task', 'Agency', 'Outbox', '_prisma_migrations']));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await t.db.document.create({ data: { type: 'Chỉ thị', title: 'x', sourceFile: 'f', contentHash: 'h' } });
    expect(await t.db.document.count()).toBe(1);
    await t.close();
  });
});

describe('committed migrations', () => {
  it('hold every change of prisma/schema.prisma (Prisma schema engine finds no drift)', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'prisma/diff.ts', '--check'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout + r.stderr).toContain('SQLite: migrations match the schema.');
    expect(r.stdout + r.stderr).toContain('PostgreSQL: migrations match the schema.');
    expect(r.status).toBe(0);
  }, 60_000);
});
