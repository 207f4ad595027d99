// One stored answer as a coordinator reads it in chat ("72%", "Đang triển khai (40%)", "chưa có số liệu (lý do)", "chưa trả lời",
// "“Thiếu kinh phí…”"), the same wherever an answer is listed: an agency's detail, progress, history.
import { excerpt } from '../core/text.ts';
import { ANSWER_STATE_LABEL, isAnswerState, type TaskStatus } from '../core/types.ts';
import { formatNumber, formatValue, type ValueKind } from './numbers.ts';

const TASK: Record<TaskStatus, string> = {
  chua_trien_khai: 'Chưa triển khai',
  dang_trien_khai: 'Đang triển khai',
  hoan_thanh: 'Hoàn thành',
};

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
export function answerText(it: AnsweredItem, a: StoredAnswer | null | undefined, none = 'chưa trả lời'): string {
  if (!a) return none;
  if (isAnswerState(a.status)) return ANSWER_STATE_LABEL[a.status].toLowerCase() + (a.note ? ` (${excerpt(a.note, 80)})` : '');
  if (it.kind === 'text') return a.valueText ? `“${excerpt(a.valueText, 200)}”` : a.skipped ? 'bỏ qua' : none;
  if (a.status && a.status in TASK)
    return (
      TASK[a.status as TaskStatus] + (a.percentDone != null && a.status === 'dang_trien_khai' ? ` (${formatNumber(a.percentDone)}%)` : '')
    );
  if (a.value != null) {
    const q = estimateQualifier(a.note);
    return (q ? `${q} ` : '') + formatValue(a.value, { valueKind: (it.valueKind ?? 'count') as ValueKind, unit: it.unit });
  }
  return a.skipped ? 'bỏ qua' : none;
}
