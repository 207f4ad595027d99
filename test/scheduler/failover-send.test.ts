// Two instances' schedulers on one database, the first losing its lease in the middle of a batch (it was too slow,
// or paused): the second takes over and sends, the first finishes the chunk it had started. Every official gets the
// opening prompt exactly once: a row is sent only by the instance whose claim (pending → sending) changed it.
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';
import { FakeAdapter, chatOf, newScheduler, seed, testApp, vn } from './helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(await dbKinds())('failover in the middle of sending (%s)', (kind) => {
  let t: TempDb;
  const apps: App[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await t?.close();
  });

  it('the prompts of 24 officials go out once each, shared between the old and the new holder', async () => {
    t = await tempDb(kind);
    const start = vn('2026-10-01T09:00');
    const clockA = new ManualClock(start);
    const clockB = new ManualClock(new Date(start.getTime() + 90_000)); // past A's 60 s lease
    const a = await testApp(t.url, clockA);
    const b = await testApp(t.url, clockB);
    apps.push(a, b);
    const s = await seed(a.db, { agencies: 4, officialsPerAgency: 6 });
    let tookOver = null as Promise<unknown> | null;
    const slowA = new FakeAdapter('telegram', clockA, (_chat, call) => {
      if (call === 2) tookOver = sched(b, tgB).tick(); // B takes the lease while A is sending
      return sleep(40).then(() => ({ ok: true as const }));
    });
    const tgB = new FakeAdapter('telegram', clockB, () => sleep(5).then(() => ({ ok: true as const })));
    const sched = (app: App, tg: FakeAdapter) =>
      newScheduler(app, [tg], { leaseMs: 60_000, sendingLeaseMs: 10 * 60_000, chunkSize: 8, concurrency: 1 });
    const first = await sched(a, slowA).tick();
    expect(first.leader).toBe(true);
    expect(tookOver).not.toBeNull();
    const second = (await tookOver) as { leader: boolean };
    expect(second.leader).toBe(true);
    const officials = s.agencies.flatMap((x) => x.officials);
    const sent = [...slowA.sent, ...tgB.sent].filter((m) => m.text.startsWith('Đã mở kỳ báo cáo'));
    expect(sent.map((m) => m.chatId).sort()).toEqual(officials.map((id) => chatOf(id)).sort());
    expect(slowA.sent.length).toBeGreaterThan(0);
    expect(tgB.sent.length).toBeGreaterThan(0); // both instances sent: the batch really was shared
    expect(await t.db.outbox.count({ where: { status: { not: 'sent' }, userId: { in: officials } } })).toBe(0);
  }, 120_000);
});
