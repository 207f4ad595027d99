// One stored answer as a coordinator reads it in chat ("72%", "Đang triển khai (40%)", "chưa có số liệu (lý do)", "chưa trả lời",
// "“Thiếu kinh phí…”"), the same wherever an answer is listed: an agency's detail, progress, history.
import { catalog, DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { excerpt } from '../core/text.ts';
import { ANSWER_STATE_LABEL, isAnswerState, type AnswerState, type TaskStatus } from '../core/types.ts';
import { formatNumber, formatValue, type ValueKind } from './numbers.ts';

const VI_STATUS: Record<TaskStatus, string> = {
  chua_trien_khai: 'Chưa triển khai',
  dang_trien_khai: 'Đang triển khai',
  hoan_thanh: 'Hoàn thành',
};
/** A task's status in English, wherever it is shown. */
export const EN_STATUS: Record<TaskStatus, string> = {
  chua_trien_khai: 'Not started',
  dang_trien_khai: 'In progress',
  hoan_thanh: 'Completed',
};
/** The states as a sentence names them ("chưa có số liệu"); a report's column heads them (ANSWER_STATE_LABEL). */
const VI_STATE: Record<AnswerState, string> = {
  no_data: ANSWER_STATE_LABEL.no_data.toLowerCase(),
  not_applicable: ANSWER_STATE_LABEL.not_applicable.toLowerCase(),
};
const EN_STATE: Record<AnswerState, string> = { no_data: 'no data yet', not_applicable: 'not applicable' };
/** The words of an estimate ("khoảng 80"), as English says them. */
const EN_QUALIFIER: Record<string, string> = {
  khoảng: 'about',
  'xấp xỉ': 'approximately',
  'ước tính': 'estimated',
  gần: 'nearly',
  trên: 'over',
  hơn: 'more than',
  dưới: 'under',
};

/** The notes the form itself stores (in Vietnamese, for the consolidated report), as English says them. */
const EN_NOTE: Record<string, string> = {
  'như kỳ trước': 'same as last period',
  'đã xác nhận số liệu khác xa kỳ trước': 'confirmed, although far from last period',
};

/** The words an answer is shown with, in both languages (the form's and the coordinator's views share them). */
export const ANSWER_WORDS = catalog({
  vi: {
    status: (s: TaskStatus) => VI_STATUS[s],
    state: (s: AnswerState) => VI_STATE[s],
    qualifier: (q: string) => q,
    notAnswered: 'chưa trả lời',
    skipped: 'bỏ qua',
    withNote: (shown: string, note: string) => `${shown} — ghi chú: ${note}`,
    note: (stored: string) => stored,
  },
  en: {
    status: (s: TaskStatus) => EN_STATUS[s],
    state: (s: AnswerState) => EN_STATE[s],
    qualifier: (q: string) => EN_QUALIFIER[q] ?? q,
    notAnswered: 'not answered',
    skipped: 'skipped',
    withNote: (shown: string, note: string) => `${shown} — note: ${note}`,
    note: (stored: string) => EN_NOTE[stored] ?? (stored.startsWith('đã xác nhận: ') ? 'confirmed after the check' : stored),
  },
});

/** The note stored with a figure given as an estimate ("khoảng 80", "trên 1.000"): its word is kept. */
export const estimateNote = (qualifier = 'khoảng'): string => `số ước tính (${qualifier})`;

/** The word of an estimate ("khoảng", "trên", "gần", "hơn") from an answer's note, or null for an exact figure. */
export function estimateQualifier(note: string | null | undefined): string | null {
  const m = /số ước tính \(([^)]+)\)/.exec(note ?? '');
  return m ? m[1]!.trim() : null;
}

export interface StoredAnswer {
  value: number | null;
  valueText: string | null;
  status: string | null;
  percentDone: number | null;
  note?: string | null;
  skipped: boolean;
}

export interface AnsweredItem {
  kind: string;
  unit: string | null;
  valueKind: string | null;
}

/** The answer as text, or `none` when there is nothing to show (not answered, or skipped). */
export function answerText(it: AnsweredItem, a: StoredAnswer | null | undefined, none?: string, locale: Locale = DEFAULT_LOCALE): string {
  const w = ANSWER_WORDS(locale);
  const nothing = none ?? w.notAnswered;
  if (!a) return nothing;
  if (isAnswerState(a.status)) return w.state(a.status) + (a.note ? ` (${excerpt(w.note(a.note), 80)})` : '');
  if (it.kind === 'text') return a.valueText ? `“${excerpt(a.valueText, 200)}”` : a.skipped ? w.skipped : nothing;
  if (a.status && a.status in VI_STATUS) {
    const pct = a.percentDone != null && a.status === 'dang_trien_khai' ? ` (${formatNumber(a.percentDone)}%)` : '';
    return w.status(a.status as TaskStatus) + pct;
  }
  if (a.value != null) {
    const q = estimateQualifier(a.note);
    return (q ? `${w.qualifier(q)} ` : '') + formatValue(a.value, { valueKind: (it.valueKind ?? 'count') as ValueKind, unit: it.unit });
  }
  return a.skipped ? w.skipped : nothing;
}
