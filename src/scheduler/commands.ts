// Chat commands the conversation engine hands to the scheduler: snooze (anyone), and for coordinators the
// reminder calendar, "nhắc ngay", pausing/resuming a regime and putting a person on leave.
import type { App } from '../app.ts';
import type { OutboundMessage } from '../core/types.ts';
import type { BotUser, CommandHelp, ExtraCommand } from '../conversation/ports.ts';
import { excerpt, fold } from '../core/text.ts';
import type { Scheduler } from './scheduler.ts';
import { addDays, atLocal, fmtDate, fmtDateTime, isAllowed, localDay, nextAllowedSlot, type Calendar } from './time.ts';
import { findRegime, isSnoozeText, parseSnooze, pauseUser, setRegimePaused, snoozeUser } from './snooze.ts';
import { formatUpcoming, upcoming } from './upcoming.ts';
import { COMMAND_TEXT } from './command-text.ts';
import { parseOffsets } from './planner.ts';
import { inScope, isStaff, provinceScope, regimeScopeWhere, userScopeWhere } from '../users/scope.ts';
import { listRegimeCodesWhere } from '../reporting/repo/regimes.ts';
import { findUserWithProvince } from './repo/recipients.ts';
import { findRegimeIdsWhere } from './repo/regimes.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { findAgency } from '../users/agency.ts';

export type { BotUser, ExtraCommand };

const say = (text: string): OutboundMessage[] => [{ text }];
/** The commands' sentences in the person's language (Vietnamese when nobody is known). */
const T = (user: BotUser | null | undefined) => COMMAND_TEXT(user?.locale);

type StaffRun = (ctx: { user: BotUser; text: string; now: Date }) => Promise<OutboundMessage[]>;
type ScopedRegime = { id: number; code: string; name: string; paused: boolean; province: string | null };

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

/** The regimes the user may act on, by code (another province's are not even listed). */
async function regimeList(app: App, user: BotUser): Promise<string> {
  const all = await listRegimeCodesWhere(app.db, regimeScopeWhere(user));
  return all.length ? T(user).regimes(all.map((r) => r.code).join(', ')) : T(user).noRegimes;
}

/** A regime the user named, if it exists and lies in the user's province; otherwise the reply saying why not. */
async function scopedRegime(app: App, user: BotUser, arg: string, now: Date): Promise<ScopedRegime | OutboundMessage[]> {
  const regime = await findRegime(app.db, arg);
  if (regime && inScope(user, regime.province, now)) return regime;
  if (!regime) return say(T(user).noRegime(excerpt(arg, 40), await regimeList(app, user)));
  return say(T(user).otherProvince(regime.code, regime.province, provinceScope(user) ?? '', await regimeList(app, user)));
}

/** A command for staff only: its help line is shown to the same people its check lets through. */
function coordinatorCommand(name: string, head: RegExp, help: Omit<CommandHelp, 'who'>, run: StaffRun): ExtraCommand {
  return {
    name,
    help: { ...help, who: 'staff' },
    match: (text) => head.test(fold(text)),
    run: async (ctx) => (isStaff(ctx.user) ? run({ ...ctx, user: ctx.user }) : say(T(ctx.user).staffOnly)),
  };
}

/** What the scheduler's commands need to know: its calendar (quiet hours, days off) and the reminder offsets. */
interface Ctx {
  app: App;
  scheduler: Scheduler;
  cal: Calendar;
  tz: string;
  offsets: number[];
}

/** "nhắc lại sau 2 giờ": anyone registered postpones their reminder. */
function snoozeCommand({ app, cal, tz }: Ctx): ExtraCommand {
  return {
    name: 'snooze',
    help: {
      usage: 'nhắc lại sau [2 giờ | ngày mai]',
      what: 'hoãn lời nhắc báo cáo',
      en: 'postpone the report reminder',
      who: 'registered',
    },
    match: (text) => isSnoozeText(text),
    async run({ user, text, now }) {
      const t = T(user);
      if (!user) return say(t.notRegistered);
      const parsed = parseSnooze(text, now, cal);
      if (!parsed) return say(t.snoozeUnclear);
      if ('error' in parsed) return say(parsed.reason === 'too_long' ? t.snoozeTooLong : t.snoozeWhen);
      const r = await snoozeUser(app.db, user.id, parsed.until);
      if (!r.postponed && !r.repeated) return say(t.nothingToSnooze);
      return say(t.snoozed(fmtDateTime(nextAllowedSlot(parsed.until, cal), tz)));
    },
  };
}

/** "lịch nhắc": the next reminders and waiting messages. */
function listCommand({ app, cal, tz, offsets }: Ctx): ExtraCommand {
  return coordinatorCommand(
    'reminders.list',
    /^lich nhac\b/,
    { usage: 'lịch nhắc', what: 'các lời nhắc sắp gửi', en: 'the reminders about to go out' },
    async ({ user, now }) => {
      const scope = provinceScope(user) ? { regimes: regimeScopeWhere(user), users: userScopeWhere(user) } : undefined;
      return say(formatUpcoming(await upcoming(app.db, cal, offsets, now, 10, scope), tz, user.locale));
    },
  );
}

/** "nhắc ngay [mã chế độ]": remind the late agencies now (or at the next sending hour). */
function sendNowCommand({ app, scheduler, cal, tz }: Ctx): ExtraCommand {
  return coordinatorCommand(
    'reminders.sendNow',
    /^nhac ngay\b/,
    {
      usage: 'nhắc ngay [mã chế độ]',
      what: 'nhắc ngay cán bộ của các cơ quan chưa gửi báo cáo',
      en: 'remind now the officials of the agencies that have not sent',
    },
    async ({ user, text, now }) => {
      const t = T(user);
      const arg = fold(text)
        .replace(/^nhac ngay\b/, '')
        .trim();
      let ids: number[] | undefined;
      if (!arg && provinceScope(user)) {
        ids = (await findRegimeIdsWhere(app.db, regimeScopeWhere(user))).map((r) => r.id);
      }
      if (arg) {
        const regime = await scopedRegime(app, user, arg, now);
        if (Array.isArray(regime)) return regime;
        if (regime.paused) return say(t.regimePaused(regime.name, regime.code));
        ids = [regime.id];
      }
      const r = await scheduler.sendNow(ids, now);
      if (!r.officials) return say(r.periods ? t.nobodyToRemind : t.noOpenPeriod);
      const when = isAllowed(now, cal) ? t.soon : t.outsideHours(fmtDateTime(nextAllowedSlot(now, cal), tz));
      return say(t.queued(r.officials, r.agencies, when));
    },
  );
}

/**
 * "nhắc cơ quan <tên>" (in free words "nhắc Sở Y tế"): remind one agency's officers now, as the dashboard's button
 * does; within the coordinator's province, audited.
 */
function sendAgencyCommand({ app, scheduler, cal, tz }: Ctx): ExtraCommand {
  return coordinatorCommand(
    'reminders.sendAgency',
    /^nhac co quan\b/,
    {
      usage: 'nhắc <tên cơ quan>',
      what: 'nhắc ngay cán bộ của một cơ quan chưa gửi báo cáo',
      en: 'remind now the officials of one agency that has not sent',
    },
    async ({ user, text, now }) => {
      const t = T(user);
      const name = text.trim().split(/\s+/).slice(3).join(' ').trim();
      if (!name) return say(t.whichAgency);
      const agency = await findAgency(app, name, user.province);
      if (!agency) return say(t.noAgency(excerpt(name), user.province));
      const ids = provinceScope(user) ? (await findRegimeIdsWhere(app.db, regimeScopeWhere(user))).map((r) => r.id) : undefined;
      const r = await scheduler.sendNow(ids, now, [agency.id]);
      await addAuditLog(app.db, {
        userId: user.id,
        action: 'reminders.send.agency',
        entity: 'Agency',
        entityId: String(agency.id),
        newValue: JSON.stringify({ officials: r.officials }),
      });
      if (!r.officials) return say(r.periods ? t.nobodyInAgency(agency.name) : t.noOpenPeriod);
      const when = isAllowed(now, cal) ? t.soon : t.outsideHours(fmtDateTime(nextAllowedSlot(now, cal), tz));
      return say(t.queuedAgency(r.officials, agency.name, when));
    },
  );
}

/** "tạm dừng <mã>" / "tiếp tục <mã>": a regime's reminders off or on. */
function pauseResume(
  { app }: Ctx,
  name: string,
  head: RegExp,
  paused: boolean,
  help: { usage: string; what: string; en: string },
): ExtraCommand {
  return {
    name,
    help: { ...help, who: 'staff' },
    // "tiếp tục" alone may mean something inside a form: only take it with an argument, from a coordinator.
    match: (text, user) => head.test(fold(text)) && (paused || isStaff(user)),
    async run({ user, text, now }) {
      if (!isStaff(user)) return say(T(user).staffOnly);
      const arg = fold(text).replace(head, '').trim();
      const regime = await scopedRegime(app, user, arg, now);
      if (Array.isArray(regime)) return regime;
      await setRegimePaused(app.db, regime.id, paused, now);
      app.log.info({ regime: regime.code, paused, by: user.id }, 'scheduler: regime pause changed');
      return say(paused ? T(user).paused(regime.name, regime.code) : T(user).resumed(regime.name));
    },
  };
}

/** "tạm nghỉ <số> đến <ngày>": no reminders to a person on leave. */
function leaveCommand({ app, tz }: Ctx): ExtraCommand {
  return coordinatorCommand(
    'reminders.leave',
    /^tam nghi\b/,
    {
      usage: 'tạm nghỉ <số người dùng> đến <ngày>',
      what: 'không nhắc một người trong thời gian nghỉ',
      en: 'no reminders to a person while on leave',
    },
    async ({ user, text, now }) => {
      const t = T(user);
      const m = /^tam nghi\s+#?(\d+)(?:\s+(?:den|toi|den het|den het ngay|den ngay)\s+(.+))?$/.exec(fold(text));
      if (!m) return say(t.leaveSyntax);
      if (!m[2]) return say(t.leaveEnd);
      const day = parseDay(m[2].replace(/^(het )?ngay /, ''), now, tz);
      if (!day) return say(t.badDay(m[2]));
      const until = atLocal(addDays(day, 1), 0, tz);
      const target = await findUserWithProvince(app.db, Number(m[1]));
      // someone of another province is "not found": a coordinator cannot probe other provinces' user numbers
      if (!target || !inScope(user, target.province ?? target.agency?.province, now)) return say(t.noUser(m[1]!));
      await pauseUser(app.db, target.id, until > now ? until : null);
      const who = target.name ?? t.userN(target.id);
      return say(until > now ? t.onLeave(who, fmtDate(atLocal(day, 12 * 60, tz), tz)) : t.back(who));
    },
  );
}

export function schedulerCommands(app: App, scheduler: Scheduler): ExtraCommand[] {
  const cal: Calendar = scheduler.calendar;
  const c: Ctx = { app, scheduler, cal, tz: cal.tz, offsets: parseOffsets(app.config.REMINDER_OFFSETS_DAYS) };
  return [
    snoozeCommand(c),
    listCommand(c),
    sendNowCommand(c),
    sendAgencyCommand(c),
    pauseResume(c, 'regime.pause', /^tam dung\s+(?=\S)/, true, {
      usage: 'tạm dừng <mã chế độ>',
      what: 'tạm dừng nhắc một chế độ báo cáo',
      en: 'pause the reminders of a reporting regime',
    }),
    pauseResume(c, 'regime.resume', /^tiep tuc\s+(?=\S)/, false, {
      usage: 'tiếp tục <mã chế độ>',
      what: 'bật lại nhắc một chế độ báo cáo',
      en: 'resume the reminders of a reporting regime',
    }),
    leaveCommand(c),
  ];
}
