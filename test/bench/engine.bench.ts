// npm run bench:engine — how many messages a second the conversation engine answers on SQLite, how fast, and how
// many SQL statements each kind of message costs. The real runtime (buildRuntime) on a temporary database with the
// seeds imported and the quarter open; N officials (BENCH_USERS, default 1,10,50) each type a realistic script
// (help, a question, a form filled in, a review, a cancel) back to back, without pauses, for BENCH_SECONDS each.
// Statements are counted at the driver: every better-sqlite3 `prepare` (the Prisma adapter prepares each
// statement it runs; BEGIN/COMMIT included), per message kind, in a single-user pass before the timed runs.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const SIZES = (process.env.BENCH_USERS ?? '1,10,50').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** [kind, text]: one official's round; 'báo cáo' opens the form, the figures answer its items, 'xem' reviews. */
const SCRIPT: [string, string][] = [
  ['help', 'trợ giúp'],
  ['question', 'Ai chủ trì bố trí kinh phí triển khai Kế hoạch 37/KH-STTTT?'],
  ['open form', 'báo cáo'],
  ['form answer', '85'],
  ['form answer', '120'],
  ['review', 'xem'],
  ['cancel', 'hủy'],
];

const sql: string[] = [];
const proto = Database.prototype as unknown as { prepare: (this: unknown, s: string) => unknown };
const prepare = proto.prepare;
proto.prepare = function (this: unknown, s: string) {
  sql.push(s);
  return prepare.call(this, s);
};

const dir = mkdtempSync(join(tmpdir(), 'da-bench-engine-'));
const clock = new ManualClock(new Date(NOW));
const app = await createApp({
  config: { DATABASE_URL: `file:${join(dir, 'app.db')}`, INDEX_DIR: join(dir, 'index') },
  clock,
  log: silentLogger,
});
await importPaths(app, ['data/documents']);
await saveRegime(app, REGIME);
await openPeriod(app, REGIME.code, '2026-Q4');
const rt = await buildRuntime(app, { scheduler: { clock, cron: false } });
const failed = internalError().text;
const maxUsers = Math.max(...SIZES);
for (let u = 0; u < maxUsers; u++) {
  const code = (await createInvite(app, { role: 'official', agency: 'Sở TT&TT', province: 'Cà Mau', expiresDays: 30 })).code;
  await rt.bot.handle({ channel: 'console', userId: `u${u}`, chatId: `u${u}`, text: `/start ${code}` });
}
const say = (u: number, text: string) => rt.bot.handle({ channel: 'console', userId: `u${u}`, chatId: `u${u}`, text });

// statements per kind of message: one user, two warm rounds, the second one counted
const perKind = new Map<string, number[]>();
for (let round = 0; round < 2; round++) {
  for (const [kind, text] of SCRIPT) {
    sql.length = 0;
    await say(0, text);
    if (round === 1) perKind.set(kind, [...(perKind.get(kind) ?? []), sql.length]);
    if (round === 1 && process.env.BENCH_SQL && kind === process.env.BENCH_SQL) console.log(`-- ${kind}: ${text}\n${sql.join('\n')}\n`);
  }
}

// CPU and wall time per kind of message: one official, ROUNDS warm rounds back to back (no concurrency)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const cost = new Map<string, { cpu: number[]; wall: number[] }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [kind, text] of SCRIPT) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await say(0, text);
    const c = process.cpuUsage(c0);
    const k = cost.get(kind) ?? cost.set(kind, { cpu: [], wall: [] }).get(kind)!;
    k.cpu.push((c.user + c.system) / 1000);
    k.wall.push(performance.now() - w0);
  }
}

interface Run {
  users: number;
  latencies: number[];
  errors: number;
  seconds: number;
  cpuMs: number;
}

async function run(users: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let i = 0; performance.now() < end; i++) {
        const s = performance.now();
        const out = await say(u, SCRIPT[i % SCRIPT.length]![1]);
        latencies.push(performance.now() - s);
        if (out.some((m) => m.text === failed)) errors++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    users,
    latencies: latencies.sort((a, b) => a - b),
    errors,
    seconds: (performance.now() - t0) / 1000,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

const runs: Run[] = [];
for (const n of SIZES) runs.push(await run(n));
await rt.scheduler.stop();
await app.close();
rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
const total = [...perKind.values()].flat();
const median = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    50,
  );
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(
  `Statements and cost per message (statements: driver prepares, one official, warm; cost: ${ROUNDS} rounds of ${SCRIPT.length} messages, one official)`,
);
console.log(
  table(
    ['Message', 'Statements', 'CPU ms (mean)', 'Wall ms (median)'],
    [
      ...[...perKind].map(([k, v]) => [k, v.join(' / '), mean(cost.get(k)!.cpu).toFixed(2), median(cost.get(k)!.wall).toFixed(2)]),
      [
        'mean per message',
        (total.reduce((a, b) => a + b, 0) / total.length).toFixed(1),
        mean([...cost.values()].flatMap((c) => c.cpu)).toFixed(2),
        median([...cost.values()].flatMap((c) => c.wall)).toFixed(2),
      ],
    ],
  ),
);
console.log(`\nThroughput, ${SECONDS} s per size, officials typing back to back (SQLite, one process)`);
console.log(
  table(
    ['Officials', 'Messages', 'Msg/s', 'CPU ms/msg', 'p50 ms', 'p99 ms', 'Max ms', 'Internal errors'],
    runs.map((r) => [
      r.users,
      r.latencies.length,
      (r.latencies.length / r.seconds).toFixed(0),
      (r.cpuMs / Math.max(1, r.latencies.length)).toFixed(2),
      pct(r.latencies, 50).toFixed(1),
      pct(r.latencies, 99).toFixed(1),
      (r.latencies.at(-1) ?? 0).toFixed(0),
      r.errors,
    ]),
  ),
);
