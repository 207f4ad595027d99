// `npm run bench:dashboard`: the coordinator dashboard for 100 agencies × 50 items (5,000 answers per quarter,
// two quarters), served by the real web server (fastify inject: server time, no network). Goal: under 300 ms.
import type { App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/log.ts';
import { dashboardLoginLink } from '../../src/web/dashboard-auth.ts';
import { buildWebServer } from '../../src/web/server.ts';
import { userById } from '../../src/users/users.ts';
import { tempDb } from '../helpers/db.ts';
import { seedLarge } from '../reporting/report/seed.ts';

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const GOAL_MS = 300;

async function main(): Promise<void> {
  const t = await tempDb();
  try {
    await seedLarge(t.db, AGENCIES, ITEMS);
    const config = { ...loadConfig({}), WEB_SECRET: 'bench-secret', WEB_BASE_URL: 'https://bot.example.vn' };
    const clock = new ManualClock(new Date('2027-01-20T09:00:00+07:00'));
    const app = { config, db: t.db, log: silentLogger, clock, registry: null as never, close: async () => undefined } as App;
    const coord = await t.db.user.create({ data: { name: 'Điều phối viên', role: 'coordinator', province: 'Cà Mau' } });
    const web = buildWebServer(app);
    const link = new URL(dashboardLoginLink(app, (await userById(t.db, coord.id))!, clock.now())!);
    const login = await web.inject({ method: 'GET', url: link.pathname + link.search });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = performance.now();
      const r = await web.inject({ method: 'GET', url: '/dashboard', headers: { cookie } });
      const ms = performance.now() - t0;
      if (r.statusCode !== 200) throw new Error(`dashboard answered ${r.statusCode}`);
      bytes = r.body.length;
      if (i > 0) times.push(ms); // the first run warms the caches
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const worst = times.at(-1)!;
    console.log(
      `dashboard ${AGENCIES} agencies × ${ITEMS} items: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms over ${RUNS} runs, ${(bytes / 1024).toFixed(0)} KB of HTML`,
    );
    console.log(median < GOAL_MS ? `OK: under ${GOAL_MS} ms` : `SLOW: over ${GOAL_MS} ms`);
    await web.close();
  } finally {
    await t.close();
  }
}

await main();
