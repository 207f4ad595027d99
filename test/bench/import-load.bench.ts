// npm run bench:import-load — does the running bot keep answering while `cli import` (another process) writes a
// large folder into the same database? The bot runs in this process with 20 officials typing a realistic mix
// (help, questions, form answers); the same load runs first alone, then while a child process imports
// BENCH_IMPORT_MB (default 12) of documents. Prints latency percentiles, internal errors and the longest stall of
// this process's event loop, side by side.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../src/app.ts';
import { table } from '../../src/cli/format/table.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { internalError } from '../../src/conversation/replies.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { buildRuntime } from '../../src/runtime.ts';
import { createInvite } from '../../src/users/invites.ts';
import { NOW, REGIME } from '../transcripts/seed.ts';

const MB = Number(process.env.BENCH_IMPORT_MB ?? 12);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const BASE_SECONDS = Number(process.env.BENCH_BASE_SECONDS ?? 10);
const THINK_MS = 50;
const SCRIPT = ['trợ giúp', 'Ai chủ trì bố trí kinh phí triển khai Kế hoạch 37/KH-STTTT?', 'báo cáo', '85', '12', 'xem', 'hủy'];

const dir = mkdtempSync(join(tmpdir(), 'da-bench-load-'));
const url = `file:${join(dir, 'app.db')}`;
const docs = join(dir, 'docs');
mkdirSync(docs);
const seeds = readdirSync('data/documents').map((f) => readFileSync(join('data/documents', f), 'utf8'));
for (let n = 0, bytes = 0; bytes < MB * 1024 * 1024; n++) {
  const text = seeds[n % seeds.length]!.replace(/Số: (\d+)/, (_m, d: string) => `Số: ${Number(d) + n}`) + `\n\nBản sao thử tải ${n}.\n`;
  writeFileSync(join(docs, `doc-${String(n).padStart(5, '0')}.txt`), text);
  bytes += Buffer.byteLength(text);
}

const fileCount = readdirSync(docs).length;
const clock = new ManualClock(new Date(NOW));
const app = await createApp({ config: { DATABASE_URL: url, INDEX_DIR: join(dir, 'index') }, clock, log: silentLogger });
await importPaths(app, ['data/documents']);
await saveRegime(app, REGIME);
await openPeriod(app, REGIME.code, '2026-Q4');
const rt = await buildRuntime(app, { scheduler: { clock, cron: false } });
const failed = internalError().text;
for (let u = 0; u < USERS; u++) {
  const code = (await createInvite(app, { role: 'official', agency: 'Sở TT&TT', province: 'Cà Mau', expiresDays: 30 })).code;
  await rt.bot.handle({ channel: 'console', userId: `u${u}`, chatId: `u${u}`, text: `/start ${code}` });
}

interface Phase {
  latencies: number[];
  errors: number;
  stallMs: number;
  seconds: number;
}

/** Every user types the script in a loop (with a short pause) until `done()`. */
async function load(done: () => boolean): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let i = 0; !done(); i++) {
        const s = performance.now();
        const out = await rt.bot.handle({ channel: 'console', userId: `u${u}`, chatId: `u${u}`, text: SCRIPT[i % SCRIPT.length]! });
        latencies.push(performance.now() - s);
        if (out.some((m) => m.text === failed)) errors++;
        await new Promise((r) => setTimeout(r, THINK_MS));
      }
    }),
  );
  h.disable();
  return { latencies: latencies.sort((a, b) => a - b), errors, stallMs: h.max / 1e6, seconds: (performance.now() - t0) / 1000 };
}

const end = performance.now() + BASE_SECONDS * 1000;
const alone = await load(() => performance.now() > end);

let importing = true;
const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import', docs], {
  env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise<number>((r) => child.on('exit', (code) => r(code ?? -1)));
void exited.then(() => (importing = false));
const during = await load(() => !importing);
const code = await exited;
const imported = await app.db.document.count();
await rt.scheduler.stop();
await app.close();
rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
const row = (name: string, p: Phase) => [
  name,
  p.latencies.length,
  (p.latencies.length / p.seconds).toFixed(0),
  pct(p.latencies, 50).toFixed(1),
  pct(p.latencies, 99).toFixed(1),
  (p.latencies.at(-1) ?? 0).toFixed(0),
  p.errors,
  p.stallMs.toFixed(0),
];
console.log(
  `${USERS} officials on the console engine; import of ${MB} MB (${fileCount} files) by \`cli import\` in a child process (exit ${code}; ${imported} documents stored)`,
);
console.log(
  table(
    ['Phase', 'Messages', 'Msg/s', 'p50 ms', 'p99 ms', 'Max ms', 'Internal errors', 'Longest event-loop stall ms'],
    [row('bot alone', alone), row('while importing', during)],
  ),
);
console.log(`p99 ratio (during / alone): ${(pct(during.latencies, 99) / Math.max(0.001, pct(alone.latencies, 99))).toFixed(2)}`);
