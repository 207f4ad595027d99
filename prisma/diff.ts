// Writes a new migration holding the SQL that takes the committed migrations to the current prisma/schema.prisma,
// for both providers, offline. SQLite (prisma/migrations/<stamp>_<name>/): the committed migrations are applied to
// a scratch file by our own runner, then Prisma's WebAssembly schema engine diffs that database against the schema.
// PostgreSQL (prisma/migrations-postgresql/<stamp>_<name>/, from the derived prisma/schema.postgresql.prisma): the
// engine diffs the schema the committed migrations reach (prisma/migrations-postgresql/migrated.prisma, rewritten
// with each migration) against the current one; it needs a server to talk to: PG_TEST_URL, or a throwaway cluster
// (test/helpers/postgres.ts). The check needs no server: migrated.prisma must equal the derived schema.
// Run: npm run db:diff -- <name>        Check only (exit 1 on drift): npm run db:diff -- --check
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { applyMigrations, MIGRATIONS_DIR } from '../src/db/migrate.ts';
import { PG_MIGRATIONS_DIR } from '../src/db/migrate-pg.ts';
import { createPgDatabase, pgServer } from '../test/helpers/postgres.ts';
import { derivedPostgresSchema, POSTGRES_SCHEMA } from './providers.mjs';

const check = process.argv.includes('--check');
const name = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'change').replace(/[^a-z0-9_]+/gi, '_');

/** The SQL from `from` (the migrated database itself, a schema file, or nothing) to `schemaFile`. */
export async function diff(schemaFile: string, adapterFactory: unknown, from: 'database' | 'empty' | string = 'database'): Promise<string> {
  const schemaPath = resolve(schemaFile);
  const datamodel = readFileSync(schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory as never);
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, adapter);
  const files = [{ path: schemaPath, content: datamodel }];
  const fromFile = (path: string) => ({ tag: 'schemaDatamodel', files: [{ path: resolve(path), content: readFileSync(path, 'utf8') }] });
  const result = await engine.diff({
    from:
      from === 'database'
        ? { tag: 'schemaDatasource', files, configDir: resolve('.') }
        : from === 'empty'
          ? { tag: 'empty' }
          : fromFile(from),
    to: { tag: 'schemaDatamodel', files },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  } as never);
  return (result as { stdout: string | null }).stdout ?? '';
}

async function sqliteDiff(): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'prisma-diff-'));
  const dbFile = join(scratch, 'migrated.db');
  try {
    applyMigrations(dbFile);
    return await diff('prisma/schema.prisma', new PrismaBetterSqlite3({ url: dbFile }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const PG_MIGRATED = join(PG_MIGRATIONS_DIR, 'migrated.prisma');

async function postgresDiff(): Promise<string | null> {
  if (check) return existsSync(PG_MIGRATED) && readFileSync(PG_MIGRATED, 'utf8') === readFileSync(POSTGRES_SCHEMA, 'utf8') ? '' : 'changed';
  const scratch = await createPgDatabase();
  if (!scratch) return null;
  try {
    return await diff(POSTGRES_SCHEMA, new PrismaPg({ connectionString: scratch.url }), existsSync(PG_MIGRATED) ? PG_MIGRATED : 'empty');
  } finally {
    await scratch.drop();
  }
}

const isEmpty = (sql: string) => !sql.trim() || /empty migration/i.test(sql);
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
let failed = false;
if (readFileSync(POSTGRES_SCHEMA, 'utf8') !== derivedPostgresSchema()) {
  if (check) {
    console.log(`${POSTGRES_SCHEMA} is not the one derived from prisma/schema.prisma; run node prisma/generate.mjs`);
    failed = true;
  } else writeFileSync(POSTGRES_SCHEMA, derivedPostgresSchema());
}
const pgDiff = await postgresDiff();
for (const [label, sql, dir] of [
  ['SQLite', await sqliteDiff(), MIGRATIONS_DIR],
  ['PostgreSQL', pgDiff, PG_MIGRATIONS_DIR],
] as const) {
  if (sql === null) {
    const s = await pgServer();
    console.log(`${label}: not checked (${'skip' in s ? s.skip : 'no server'}).`);
    if (!check) failed = true;
    continue;
  }
  if (check) {
    if (isEmpty(sql)) console.log(`${label}: migrations match the schema.`);
    else {
      console.log(
        `${label}: the schema has changes no migration holds; run npm run db:diff -- <name>` + (sql === 'changed' ? '' : `:\n${sql}`),
      );
      failed = true;
    }
  } else if (isEmpty(sql)) {
    console.log(`${label}: schema and migrations agree: nothing to write.`);
  } else {
    const out = join(dir, `${stamp}_${name}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'migration.sql'), sql);
    if (dir === PG_MIGRATIONS_DIR) writeFileSync(PG_MIGRATED, readFileSync(POSTGRES_SCHEMA, 'utf8'));
    console.log(`${label}: wrote ${out}/migration.sql (${sql.split('\n').length} lines)`);
  }
}
process.exit(failed ? 1 : 0);
