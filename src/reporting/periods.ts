// Reporting period keys and their calendar: 2026-Q4, 2026-H2, 2026, 2026-11, in the configured zone (core/locale).
import { AppError, ErrorCode } from '../core/errors.ts';
import type { Frequency } from '../core/types.ts';
import { fold } from '../core/text.ts';
import { frequencyLabel, localParts, localTime } from '../core/locale.ts';

export { formatDate, formatDateTime, frequencyLabel, periodLabel } from '../core/locale.ts';

const DAY = 86_400_000;

export interface PeriodRef {
  key: string;
  frequency: Frequency;
  year: number;
  index: number; // quarter 1-4, half 1-2, month 1-12, 1 for a year
}

export interface PeriodCalendar {
  startsAt: Date;
  endsAt: Date; // last millisecond of the period (local time)
  cutoffAt: Date; // data cut-off
  deadline: Date; // last millisecond of the deadline day
  locksAt: Date;
}

export interface RegimeTiming {
  frequency: string;
  cutoffDay: number;
  deadlineDays: number;
  lockAfterDays: number;
}

/** Parses "2026-Q4", "2026-H2", "2026", "2026-11" (also lower case, "2026-q4"). */
export function parsePeriodKey(key: string): PeriodRef {
  const k = key.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(k))) return { key: k, frequency: 'quarter', year: +m[1]!, index: +m[2]! };
  if ((m = /^(\d{4})-H([12])$/.exec(k))) return { key: k, frequency: 'half-year', year: +m[1]!, index: +m[2]! };
  if ((m = /^(\d{4})-(0?[1-9]|1[0-2])$/.exec(k))) {
    const month = +m[2]!;
    return { key: `${m[1]}-${String(month).padStart(2, '0')}`, frequency: 'month', year: +m[1]!, index: month };
  }
  if ((m = /^(\d{4})$/.exec(k))) return { key: k, frequency: 'year', year: +m[1]!, index: 1 };
  const spoken = spokenKey(key);
  if (spoken) return parsePeriodKey(spoken);
  throw new AppError(
    ErrorCode.InvalidInput,
    `Mã kỳ "${key}" không hợp lệ. Dùng dạng 2026-Q4 (quý), 2026-H2 (6 tháng), 2026 (năm) hoặc 2026-11 (tháng).`,
    { en: `"${key}" is not a period. Write it as 2026-Q4 (quarter), 2026-H2 (half-year), 2026 (year) or 2026-11 (month).` },
  );
}

/** "quý 4/2026", "quý IV năm 2026", "Q4/2026", "6 tháng cuối năm 2026", "tháng 11/2026", "năm 2026". */
function spokenKey(text: string): string | null {
  const f = fold(text)
    .replace(/\s*nam\s*/g, ' nam ')
    .replace(/\s+/g, ' ')
    .trim();
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  let m: RegExpExecArray | null;
  if ((m = /^(?:quy|q) ?([1-4]|iv|i{1,3})(?: ?[/-] ?| nam )(\d{4})$/.exec(f))) return `${m[2]}-Q${roman[m[1]!] ?? m[1]}`;
  if ((m = /^6 thang (dau|cuoi)(?: nam)? ?[/-]? ?(\d{4})$/.exec(f))) return `${m[2]}-H${m[1] === 'dau' ? 1 : 2}`;
  if ((m = /^thang (\d{1,2})(?: ?[/-] ?| nam )(\d{4})$/.exec(f))) return `${m[2]}-${m[1]}`;
  if ((m = /^nam (\d{4})$/.exec(f))) return m[1]!;
  return null;
}

function monthsOf(ref: PeriodRef): [number, number] {
  switch (ref.frequency) {
    case 'quarter':
      return [(ref.index - 1) * 3, 3];
    case 'half-year':
      return [(ref.index - 1) * 6, 6];
    case 'month':
      return [ref.index - 1, 1];
    default:
      return [0, 12];
  }
}

/** Midnight (local) at the start of year/month, as a UTC instant. */
const localMidnight = (year: number, month0: number, day = 1): Date => localTime(year, month0, day);

export function periodCalendar(key: string, regime: RegimeTiming): PeriodCalendar {
  const ref = parsePeriodKey(key);
  if (ref.frequency !== regime.frequency) {
    throw new AppError(
      ErrorCode.InvalidInput,
      `Kỳ "${key}" là kỳ ${frequencyLabel(ref.frequency)}, nhưng chế độ báo cáo này có tần suất ${frequencyLabel(regime.frequency)}.`,
      { en: `Period "${key}" is a ${ref.frequency} period, but this reporting regime reports by ${regime.frequency}.` },
    );
  }
  const [m0, len] = monthsOf(ref);
  const startsAt = localMidnight(ref.year, m0);
  const next = localMidnight(ref.year, m0 + len);
  const endsAt = new Date(next.getTime() - 1);
  const cutoffAt = new Date(endsAt.getTime() - regime.cutoffDay * DAY);
  const deadline = new Date(endsAt.getTime() + regime.deadlineDays * DAY);
  const locksAt = new Date(deadline.getTime() + regime.lockAfterDays * DAY);
  return { startsAt, endsAt, cutoffAt, deadline, locksAt };
}

export function previousPeriodKey(key: string): string {
  const ref = parsePeriodKey(key);
  const back = (idx: number, per: number, fmt: (y: number, i: number) => string) =>
    idx > 1 ? fmt(ref.year, idx - 1) : fmt(ref.year - 1, per);
  switch (ref.frequency) {
    case 'quarter':
      return back(ref.index, 4, (y, i) => `${y}-Q${i}`);
    case 'half-year':
      return back(ref.index, 2, (y, i) => `${y}-H${i}`);
    case 'month':
      return back(ref.index, 12, (y, i) => `${y}-${String(i).padStart(2, '0')}`);
    default:
      return String(ref.year - 1);
  }
}

/** The key of the period of a frequency containing an instant: (2026-11-21, quarter) → "2026-Q4". */
export function periodKeyAt(at: Date, frequency: Frequency): string {
  const local = localParts(at);
  const y = local.year;
  const m = local.month - 1;
  if (frequency === 'quarter') return `${y}-Q${Math.floor(m / 3) + 1}`;
  if (frequency === 'half-year') return `${y}-H${m < 6 ? 1 : 2}`;
  if (frequency === 'month') return `${y}-${String(m + 1).padStart(2, '0')}`;
  return String(y);
}

/** Whole days between two instants, rounded up (used for "trễ 3 ngày"). */
export function daysLate(deadline: Date, at: Date): number {
  return Math.max(0, Math.ceil((at.getTime() - deadline.getTime()) / DAY));
}
