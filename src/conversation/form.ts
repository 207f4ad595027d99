// The reporting form, declaratively: one step per regime item, each with its prompt and its answer reader.
import { estimateNote, estimateQualifier } from '../reporting/answer-text.ts';
import { isAnswerState, type Choice, type OutboundMessage, type TaskStatus } from '../core/types.ts';
import type { Locale } from '../core/i18n.ts';
import { excerpt, fold } from '../core/text.ts';
import { formatNumber, formatValue, parseFigure, type FigureParse, type FigureSpec } from '../reporting/numbers.ts';
import { formatDate, formatDateTime } from '../reporting/periods.ts';
import { FORM_TEXT } from './form-text.ts';
import type { FormContext, FormItem, SavedAnswer } from './types.ts';

export const TASK_STATUSES: readonly TaskStatus[] = ['chua_trien_khai', 'dang_trien_khai', 'hoan_thanh'];
/** The statuses as Vietnamese names them (the web form and the stored wording). */
export const STATUS_LABELS = Object.fromEntries(TASK_STATUSES.map((s) => [s, FORM_TEXT('vi').status(s)])) as Record<TaskStatus, string>;

export const statusChoices = (locale?: Locale): Choice[] =>
  TASK_STATUSES.map((s) => ({ id: `st:${s}`, label: FORM_TEXT(locale).status(s) }));
export const STATUS_CHOICE_IDS = TASK_STATUSES.map((s) => `st:${s}`);
export const yesNoSubmit = (locale?: Locale): Choice[] => [
  { id: 'yes', label: FORM_TEXT(locale).sendReport },
  { id: 'no', label: FORM_TEXT(locale).notYet },
];
/** Free text at a note step that reads like a question: which it is. */
export const noteOrQuestion = (locale?: Locale): Choice[] => [
  { id: 'note', label: FORM_TEXT(locale).saveAsNote },
  { id: 'question', label: FORM_TEXT(locale).itIsAQuestion },
];
export const yesNoOutlier = (locale?: Locale): Choice[] => [
  { id: 'yes', label: FORM_TEXT(locale).keepNumber },
  { id: 'no', label: FORM_TEXT(locale).retype },
];
/** The button ids of the yes/no and note/question sub-questions. */
export const YES_NO_IDS = ['yes', 'no'];
export const NOTE_OR_QUESTION_IDS = ['note', 'question'];

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
  if (f === '1' || /^(chua( trien khai| thuc hien| lam)?|not (yet )?started)$/.test(f)) return 'chua_trien_khai';
  if (f === '2' || /^(dang( trien khai| thuc hien| lam)?|in progress|ongoing|under ?way)$/.test(f)) return 'dang_trien_khai';
  if (f === '3' || /^(hoan thanh|da hoan thanh|xong roi|da xong|completed?|finished|done)$/.test(f)) return 'hoan_thanh';
  return null;
}

export function readFigure(item: FormItem, text: string, locale?: Locale): FigureParse {
  return parseFigure(text, figureSpec(item), locale);
}

function unitSuffix(item: FormItem): string {
  if (item.kind !== 'figure') return '';
  if (item.valueKind === 'percent') return ' (%)';
  return item.unit ? ` (${item.unit})` : '';
}

export function showAnswer(item: FormItem, a: SavedAnswer | undefined, locale?: Locale): string {
  const t = FORM_TEXT(locale);
  if (!a) return t.notAnswered;
  if (isAnswerState(a.status)) return t.state(a.status) + (a.note ? ` (${t.note(a.note)})` : '');
  if (item.kind === 'text') return a.valueText ? `“${excerpt(a.valueText, 120)}”` : a.skipped ? t.skipped : t.notAnswered;
  if (a.skipped && a.value == null && !a.status) return t.skipped;
  let s: string;
  if (item.kind === 'task_status') {
    s = a.status ? t.status(a.status) : t.notAnswered;
    if (a.percentDone != null) s += ` (${formatNumber(a.percentDone)}%)`;
  } else {
    const q = estimateQualifier(a.note);
    s = a.value != null ? (q ? `${t.qualifier(q)} ` : '') + formatValue(a.value, figureSpec(item)) : t.notAnswered;
    if (q && a.note === estimateNote(q)) return s; // the note only said "khoảng": shown as the word
  }
  return a.note ? t.withNote(s, t.note(a.note)) : s;
}

export function prevText(item: FormItem, locale?: Locale): string | null {
  const p = item.prev;
  const t = FORM_TEXT(locale);
  if (!p || item.kind === 'text') return null;
  if (isAnswerState(p.status)) return t.state(p.status);
  if (item.kind === 'task_status')
    return p.status ? t.status(p.status) + (p.percentDone != null ? ` (${formatNumber(p.percentDone)}%)` : '') : null;
  return p.value != null ? formatValue(p.value, figureSpec(item)) : null;
}

export function targetText(item: FormItem, locale?: Locale): string | null {
  const t = FORM_TEXT(locale);
  if (item.targetText) {
    const target = t.documentWords(item.targetText.trim());
    return item.targetYear && !target.includes(String(item.targetYear)) ? t.inYear(target, item.targetYear) : target;
  }
  if (item.targetValue == null) return null;
  const value = formatValue(item.targetValue, figureSpec(item));
  return item.targetYear ? t.inYear(value, item.targetYear) : value;
}

/** "Câu 2/5. Tỷ lệ … (%)? Mục tiêu 90% năm 2020; kỳ trước: 72%" with the value already saved, if any. */
export function itemPrompt(ctx: FormContext, item: FormItem): OutboundMessage {
  const locale = ctx.user.locale;
  const t = FORM_TEXT(locale);
  const extras: string[] = [];
  const target = targetText(item, locale);
  if (target) extras.push(item.kind === 'task_status' ? t.deadline(target) : t.target(target));
  const prev = prevText(item, locale);
  if (prev) extras.push(t.previous(prev));
  let text = t.item(item.n, ctx.items.length, `${item.label}${unitSuffix(item)}`);
  if (item.kind === 'task_status') text = t.task(item.n, ctx.items.length, item.label);
  if (extras.length) text += ` ${extras.join('; ')}`;
  const saved = ctx.answers[item.id];
  if (saved) text += `\n${t.savedAlready(showAnswer(item, saved, locale))}`;
  if (item.kind === 'task_status')
    return { text, choices: statusChoices(locale), input: { itemId: String(item.id), label: item.label, kind: 'choice' } };
  if (item.kind === 'text')
    return {
      text: `${text}\n${t.textHint}`,
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
  const done = ctx.items.filter((i) => ctx.answers[i.id] && !ctx.answers[i.id]!.skipped).length;
  const reopenedAt = ctx.submission?.reopenedAt ? formatDateTime(ctx.submission.reopenedAt) : null;
  const p = ctx.period;
  const facts = { period: p.label, regime: p.regimeName, agency: ctx.agency.name, deadline: formatDate(p.deadline), reopenedAt };
  return { text: FORM_TEXT(ctx.user.locale).intro({ ...facts, items: ctx.items.length, done }) };
}

export function helpText(locale?: Locale): OutboundMessage {
  return { text: FORM_TEXT(locale).help };
}

export function summary(ctx: FormContext): OutboundMessage {
  const t = FORM_TEXT(ctx.user.locale);
  const lines = ctx.items.map((i) => `${i.n}. ${i.label}: ${showAnswer(i, ctx.answers[i.id], ctx.user.locale)}`);
  const status =
    ctx.submission?.status === 'submitted' && ctx.submission.submittedAt ? `\n${t.sentAt(formatDateTime(ctx.submission.submittedAt))}` : '';
  return { text: `${t.summary(ctx.period.label, ctx.agency.name)}\n${lines.join('\n')}${status}` };
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
  const t = FORM_TEXT(ctx.user.locale);
  return { text: isSubmitted(ctx) ? t.endSubmitted(formatDate(ctx.period.locksAt)) : t.endOpen };
}

/** Does the typed text name this candidate ("1,728%", "1728", "1.728")? */
export function sameNumber(text: string, candidate: number, item: FormItem): boolean {
  const t = fold(text).replace(/\s+/g, '');
  const spec = figureSpec(item);
  const forms = [formatNumber(candidate), String(candidate), formatValue(candidate, spec)].map((x) => fold(x).replace(/\s+/g, ''));
  return forms.some((x) => x === t || `${x}%` === t || x === `${t}%`);
}
