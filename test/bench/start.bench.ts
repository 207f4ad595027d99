// `npm run bench:start [-- <git revision>]`: what a console `npm start` costs on a warm database (data/ imported by an
// earlier start): CPU time and peak RSS of the process up to its first output on stdout (the answer to one question
// piped in) and to its exit. Runs compiled JavaScript (dist/, as `npm start` does). Given a revision, that revision's
// src/ is built in a temporary copy and the two are run interleaved, BENCH_ROUNDS (default 5) each; medians. Each runs
// with the Node flags of its own package.json's start script.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const ROOT = new URL('../..', import.meta.url).pathname;
const PROBE = new URL('./start-probe.mjs', import.meta.url).pathname;
const QUESTION = 'ai chu tri dao tao nguon nhan luc cntt o ca mau?\n';
const tmp = mkdtempSync(join(tmpdir(), 'bench-start-'));

interface Probe {
  firstCpu: number; // ms of CPU when stdout was first written
  firstMs: number; // ms since the process started
  exitCpu: number;
  maxRss: number; // bytes
  exitRss: number; // bytes, at exit: the question answered, nothing else to do (what an idle bot holds)
}

/** A copy of `rev`'s src/ next to links to this project's node_modules, data/ and prisma/, built to dist/. */
function checkout(rev: string): string {
  const dir = join(tmp, 'rev');
  mkdirSync(dir);
  execFileSync('sh', ['-c', `git archive ${rev} src | tar -x -C ${dir}`], { cwd: ROOT });
  // the generated clients are not in git (an older revision imports the PostgreSQL one at start too)
  for (const g of ['generated', 'generated-pg']) cpSync(join(ROOT, 'src/db', g), join(dir, 'src/db', g), { recursive: true });
  for (const l of ['node_modules', 'data', 'prisma']) symlinkSync(join(ROOT, l), join(dir, l));
  // the revision's own package.json: its start script's Node flags are part of what is measured
  writeFileSync(join(dir, 'package.json'), execFileSync('git', ['show', `${rev}:package.json`], { cwd: ROOT }));
  return dir;
}

/** The Node flags the variant's `npm start` runs the bot with ("node --v8-pool-size=1 … dist/main.js"), .env aside. */
function startFlags(dir: string): string[] {
  const script = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /\bnode\s+(.*?)\s*dist\/main\.js/.exec(script);
  return (m?.[1] ?? '').split(/\s+/).filter((f) => f && !f.startsWith('--env-file'));
}

function start(dir: string, db: string): Promise<Probe> {
  const out = join(tmp, `probe-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...startFlags(dir), '--import', PROBE, 'dist/main.js'], {
      cwd: dir,
      env: {
        ...process.env,
        START_PROBE: out,
        DATABASE_URL: `file:${join(db, 'app.db')}`,
        INDEX_DIR: join(db, 'index'),
        TELEGRAM_BOT_TOKEN: '',
        SLACK_BOT_TOKEN: '',
        ZALO_BOT_TOKEN: '',
        ZALO_OA_APP_ID: '',
        WEB_PORT: '',
      },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(out, 'utf8')) as Probe) : reject(new Error(`exit ${code}`))));
    child.stdin.end(QUESTION);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rev = process.argv[2];
const variants: { name: string; dir: string }[] = [...(rev ? [{ name: rev, dir: checkout(rev) }] : []), { name: 'this tree', dir: ROOT }];
const runs = new Map<string, Probe[]>();
for (const v of variants) {
  execFileSync(process.execPath, ['src/build.mjs'], { cwd: v.dir, stdio: 'ignore' });
  const db = join(tmp, `db-${variants.indexOf(v)}`);
  mkdirSync(db);
  await start(v.dir, db); // first start: imports data/, builds the index
  runs.set(v.name, []);
}
for (let r = 0; r < ROUNDS; r++) {
  for (const v of r % 2 ? [...variants].reverse() : variants)
    runs.get(v.name)!.push(await start(v.dir, join(tmp, `db-${variants.indexOf(v)}`)));
}
const rows = variants.map((v) => {
  const p = runs.get(v.name)!;
  const m = (k: keyof Probe) => median(p.map((x) => x[k]));
  return [
    v.name,
    (m('firstCpu') / 1000).toFixed(2),
    (m('firstMs') / 1000).toFixed(2),
    (m('exitCpu') / 1000).toFixed(2),
    `${Math.round(m('maxRss') / 2 ** 20)}`,
    `${Math.round(m('exitRss') / 2 ** 20)}`,
  ];
});
const head = ['code', 'CPU to answer (s)', 'wall to answer (s)', 'CPU to exit (s)', 'peak RSS (MB)', 'RSS at exit (MB)'];
console.log(`Console start on a warm database, one question piped in; median of ${ROUNDS} interleaved runs`);
for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(i ? head[i]!.length : 12)).join(' | '));
rmSync(tmp, { recursive: true, force: true });
