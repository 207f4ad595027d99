// A whole quarter driven by a manual clock: opening prompt, reminders 7/3/1 days before and on the day,
// overdue notice, coordinator digest; only agencies that have not submitted are reminded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { isAllowed } from '../../src/scheduler/index.ts';
import { FakeAdapter, chatOf, newScheduler, runUntil, seed, submit, testApp, vn, type Seeded } from './helpers.ts';

describe('a full quarter', () => {
  let t: TempDb;
  let app: App;
  let clock: ManualClock;
  let tg: FakeAdapter;
  let s: Seeded;

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-09-30T12:00'));
    app = await testApp(t.url, clock);
    tg = new FakeAdapter('telegram', clock);
    s = await seed(app.db);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const textsFor = (userId: number) => tg.sent.filter((m) => m.chatId === chatOf(userId)).map((m) => m.text);

  it('urges nobody about a period past its lock date: nothing planned, queued messages cancelled', async () => {
    const sched = newScheduler(app, [tg]);
    const official = s.agencies[0]!.officials[0]!;
    clock.set(vn('2027-01-18T09:00')); // overdue; the notice is planned and would go out now…
    await app.db.period.update({ where: { id: s.periodId }, data: { locksAt: vn('2027-01-18T08:00') } }); // …but it has locked
    await sched.tick();
    expect(textsFor(official)).toEqual([]);
    expect(await app.db.outbox.count({ where: { status: { in: ['pending', 'sending', 'sent'] } } })).toBe(0);

    // A reminder queued while the period was still taking reports is dropped once the lock date passes.
    await app.db.period.update({ where: { id: s.periodId }, data: { locksAt: vn('2027-02-15T00:00') } });
    clock.set(vn('2027-01-18T21:30')); // quiet hours: planned now, held until morning
    await sched.tick();
    expect(await app.db.outbox.count({ where: { status: 'pending' } })).toBeGreaterThan(0);
    await app.db.period.update({ where: { id: s.periodId }, data: { locksAt: vn('2027-01-19T00:00') } });
    clock.set(vn('2027-01-19T07:30'));
    await sched.tick();
    expect(textsFor(official)).toEqual([]);
    expect(await app.db.outbox.count({ where: { status: 'pending' } })).toBe(0);
  });

  it('prompts, reminds the late, warns when overdue and sends the coordinator a digest', async () => {
    const sched = newScheduler(app, [tg]);
    const [fin, health, edu] = s.agencies as [Seeded['agencies'][0], Seeded['agencies'][0], Seeded['agencies'][0]];
    const step = 3 * 3_600_000; // a coarse "cron": every 3 hours
    await runUntil(sched, clock, vn('2027-01-09T12:00'), step);
    await submit(app.db, s.periodId, fin.id, clock.now()); // after the 7-day reminder
    await runUntil(sched, clock, vn('2027-01-13T12:00'), step);
    await submit(app.db, s.periodId, edu.id, clock.now()); // after the 3-day reminder
    await runUntil(sched, clock, vn('2027-01-20T12:00'), step);

    for (const id of fin.officials) {
      const texts = textsFor(id);
      expect(texts).toHaveLength(2);
      expect(texts[0]).toMatch(/^Đã mở kỳ báo cáo “Kế hoạch ứng dụng CNTT” quý IV\/2026\. Hạn gửi: 15\/01\/2027/);
      expect(texts[1]).toMatch(/Sở Tài chính chưa gửi .*còn 7 ngày/);
    }
    for (const id of edu.officials) {
      expect(textsFor(id).map((x) => /còn (\d) ngày/.exec(x)?.[1] ?? x.slice(0, 5))).toEqual(['Đã mở', '7', '3']);
    }
    for (const id of health.officials) {
      const texts = textsFor(id);
      expect(texts).toHaveLength(6);
      expect(texts[1]).toContain('còn 7 ngày');
      expect(texts[2]).toContain('còn 3 ngày');
      expect(texts[3]).toContain('còn 1 ngày');
      expect(texts[4]).toContain('hôm nay (15/01/2027) là hạn cuối');
      expect(texts[5]).toMatch(/^Sở Y tế đã quá hạn gửi báo cáo/);
    }
    const digest = textsFor(s.coordinatorId);
    expect(digest).toHaveLength(1);
    expect(digest[0]).toContain('2/3 cơ quan đã gửi');
    expect(digest[0]).toContain('Chưa gửi (1): Sở Y tế');

    // Every message went out in the allowed window, officials' messages carry the two choices.
    for (const m of tg.sent) expect(isAllowed(m.at, sched.calendar)).toBe(true);
    for (const m of tg.sent.filter((x) => x.chatId !== chatOf(s.coordinatorId)))
      expect(m.choices).toEqual(['Báo cáo ngay', 'Nhắc lại sau']);
    // The overdue notice fell on Saturday 16/01 and waited for Monday morning.
    const overdue = tg.sent.find((m) => m.text.includes('quá hạn'));
    expect(overdue?.at.getTime()).toBeGreaterThanOrEqual(vn('2027-01-18T07:30').getTime());
    expect(overdue?.at.getTime()).toBeLessThan(vn('2027-01-18T12:00').getTime());
  });

  it('planning twice never creates two rows and ticking again sends nothing new', async () => {
    const sched = newScheduler(app, [tg]);
    clock.set(vn('2026-10-01T09:00'));
    await sched.tick();
    const rows = await app.db.outbox.count();
    await sched.tick();
    await sched.tick(vn('2026-10-01T09:05'));
    expect(await app.db.outbox.count()).toBe(rows);
    expect(tg.sent).toHaveLength(6);
    expect(new Set(tg.sent.map((m) => m.chatId)).size).toBe(6);
  });

  it('falls back to the next linked channel when the recent one cannot deliver, and waits on retry-after', async () => {
    const slack = new FakeAdapter('slack', clock);
    await app.db.outbox.deleteMany();
    const t2 = await tempDb();
    const app2 = await testApp(t2.url, clock);
    try {
      const s2 = await seed(app2.db, { agencies: 1, officialsPerAgency: 2, channels: ['telegram', 'slack'] });
      const [u1, u2] = s2.agencies[0]!.officials as [number, number];
      tg.behaviour = (chatId) =>
        chatId === chatOf(u1) ? { ok: false, reason: 'blocked' } : { ok: false, reason: 'quota', retryAfterMs: 30_000 };
      slack.behaviour = (chatId) => (chatId === chatOf(u2, 'slack') ? { ok: false, reason: 'unavailable' } : { ok: true });
      const sched = newScheduler(app2, [tg, slack]);
      clock.set(vn('2026-10-01T09:00'));
      const r = await sched.tick();
      expect(r.sent).toBe(1);
      expect(slack.sent.map((m) => m.chatId)).toEqual([chatOf(u1, 'slack')]);
      const waiting = await app2.db.outbox.findFirstOrThrow({ where: { userId: u2 } });
      expect(waiting.status).toBe('pending');
      expect(waiting.dueAt).toEqual(new Date(vn('2026-10-01T09:00').getTime() + 30_000));
      tg.behaviour = undefined;
      clock.advance(10_000);
      expect((await sched.tick()).sent).toBe(0); // still inside retry-after
      clock.advance(25_000);
      expect((await sched.tick()).sent).toBe(1);
      expect(tg.sent.map((m) => m.chatId)).toEqual([chatOf(u2)]);
    } finally {
      await app2.close();
      await t2.close();
    }
  });
});
