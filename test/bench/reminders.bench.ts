// `npm run bench:reminders [-- --officials 10000] [--fail-rate 0.03] [--seed 1] [--concurrency 16]`
// One reminder round to N officials through the real scheduler (Outbox, lease, limiter, retries) and the real
// Telegram adapter (its pacing and 429 handling) against a fake Telegram Bot API in a process of its own on
// 127.0.0.1 (test/bench/fake-telegram-api.ts), which enforces 30 msg/s overall and 1 msg/s per chat and answers a
// seeded plan of calls (by chat and attempt, the same on every run) with 429 retry_after. Prints elapsed time
// against the floor: every call the API answered (delivered or refused) took one of the dispatcher's send slots,
// at the rate the adapter states (TELEGRAM_PACING), so floor = API calls / that rate. The default N (1,500)
// finishes in about a minute; 10,000 takes about six.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { tempDb } from '../helpers/db.ts';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/log.ts';
import { TelegramAdapter, TELEGRAM_PACING } from '../../src/channels/telegram/adapter.ts';
import { createScheduler } from '../../src/scheduler/index.ts';

const { values: args } = parseArgs({
  options: {
    officials: { type: 'string', default: '1500' },
    'fail-rate': { type: 'string', default: '0.03' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '16' },
  },
});
const N = Number(args.officials);
const FAIL_RATE = Number(args['fail-rate']);
const CONCURRENCY = Number(args.concurrency);
const TOKEN = '123456:bench-token';

interface ApiStats {
  counts: { calls: number; accepted: number; planned429: number; global429: number; chat429: number };
  delivered: Record<string, number>;
}

/** Starts the fake API in its own process; resolves with its address and a way to read its counts and stop it. */
async function fakeApi() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/fake-telegram-api.ts', '--seed', String(args.seed), '--fail-rate', String(FAIL_RATE)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const root = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  return {
    root,
    stats: async () => (await (await fetch(`${root}/stats`)).json()) as ApiStats,
    stop: () => child.kill('SIGTERM'),
  };
}

async function main(): Promise<void> {
  const api = await fakeApi();
  const t = await tempDb();
  // Tuesday 12/01/2027 10:00 Vietnam time, 3 days before the deadline; the clock then follows real time.
  const base = new Date('2027-01-12T10:00:00+07:00').getTime();
  const t0 = performance.now();
  const clock = { now: () => new Date(base + (performance.now() - t0)) };
  const app = await createApp({ config: { DATABASE_URL: t.url, LOG_LEVEL: 'silent' }, clock, log: silentLogger });
  const db = app.db;

  // Seed: 100 agencies, N officials each with one Telegram identity, one open quarter.
  const A = Math.min(100, N);
  await db.agency.createMany({
    data: Array.from({ length: A }, (_, i) => ({
      key: `ag-${i}@bench`,
      baseKey: `ag-${i}`,
      name: `Cơ quan ${i + 1}`,
      kind: 'so',
      province: 'Bench',
    })),
  });
  const agencies = await db.agency.findMany({ select: { id: true, key: true } });
  const regime = await db.regime.create({
    data: { code: 'BENCH', name: 'Báo cáo thử tải', frequency: 'quarter', reportingBodies: JSON.stringify(agencies.map((a) => a.key)) },
  });
  await db.period.create({
    data: {
      regimeId: regime.id,
      key: '2026-Q4',
      startsAt: new Date('2026-10-01T00:00:00+07:00'),
      endsAt: new Date('2027-01-01T00:00:00+07:00'),
      deadline: new Date('2027-01-16T00:00:00+07:00'),
      locksAt: new Date('2027-02-15T00:00:00+07:00'),
    },
  });
  for (let i = 0; i < N; i += 1000) {
    const n = Math.min(1000, N - i);
    await db.user.createMany({
      data: Array.from({ length: n }, (_, k) => ({ name: `Cán bộ ${i + k + 1}`, role: 'official', agencyId: agencies[(i + k) % A]!.id })),
    });
  }
  const users = await db.user.findMany({ select: { id: true } });
  for (let i = 0; i < users.length; i += 1000) {
    await db.identity.createMany({
      data: users
        .slice(i, i + 1000)
        .map((u) => ({ channel: 'telegram', externalId: String(7_000_000 + u.id), chatId: String(7_000_000 + u.id), userId: u.id })),
    });
  }

  const sched = createScheduler(app, {
    adapters: new Map([['telegram', new TelegramAdapter({ token: TOKEN, apiRoot: api.root, log: silentLogger })]]),
    cron: false,
    concurrency: CONCURRENCY,
    chunkSize: 500,
  });
  const start = performance.now();
  const totals = { ticks: 0, planned: 0, sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const r = await sched.tick();
    totals.ticks++;
    totals.planned += r.planned;
    totals.sent += r.sent;
    totals.retried += r.retried;
    totals.failed += r.failed;
    const open = await db.outbox.count({ where: { status: { in: ['pending', 'sending'] } } });
    if (open === 0) break;
    if (r.sent === 0) await new Promise((res) => setTimeout(res, 200));
  }
  const elapsed = (performance.now() - start) / 1000;
  await sched.stop();

  const { counts, delivered } = await api.stats();
  api.stop();
  const duplicated = Object.values(delivered).filter((n) => n > 1).length;
  const lost = users.filter((u) => !delivered[String(7_000_000 + u.id)]).length;
  const rate = TELEGRAM_PACING.perSecond;
  const floor = counts.calls / rate;
  const rows: [string, string][] = [
    ['officials', String(N)],
    ['elapsed', `${elapsed.toFixed(1)} s`],
    [`floor (API calls / ${rate} msg/s, the adapter's pacing)`, `${floor.toFixed(1)} s`],
    ['elapsed / floor', `${(elapsed / floor).toFixed(2)}×`],
    ['floor without faults (N / rate)', `${(N / rate).toFixed(1)} s`],
    ['outbox rows planned', String(totals.planned)],
    ['sent (delivered chats)', String(Object.keys(delivered).length)],
    ['re-queued by the scheduler (the adapter retries a 429 itself first)', String(totals.retried)],
    [`  planned 429 (seed ${args.seed}, rate ${FAIL_RATE})`, String(counts.planned429)],
    ['  429 for exceeding 30/s', String(counts.global429)],
    ['  429 for exceeding 1/s per chat', String(counts.chat429)],
    ['failed (gave up)', String(totals.failed)],
    ['duplicated (must be 0)', String(duplicated)],
    ['lost (must be 0)', String(lost)],
    ['API calls', String(counts.calls)],
    ['scheduler ticks', String(totals.ticks)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `\nReminder round against a fake Telegram API in its own process (planned 429s: seed ${args.seed}, rate ${FAIL_RATE}; concurrency ${CONCURRENCY})`,
  );
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  await app.close();
  await t.close();
  if (duplicated || lost) process.exitCode = 1;
}

await main();
