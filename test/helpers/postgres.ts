// A PostgreSQL for tests: PG_TEST_URL when set (a server whose user may create databases), else a throwaway
// cluster started here on 127.0.0.1 and a free port when the PostgreSQL binaries are installed (initdb, pg_ctl:
// PG_BIN, /usr/lib/postgresql/*/bin or PATH), else nothing, and the PostgreSQL tests skip and say why.
// Each tempPgDb() is a fresh database in that server, dropped on close.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

export type PgServer = { url: string } | { skip: string };

function pgBin(): string | null {
  const candidates = [process.env.PG_BIN];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(join(root, v, 'bin'));
  for (const c of candidates) if (c && existsSync(join(c, 'initdb')) && existsSync(join(c, 'pg_ctl'))) return c;
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? join(which.stdout.trim(), '..') : null;
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` account. */
function asOwner(cmd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  return root
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
}

let server: Promise<PgServer> | null = null;

/** A throwaway cluster, and how to stop it (the folder goes with it). */
export async function startCluster(): Promise<{ server: PgServer; stop: () => void }> {
  const none = (skip: string) => ({ server: { skip }, stop: () => undefined });
  const bin = pgBin();
  if (!bin) return none('PostgreSQL is not installed (no initdb/pg_ctl) and PG_TEST_URL is not set');
  const root = process.getuid?.() === 0;
  if (root && spawnSync('id', ['postgres']).status !== 0) return none('running as root and there is no postgres account for initdb');
  const dir = mkdtempSync(join(tmpdir(), 'da-pg-'));
  if (root) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), -1);
  const data = join(dir, 'data');
  const init = asOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  if (init.status !== 0) return none(`initdb failed: ${init.stderr.trim().slice(0, 300)}`);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = asOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  if (start.status !== 0) return none(`pg_ctl start failed: ${start.stderr.trim().slice(0, 300)}`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  return { server: { url: `postgresql://postgres@127.0.0.1:${port}/postgres` }, stop };
}

/** The test PostgreSQL server, or why there is none. */
export function pgServer(): Promise<PgServer> {
  // Under vitest the global setup (test/helpers/pg-global.ts) starts one cluster for the run and stops it at the end:
  // a cluster started in a test worker outlived it (workers are killed, their exit handlers never run).
  if (process.env.PG_TEST_SKIP) return Promise.resolve({ skip: process.env.PG_TEST_SKIP });
  server ??= process.env.PG_TEST_URL
    ? Promise.resolve({ url: process.env.PG_TEST_URL })
    : startCluster().then(({ server, stop }) => {
        process.once('exit', stop); // scripts (npm run db:diff) end normally
        return server;
      });
  return server;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

export interface PgDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database on the test server (null when there is no server: the caller skips). */
export async function createPgDatabase(): Promise<PgDatabase | null> {
  const s = await pgServer();
  if ('skip' in s) return null;
  const name = `da_test_${randomBytes(6).toString('hex')}`;
  await admin(s.url, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(s.url, name),
    drop: () => admin(s.url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Why the PostgreSQL tests do not run here, or null when they do; printed once by the file that skips. */
export async function pgSkipReason(): Promise<string | null> {
  const s = await pgServer();
  if ('skip' in s) {
    console.warn(`PostgreSQL tests skipped: ${s.skip}`);
    return s.skip;
  }
  return null;
}
