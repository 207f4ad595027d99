// Two senders flushing one Outbox at the same moment (two instances whose scheduler leases overlapped, or a slow
// holder and its successor): every message goes out once. On PostgreSQL a row is claimed with FOR UPDATE SKIP
// LOCKED, so a sender never waits on a row another sender is claiming: it moves on to the next one.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { flush, type DispatchContext } from '../../src/scheduler/dispatcher.ts';
import { RateLimiter } from '../../src/scheduler/limiter.ts';
import { calendarFromConfig } from '../../src/scheduler/time.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';
import { FakeAdapter, chatOf, seed, testApp, vn } from './helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sender(app: App, tg: FakeAdapter, postgres: boolean): DispatchContext {
  return {
    db: app.db,
    cal: calendarFromConfig(app.config),
    log: app.log,
    clock: app.clock,
    adapters: new Map([['telegram', tg]]),
    limiter: new RateLimiter({ limits: { telegram: { perSecond: 10_000, perChatMs: 0 } } }),
    idleMs: 0,
    sendingLeaseMs: 10 * 60_000,
    sendTimeoutMs: 60_000,
    maxAttempts: 8,
    concurrency: 4,
    chunkSize: 16,
    skipLocked: postgres,
    keepLease: async () => true,
  };
}

/** One opening message per official, due now. */
async function queue(app: App, periodId: number, regimeId: number, officials: { id: number; agencyId: number }[], at: Date) {
  await app.db.outbox.createMany({
    data: officials.map((o) => ({
      dedupeKey: `open:${periodId}:${o.id}`,
      userId: o.id,
      kind: 'prompt',
      payload: JSON.stringify({ kind: 'prompt', periodId, regimeId, agencyId: o.agencyId }),
      dueAt: at,
    })),
  });
}

describe.each(await dbKinds())('two senders on one outbox (%s)', (kind) => {
  let t: TempDb;
  const apps: App[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await t?.close();
  });

  it('120 messages flushed by two senders at once: each is sent exactly once', async () => {
    t = await tempDb(kind);
    const now = vn('2026-10-01T09:00');
    const a = await testApp(t.url, new ManualClock(now));
    const b = await testApp(t.url, new ManualClock(now));
    apps.push(a, b);
    const s = await seed(a.db, { agencies: 5, officialsPerAgency: 24 });
    const officials = s.agencies.flatMap((x) => x.officials.map((id) => ({ id, agencyId: x.id })));
    await queue(a, s.periodId, s.regimeId, officials, now);
    const slow = () => sleep(2).then(() => ({ ok: true as const }));
    const tgA = new FakeAdapter('telegram', a.clock, slow);
    const tgB = new FakeAdapter('telegram', b.clock, slow);
    const [fa, fb] = await Promise.all([
      flush(sender(a, tgA, kind === 'postgresql'), now),
      flush(sender(b, tgB, kind === 'postgresql'), now),
    ]);
    const sent = [...tgA.sent, ...tgB.sent].map((m) => m.chatId);
    expect(sent.length).toBe(officials.length);
    expect(new Set(sent).size).toBe(officials.length);
    expect(sent.sort()).toEqual(officials.map((o) => chatOf(o.id)).sort());
    expect(fa.sent + fb.sent).toBe(officials.length);
    expect(tgA.sent.length).toBeGreaterThan(0);
    expect(tgB.sent.length).toBeGreaterThan(0); // both really sent: the rows were shared, not taken by one
    expect(await t.db.outbox.count({ where: { status: 'sent' } })).toBe(officials.length);
  }, 120_000);

  it.runIf(kind === 'postgresql')(
    'a row another sender is claiming is skipped, not waited for',
    async () => {
      t = await tempDb(kind);
      const now = vn('2026-10-01T09:00');
      const a = await testApp(t.url, new ManualClock(now));
      apps.push(a);
      const s = await seed(a.db, { agencies: 1, officialsPerAgency: 4 });
      const officials = s.agencies.flatMap((x) => x.officials.map((id) => ({ id, agencyId: x.id })));
      await queue(a, s.periodId, s.regimeId, officials, now);
      const held = await a.db.outbox.findFirstOrThrow({ where: { userId: officials[0]!.id } });
      const other = new pg.Client({ connectionString: t.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT "id" FROM "Outbox" WHERE "id" = $1 FOR UPDATE', [held.id]); // another sender mid-claim
        const tg = new FakeAdapter('telegram', a.clock);
        const run = flush(sender(a, tg, true), now).then(() => 'done' as const);
        // Not a speed check: a claim that waits on the lock never ends while the other transaction is open.
        const outcome = await Promise.race([run, sleep(10_000).then(() => 'waiting on the locked row' as const)]);
        await other.query('ROLLBACK');
        await run;
        expect(outcome).toBe('done');
        expect(tg.sent.map((m) => m.chatId).sort()).toEqual(
          officials
            .slice(1)
            .map((o) => chatOf(o.id))
            .sort(),
        );
        expect((await a.db.outbox.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('pending'); // sent next time
      } finally {
        await other.end();
      }
    },
    120_000,
  );
});
