// One schema source of truth (prisma/schema.prisma, SQLite). The PostgreSQL variant is derived from it here and
// committed as prisma/schema.postgresql.prisma; a test fails when the committed file differs from the derived one.
import { readFileSync } from 'node:fs';

export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/schema.postgresql.prisma';

const HEADER =
  '// GENERATED from prisma/schema.prisma by prisma/providers.mjs (node prisma/generate.mjs): do not edit.\n' +
  '// The PostgreSQL variant of the data model; its migrations live in prisma/migrations-postgresql.\n';

/** The PostgreSQL schema text for a SQLite schema text: same models, provider postgresql, its own client folder. */
export function postgresSchema(sqlite) {
  const out = sqlite
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/output\s*=\s*"\.\.\/src\/db\/generated"/, 'output   = "../src/db/generated-pg"');
  if (out === sqlite || !out.includes('"postgresql"') || !out.includes('generated-pg'))
    throw new Error('prisma/schema.prisma: could not derive the PostgreSQL variant (datasource or output changed?)');
  return HEADER + out;
}

export const derivedPostgresSchema = () => postgresSchema(readFileSync(SQLITE_SCHEMA, 'utf8'));
