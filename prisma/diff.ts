// Writes a new migration (prisma/migrations/<stamp>_<name>/migration.sql) holding the SQL that takes the
// committed migrations to the current prisma/schema.prisma. Uses Prisma's WebAssembly schema engine with the
// better-sqlite3 adapter, so it works offline. Run: npm run db:diff -- <name>
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const name = (process.argv[2] ?? 'change').replace(/[^a-z0-9_]+/gi, '_');
const schemaPath = resolve('prisma/schema.prisma');
const migrationsDir = resolve('prisma/migrations');
const datamodel = readFileSync(schemaPath, 'utf8');

const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: ':memory:' }) as never);
const engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, adapter);

const dirs = existsSync(migrationsDir)
  ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  : [];
const migrationsList = {
  baseDir: migrationsDir,
  lockfile: { path: join(migrationsDir, 'migration_lock.toml'), content: 'provider = "sqlite"\n' },
  migrationDirectories: dirs.map((d) => ({
    path: d,
    migrationFile: {
      path: 'migration.sql',
      content: { tag: 'ok' as const, value: readFileSync(join(migrationsDir, d, 'migration.sql'), 'utf8') },
    },
  })),
  shadowDbInitScript: '',
};
const filters = { externalTables: [], externalEnums: [] };
const from = dirs.length ? { tag: 'migrations' as const, ...migrationsList } : { tag: 'empty' as const };
const to = { tag: 'schemaDatamodel' as const, files: [{ path: schemaPath, content: datamodel }] };
const result = await engine.diff({ from, to, script: true, exitCode: null, filters } as never);
const sql = (result as { stdout: string | null }).stdout ?? '';
if (!sql.trim() || /empty migration/i.test(sql)) {
  console.log('Schema and migrations agree: nothing to write.');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  writeFileSync(join(migrationsDir, 'migration_lock.toml'), 'provider = "sqlite"\n');
  console.log(`Wrote ${dir}/migration.sql (${sql.split('\n').length} lines)`);
}
