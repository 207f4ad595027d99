// Reminders and days off: a reminder (or the deadline-day reminder) falling on a weekend or a public holiday goes
// out on the working day before, once, within sending hours, and still names the real deadline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { calendarFromConfig, isAllowed } from '../../src/scheduler/index.ts';
import { milestones } from '../../src/scheduler/planner.ts';
import { localDay } from '../../src/scheduler/time.ts';
import { formatUpcoming, upcoming } from '../../src/scheduler/upcoming.ts';
import { FakeAdapter, chatOf, newScheduler, runUntil, seed, testApp, vn, type Seeded } from './helpers.ts';

const TZ = 'Asia/Ho_Chi_Minh';

/** Local days on which reminders are planned, with their offset, for a deadline at the end of `lastDay`. */
function reminderDays(lastDay: string, holidays = ''): string[] {
  const cal = calendarFromConfig(loadConfig({ HOLIDAYS: holidays }));
  const deadline = new Date(vn(`${lastDay}T00:00`).getTime() + 86_400_000);
  const period = { startsAt: new Date(deadline.getTime() - 40 * 86_400_000), deadline };
  return milestones(period, cal, [7, 3, 1, 0])
    .filter((m) => m.stage === 'remind')
    .map((m) => {
      expect(isAllowed(m.at, cal)).toBe(true);
      return `${localDay(m.at, TZ)} −${m.offset}`;
    });
}

describe('reminder days around days off', () => {
  it('moves reminders off the fixed public holidays 30/4 and 1/5 to the working day before, once', () => {
    // Deadline Friday 1/5/2026: the 1-day (30/4) and same-day (1/5) reminders both land on Wednesday 29/4.
    expect(reminderDays('2026-05-01')).toEqual(['2026-04-24 −7', '2026-04-28 −3', '2026-04-29 −0']);
  });

  it('treats National Day 2/9 and the day before it as days off', () => {
    // Deadline Wednesday 2/9/2026; 30/8 is a Sunday.
    expect(reminderDays('2026-09-02')).toEqual(['2026-08-26 −7', '2026-08-28 −3', '2026-08-31 −0']);
  });

  it('honours the Tết days listed in HOLIDAYS', () => {
    // Deadline Tuesday 9/2/2027 in the middle of Tết (5/2 and 8–10/2 off by decision, 6–7/2 the weekend).
    expect(reminderDays('2027-02-09', '2027-02-05,2027-02-08,2027-02-09,2027-02-10')).toEqual(['2027-02-02 −7', '2027-02-04 −0']);
  });
});

describe('a deadline on a Sunday', () => {
  let t: TempDb;
  let app: App;
  let clock: ManualClock;
  let tg: FakeAdapter;
  let s: Seeded;

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-12-30T12:00'));
    app = await testApp(t.url, clock);
    tg = new FakeAdapter('telegram', clock);
    // Deadline at the end of Sunday 10/01/2027.
    s = await seed(app.db, { agencies: 1, officialsPerAgency: 1, deadline: vn('2027-01-11T00:00') });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('sends the 1-day and same-day reminders once on the Friday before, naming the Sunday deadline', async () => {
    const sched = newScheduler(app, [tg]);
    await runUntil(sched, clock, vn('2027-01-12T12:00'), 3_600_000);
    const cal = sched.calendar;
    const got = tg.sent.filter((m) => m.chatId === chatOf(s.agencies[0]!.officials[0]!));
    for (const m of got) expect(isAllowed(m.at, cal)).toBe(true);
    expect(got.map((m) => localDay(m.at, TZ))).toEqual([
      '2026-12-30', // opening prompt
      '2026-12-31', // 7 days before is Sunday 3/1 and 1/1 is a holiday: Thursday 31/12
      '2027-01-07', // 3 days before
      '2027-01-08', // 1 day before (Saturday) and the deadline day (Sunday): one message on Friday
      '2027-01-11', // overdue
    ]);
    const texts = got.map((m) => m.text);
    expect(texts[1]).toContain('còn 10 ngày, hạn Chủ nhật 10/01/2027');
    expect(texts[2]).toContain('còn 3 ngày, hạn Chủ nhật 10/01/2027');
    expect(texts[3]).toMatch(/^Nhắc việc: Sở Tài chính chưa gửi báo cáo “Kế hoạch ứng dụng CNTT” quý IV\/2026/);
    expect(texts[3]).toContain('hạn nộp là Chủ nhật 10/01/2027, ngày nghỉ: hôm nay là ngày làm việc cuối cùng trước hạn');
    expect(texts[4]).toMatch(/^Sở Tài chính đã quá hạn gửi báo cáo .*\(hạn Chủ nhật 10\/01\/2027\)/);
  });

  it('"lịch nhắc" shows the Friday reminder as the last working day before the deadline', async () => {
    const sched = newScheduler(app, [tg]);
    const u = await upcoming(app.db, sched.calendar, [7, 3, 1, 0], vn('2027-01-07T12:00'));
    expect(formatUpcoming(u, TZ)).toContain(
      'quý IV/2026: nhắc ngày làm việc cuối trước hạn (hạn rơi vào ngày nghỉ) lúc 07:30 08/01/2027 (1 cơ quan chưa gửi)',
    );
  });
});
