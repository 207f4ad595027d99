// Chat commands the conversation engine hands to the scheduler: snooze (anyone), and for coordinators the
// reminder calendar, "nhắc ngay", pausing/resuming a regime and putting a person on leave.
import type { App } from '../app.ts';
import type { OutboundMessage } from '../core/types.ts';
import type { BotUser, ExtraCommand } from '../conversation/ports.ts';
import { fold } from '../core/text.ts';
import type { Scheduler } from './scheduler.ts';
import { addDays, atLocal, fmtDate, fmtDateTime, isAllowed, localDay, nextAllowedSlot, type Calendar } from './time.ts';
import { findRegime, isSnoozeText, parseSnooze, pauseUser, setRegimePaused, snoozeUser } from './snooze.ts';
import { formatUpcoming, upcoming } from './upcoming.ts';
import { parseOffsets } from './planner.ts';

export type { BotUser, ExtraCommand };

const say = (text: string): OutboundMessage[] => [{ text }];
const NOT_REGISTERED = 'Anh/chị chưa đăng ký với hệ thống. Hãy gửi “/start <mã mời>” do cán bộ điều phối cấp.';
const COORD_ONLY = 'Lệnh này chỉ dành cho cán bộ điều phối hoặc quản trị.';

const isCoordinator = (u: BotUser | null) => u !== null && (u.role === 'coordinator' || u.role === 'admin');

/** "15/11", "15/11/2026", "15-11-2026", "2026-11-15" → local day "YYYY-MM-DD" (no year: the next such date). */
export function parseDay(s: string, now: Date, tz: string): string | null {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/.exec(t);
  let y: number;
  let m: number;
  let d: number;
  const today = localDay(now, tz);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) {
    [d, m] = [Number(vn[1]), Number(vn[2])];
    y = vn[3] ? Number(vn[3]) : Number(today.slice(0, 4));
  } else return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  let day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!vn?.[3] && !iso && day < today) day = `${y + 1}${day.slice(4)}`;
  return day;
}

async function regimeList(app: App): Promise<string> {
  const all = await app.db.regime.findMany({ select: { code: true }, orderBy: { code: 'asc' } });
  return all.length ? `Các chế độ báo cáo hiện có: ${all.map((r) => r.code).join(', ')}.` : 'Chưa có chế độ báo cáo nào.';
}

function coordinatorCommand(name: string, head: RegExp, run: ExtraCommand['run']): ExtraCommand {
  return {
    name,
    match: (text) => head.test(fold(text)),
    run: async (ctx) => (isCoordinator(ctx.user) ? run(ctx) : say(COORD_ONLY)),
  };
}

export function schedulerCommands(app: App, scheduler: Scheduler): ExtraCommand[] {
  const cal: Calendar = scheduler.calendar;
  const tz = cal.tz;
  const offsets = parseOffsets(app.config.REMINDER_OFFSETS_DAYS);

  const snooze: ExtraCommand = {
    name: 'snooze',
    match: (text) => isSnoozeText(text),
    async run({ user, text, now }) {
      if (!user) return say(NOT_REGISTERED);
      const parsed = parseSnooze(text, now, cal);
      if (!parsed) return say('Tôi chưa hiểu yêu cầu hoãn nhắc.');
      if ('error' in parsed) return say(parsed.error);
      const r = await snoozeUser(app.db, user.id, parsed.until);
      if (!r.postponed && !r.repeated) return say('Hiện anh/chị không có lời nhắc nào cần hoãn.');
      return say(`Đã hoãn. Tôi sẽ nhắc lại lúc ${fmtDateTime(nextAllowedSlot(parsed.until, cal), tz)}.`);
    },
  };

  const list = coordinatorCommand('reminders.list', /^lich nhac\b/, async ({ now }) =>
    say(formatUpcoming(await upcoming(app.db, cal, offsets, now), tz)),
  );

  const sendNow = coordinatorCommand('reminders.sendNow', /^nhac ngay\b/, async ({ text, now }) => {
    const arg = fold(text)
      .replace(/^nhac ngay\b/, '')
      .trim();
    let ids: number[] | undefined;
    if (arg) {
      const regime = await findRegime(app.db, arg);
      if (!regime) return say(`Không tìm thấy chế độ báo cáo “${arg}”. ${await regimeList(app)}`);
      if (regime.paused) return say(`Chế độ “${regime.name}” đang tạm dừng nhắc. Gửi “tiếp tục ${regime.code}” trước.`);
      ids = [regime.id];
    }
    const r = await scheduler.sendNow(ids, now);
    if (!r.officials) {
      return say(
        r.periods
          ? 'Không có cán bộ nào cần nhắc: các cơ quan đã gửi báo cáo, đã được xếp nhắc, hoặc chưa có người dùng.'
          : 'Không có kỳ báo cáo nào đang mở.',
      );
    }
    const when = isAllowed(now, cal)
      ? 'Tin sẽ được gửi trong vài phút.'
      : `Hiện ngoài giờ gửi tin; tin sẽ gửi lúc ${fmtDateTime(nextAllowedSlot(now, cal), tz)}.`;
    return say(`Đã xếp ${r.officials} tin nhắc tới cán bộ của ${r.agencies} cơ quan chưa gửi báo cáo. ${when}`);
  });

  const pauseResume = (name: string, head: RegExp, paused: boolean): ExtraCommand => ({
    name,
    // "tiếp tục" alone may mean something inside a form: only take it with an argument, from a coordinator.
    match: (text, user) => head.test(fold(text)) && (paused || isCoordinator(user)),
    async run({ user, text, now }) {
      if (!isCoordinator(user)) return say(COORD_ONLY);
      const arg = fold(text).replace(head, '').trim();
      const regime = await findRegime(app.db, arg);
      if (!regime) return say(`Không tìm thấy chế độ báo cáo “${arg}”. ${await regimeList(app)}`);
      await setRegimePaused(app.db, regime.id, paused, now);
      app.log.info({ regime: regime.code, paused, by: user?.id }, 'scheduler: regime pause changed');
      return say(
        paused
          ? `Đã tạm dừng nhắc báo cáo “${regime.name}”. Gửi “tiếp tục ${regime.code}” để bật lại.`
          : `Đã bật lại nhắc báo cáo “${regime.name}”.`,
      );
    },
  });

  const leave = coordinatorCommand('reminders.leave', /^tam nghi\b/, async ({ text, now }) => {
    const m = /^tam nghi\s+#?(\d+)(?:\s+(?:den|toi|den het|den het ngay|den ngay)\s+(.+))?$/.exec(fold(text));
    if (!m) return say('Cú pháp: “tạm nghỉ <số người dùng> đến <ngày>”, ví dụ “tạm nghỉ 12 đến 15/11/2026”.');
    if (!m[2]) return say('Xin cho biết ngày kết thúc, ví dụ: “tạm nghỉ 12 đến 15/11/2026”.');
    const day = parseDay(m[2].replace(/^(het )?ngay /, ''), now, tz);
    if (!day) return say(`Ngày “${m[2]}” không hợp lệ. Ví dụ: 15/11/2026.`);
    const until = atLocal(addDays(day, 1), 0, tz);
    const target = await app.db.user.findUnique({ where: { id: Number(m[1]) }, select: { id: true, name: true } });
    if (!target) return say(`Không tìm thấy người dùng số ${m[1]}.`);
    await pauseUser(app.db, target.id, until > now ? until : null);
    const who = target.name ?? `người dùng số ${target.id}`;
    return say(
      until > now
        ? `Đã tạm dừng nhắc cho ${who} đến hết ngày ${fmtDate(atLocal(day, 12 * 60, tz), tz)}.`
        : `Đã bỏ tạm nghỉ của ${who}: nhắc việc gửi lại bình thường.`,
    );
  });

  return [
    snooze,
    list,
    sendNow,
    pauseResume('regime.pause', /^tam dung\s+(?=\S)/, true),
    pauseResume('regime.resume', /^tiep tuc\s+(?=\S)/, false),
    leave,
  ];
}
