// Local time in the reporting time zone: allowed sending window, days off, holidays (pure, no DB).
import type { Config } from '../config.ts';

export interface Calendar {
  tz: string;
  /** Minutes after local midnight when sending may start (QUIET_START, default 07:30). */
  start: number;
  /** Minutes after local midnight when sending must stop (QUIET_END, default 21:00). */
  end: number;
  /** Local weekdays on which messages may go out: 0 = Sunday … 6 = Saturday. */
  workDays: Set<number>;
  /** "YYYY-MM-DD" (one date) or "MM-DD" (every year). */
  holidays: Set<string>;
}

export interface LocalParts {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  dow: number;
}

const DAY_MS = 86_400_000;

function hhmm(s: string, fallback: number): number {
  const m = /^(\d{1,2})[:hg](\d{2})?$/i.exec(s.trim());
  if (!m) return fallback;
  const v = Number(m[1]) * 60 + Number(m[2] ?? 0);
  return v >= 0 && v <= 24 * 60 ? v : fallback;
}

/**
 * Vietnam's public holidays on fixed solar dates (Labour Code 2019, art. 112): 1/1, 30/4, 1/5, and National Day 2/9
 * with one adjacent day. Which adjacent day (1/9 or 3/9) is decided by the Prime Minister each year, so 1/9 is built in
 * (the usual choice: 2022, 2023, 2025); a year that takes 3/9 lists it in HOLIDAYS. Tết and Giỗ Tổ Hùng Vương follow
 * the lunar calendar and substitute days are set by decision each year: those go in HOLIDAYS too.
 */
export const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-01', '09-02'] as const;

/**
 * QUIET_START..QUIET_END name the edges of the quiet period as seen from the window: messages go out
 * between QUIET_START (07:30) and QUIET_END (21:00) local time on WORK_DAYS that are not HOLIDAYS.
 */
export function calendarFromConfig(c: Pick<Config, 'TZ_REPORTS' | 'QUIET_START' | 'QUIET_END' | 'WORK_DAYS' | 'HOLIDAYS'>): Calendar {
  const workDays = new Set(
    c.WORK_DAYS.split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n >= 0 && n <= 7)
      .map((n) => n % 7),
  );
  const holidays = new Set([
    ...FIXED_HOLIDAYS,
    ...c.HOLIDAYS.split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter((s) => /^(\d{4}-)?\d{2}-\d{2}$/.test(s)),
  ]);
  return { tz: c.TZ_REPORTS, start: hhmm(c.QUIET_START, 7 * 60 + 30), end: hhmm(c.QUIET_END, 21 * 60), workDays, holidays };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function localParts(t: Date, tz: string): LocalParts & { ss: number } {
  const p: Record<string, string> = {};
  for (const part of formatter(tz).formatToParts(t)) p[part.type] = part.value;
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    hh: Number(p.hour) % 24,
    mm: Number(p.minute),
    ss: Number(p.second),
    dow: WEEKDAYS[p.weekday ?? ''] ?? 0,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD" of the local calendar day holding instant t. */
export function localDay(t: Date, tz: string): string {
  const p = localParts(t, tz);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from local day a to local day b (b - a). */
export function dayDiff(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** The instant at `minutes` after local midnight of local day `day` in tz. */
export function atLocal(day: string, minutes: number, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), tz);
    const seen = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss);
    const delta = wall - seen;
    if (delta === 0) break;
    guess += delta;
  }
  return new Date(guess);
}

function isDayOn(day: string, dow: number, cal: Calendar): boolean {
  return cal.workDays.has(dow) && !cal.holidays.has(day) && !cal.holidays.has(day.slice(5));
}

function dayOfWeek(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** True when local day "YYYY-MM-DD" is a working day (a WORK_DAYS weekday that is not a holiday). */
export function isWorkingDay(day: string, cal: Calendar): boolean {
  return isDayOn(day, dayOfWeek(day), cal);
}

/** `day` itself when it is a working day, else the closest working day before it. */
export function workingDayOnOrBefore(day: string, cal: Calendar): string {
  for (let i = 0; i < 400; i++) {
    const d = addDays(day, -i);
    if (isWorkingDay(d, cal)) return d;
  }
  return day; // no working day configured at all: keep the calendar day
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "Chủ nhật", "thứ Hai" … of local day "YYYY-MM-DD". */
export function weekdayVi(day: string): string {
  return WEEKDAY_VI[dayOfWeek(day)] ?? '';
}

const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export function weekdayEn(day: string): string {
  return WEEKDAY_EN[dayOfWeek(day)] ?? '';
}

/** True when a message may be sent at instant t. */
export function isAllowed(t: Date, cal: Calendar): boolean {
  const p = localParts(t, cal.tz);
  const day = `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  const min = p.hh * 60 + p.mm;
  return isDayOn(day, p.dow, cal) && min >= cal.start && min < cal.end;
}

/** t itself when allowed, else the start of the next allowed window. */
export function nextAllowedSlot(t: Date, cal: Calendar): Date {
  if (isAllowed(t, cal)) return t;
  const p = localParts(t, cal.tz);
  const today = `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  const min = p.hh * 60 + p.mm;
  for (let i = 0; i < 400; i++) {
    const day = addDays(today, i);
    const dow = (p.dow + i) % 7;
    if (!isDayOn(day, dow, cal)) continue;
    if (i === 0 && min >= cal.start) continue; // today's window is over
    return atLocal(day, cal.start, cal.tz);
  }
  return t; // no allowed day configured at all: do not hold messages forever
}

/** "dd/mm/yyyy" in tz. */
export function fmtDate(t: Date, tz: string): string {
  const p = localParts(t, tz);
  return `${pad(p.d)}/${pad(p.m)}/${p.y}`;
}

/** "HH:mm dd/mm/yyyy" in tz. */
export function fmtDateTime(t: Date, tz: string): string {
  const p = localParts(t, tz);
  return `${pad(p.hh)}:${pad(p.mm)} ${pad(p.d)}/${pad(p.m)}/${p.y}`;
}

/** The local day on which a deadline falls; a deadline at exactly local midnight belongs to the day before. */
export function deadlineDay(deadline: Date, tz: string): string {
  return localDay(new Date(deadline.getTime() - 1), tz);
}
