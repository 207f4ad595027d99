// A person who chose English ("/lang en") gets the scheduler's reminders in English; a colleague of the same agency
// who did not still gets them in Vietnamese. The language is read from the account at send time.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { setLocale } from '../../src/users/users.ts';
import { FakeAdapter, chatOf, newScheduler, runUntil, seed, testApp, vn, type Seeded } from './helpers.ts';

let t: TempDb;
let app: App;
let clock: ManualClock;
let tg: FakeAdapter;
let s: Seeded;

beforeEach(async () => {
  t = await tempDb();
  clock = new ManualClock(vn('2027-01-04T12:00'));
  app = await testApp(t.url, clock);
  tg = new FakeAdapter('telegram', clock);
  s = await seed(app.db, { agencies: 1, officialsPerAgency: 2, deadline: vn('2027-01-09T00:00') }); // due Friday 08/01
});
afterEach(async () => {
  await app.close();
  await t.close();
});

it('sends the same reminder in English to the official who chose it, in Vietnamese to the other', async () => {
  const [english, vietnamese] = s.agencies[0]!.officials;
  await setLocale(app.db, english!, 'en');
  await runUntil(newScheduler(app, [tg]), clock, vn('2027-01-05T12:00'), 3_600_000);
  const to = (id: number) => tg.sent.filter((m) => m.chatId === chatOf(id)).map((m) => m.text);
  expect(to(english!)).toContain(
    'Reminder: Sở Tài chính has not sent the report “Kế hoạch ứng dụng CNTT” for Q4 2026 yet (3 days left, due 08/01/2027).',
  );
  expect(to(vietnamese!)).toContain(
    'Nhắc việc: Sở Tài chính chưa gửi báo cáo “Kế hoạch ứng dụng CNTT” quý IV/2026 (còn 3 ngày, hạn 08/01/2027).',
  );
  expect(to(english!).every((x) => !/Nhắc việc|chưa gửi/.test(x))).toBe(true);
  const buttons = tg.sent.find((m) => m.chatId === chatOf(english!) && m.choices.length)?.choices;
  expect(buttons).toEqual(['Report now', 'Remind me later']);
});
