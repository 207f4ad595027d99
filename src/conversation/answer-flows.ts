// The answers that are not one plain value: a state instead of a figure ("chưa có số liệu vì …"), last period's
// answer copied ("như kỳ trước"), free text, a status with its progress in one message, and several answers at once.
// Pure, like the engine: they speak through the step's host and leave effects for the runner.
import { estimateNote } from '../reporting/answer-text.ts';
import { excerpt } from '../core/text.ts';
import type { Locale } from '../core/i18n.ts';
import { formatNumber, formatValue, parseFigure } from '../reporting/numbers.ts';
import { isCopyPrevious, readState, splitBatch, splitStatus } from './answer-words.ts';
import { implausible } from './checks.ts';
import { figureSpec, prevText, readFigure, readStatus, summary, isSubmitted } from './form.ts';
import { FLOW_TEXT } from './flow-text.ts';
import { FORM_TEXT } from './form-text.ts';
import { isNo, isYes, numbered, type FormCommand } from './phrases.ts';
import {
  emptyAnswer,
  type AnswerValues,
  type BatchEntry,
  type FormContext,
  type FormItem,
  type PendingHost,
  type SavedAnswer,
} from './types.ts';

const yesNoCopy = (locale: Locale) => [
  { id: 'yes', label: FLOW_TEXT(locale).copyYes },
  { id: 'no', label: FLOW_TEXT(locale).copyNo },
];
const yesNoBatch = (locale: Locale) => [
  { id: 'yes', label: FLOW_TEXT(locale).batchYes },
  { id: 'no', label: FLOW_TEXT(locale).batchNo },
];

/** Free text is kept whole up to this length (a "khó khăn, vướng mắc" paragraph). */
const TEXT_MAX = 2000;

/** "chưa có số liệu …" / "không áp dụng …" / "như kỳ trước" / several answers: handled here (true) or not. */
export function specialAnswer(host: PendingHost, item: FormItem, text: string): boolean {
  const locale = host.context.user.locale;
  const t = FLOW_TEXT(locale);
  const st = readState(text);
  if (st) {
    host.save(item, { value: null, status: st.state, percentDone: null, note: st.reason || null, skipped: false }, null);
    const label = FORM_TEXT(locale).state(st.state);
    if (st.reason) {
      host.say(t.savedState(item.n, `${label} (${excerpt(st.reason, 80)})`));
      return (host.advance(), true);
    }
    host.say(t.savedState(item.n, label));
    host.form.pending = { kind: 'stateReason', itemId: item.id };
    return (host.prompt(), true);
  }
  if (isCopyPrevious(text)) {
    const prev = prevText(item);
    if (!prev) return (host.reprompt(t.noPrevious(item.n)), true);
    host.form.pending = { kind: 'copyConfirm', itemId: item.id };
    return (host.prompt(), true);
  }
  if (item.kind !== 'text') {
    const parts = splitBatch(text, item.n);
    if (parts) return (batch(host, parts), true);
  }
  return false;
}

export function stateReasonPrompt(locale: Locale): string {
  return FLOW_TEXT(locale).stateReason;
}

export function copyPrompt(host: PendingHost, item: FormItem): void {
  const locale = host.context.user.locale;
  host.say(FLOW_TEXT(locale).copyAsk(item.n, excerpt(item.label, 60), prevText(item, locale) ?? ''), { choices: yesNoCopy(locale) });
}

/** The values of last period's answer, as this period's. */
function copied(item: FormItem): AnswerValues {
  const p = item.prev!;
  if (item.kind === 'task_status' || (p.status && p.value == null))
    return { value: null, status: p.status, percentDone: p.percentDone, note: 'như kỳ trước', skipped: false };
  return { value: p.value, valueText: 'như kỳ trước', status: null, note: 'như kỳ trước', skipped: false };
}

/** Answers to the sub-questions of this module; false when the input is to be treated afresh. */
export function answerFlowPending(host: PendingHost, text: string, choice: string | undefined, cmd: FormCommand | null): boolean {
  const p = host.form.pending!;
  const item = host.item;
  const locale = host.context.user.locale;
  const t = FLOW_TEXT(locale);
  if (p.kind === 'stateReason') {
    if (cmd && cmd.cmd !== 'skip') return false;
    if (!cmd && item && text.trim()) host.save(item, { note: text.trim().slice(0, 500) }, { sentence: t.reasonSaved(item.n) });
    return (host.advance(), true);
  }
  if (p.kind === 'copyConfirm') {
    choice ??= numbered(text, ['yes', 'no']);
    if (isYes(text, choice) && item) {
      host.save(item, copied(item), { value: t.asLastPeriod(prevText(item, locale) ?? '') });
      return (host.advance(), true);
    }
    if (isNo(text, choice)) {
      host.form.pending = null;
      return (host.prompt(), true);
    }
    return false;
  }
  if (p.kind === 'confirmBatch') {
    choice ??= numbered(text, ['yes', 'no']);
    if (isYes(text, choice)) return (saveBatch(host, p.entries), true);
    if (isNo(text, choice)) {
      host.form.pending = null;
      host.say(t.batchNotSaved);
      return (host.prompt(), true);
    }
    return false;
  }
  return false;
}

/** A free-text item's answer: kept as typed ("không có" is an answer too). */
export function textAnswer(host: PendingHost, item: FormItem, text: string): void {
  const t = text.trim().slice(0, TEXT_MAX);
  host.save(
    item,
    { value: null, valueText: t, status: null, skipped: false },
    { sentence: FLOW_TEXT(host.context.user.locale).textSaved(item.n) },
  );
  host.advance();
}

/** "đang triển khai, đạt khoảng 70%", "hoàn thành, đã vận hành từ tháng 9": the status and what follows. */
export function statusWithRest(host: PendingHost, item: FormItem, text: string): boolean {
  const sp = splitStatus(text);
  const st = sp ? readStatus(sp.head) : null;
  if (!sp || !st) return false;
  const locale = host.context.user.locale;
  const pct = parseFigure(sp.rest, { valueKind: 'percent', min: 0, max: 100 }, locale);
  const values: AnswerValues = { status: st, skipped: false, percentDone: st === 'hoan_thanh' ? 100 : null };
  let shown = FORM_TEXT(locale).status(st);
  if (pct.ok && st === 'dang_trien_khai') {
    values.percentDone = pct.value;
    shown += FLOW_TEXT(locale).donePercent(formatNumber(pct.value), pct.approx);
  } else values.note = sp.rest.slice(0, 500);
  host.save(item, values, { value: shown + (values.note ? FLOW_TEXT(locale).withNote : '') });
  host.form.pending =
    st === 'dang_trien_khai' && values.percentDone == null
      ? { kind: 'taskPercent', itemId: item.id }
      : values.note
        ? null
        : { kind: 'taskNote', itemId: item.id };
  if (!host.form.pending) return (host.advance(), true);
  return (host.prompt(), true);
}

/** One part of a several-answers message, read against its item, or why it was not taken. */
function readPart(ctx: FormContext, item: FormItem, text: string): BatchEntry | { error: string } {
  const locale = ctx.user.locale;
  const t = FLOW_TEXT(locale);
  const st = readState(text);
  if (st)
    return {
      itemId: item.id,
      values: { value: null, status: st.state, note: st.reason || null, skipped: false },
      shown: FORM_TEXT(locale).state(st.state),
    };
  if (item.kind === 'text')
    return {
      itemId: item.id,
      values: { value: null, valueText: text.slice(0, TEXT_MAX), skipped: false },
      shown: `“${excerpt(text, 60)}”`,
    };
  if (item.kind === 'task_status') {
    const s = readStatus(text) ?? readStatus(splitStatus(text)?.head ?? '');
    if (!s) return { error: t.statusUnclear };
    return {
      itemId: item.id,
      values: { status: s, skipped: false, percentDone: s === 'hoan_thanh' ? 100 : null },
      shown: FORM_TEXT(locale).status(s),
    };
  }
  const r = readFigure(item, text, locale);
  if (!r.ok) return { error: r.reason === 'ambiguous' ? t.answerAlone(r.message) : r.message };
  const why = implausible(ctx, item, r.value);
  if (why) return { error: t.confirmAlone(why, item.n) };
  const note = r.approx ? estimateNote(r.qualifier) : null;
  return {
    itemId: item.id,
    values: { value: r.value, valueText: text, status: null, note, skipped: false },
    shown: (r.approx ? `${FORM_TEXT(locale).qualifier(r.qualifier ?? 'khoảng')} ` : '') + formatValue(r.value, figureSpec(item)),
  };
}

/** Reads every part, shows what was understood (and what not, with the reason), and asks to save. */
function batch(host: PendingHost, parts: { n: number; text: string }[]): void {
  const ctx = { ...host.context, answers: { ...host.context.answers } };
  const t = FLOW_TEXT(ctx.user.locale);
  const entries: BatchEntry[] = [];
  const lines: string[] = [];
  const errors: string[] = [];
  for (const part of parts) {
    const item = ctx.items[part.n - 1];
    if (!item) {
      errors.push(t.batchNoItem(part.n, ctx.items.length));
      continue;
    }
    const e = readPart(ctx, item, part.text);
    if ('error' in e) {
      errors.push(t.batchError(item.n, excerpt(part.text, 30), e.error));
      continue;
    }
    entries.push(e);
    ctx.answers[item.id] = { ...emptyAnswer(), ...e.values } as SavedAnswer;
    lines.push(t.batchLine(item.n, excerpt(item.label, 50), e.shown));
  }
  if (!entries.length) return host.reprompt(t.batchNone(errors.join('\n')));
  const text = [
    t.batchUnderstood(entries.length),
    ...lines,
    ...(errors.length ? [t.batchNotTaken, ...errors] : []),
    t.batchSave(entries.length),
  ];
  host.form.pending = { kind: 'confirmBatch', entries };
  host.say(text.join('\n'), { choices: yesNoBatch(ctx.user.locale) });
}

export function batchPrompt(host: PendingHost, entries: BatchEntry[]): void {
  const locale = host.context.user.locale;
  const ns = entries.map((e) => host.context.items.find((i) => i.id === e.itemId)?.n).join(', ');
  host.say(FLOW_TEXT(locale).batchAgain(entries.length, ns), { choices: yesNoBatch(locale) });
}

function saveBatch(host: PendingHost, entries: BatchEntry[]): void {
  const ctx = host.context;
  const ns: number[] = [];
  for (const e of entries) {
    const item = ctx.items.find((i) => i.id === e.itemId);
    if (!item) continue;
    host.save(item, e.values, null);
    ns.push(item.n);
  }
  host.form.pending = null;
  host.say(FLOW_TEXT(ctx.user.locale).batchSaved(ns.length, ns.join(', ')));
  const open = ctx.items.findIndex((i) => !ctx.answers[i.id]);
  host.form.cursor = open < 0 ? ctx.items.length : open;
  host.form.returnTo = null;
  if (host.form.cursor >= ctx.items.length && !isSubmitted(ctx)) host.emit(summary(ctx));
  host.prompt();
}
