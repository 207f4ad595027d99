// The reporting form, declaratively: one step per regime item, each with its prompt and its answer reader.
import { estimateNote, estimateQualifier } from '../reporting/answer-text.ts';
import { ANSWER_STATE_LABEL, isAnswerState, type Choice, type OutboundMessage, type TaskStatus } from '../core/types.ts';
import { excerpt, fold } from '../core/text.ts';
import { formatNumber, formatValue, parseFigure, type FigureParse, type FigureSpec } from '../reporting/numbers.ts';
import { formatDate, formatDateTime } from '../reporting/periods.ts';
import type { FormContext, FormItem, SavedAnswer } from './types.ts';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  chua_trien_khai: 'Chưa triển khai',
  dang_trien_khai: 'Đang triển khai',
  hoan_thanh: 'Hoàn thành',
};

export const STATUS_CHOICES: Choice[] = (Object.keys(STATUS_LABELS) as TaskStatus[]).map((s) => ({
  id: `st:${s}`,
  label: STATUS_LABELS[s],
}));
export const YES_NO_SUBMIT: Choice[] = [
  { id: 'yes', label: 'Gửi báo cáo' },
  { id: 'no', label: 'Chưa gửi' },
];
/** Free text at a note step that reads like a question: which it is. */
export const NOTE_OR_QUESTION: Choice[] = [
  { id: 'note', label: 'Lưu làm ghi chú' },
  { id: 'question', label: 'Đây là câu hỏi' },
];

export const YES_NO_OUTLIER: Choice[] = [
  { id: 'yes', label: 'Đúng, giữ số này' },
  { id: 'no', label: 'Nhập lại' },
];

export function figureSpec(item: FormItem): FigureSpec {
  return { valueKind: item.valueKind ?? 'count', unit: item.unit, min: item.min, max: item.max };
}

/** Reads a task status typed or pressed: "2", "đang triển khai", "dang", "hoàn thành", button id. */
export function readStatus(text: string, choice?: string): TaskStatus | null {
  // A button payload is only one of the three statuses ("st:bogus", "st:__proto__" are forged or stale: not a status).
  if (choice?.startsWith('st:')) {
    const st = choice.slice(3);
    return Object.prototype.hasOwnProperty.call(STATUS_LABELS, st) ? (st as TaskStatus) : null;
  }
  const f = fold(text).replace(/[.!]+$/, '');
  if (f === '1' || /^chua( trien khai| thuc hien| lam)?$/.test(f)) return 'chua_trien_khai';
  if (f === '2' || /^dang( trien khai| thuc hien| lam)?$/.test(f)) return 'dang_trien_khai';
  if (f === '3' || /^(hoan thanh|da hoan thanh|xong roi|da xong)$/.test(f)) return 'hoan_thanh';
  return null;
}

export function readFigure(item: FormItem, text: string): FigureParse {
  return parseFigure(text, figureSpec(item));
}

function unitSuffix(item: FormItem): string {
  if (item.kind !== 'figure') return '';
  if (item.valueKind === 'percent') return ' (%)';
  return item.unit ? ` (${item.unit})` : '';
}

export function showAnswer(item: FormItem, a: SavedAnswer | undefined): string {
  if (!a) return 'chưa trả lời';
  if (isAnswerState(a.status)) return ANSWER_STATE_LABEL[a.status].toLowerCase() + (a.note ? ` (${a.note})` : '');
  if (item.kind === 'text') return a.valueText ? `“${excerpt(a.valueText, 120)}”` : a.skipped ? 'bỏ qua' : 'chưa trả lời';
  if (a.skipped && a.value == null && !a.status) return 'bỏ qua';
  let s: string;
  if (item.kind === 'task_status') {
    s = a.status ? STATUS_LABELS[a.status] : 'chưa trả lời';
    if (a.percentDone != null) s += ` (${formatNumber(a.percentDone)}%)`;
  } else {
    const q = estimateQualifier(a.note);
    s = a.value != null ? (q ? `${q} ` : '') + formatValue(a.value, figureSpec(item)) : 'chưa trả lời';
    if (q && a.note === estimateNote(q)) return s; // the note only said "khoảng": shown as the word
  }
  return a.note ? `${s} — ghi chú: ${a.note}` : s;
}

export function prevText(item: FormItem): string | null {
  const p = item.prev;
  if (!p || item.kind === 'text') return null;
  if (isAnswerState(p.status)) return ANSWER_STATE_LABEL[p.status].toLowerCase();
  if (item.kind === 'task_status')
    return p.status ? STATUS_LABELS[p.status] + (p.percentDone != null ? ` (${formatNumber(p.percentDone)}%)` : '') : null;
  return p.value != null ? formatValue(p.value, figureSpec(item)) : null;
}

export function targetText(item: FormItem): string | null {
  if (item.targetText) {
    const t = item.targetText.trim();
    return item.targetYear && !t.includes(String(item.targetYear)) ? `${t} năm ${item.targetYear}` : t;
  }
  if (item.targetValue != null) return formatValue(item.targetValue, figureSpec(item)) + (item.targetYear ? ` năm ${item.targetYear}` : '');
  return null;
}

/** "Câu 2/5. Tỷ lệ … (%)? Mục tiêu 90% năm 2020; kỳ trước: 72%" with the value already saved, if any. */
export function itemPrompt(ctx: FormContext, item: FormItem): OutboundMessage {
  const extras: string[] = [];
  const target = targetText(item);
  if (target) extras.push(item.kind === 'task_status' ? `Thời hạn: ${target}` : `Mục tiêu ${target}`);
  const prev = prevText(item);
  if (prev) extras.push(`kỳ trước: ${prev}`);
  let text = `Câu ${item.n}/${ctx.items.length}. ${item.label}${unitSuffix(item)}?`;
  if (item.kind === 'task_status') text = `Câu ${item.n}/${ctx.items.length}. Nhiệm vụ: ${item.label}\nTình trạng thực hiện?`;
  if (extras.length) text += ` ${extras.join('; ')}`;
  const saved = ctx.answers[item.id];
  if (saved) text += `\n(Đã ghi: ${showAnswer(item, saved)}. Gõ giá trị mới để sửa, hoặc "bỏ qua" để giữ nguyên.)`;
  if (item.kind === 'task_status')
    return { text, choices: STATUS_CHOICES, input: { itemId: String(item.id), label: item.label, kind: 'choice' } };
  if (item.kind === 'text')
    return {
      text: `${text}\n(Viết nội dung trong một tin nhắn; "không có" nếu không có gì, "bỏ qua" để trả lời sau.)`,
      input: { itemId: String(item.id), label: item.label, kind: 'text' },
    };
  return {
    text,
    input: {
      itemId: String(item.id),
      label: item.label,
      kind: 'number',
      min: item.min ?? undefined,
      max: item.max ?? undefined,
      decimal: item.valueKind !== 'count',
    },
  };
}

export function intro(ctx: FormContext): OutboundMessage {
  const n = ctx.items.length;
  const done = ctx.items.filter((i) => ctx.answers[i.id] && !ctx.answers[i.id]!.skipped).length;
  const reopened = ctx.submission?.reopenedAt
    ? ` (kỳ đã được mở lại cho cơ quan bạn lúc ${formatDateTime(ctx.submission.reopenedAt)})`
    : '';
  const head = `Báo cáo ${ctx.period.label} — ${ctx.period.regimeName}, ${ctx.agency.name}. Hạn nộp ${formatDate(ctx.period.deadline)}${reopened}. Có ${n} câu${done ? `, đã trả lời ${done}` : ''}.`;
  return { text: `${head}\nLệnh: "bỏ qua", "quay lại", "sửa <số>", "xem", "hủy", "gửi", "trợ giúp".` };
}

export function helpText(): OutboundMessage {
  return {
    text: [
      'Trả lời từng câu bằng con số (ví dụ 85,5, 1.728, 2 tỷ 5, mười sáu nghìn) hoặc chọn tình trạng nhiệm vụ. Các lệnh:',
      '• bỏ qua — để trống câu này, trả lời sau',
      '• quay lại — về câu trước',
      '• sửa <số> — sửa câu số <số>, ví dụ "sửa 2"',
      '• xem — xem lại các câu đã trả lời',
      '• hủy — tạm dừng (các câu đã trả lời vẫn được lưu)',
      '• gửi (hoặc xong) — gửi báo cáo sau khi xác nhận',
      '• chưa có số liệu [vì …] / không áp dụng [vì …] — ghi rõ tình trạng thay cho con số',
      '• như kỳ trước — lấy lại số liệu kỳ trước (sẽ hỏi xác nhận)',
      '• nhiều câu một lần: "1: 46; 2: 17.000" hoặc mỗi câu một dòng',
      'Bạn cũng có thể đặt câu hỏi về văn bản bất cứ lúc nào; tôi trả lời rồi hỏi tiếp câu đang dở.',
    ].join('\n'),
  };
}

export function summary(ctx: FormContext): OutboundMessage {
  const lines = ctx.items.map((i) => `${i.n}. ${i.label}: ${showAnswer(i, ctx.answers[i.id])}`);
  const status =
    ctx.submission?.status === 'submitted' && ctx.submission.submittedAt
      ? `\nĐã gửi lúc ${formatDateTime(ctx.submission.submittedAt)}.`
      : '';
  return { text: `Tóm tắt báo cáo ${ctx.period.label} của ${ctx.agency.name}:\n${lines.join('\n')}${status}` };
}

/** Submitted and not reopened since: a reopened agency must send again for the period to lock again. */
export function isSubmitted(ctx: FormContext): boolean {
  return ctx.submission?.status === 'submitted' && !ctx.submission.reopenedAt;
}

export function unanswered(ctx: FormContext): FormItem[] {
  return ctx.items.filter((i) => {
    const a = ctx.answers[i.id];
    return !a || (a.value == null && !a.status && !(i.kind === 'text' && a.valueText));
  });
}

export function endPrompt(ctx: FormContext): OutboundMessage {
  if (isSubmitted(ctx)) {
    return {
      text: `Báo cáo đã gửi. Bạn vẫn có thể sửa đến ${formatDate(ctx.period.locksAt)}: gõ "sửa <số>", "xem" để xem lại, "hủy" để thoát.`,
    };
  }
  return { text: 'Đã hết các câu hỏi. Gõ "gửi" để gửi báo cáo, "sửa <số>" để sửa một câu, "xem" để xem lại.' };
}

/** Does the typed text name this candidate ("1,728%", "1728", "1.728")? */
export function sameNumber(text: string, candidate: number, item: FormItem): boolean {
  const t = fold(text).replace(/\s+/g, '');
  const spec = figureSpec(item);
  const forms = [formatNumber(candidate), String(candidate), formatValue(candidate, spec)].map((x) => fold(x).replace(/\s+/g, ''));
  return forms.some((x) => x === t || `${x}%` === t || x === `${t}%`);
}
