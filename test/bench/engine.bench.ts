// npm run bench:engine — how many messages a second the conversation engine answers, how fast, and how many SQL
// statements each kind of message costs, on SQLite and on PostgreSQL (BENCH_DB=sqlite,postgresql; PostgreSQL when
// its binaries are installed or PG_TEST_URL is set: test/helpers/postgres.ts). The real runtime (buildRuntime) on a
// temporary database with the seeds imported and the quarter open; N officials (BENCH_USERS, default 1,10,50,200)
// each type a realistic script (help, a question, a form filled in, a review, a cancel) back to back, without
// pauses, for BENCH_SECONDS each. Statements are counted at the driver: every better-sqlite3 `prepare` (the Prisma
// adapter prepares each statement it runs) or pg `query`, BEGIN/COMMIT included, per message kind, in a
// single-user pass before the timed runs; BENCH_SQL=<kind> prints them.
import Database from 'better-sqlite3';
import pg from 'pg';
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
import { dbKinds, tempDb, type DbKind } from '../helpers/db.ts';
import { NOW, REGIME } from '../transcripts/seed.ts';

const SIZES = (process.env.BENCH_USERS ?? '1,10,50,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
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

// every statement either driver is given, whoever sends it
const sql: string[] = [];
const sqliteProto = Database.prototype as unknown as { prepare: (this: unknown, s: string) => unknown };
const prepare = sqliteProto.prepare;
sqliteProto.prepare = function (this: unknown, s: string) {
  sql.push(s);
  return prepare.call(this, s);
};
const pgProto = pg.Client.prototype as unknown as { query: (this: unknown, ...a: unknown[]) => unknown };
const query = pgProto.query;
pgProto.query = function (this: unknown, ...a: unknown[]) {
  const q = a[0];
  sql.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? q));
  return query.apply(this, a);
};

interface Run {
  users: number;
  latencies: number[];
  errors: number;
  seconds: number;
  cpuMs: number;
}

interface Result {
  kind: DbKind;
  perKind: Map<string, number[]>;
  cost: Map<string, { cpu: number[]; wall: number[] }>;
  runs: Run[];
}

async function seeded(kind: DbKind) {
  const t = await tempDb(kind);
  await t.db.$disconnect();
  const clock = new ManualClock(new Date(NOW));
  const app = await createApp({ config: { DATABASE_URL: t.url, INDEX_DIR: join(t.dir, 'index') }, clock, log: silentLogger });
  await importPaths(app, ['data/documents']);
  await saveRegime(app, REGIME);
  await openPeriod(app, REGIME.code, '2026-Q4');
  const rt = await buildRuntime(app, { scheduler: { clock, cron: false } });
  for (let u = 0; u < Math.max(...SIZES); u++) {
    const code = (await createInvite(app, { role: 'official', agency: 'Sở TT&TT', province: 'Cà Mau', expiresDays: 30 })).code;
    await rt.bot.handle({ channel: 'console', userId: `u${u}`, chatId: `u${u}`, text: `/start ${code}` });
  }
  const close = async () => {
    await rt.scheduler.stop();
    await app.close();
    await t.close();
  };
  return { app, rt, close };
}

async function bench(kind: DbKind): Promise<Result> {
  const { rt, close } = await seeded(kind);
  const say = (u: number, text: string) => rt.bot.handle({ channel: 'console', userId: `u${u}`, chatId: `u${u}`, text });
  const failed = internalError().text;

  // statements per kind of message: one user, two warm rounds, the second one counted
  const perKind = new Map<string, number[]>();
  for (let round = 0; round < 2; round++) {
    for (const [k, text] of SCRIPT) {
      sql.length = 0;
      await say(0, text);
      if (round === 1) perKind.set(k, [...(perKind.get(k) ?? []), sql.length]);
      if (round === 1 && process.env.BENCH_SQL && k === process.env.BENCH_SQL)
        console.log(`-- ${kind}, ${k}: ${text}\n${sql.join('\n')}\n`);
    }
  }

  // CPU and wall time per kind of message: one official, ROUNDS warm rounds back to back (no concurrency)
  const cost = new Map<string, { cpu: number[]; wall: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, text] of SCRIPT) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      await say(0, text);
      const c = process.cpuUsage(c0);
      const entry = cost.get(k) ?? cost.set(k, { cpu: [], wall: [] }).get(k)!;
      entry.cpu.push((c.user + c.system) / 1000);
      entry.wall.push(performance.now() - w0);
    }
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
  await close();
  return { kind, perKind, cost, runs };
}

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
const median = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    50,
  );
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function print(r: Result): void {
  const name = r.kind === 'postgresql' ? 'PostgreSQL' : 'SQLite';
  const total = [...r.perKind.values()].flat();
  console.log(
    `\n${name}: statements and cost per message (statements: at the driver, one official, warm; cost: ${ROUNDS} rounds of ${SCRIPT.length} messages, one official)`,
  );
  console.log(
    table(
      ['Message', 'Statements', 'CPU ms (mean)', 'Wall ms (median)'],
      [
        ...[...r.perKind].map(([k, v]) => [k, v.join(' / '), mean(r.cost.get(k)!.cpu).toFixed(2), median(r.cost.get(k)!.wall).toFixed(2)]),
        [
          'mean per message',
          (total.reduce((a, b) => a + b, 0) / total.length).toFixed(1),
          mean([...r.cost.values()].flatMap((c) => c.cpu)).toFixed(2),
          median([...r.cost.values()].flatMap((c) => c.wall)).toFixed(2),
        ],
      ],
    ),
  );
  console.log(`\n${name}: throughput, ${SECONDS} s per size, officials typing back to back (one process)`);
  console.log(
    table(
      ['Officials', 'Messages', 'Msg/s', 'CPU ms/msg', 'p50 ms', 'p99 ms', 'Max ms', 'Internal errors'],
      r.runs.map((x) => [
        x.users,
        x.latencies.length,
        (x.latencies.length / x.seconds).toFixed(0),
        (x.cpuMs / Math.max(1, x.latencies.length)).toFixed(2),
        pct(x.latencies, 50).toFixed(1),
        pct(x.latencies, 99).toFixed(1),
        (x.latencies.at(-1) ?? 0).toFixed(0),
        x.errors,
      ]),
    ),
  );
}

const available = await dbKinds();
const wanted = (process.env.BENCH_DB ?? 'sqlite,postgresql').split(',') as DbKind[];
for (const kind of wanted) {
  if (!available.includes(kind)) {
    console.log(`\n${kind}: skipped (no PostgreSQL server: install the postgresql package or set PG_TEST_URL)`);
    continue;
  }
  print(await bench(kind));
}
process.exit(0);
