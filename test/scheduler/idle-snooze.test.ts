// A prompt never interrupts a conversation in progress; "nhắc lại sau" postpones; a person on leave waits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { calendarFromConfig, parseSnooze, schedulerCommands, snoozeUser, type BotUser, type Scheduler } from '../../src/scheduler/index.ts';
import { loadConfig } from '../../src/config.ts';
import { FakeAdapter, botUser, chatOf, newScheduler, seed, submit, testApp, vn, type Seeded } from './helpers.ts';
import { sessionKey } from '../../src/conversation/sessions.ts';

describe('parseSnooze', () => {
  const cal = calendarFromConfig(loadConfig({}));
  const now = vn('2026-10-01T09:00');
  const at = (text: string) => {
    const r = parseSnooze(text, now, cal);
    return r && 'until' in r ? r.until : r;
  };
  it('reads the usual ways of saying later', () => {
    expect(at('nhắc lại sau')).toEqual(vn('2026-10-01T11:00'));
    expect(at('Nhắc lại sau 2 giờ')).toEqual(vn('2026-10-01T11:00'));
    expect(at('nhac lai sau 30 phut')).toEqual(vn('2026-10-01T09:30'));
    expect(at('nhắc lại sau 1,5 tiếng')).toEqual(vn('2026-10-01T10:30'));
    expect(at('nhắc lại ngày mai')).toEqual(vn('2026-10-02T07:30'));
    expect(at('snooze 30m')).toEqual(vn('2026-10-01T09:30'));
    expect(at('snooze 2h')).toEqual(vn('2026-10-01T11:00'));
    expect(at('NHẮC LẠI SAU 3 NGÀY')).toEqual(vn('2026-10-04T09:00'));
  });
  it('explains what it did not understand', () => {
    expect(at('nhắc lại sau chút xíu')).toMatchObject({ error: expect.stringContaining('Ví dụ') });
    expect(at('snooze 45d')).toMatchObject({ error: expect.stringContaining('30 ngày') });
    expect(at('báo cáo')).toBeNull();
    expect(at('nhắc lại câu hỏi')).toBeNull(); // "repeat the question" inside a form is not a snooze
    expect(at('nhắc lại')).toBeNull();
    expect(at('hoãn nhắc 1 giờ')).toEqual(vn('2026-10-01T10:00'));
  });
});

describe('idle wait, snooze and leave', () => {
  let t: TempDb;
  let app: App;
  let clock: ManualClock;
  let tg: FakeAdapter;
  let s: Seeded;
  let sched: Scheduler;
  let u1: number;
  let u2: number;

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-10-01T09:00'));
    app = await testApp(t.url, clock);
    tg = new FakeAdapter('telegram', clock);
    s = await seed(app.db, { agencies: 1, officialsPerAgency: 2 });
    [u1, u2] = s.agencies[0]!.officials as [number, number];
    sched = newScheduler(app, [tg]);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const sentTo = (u: number) => tg.sent.filter((m) => m.chatId === chatOf(u));
  // The conversation engine saves the session on every message, under the key it uses for a registered
  // person; the scheduler only reads updatedAt.
  const touchSession = (u: number, at: Date) => {
    const key = sessionKey('telegram', `telegram-${u}`, u);
    return app.db.session.upsert({
      where: { key },
      create: { key, data: '{"form":{"step":2}}', updatedAt: at },
      update: { updatedAt: at },
    });
  };

  it('waits until a user in the middle of a form has been idle for IDLE_MINUTES', async () => {
    await touchSession(u1, vn('2026-10-01T08:58')); // u1 is answering a form
    await sched.tick();
    expect(sentTo(u2)).toHaveLength(1);
    expect(sentTo(u1)).toHaveLength(0);
    clock.set(vn('2026-10-01T09:05'));
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(0);
    await touchSession(u1, vn('2026-10-01T09:06')); // still typing
    clock.set(vn('2026-10-01T09:09'));
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(0);
    clock.set(vn('2026-10-01T09:16'));
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(1);
    expect(sentTo(u1)[0]!.at).toEqual(vn('2026-10-01T09:16'));
  });

  it('"nhắc lại sau 2 giờ" after a reminder repeats it two hours later, unless the agency has submitted', async () => {
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(1);
    const snooze = schedulerCommands(app, sched).find((c) => c.name === 'snooze')!;
    const me: BotUser = botUser(u1, 'official');
    expect(snooze.match('Nhắc lại sau', me)).toBe(true);
    const [reply] = await snooze.run({ user: me, text: 'nhắc lại sau 2 giờ', now: clock.now(), channel: 'telegram' });
    expect(reply!.text).toBe('Đã hoãn. Tôi sẽ nhắc lại lúc 11:00 01/10/2026.');
    clock.set(vn('2026-10-01T10:30'));
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(1);
    clock.set(vn('2026-10-01T11:00'));
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(2);
    expect(sentTo(u1)[1]!.text).toMatch(/^Nhắc việc: Sở Tài chính chưa gửi/);
    expect(sentTo(u2)).toHaveLength(1);

    await snooze.run({ user: me, text: 'snooze 30m', now: clock.now(), channel: 'telegram' });
    await submit(app.db, s.periodId, s.agencies[0]!.id, clock.now());
    clock.set(vn('2026-10-01T11:45'));
    await sched.tick();
    expect(sentTo(u1)).toHaveLength(2); // submitted meanwhile: the repeat is dropped
    const [none] = await snooze.run({ user: botUser(u2, 'official'), text: 'nhắc lại sau', now: clock.now(), channel: 'telegram' });
    expect(none!.text).toContain('Đã hoãn'); // u2 had a sent prompt: a repeat is queued (and dropped at send time)
  });

  it('snoozeUser postpones reminders still waiting; a person on leave gets nothing until the leave ends', async () => {
    await app.db.user.update({ where: { id: u2 }, data: { pausedUntil: vn('2026-10-05T00:00') } });
    await touchSession(u1, vn('2026-10-01T08:59'));
    await sched.tick(); // u1 busy, u2 on leave: both wait
    expect(tg.sent).toHaveLength(0);
    expect(await snoozeUser(app.db, u1, vn('2026-10-02T08:00'))).toEqual({ postponed: 1, repeated: false });
    clock.set(vn('2026-10-01T15:00'));
    await sched.tick();
    expect(tg.sent).toHaveLength(0);
    clock.set(vn('2026-10-02T08:00'));
    await sched.tick();
    expect(tg.sent.map((m) => m.chatId)).toEqual([chatOf(u1)]);
    clock.set(vn('2026-10-05T08:00')); // Monday: the leave is over
    await sched.tick();
    expect(sentTo(u2)).toHaveLength(1);
  });
});
