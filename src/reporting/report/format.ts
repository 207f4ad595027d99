// Vietnamese formatting shared by the report renderers: the null-safe forms of core/locale's numbers, dates and period
// labels, the trích yếu, and the status and method labels.
import { formatDate, formatDateTime, formatLongDate, formatNumber } from '../../core/locale.ts';
import { ANSWER_STATE_LABEL } from '../../core/types.ts';
import type { AgencyProgress, AggregateMethod, AnswerState, Change, TaskStatusKey, Timeliness } from './types.ts';

export { periodLabel } from '../../core/locale.ts';

const DOC_TYPES =
  /^(kế hoạch|chỉ thị|nghị quyết|quyết định|chương trình|đề án|nghị định|thông tư|công văn|kết luận|chiến lược|quy hoạch)(?=\s|$)/i;
const LEADING_WORDS = [
  /^báo cáo(\s+|$)/i,
  /^(định kỳ|hằng|hàng)\s+/i,
  /^(6 tháng|sáu tháng|tháng|quý|năm|định kỳ)\s+/i,
  /^(về\s+)?(tình hình|kết quả|tiến độ)\s+/i,
  /^(thực hiện|triển khai)\s+/i,
];

/**
 * The trích yếu of the report: "Kết quả thực hiện <regime name without 'Báo cáo', frequency, 'tình hình'…> <period>",
 * e.g. "Báo cáo quý tình hình ứng dụng CNTT" → "Kết quả ứng dụng CNTT quý IV năm 2026".
 */
export function reportSubject(regimeName: string, period: string): string {
  let subject = regimeName.trim().replace(/\s+/g, ' ');
  for (const re of LEADING_WORDS) subject = subject.replace(re, '');
  subject = subject.replace(/[.;:,\s]+$/, '');
  if (!DOC_TYPES.test(subject) && /^\p{Lu}\p{Ll}/u.test(subject)) subject = subject.charAt(0).toLowerCase() + subject.slice(1);
  if (!subject) subject = 'nhiệm vụ';
  const verb = /^(ứng dụng|chuyển đổi|cải cách|phát triển|xây dựng)\s/i.test(subject) ? 'Kết quả' : 'Kết quả thực hiện';
  const withPeriod = subject.toLowerCase().endsWith(period.toLowerCase()) ? subject : `${subject} ${period}`;
  return `${verb} ${withPeriod}`;
}

/** Vietnamese number: thousands ".", decimals ",", at most `digits` decimals, no trailing zeros; "–" for none. */
export function fmtNum(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return formatNumber(n, digits);
}

/** A value with its unit: "85,5%", "1.234 hồ sơ". */
export function fmtValue(n: number | null | undefined, unit: string | null, digits = 2): string {
  if (n === null || n === undefined) return '–';
  const s = fmtNum(n, digits);
  if (!unit) return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

/** A ratio 0.947 → "94,7%". */
export function fmtPct(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return `${fmtNum(ratio * 100, digits)}%`;
}

/** "+5,2" / "−3" with the previous-period percentage when meaningful. */
export function fmtChange(c: Change | null, unit: string | null): string {
  if (!c) return '–';
  const sign = c.abs > 0 ? '+' : c.abs < 0 ? '−' : '±';
  const abs = `${sign}${fmtNum(Math.abs(c.abs))}${unit === '%' ? ' điểm %' : ''}`;
  if (unit === '%' || c.pct === null) return abs;
  return `${abs} (${c.pct >= 0 ? '+' : '−'}${fmtNum(Math.abs(c.pct) * 100, 1)}%)`;
}

/** "10/01/2027" */
export function fmtDate(d: Date | null | undefined): string {
  return d ? formatDate(d) : '–';
}

/** "14:05 10/01/2027" */
export function fmtDateTime(d: Date | null | undefined): string {
  return d ? formatDateTime(d) : '–';
}

/** "ngày 12 tháng 01 năm 2027" (administrative style). */
export const fmtLongDate = formatLongDate;

export const TASK_STATUS_LABEL: Record<TaskStatusKey, string> = {
  chua_trien_khai: 'Chưa triển khai',
  dang_trien_khai: 'Đang triển khai',
  hoan_thanh: 'Hoàn thành',
};

export const NOT_REPORTED = 'Chưa báo cáo';
export const SKIPPED = 'Bỏ qua';

/** "Chưa có số liệu" / "Không áp dụng", with the official's reason when asked: "Không áp dụng (không có bộ phận …)". */
export function stateLabel(state: AnswerState, note?: string | null): string {
  const reason = note?.trim();
  return reason ? `${ANSWER_STATE_LABEL[state]} (${reason})` : ANSWER_STATE_LABEL[state];
}

/** What an agency's figure cell says about its answer: the state label, "Bỏ qua", "Chưa báo cáo", "Chưa gửi" or "Đã báo cáo". */
export function figureStatus(v: { value: number | null; skipped: boolean; state: AnswerState | null; draft: boolean }): string {
  if (v.state) return ANSWER_STATE_LABEL[v.state];
  if (v.skipped) return SKIPPED;
  if (v.value === null) return NOT_REPORTED;
  return v.draft ? 'Chưa gửi' : 'Đã báo cáo';
}

/** The same for a free-text answer (`withReason`: the state's reason in the label, where no column holds the note). */
export function textStatus(
  a: { text: string | null; skipped: boolean; state: AnswerState | null; note: string | null; draft: boolean },
  withReason = false,
): string {
  if (a.state) return stateLabel(a.state, withReason ? a.note : null);
  if (a.skipped) return SKIPPED;
  if (a.text === null) return NOT_REPORTED;
  return a.draft ? 'Chưa gửi' : 'Đã báo cáo';
}

export const TIMELINESS_LABEL: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  not_submitted: 'Chưa nộp',
  not_due: 'Chưa đến hạn',
};

/** "đã nộp 1/4 (25%), chưa đến hạn": before the deadline it replaces the on-time rate, which reads as lateness. */
export function fmtNotDueSummary(submitted: number, agencies: number): string {
  return `đã nộp ${submitted}/${agencies} (${fmtPct(agencies ? submitted / agencies : 0, 0)}), chưa đến hạn`;
}

export const METHOD_LABEL: Record<AggregateMethod, string> = {
  sum: 'tổng cộng',
  mean: 'trung bình cộng, không trọng số',
  none: 'không tổng hợp',
};

/** One agency's row in the submissions table (Markdown and DOCX): no., name, state, when, answered, completeness. */
export const agencyProgressCells = (a: AgencyProgress, i: number): (string | number)[] => [
  i + 1,
  a.name,
  a.timelinessLabel,
  fmtDateTime(a.submittedAt),
  `${a.answered}/${a.expected}`,
  fmtPct(a.completeness),
];
