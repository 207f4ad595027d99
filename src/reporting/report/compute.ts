// Pure arithmetic of the consolidated report: aggregation method per kind, aggregates, % of target, change
// against the previous period, timeliness, outlier detection. No database, no formatting beyond reasons.
import { fold } from '../../core/text.ts';
import { REPORT_WORDS } from './report-words.ts';
import type { LoadedItem } from './load.ts';
import type { AggregateMethod, Change, OutlierWhy, Timeliness, ValueKind } from './types.ts';

/** Counts and money add up across agencies; percentages and ratios are averaged (plain: we hold no weights). */
export function methodFor(kind: ValueKind): AggregateMethod {
  if (kind === 'count' || kind === 'money') return 'sum';
  if (kind === 'percent' || kind === 'ratio') return 'mean';
  return 'none';
}

export function valueKindOf(valueKind: string | null, unit: string | null): ValueKind {
  if (valueKind === 'percent' || valueKind === 'count' || valueKind === 'money' || valueKind === 'ratio') return valueKind;
  if (unit?.trim() === '%') return 'percent';
  if (unit && /đồng|dong|vnd/i.test(unit)) return 'money';
  return 'other';
}

export function aggregate(values: readonly number[], method: AggregateMethod): number | null {
  if (method === 'none' || values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return method === 'sum' ? sum : sum / values.length;
}

/** value / target as a ratio (0.947); null without a positive target. */
export function pctOfTarget(value: number | null, target: number | null): number | null {
  if (value === null || target === null || !(target > 0)) return null;
  return value / target;
}

export function changeOf(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  return { previous, abs: current - previous, pct: previous === 0 ? null : (current - previous) / Math.abs(previous) };
}

const DAY_MS = 86_400_000;

export function timelinessOf(
  state: 'submitted' | 'draft' | 'none',
  submittedAt: Date | null,
  deadline: Date,
  now?: Date,
): { timeliness: Timeliness; daysLate: number | null } {
  if (state !== 'submitted') {
    const due = !now || now.getTime() > deadline.getTime();
    return { timeliness: due ? 'not_submitted' : 'not_due', daysLate: null };
  }
  if (!submittedAt || submittedAt.getTime() <= deadline.getTime()) return { timeliness: 'on_time', daysLate: null };
  return { timeliness: 'late', daysLate: Math.ceil((submittedAt.getTime() - deadline.getTime()) / DAY_MS) };
}

/** Words an official uses when explaining an unusual figure (folded, see core/text.ts). */
const EXPLANATION_WORDS = [
  'giai trinh',
  'bat thuong',
  'dot bien',
  'chenh lech',
  'tang manh',
  'giam manh',
  'tang dot',
  'giam dot',
  'outlier',
];

export function noteExplainsOutlier(note: string | null): boolean {
  if (!note) return false;
  const f = fold(note);
  return EXPLANATION_WORDS.some((w) => f.includes(w));
}

/** Whether a figure is unusual: far from the previous period (× factor either way) or explained as such in its note. */
export function outlierWhy(value: number | null, previous: number | null, note: string | null, factor: number): OutlierWhy | null {
  if (value !== null && previous !== null && previous > 0 && value >= 0) {
    const ratio = value / previous;
    if (ratio >= factor) return { kind: 'times', ratio };
    if (ratio <= 1 / factor) return { kind: 'fraction', ratio };
  }
  if (noteExplainsOutlier(note)) return { kind: 'explained' };
  return null;
}

/** The same, as the report's files give the reason (Vietnamese), or null. */
export function outlierReason(value: number | null, previous: number | null, note: string | null, factor: number): string | null {
  const why = outlierWhy(value, previous, note, factor);
  return why ? REPORT_WORDS('vi').why(why) : null;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** The one value when all are equal, else null. */
export function common<T>(values: readonly T[]): T | null {
  if (values.length === 0) return null;
  const first = values[0] as T;
  return values.every((v) => v === first) ? first : null;
}

/**
 * What the province-wide figure is compared with. Averages: the common target (or the mean of the agencies').
 * Sums: one agency's own target; the same target copied from one document indicator to every agency is the
 * province's target; otherwise the sum of the agencies' targets (only when every agency has one).
 */
export function aggregateTarget(key: string, items: readonly LoadedItem[], method: string): { value: number | null; basis: string | null } {
  const targets = items.map((i) => i.targetValue);
  if (method === 'none' || targets.every((t) => t === null)) return { value: null, basis: null };
  const same = common(targets);
  if (method === 'mean') {
    if (same !== null) return { value: same, basis: 'mục tiêu chung' };
    const present = targets.filter((t): t is number => t !== null);
    return { value: mean(present), basis: 'trung bình mục tiêu các đơn vị' };
  }
  if (items.length === 1) return { value: same, basis: 'mục tiêu của đơn vị' };
  if (same !== null && key.includes(':ind:')) return { value: same, basis: 'mục tiêu chung của tỉnh' };
  if (targets.some((t) => t === null)) return { value: null, basis: null };
  return { value: targets.reduce((a: number, t) => a + (t ?? 0), 0), basis: 'tổng mục tiêu các đơn vị' };
}
