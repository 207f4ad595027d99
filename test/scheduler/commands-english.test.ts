// The scheduler's chat commands answer a person who chose English in English, and do the same as in Vietnamese.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { schedulerCommands, type BotUser, type Scheduler } from '../../src/scheduler/index.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { FakeAdapter, botUser, newScheduler, seed, testApp, vn, type Seeded } from './helpers.ts';

describe('scheduler commands in English', () => {
  let t: TempDb;
  let app: App;
  let clock: ManualClock;
  let s: Seeded;
  let sched: Scheduler;

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-10-01T09:00'));
    app = await testApp(t.url, clock);
    s = await seed(app.db, { agencies: 1, officialsPerAgency: 1 });
    sched = newScheduler(app, [new FakeAdapter('telegram', clock)]);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const run = async (user: BotUser, text: string) => {
    const cmd = schedulerCommands(app, sched).find((c) => c.match(text, user));
    if (!cmd) throw new Error(`no command for ${text}`);
    return (await cmd.run({ user, text, now: clock.now(), channel: 'telegram' })).map((m) => m.text).join('\n');
  };

  it('says every reply in English, and acts as the Vietnamese command does', async () => {
    const en: BotUser = { ...botUser(9001, 'coordinator'), locale: 'en' };
    const official: BotUser = { ...botUser(s.agencies[0]!.officials[0]!, 'official'), locale: 'en' };
    expect(await run(en, 'lịch nhắc')).toMatch(
      /^Reminders ahead:\n- “.+” Q\d 2026: .+ at \d\d:\d\d \d\d\/\d\d\/202\d \(1 agency yet to send\)/,
    );
    expect(await run(en, 'nhắc ngay')).toMatch(
      /^Queued 1 reminder for the officers of the agencies yet to send \(1\)\. They go out in a few minutes\.$/,
    );
    expect(await run(en, 'tạm nghỉ 99999 đến 15/11/2026')).toBe('No user number 99999.');
    expect(await run(en, 'tạm nghỉ 12')).toBe('Please give the last day, for example “tạm nghỉ 12 đến 15/11/2026”.');
    expect(await run(en, 'tạm dừng khong-co')).toMatch(/^No reporting regime “khong-co”\. The reporting regimes: /);
    expect(await run(official, 'lịch nhắc')).toBe('This command is for coordinators and administrators only.');
    expect(await run(official, 'nhắc lại sau chút xíu')).toMatch(/^I do not understand when to remind you\./);
    expect(await run(official, 'snooze 45d')).toBe('A reminder can be postponed by 30 days at most.');
    const regime = await app.db.regime.findFirstOrThrow();
    expect(await run(en, `tạm dừng ${regime.code}`)).toBe(
      `Paused the reminders of “${regime.name}”. Send “tiếp tục ${regime.code}” to resume them.`,
    );
    expect((await app.db.regime.findFirstOrThrow()).paused).toBe(true);
    expect(await run({ ...en, locale: 'vi' }, `tiếp tục ${regime.code}`)).toBe(`Đã bật lại nhắc báo cáo “${regime.name}”.`);
  });
});
