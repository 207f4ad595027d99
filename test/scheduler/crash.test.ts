// Surviving restarts: a process killed in the middle of a send batch, ticks missed while the bot was down,
// and two schedulers started on the same database by mistake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { FakeAdapter, newScheduler, seed, testApp, vn, type Seeded } from './helpers.ts';

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};

function officials(s: Seeded): number[] {
  return s.agencies.flatMap((a) => a.officials);
}

/** chatId → number of deliveries, over every adapter. */
function deliveries(...adapters: FakeAdapter[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of adapters) for (const x of a.sent) m.set(x.chatId, (m.get(x.chatId) ?? 0) + 1);
  return m;
}

describe('restarts and concurrency', () => {
  let t: TempDb;
  let clock: ManualClock;
  const apps: App[] = [];
  const open = async () => {
    const a = await testApp(t.url, clock);
    apps.push(a);
    return a;
  };

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-10-01T09:00'));
  });
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await t.close();
  });

  it('a process killed mid-batch: the next process sends the rest, nothing twice, nothing lost', async () => {
    const appA = await open();
    const s = await seed(appA.db, { agencies: 4, officialsPerAgency: 5 });
    // Process A delivers 7 messages, then "dies": every later send hangs forever (never reaches the platform).
    const tgA = new FakeAdapter('telegram', clock, (_chat, call) => (call > 7 ? 'hang' : { ok: true }));
    const schedA = newScheduler(appA, [tgA], { holder: 'A', concurrency: 4 });
    void schedA.tick();
    await until(() => tgA.calls === 11); // 4 workers, all stuck
    const mid = await appA.db.outbox.groupBy({ by: ['status'], _count: true, orderBy: { status: 'asc' } });
    expect(Object.fromEntries(mid.map((g) => [g.status, g._count]))).toEqual({ pending: 9, sending: 4, sent: 7 });

    // Process B starts on the same database file.
    const appB = await open();
    const tgB = new FakeAdapter('telegram', clock);
    const schedB = newScheduler(appB, [tgB], { holder: 'B' });
    expect((await schedB.tick()).leader).toBe(false); // A's lease has not expired yet
    expect(tgB.sent).toHaveLength(0);
    clock.advance(3 * 60_000);
    const r = await schedB.tick();
    expect(r).toMatchObject({ leader: true, recovered: 4, sent: 13, planned: 0 });

    const got = deliveries(tgA, tgB);
    expect(got.size).toBe(20);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    expect(await appB.db.outbox.count({ where: { status: 'sent' } })).toBe(20);
    expect(officials(s)).toHaveLength(20);
  });

  it('the documented limit: a message delivered just before the crash, never confirmed, is sent once more', async () => {
    const appA = await open();
    await seed(appA.db, { agencies: 1, officialsPerAgency: 3 });
    // The platform accepts call 2, then the process dies before it can mark the row 'sent'.
    const tgA = new FakeAdapter('telegram', clock, (_c, call) => (call === 2 ? 'deliver-then-hang' : call > 2 ? 'hang' : { ok: true }));
    void newScheduler(appA, [tgA], { holder: 'A', concurrency: 1 }).tick();
    await until(() => tgA.calls === 2);
    const appB = await open();
    const tgB = new FakeAdapter('telegram', clock);
    clock.advance(3 * 60_000);
    await newScheduler(appB, [tgB], { holder: 'B' }).tick();
    const got = deliveries(tgA, tgB);
    expect(got.size).toBe(3); // nothing lost
    expect([...got.values()].sort()).toEqual([1, 1, 2]); // at-least-once: the unconfirmed one is repeated
  });

  it('a send that throws is retried later by the same process, once', async () => {
    const app = await open();
    await seed(app.db, { agencies: 2, officialsPerAgency: 3 });
    const tg = new FakeAdapter('telegram', clock, (_c, call) => (call === 3 ? 'throw' : { ok: true }));
    const sched = newScheduler(app, [tg], { concurrency: 1 });
    expect(await sched.tick()).toMatchObject({ sent: 5, retried: 1 });
    const row = await app.db.outbox.findFirstOrThrow({ where: { status: 'pending' } });
    expect(row.lastError).toContain('connection reset');
    clock.advance(30_000);
    expect((await sched.tick()).sent).toBe(0); // backoff: one minute
    clock.advance(31_000);
    expect((await sched.tick()).sent).toBe(1);
    const got = deliveries(tg);
    expect(got.size).toBe(6);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
  });

  it('ticks missed while the bot was down run once on start, not once per missed tick', async () => {
    const app = await open();
    const s = await seed(app.db, { agencies: 2, officialsPerAgency: 2 });
    const tg = new FakeAdapter('telegram', clock);
    const first = newScheduler(app, [tg], { holder: 'before' });
    await first.tick(); // opening prompts on 01/10
    await first.stop();
    expect(tg.sent).toHaveLength(4);

    // Down from 01/10 until 13/01 10:00: the 7-day (08/01) and 3-day (12/01) reminders were both missed.
    clock.set(vn('2027-01-13T10:00'));
    const after = newScheduler(app, [tg], { holder: 'after' });
    await after.start();
    const reminders = tg.sent.slice(4);
    expect(reminders).toHaveLength(4); // one per official: the current stage only
    for (const m of reminders) expect(m.text).toContain('còn 2 ngày');
    expect(new Set(reminders.map((m) => m.chatId)).size).toBe(4);
    expect(await app.db.outbox.count({ where: { dedupeKey: { startsWith: `remind:${s.periodId}:` }, status: 'sent' } })).toBe(4);
    expect((await app.db.jobRun.findUniqueOrThrow({ where: { name: 'scheduler.tick' } })).lastRunAt).toEqual(clock.now());

    // A quick restart right after: nothing missed, no extra run.
    await after.stop();
    clock.advance(30_000);
    const again = newScheduler(app, [tg], { holder: 'again' });
    await again.start();
    expect((await app.db.jobRun.findUniqueOrThrow({ where: { name: 'scheduler.tick' } })).lastRunAt).toEqual(vn('2027-01-13T10:00'));
    expect(tg.sent).toHaveLength(8);
    await again.stop();
  });

  it('two schedulers on the same database: only one sends; the other takes over when it stops', async () => {
    const appA = await open();
    const appB = await open();
    const s = await seed(appA.db, { agencies: 3, officialsPerAgency: 2 });
    const tgA = new FakeAdapter('telegram', clock);
    const tgB = new FakeAdapter('telegram', clock);
    const a = newScheduler(appA, [tgA], { holder: 'A' });
    const b = newScheduler(appB, [tgB], { holder: 'B' });
    for (let i = 0; i < 12; i++) {
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      expect(ra.leader !== rb.leader).toBe(true);
      clock.advance(5 * 60_000);
    }
    const got = deliveries(tgA, tgB);
    expect(got.size).toBe(6);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    expect(tgA.sent.length === 0 || tgB.sent.length === 0).toBe(true);

    const [leader, follower, followerAdapter] = tgA.sent.length ? [a, b, tgB] : [b, a, tgA];
    await leader.stop();
    clock.advance(60 * 60_000); // a reminder within the hour after the opening message would be dropped as back to back
    await follower.sendNow([s.regimeId]);
    const r = await follower.tick();
    expect(r).toMatchObject({ leader: true, sent: 6 });
    expect(followerAdapter.sent).toHaveLength(6);
  });
});
