// `npm run bench:scale [-- --users 50] [--rounds 2]`
// Messages per second and latency of real bot processes (`tsx src/main.ts`, Zalo Bot webhook) behind a round-robin
// proxy: 1 and 2 instances on PostgreSQL against 1 on SQLite. Each of `users` officials, at the same time, asks for
// help, opens the form, answers its three figures and asks for help again, `rounds` times (answers are re-set).
// Latency is one webhook call, from the POST to its 200, which the Zalo adapter sends after the reply went out. The
// adapters' send pacing (the platforms' rate limits) is switched off in the bot processes: with it, every setup
// measures 1 message/s per chat and 20/s per process, not the bot.
// PostgreSQL: PG_TEST_URL, or a throwaway cluster when the binaries are installed (test/helpers/postgres.ts).
import { parseArgs } from 'node:util';
import { tempDb, type DbKind } from '../helpers/db.ts';
import { ITEMS, startBots } from '../scale/cluster.ts';

const { values: args } = parseArgs({ options: { users: { type: 'string', default: '50' }, rounds: { type: 'string', default: '2' } } });
const USERS = Number(args.users);
const ROUNDS = Number(args.rounds);

interface Row {
  setup: string;
  messages: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function run(kind: DbKind, instances: number): Promise<Row> {
  const t = await tempDb(kind);
  const bots = await startBots(t.url, USERS, instances, { scheduler: false, pacing: false });
  const latencies: number[] = [];
  try {
    const official = async (u: number) => {
      for (let r = 0; r < ROUNDS; r++) {
        const lines = ['trợ giúp', 'báo cáo', ...Array.from({ length: ITEMS }, (_, k) => String(1000 * (k + 1) + u + r)), 'trợ giúp'];
        for (const [n, text] of lines.entries()) {
          const t0 = performance.now();
          await bots.say(u, text, `u${u}-r${r}-m${n}`);
          latencies.push(performance.now() - t0);
        }
      }
    };
    await official(0); // warm-up: first queries, JIT, connection pools
    latencies.length = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: USERS }, (_, u) => official(u)));
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      setup: `${instances} × ${kind === 'postgresql' ? 'PostgreSQL' : 'SQLite'}`,
      messages: latencies.length,
      seconds,
      perSecond: latencies.length / seconds,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
    };
  } finally {
    await bots.close();
    await t.close();
  }
}

const rows: Row[] = [];
for (const [kind, n] of [
  ['sqlite', 1],
  ['postgresql', 1],
  ['postgresql', 2],
] as const) {
  process.stderr.write(`running ${n} × ${kind} …\n`);
  rows.push(await run(kind, n));
}
console.log(`\n${USERS} officials at once, ${ROUNDS} rounds of ${ITEMS + 3} messages each\n`);
console.log('| setup | messages | seconds | messages/s | p50 ms | p99 ms |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.setup} | ${r.messages} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} |`,
  );
process.exit(0);
