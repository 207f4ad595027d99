// Runs `prisma generate` offline, for SQLite (src/db/generated) and PostgreSQL (src/db/generated-pg, from the
// derived prisma/schema.postgresql.prisma, rewritten here). Prisma 7 tries to download its schema-engine binary
// even though generating the TypeScript client does not need it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file stops the download (government intranets have no internet access).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { derivedPostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from './providers.mjs';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const pg = derivedPostgresSchema();
let committed = '';
try {
  committed = readFileSync(POSTGRES_SCHEMA, 'utf8');
} catch {
  // first run
}
if (committed !== pg) writeFileSync(POSTGRES_SCHEMA, pg);
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  const r = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
