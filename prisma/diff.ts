// Writes a new migration (prisma/migrations/<stamp>_<name>/migration.sql) holding the SQL that takes the
// committed migrations to the current prisma/schema.prisma, offline: the committed migrations are applied to a
// scratch SQLite file by our own runner, then Prisma's WebAssembly schema engine diffs that database against the
// schema. Run: npm run db:diff -- <name>        Check only (exit 1 on drift): npm run db:diff -- --check
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { applyMigrations, MIGRATIONS_DIR } from '../src/db/migrate.ts';

const check = process.argv.includes('--check');
const name = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'change').replace(/[^a-z0-9_]+/gi, '_');
const schemaPath = resolve('prisma/schema.prisma');
const datamodel = readFileSync(schemaPath, 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'prisma-diff-'));
const dbFile = join(scratch, 'migrated.db');
applyMigrations(dbFile);
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: dbFile }) as never);
const engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, adapter);
const files = [{ path: schemaPath, content: datamodel }];
const result = await engine.diff({
  from: { tag: 'schemaDatasource', files, configDir: resolve('.') },
  to: { tag: 'schemaDatamodel', files },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
} as never);
rmSync(scratch, { recursive: true, force: true });

const sql = (result as { stdout: string | null }).stdout ?? '';
const empty = !sql.trim() || /empty migration/i.test(sql);
if (check) {
  if (empty) console.log('Migrations match prisma/schema.prisma.');
  else console.log(`prisma/schema.prisma has changes no migration holds; run npm run db:diff -- <name>:\n${sql}`);
  process.exit(empty ? 0 : 1);
}
if (empty) {
  console.log('Schema and migrations agree: nothing to write.');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  console.log(`Wrote ${dir}/migration.sql (${sql.split('\n').length} lines)`);
}
