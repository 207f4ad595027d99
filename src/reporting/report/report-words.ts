// The words and number forms the chat renderings of a consolidated report and an agency's history are written in,
// in the reader's language: Vietnamese as the report's files write them (format.ts), English for a person who chose it
// (numbers in the Vietnamese way in both, as everywhere in chat).
// The report's data keeps keys beside its Vietnamese labels (timeliness, status, state, method, period key), so a
// rendering in English is built from the keys, never by translating a label.
import { catalog, countOf, periodLabelIn } from '../../core/i18n.ts';
import type { AnswerState } from '../../core/types.ts';
import { EN_STATUS } from '../answer-text.ts';
import {
  fmtChange,
  fmtDate,
  fmtNum,
  fmtPct,
  fmtValue,
  METHOD_LABEL,
  NOT_REPORTED,
  periodLabel,
  SKIPPED,
  stateLabel,
  TASK_STATUS_LABEL,
  TIMELINESS_LABEL,
} from './format.ts';
import type { AggregateMethod, Change, OutlierWhy, TaskStatusKey, Timeliness } from './types.ts';

/** What a figure cell shows for an agency's answer. */
export interface FigureCell {
  value: number | null;
  skipped: boolean;
  state: AnswerState | null;
  draft: boolean;
}

// Numbers are written the Vietnamese way in both languages (85,5; 1.728), as the form reads them back.
const enNum = fmtNum;
function enChange(c: Change | null, unit: string | null): string {
  if (!c) return '–';
  const sign = c.abs > 0 ? '+' : c.abs < 0 ? '−' : '±';
  const abs = `${sign}${enNum(Math.abs(c.abs))}${unit === '%' ? ' points' : ''}`;
  if (unit === '%' || c.pct === null) return abs;
  return `${abs} (${c.pct >= 0 ? '+' : '−'}${enNum(Math.abs(c.pct) * 100, 1)}%)`;
}

const EN_STATE: Record<AnswerState, string> = { no_data: 'No data yet', not_applicable: 'Not applicable' };
const EN_TIMELINESS: Record<Timeliness, string> = { on_time: 'On time', late: 'Late', not_submitted: 'Not sent', not_due: 'Not due yet' };
const EN_METHOD: Record<AggregateMethod, string> = { sum: 'total', mean: 'unweighted mean', none: 'not aggregated' };

const viWhy = (w: OutlierWhy): string =>
  w.kind === 'times'
    ? `gấp ${fmtNum(w.ratio, 1)} lần kỳ trước`
    : w.kind === 'fraction'
      ? `chỉ bằng ${fmtNum(w.ratio * 100, 0)}% kỳ trước`
      : 'đơn vị có giải trình số liệu bất thường';
const enWhy = (w: OutlierWhy): string =>
  w.kind === 'times'
    ? `${enNum(w.ratio, 1)} times last period`
    : w.kind === 'fraction'
      ? `only ${enNum(w.ratio * 100, 0)}% of last period`
      : 'the agency explained the unusual figure';

export const REPORT_WORDS = catalog({
  vi: {
    num: (n: number | null | undefined, digits?: number) => fmtNum(n, digits),
    value: (n: number | null | undefined, unit: string | null, digits?: number) => fmtValue(n, unit, digits),
    pct: (ratio: number | null | undefined, digits?: number) => fmtPct(ratio, digits),
    change: (c: Change | null, unit: string | null) => fmtChange(c, unit),
    date: (d: Date | null | undefined) => fmtDate(d),
    period: (key: string) => periodLabel(key),
    status: (s: TaskStatusKey) => TASK_STATUS_LABEL[s],
    state: (s: AnswerState, note?: string | null) => stateLabel(s, note),
    timeliness: (t: Timeliness) => TIMELINESS_LABEL[t],
    method: (m: AggregateMethod) => METHOD_LABEL[m],
    why: (w: OutlierWhy) => viWhy(w),
    notReported: NOT_REPORTED,
    skipped: SKIPPED,
    notSent: 'Chưa gửi',
    reported: 'Đã báo cáo',
    days: (n: number) => `${n} ngày`,
  },
  en: {
    num: enNum,
    value: (n: number | null | undefined, unit: string | null, digits?: number) => fmtValue(n, unit, digits),
    pct: (ratio: number | null | undefined, digits?: number) => fmtPct(ratio, digits),
    change: enChange,
    date: (d: Date | null | undefined) => fmtDate(d),
    period: (key: string) => periodLabelIn('en', key),
    status: (s: TaskStatusKey) => EN_STATUS[s],
    state: (s: AnswerState, note?: string | null) => (note?.trim() ? `${EN_STATE[s]} (${note.trim()})` : EN_STATE[s]),
    timeliness: (t: Timeliness) => EN_TIMELINESS[t],
    method: (m: AggregateMethod) => EN_METHOD[m],
    why: enWhy,
    notReported: 'Not reported',
    skipped: 'Skipped',
    notSent: 'Not sent',
    reported: 'Reported',
    days: (n: number) => countOf(n, 'day'),
  },
});

export type ReportWords = ReturnType<typeof REPORT_WORDS>;

/** What an agency's figure cell says about its answer: its state, skipped, not reported, not sent or reported. */
export function figureStatusIn(w: ReportWords, v: FigureCell): string {
  if (v.state) return w.state(v.state);
  if (v.skipped) return w.skipped;
  if (v.value === null) return w.notReported;
  return v.draft ? w.notSent : w.reported;
}

/** A task's cell: its status, else its state, skipped or not reported. */
export function taskStatusIn(w: ReportWords, s: { status: TaskStatusKey | null; state: AnswerState | null; skipped: boolean }): string {
  return s.status ? w.status(s.status) : s.state ? w.state(s.state) : s.skipped ? w.skipped : w.notReported;
}
