// `npm run bench:reminders [-- --officials 10000] [--fail-rate 0.03] [--concurrency 16]`
// One reminder round to N officials through the real scheduler (Outbox, lease, limiter, retries) against a local
// fake Telegram Bot API on 127.0.0.1 that enforces 30 msg/s overall and 1 msg/s per chat and answers a share
// of calls with 429 retry_after. Prints elapsed time against the floor N / 30 s and sent / retried / duplicated /
// lost counts. The default N (1,500, floor 50 s) finishes in about a minute; 10,000 takes about six.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { tempDb } from '../helpers/db.ts';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/log.ts';
import type { ChannelAdapter, DeliveryResult } from '../../src/core/interfaces.ts';
import type { OutboundMessage } from '../../src/core/types.ts';
import { createScheduler } from '../../src/scheduler/index.ts';

const { values: args } = parseArgs({
  options: {
    officials: { type: 'string', default: '1500' },
    'fail-rate': { type: 'string', default: '0.03' },
    concurrency: { type: 'string', default: '16' },
  },
});
const N = Number(args.officials);
const FAIL_RATE = Number(args['fail-rate']);
const CONCURRENCY = Number(args.concurrency);
const GLOBAL_PER_S = 30;
const TOKEN = 'bench-token';

// ---------- the fake Telegram Bot API ----------
const delivered = new Map<string, number>();
const window: number[] = [];
const lastPerChat = new Map<string, number>();
const counts = { calls: 0, accepted: 0, injected429: 0, global429: 0, chat429: 0 };

function reply(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
const tooMany = (res: ServerResponse, s: number) =>
  reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${s}`, parameters: { retry_after: s } });

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    if (req.url !== `/bot${TOKEN}/sendMessage`) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const body = JSON.parse(raw) as { chat_id: string; text: string };
    counts.calls++;
    const now = performance.now();
    while (window.length && (window[0] as number) <= now - 1000) window.shift();
    if (Math.random() < FAIL_RATE) {
      counts.injected429++;
      return tooMany(res, 1);
    }
    if (window.length >= GLOBAL_PER_S) {
      counts.global429++;
      return tooMany(res, 1);
    }
    const last = lastPerChat.get(body.chat_id);
    if (last !== undefined && now - last < 1000) {
      counts.chat429++;
      return tooMany(res, 1);
    }
    window.push(now);
    lastPerChat.set(body.chat_id, now);
    counts.accepted++;
    delivered.set(body.chat_id, (delivered.get(body.chat_id) ?? 0) + 1);
    reply(res, 200, { ok: true, result: { message_id: counts.accepted, chat: { id: body.chat_id }, text: body.text } });
  });
});

// ---------- a tiny adapter that calls it over HTTP ----------
function httpAdapter(apiRoot: string): ChannelAdapter {
  return {
    name: 'telegram',
    async start() {},
    async stop() {},
    async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
      for (const m of messages) {
        const r = await fetch(`${apiRoot}/bot${TOKEN}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: chatId, text: m.text }),
        });
        const j = (await r.json()) as { ok: boolean; description?: string; parameters?: { retry_after?: number } };
        if (r.status === 429)
          return { ok: false, reason: 'quota', retryAfterMs: (j.parameters?.retry_after ?? 1) * 1000, error: j.description };
        if (!j.ok) return { ok: false, reason: 'error', error: j.description };
      }
      return { ok: true };
    },
  };
}

async function main(): Promise<void> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
      data: users.slice(i, i + 1000).map((u) => ({ channel: 'telegram', externalId: `tg-${u.id}`, chatId: `chat-${u.id}`, userId: u.id })),
    });
  }

  const sched = createScheduler(app, {
    adapters: new Map([['telegram', httpAdapter(apiRoot)]]),
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

  const duplicated = [...delivered.values()].filter((n) => n > 1).length;
  const lost = users.filter((u) => !delivered.has(`chat-${u.id}`)).length;
  const floor = N / GLOBAL_PER_S;
  const rows: [string, string][] = [
    ['officials', String(N)],
    ['elapsed', `${elapsed.toFixed(1)} s`],
    ['theoretical floor (N / 30 msg/s)', `${floor.toFixed(1)} s`],
    ['elapsed / floor', `${(elapsed / floor).toFixed(2)}×`],
    ['outbox rows planned', String(totals.planned)],
    ['sent (delivered chats)', String(delivered.size)],
    ['retried (429 answers re-queued)', String(totals.retried)],
    ['  injected 429 (random)', String(counts.injected429)],
    ['  429 for exceeding 30/s', String(counts.global429)],
    ['  429 for exceeding 1/s per chat', String(counts.chat429)],
    ['failed (gave up)', String(totals.failed)],
    ['duplicated (must be 0)', String(duplicated)],
    ['lost (must be 0)', String(lost)],
    ['API calls', String(counts.calls)],
    ['scheduler ticks', String(totals.ticks)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nReminder round against a fake Telegram API (fail rate ${FAIL_RATE}, concurrency ${CONCURRENCY})`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  await app.close();
  await t.close();
  server.close();
  if (duplicated || lost) process.exitCode = 1;
}

await main();
