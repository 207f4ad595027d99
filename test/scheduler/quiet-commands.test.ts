// Quiet hours, days off and holidays; coordinator chat commands; the rate limiter's pacing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import {
  RateLimiter,
  calendarFromConfig,
  nextAllowedSlot,
  schedulerCommands,
  type BotUser,
  type ExtraCommand,
  type Scheduler,
} from '../../src/scheduler/index.ts';
import { FakeAdapter, botUser, chatOf, newScheduler, seed, submit, testApp, vn, type Seeded } from './helpers.ts';

describe('allowed sending window', () => {
  const cal = calendarFromConfig(loadConfig({ HOLIDAYS: '2026-09-02, 01-01' }));
  it('moves quiet times to the next window on a working day', () => {
    expect(nextAllowedSlot(vn('2026-10-01T06:10'), cal)).toEqual(vn('2026-10-01T07:30'));
    expect(nextAllowedSlot(vn('2026-10-01T14:00'), cal)).toEqual(vn('2026-10-01T14:00'));
    expect(nextAllowedSlot(vn('2026-10-02T21:00'), cal)).toEqual(vn('2026-10-05T07:30')); // Friday night → Monday
    expect(nextAllowedSlot(vn('2026-10-03T10:00'), cal)).toEqual(vn('2026-10-05T07:30')); // Saturday
    expect(nextAllowedSlot(vn('2026-09-02T10:00'), cal)).toEqual(vn('2026-09-03T07:30')); // National Day
    expect(nextAllowedSlot(vn('2027-01-01T08:00'), cal)).toEqual(vn('2027-01-04T07:30')); // every 1 January, then weekend
  });
});

describe('quiet hours and coordinator commands', () => {
  let t: TempDb;
  let app: App;
  let clock: ManualClock;
  let tg: FakeAdapter;
  let s: Seeded;
  let sched: Scheduler;
  let cmds: ExtraCommand[];
  const coord = (): BotUser => botUser(s.coordinatorId, 'coordinator');
  const official = (): BotUser => botUser(s.agencies[0]!.officials[0]!, 'official');
  const say = async (text: string, user: BotUser | null = coord()) => {
    const cmd = cmds.find((c) => c.match(text, user));
    if (!cmd) return null;
    const out = await cmd.run({ user, text, now: clock.now(), channel: 'telegram' });
    return out.map((m) => m.text).join('\n');
  };

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-10-03T00:00')); // the period opens on a Saturday
    app = await testApp(t.url, clock);
    tg = new FakeAdapter('telegram', clock);
    s = await seed(app.db, { agencies: 2, officialsPerAgency: 1, startsAt: vn('2026-10-03T00:00') });
    sched = newScheduler(app, [tg]);
    cmds = schedulerCommands(app, sched);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('a prompt due on a weekend or at night waits for Monday 07:30', async () => {
    for (let h = 0; h < 55; h += 1) {
      clock.set(new Date(vn('2026-10-03T00:00').getTime() + h * 3_600_000));
      await sched.tick(); // Sat, Sun and Monday before dawn
    }
    expect(tg.sent).toHaveLength(0);
    clock.set(vn('2026-10-05T07:30'));
    await sched.tick();
    expect(tg.sent).toHaveLength(2);
  });

  it('"lịch nhắc" lists the next milestones and waiting messages; officials are told it is not for them', async () => {
    clock.set(vn('2026-10-05T07:00'));
    await sched.tick(); // planned, not sent (quiet)
    const text = await say('Lịch nhắc');
    expect(text).toContain('“Kế hoạch ứng dụng CNTT” quý IV/2026: nhắc trước hạn 7 ngày lúc 07:30 08/01/2027 (2 cơ quan chưa gửi)');
    expect(text).toContain('Tin đang chờ gửi: 2');
    expect(text).toContain('07:30 05/10/2026 mở kỳ → Cán bộ 1 (Sở Tài chính)');
    // an agency that submits meanwhile is no longer listed as waiting (its message is dropped when due)
    await submit(app.db, s.periodId, s.agencies[0]!.id, clock.now());
    const after = await say('Lịch nhắc');
    expect(after).toContain('Tin đang chờ gửi: 1');
    expect(after).not.toContain('Cán bộ 1 (Sở Tài chính)');
    expect(await say('lịch nhắc', official())).toBe('Lệnh này chỉ dành cho cán bộ điều phối hoặc quản trị.');
  });

  it('"tạm dừng" holds a regime\'s messages and "tiếp tục" releases them', async () => {
    expect(await say('tạm dừng kh37')).toBe('Đã tạm dừng nhắc báo cáo “Kế hoạch ứng dụng CNTT”. Gửi “tiếp tục KH37” để bật lại.');
    clock.set(vn('2026-10-05T08:00'));
    await sched.tick();
    expect(tg.sent).toHaveLength(0);
    expect(await say('tiep tuc', coord())).toBeNull(); // bare "tiếp tục" is left to the conversation
    expect(await say('tiếp tục kế hoạch ứng dụng cntt')).toBe('Đã bật lại nhắc báo cáo “Kế hoạch ứng dụng CNTT”.');
    await sched.tick();
    expect(tg.sent).toHaveLength(2);
    expect(await say('tạm dừng KH99')).toContain('Không tìm thấy chế độ báo cáo “kh99”. Các chế độ báo cáo hiện có: KH37.');
  });

  it('"nhắc ngay" queues a reminder to the late agencies now; in quiet time it says when it will go', async () => {
    clock.set(vn('2026-10-05T09:00'));
    await sched.tick(); // opening prompts
    clock.set(vn('2026-10-06T10:00'));
    expect(await say('Nhắc ngay KH37')).toBe(
      'Đã xếp 2 tin nhắc tới cán bộ của 2 cơ quan chưa gửi báo cáo. Tin sẽ được gửi trong vài phút.',
    );
    expect(await say('nhắc ngay')).toContain('Không có cán bộ nào cần nhắc'); // same minute: already queued
    clock.advance(20_000); // pressed again before the batch went out: still one nudge each (it queued them twice)
    expect(await say('nhắc ngay')).toContain('Không có cán bộ nào cần nhắc');
    await sched.tick();
    expect(tg.sent.slice(2).map((m) => m.text.slice(0, 10))).toEqual(['Nhắc việc:', 'Nhắc việc:']);
    clock.set(vn('2026-10-06T22:00'));
    expect(await say('nhắc ngay')).toContain('Hiện ngoài giờ gửi tin; tin sẽ gửi lúc 07:30 07/10/2026.');
  });

  it('"nhắc cơ quan <tên>" (in free words "nhắc Sở Tài chính") reminds that agency only, audited', async () => {
    clock.set(vn('2026-10-05T09:00'));
    await sched.tick(); // opening prompts
    clock.set(vn('2026-10-06T10:00'));
    const name = s.agencies[0]!.name;
    expect(await say(`nhắc cơ quan ${name}`)).toBe(`Đã xếp 1 tin nhắc tới cán bộ của ${name}. Tin sẽ được gửi trong vài phút.`);
    await sched.tick();
    expect(tg.sent.slice(2).map((m) => [m.chatId, m.text.slice(0, 10)])).toEqual([[chatOf(s.agencies[0]!.officials[0]!), 'Nhắc việc:']]);
    const audit = await app.db.auditLog.findFirst({ where: { action: 'reminders.send.agency' } });
    expect(audit).toMatchObject({ userId: s.coordinatorId, entity: 'Agency', entityId: String(s.agencies[0]!.id) });
    // the same minute: already queued; an agency that has sent: nobody to remind; a name no agency has
    expect(await say(`nhắc cơ quan ${name}`)).toContain(`Không có cán bộ nào của ${name} cần nhắc`);
    await submit(app.db, s.periodId, s.agencies[1]!.id, clock.now());
    expect(await say(`nhắc cơ quan ${s.agencies[1]!.name}`)).toContain('cần nhắc');
    expect(await say('nhắc cơ quan Sở Không Có')).toContain('Không tìm thấy cơ quan “Sở Không Có”');
    expect(await say('nhắc cơ quan')).toBe('Nhắc cơ quan nào? Ví dụ: “nhắc Sở Y tế”.');
    expect(await say(`nhắc cơ quan ${name}`, official())).toBe('Lệnh này chỉ dành cho cán bộ điều phối hoặc quản trị.');
  });

  it('a reminder queued while the opening message is waiting, or just after it went, is not sent back to back with it', async () => {
    clock.set(vn('2026-10-05T07:00')); // quiet: the opening prompts wait for 07:30
    await sched.tick();
    expect(await say('nhắc ngay')).toContain('Đã xếp 2 tin nhắc');
    clock.set(vn('2026-10-05T07:30'));
    await sched.tick();
    expect(tg.sent.map((m) => m.text.slice(0, 8))).toEqual(['Đã mở kỳ', 'Đã mở kỳ']);
    clock.advance(10 * 60_000); // ten minutes later, pressed again: they were just told
    expect(await say('nhắc ngay')).toContain('Không có cán bộ nào cần nhắc');
    await sched.tick();
    expect(tg.sent).toHaveLength(2);
    clock.set(vn('2026-10-06T10:00')); // the next day a nudge goes out as usual
    await say('nhắc ngay');
    await sched.tick();
    expect(tg.sent.slice(2).map((m) => m.text.slice(0, 10))).toEqual(['Nhắc việc:', 'Nhắc việc:']);
  });

  it('"tạm nghỉ <id> đến <ngày>" pauses one person through that day', async () => {
    const [a, b] = [s.agencies[0]!.officials[0]!, s.agencies[1]!.officials[0]!];
    expect(await say(`tạm nghỉ ${a} đến 07/10/2026`)).toBe('Đã tạm dừng nhắc cho Cán bộ 1 đến hết ngày 07/10/2026.');
    expect(await say(`tạm nghỉ ${a}`)).toContain('Xin cho biết ngày kết thúc');
    expect(await say('tạm nghỉ 999 đến 07/10/2026')).toBe('Không tìm thấy người dùng số 999.');
    expect(await say(`tạm nghỉ ${a} đến 31/02/2026`)).toContain('không hợp lệ');
    clock.set(vn('2026-10-05T09:00'));
    await sched.tick();
    expect(tg.sent.map((m) => m.chatId)).toEqual([chatOf(b)]);
    clock.set(vn('2026-10-08T07:30'));
    await sched.tick();
    expect(tg.sent.map((m) => m.chatId)).toEqual([chatOf(b), chatOf(a)]);
  });
});

describe('RateLimiter', () => {
  it('paces a channel globally and each chat at most once a second', async () => {
    let now = 0;
    const lim = new RateLimiter({ limits: { telegram: { perSecond: 30, perChatMs: 1000 } }, now: () => now, sleep: async () => {} });
    const slots = Array.from({ length: 90 }, (_, i) => lim.reserve('telegram', `chat-${i}`));
    expect(slots[89]).toBeCloseTo(89 * (1000 / 30), 5); // 90 messages need 3 seconds
    now = 10_000;
    const same = [lim.reserve('telegram', 'x'), lim.reserve('telegram', 'x'), lim.reserve('telegram', 'y')];
    // One pointer per channel: a slot reserved in the future also delays later chats, which is why the
    // dispatcher reschedules a row whose chat is still held instead of reserving a far slot for it.
    expect(same[0]).toBe(0);
    expect(same[1]).toBe(1000);
    expect(same[2]).toBeCloseTo(1000 + 1000 / 30, 6);
    lim.penalize('telegram', 'y', 5000);
    expect(lim.chatWait('telegram', 'y')).toBe(5000);
    const oa = new RateLimiter({ limits: { 'zalo-oa': { perSecond: 10, perChatMs: 0, dailyQuota: 2 } } });
    expect([
      oa.takeQuota('zalo-oa', 'd1'),
      oa.takeQuota('zalo-oa', 'd1'),
      oa.takeQuota('zalo-oa', 'd1'),
      oa.takeQuota('zalo-oa', 'd2'),
    ]).toEqual([true, true, false, true]);
  });
});
