// The answers that are not one plain value: a state instead of a figure ("chưa có số liệu vì …"), last period's
// answer copied ("như kỳ trước"), free text, a status with its progress in one message, and several answers at once.
// Pure, like the engine: they speak through the step's host and leave effects for the runner.
import { estimateNote } from '../reporting/answer-text.ts';
import { excerpt } from '../core/text.ts';
import { ANSWER_STATE_LABEL } from '../core/types.ts';
import { formatNumber, formatValue, parseFigure } from '../reporting/numbers.ts';
import { isCopyPrevious, readState, splitBatch, splitStatus } from './answer-words.ts';
import { implausible } from './checks.ts';
import { figureSpec, prevText, readFigure, readStatus, STATUS_LABELS, summary, isSubmitted } from './form.ts';
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

export const YES_NO_COPY = [
  { id: 'yes', label: 'Đúng, lấy số này' },
  { id: 'no', label: 'Nhập số khác' },
];
export const YES_NO_BATCH = [
  { id: 'yes', label: 'Lưu các câu này' },
  { id: 'no', label: 'Không lưu' },
];

/** Free text is kept whole up to this length (a "khó khăn, vướng mắc" paragraph). */
const TEXT_MAX = 2000;

/** "chưa có số liệu …" / "không áp dụng …" / "như kỳ trước" / several answers: handled here (true) or not. */
export function specialAnswer(host: PendingHost, item: FormItem, text: string): boolean {
  const st = readState(text);
  if (st) {
    host.save(item, { value: null, status: st.state, percentDone: null, note: st.reason || null, skipped: false }, null);
    const label = ANSWER_STATE_LABEL[st.state].toLowerCase();
    if (st.reason) {
      host.say(`Đã ghi câu ${item.n}: ${label} (${excerpt(st.reason, 80)}).`);
      return (host.advance(), true);
    }
    host.say(`Đã ghi câu ${item.n}: ${label}.`);
    host.form.pending = { kind: 'stateReason', itemId: item.id };
    return (host.prompt(), true);
  }
  if (isCopyPrevious(text)) {
    const prev = prevText(item);
    if (!prev) return (host.reprompt(`Kỳ trước chưa có số liệu cho câu ${item.n}, nên không lấy lại được. Xin nhập giá trị.`), true);
    host.form.pending = { kind: 'copyConfirm', itemId: item.id };
    return (host.prompt(), true);
  }
  if (item.kind !== 'text') {
    const parts = splitBatch(text, item.n);
    if (parts) return (batch(host, parts), true);
  }
  return false;
}

export function stateReasonPrompt(): string {
  return 'Lý do (ngắn), để cơ quan tổng hợp biết? (hoặc "bỏ qua")';
}

export function copyPrompt(host: PendingHost, item: FormItem): void {
  host.say(`Lấy lại số liệu kỳ trước cho câu ${item.n} (${excerpt(item.label, 60)}): ${prevText(item)}. Đúng không?`, {
    choices: YES_NO_COPY,
  });
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
  if (p.kind === 'stateReason') {
    if (cmd && cmd.cmd !== 'skip') return false;
    if (!cmd && item && text.trim()) host.save(item, { note: text.trim().slice(0, 500) }, { sentence: `Đã lưu lý do cho câu ${item.n}.` });
    return (host.advance(), true);
  }
  if (p.kind === 'copyConfirm') {
    choice ??= numbered(text, ['yes', 'no']);
    if (isYes(text, choice) && item) {
      host.save(item, copied(item), { value: `như kỳ trước, ${prevText(item)}` });
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
      host.say('Chưa lưu các câu trả lời đó.');
      return (host.prompt(), true);
    }
    return false;
  }
  return false;
}

/** A free-text item's answer: kept as typed ("không có" is an answer too). */
export function textAnswer(host: PendingHost, item: FormItem, text: string): void {
  const t = text.trim().slice(0, TEXT_MAX);
  host.save(item, { value: null, valueText: t, status: null, skipped: false }, { sentence: `Đã ghi câu ${item.n}.` });
  host.advance();
}

/** "đang triển khai, đạt khoảng 70%", "hoàn thành, đã vận hành từ tháng 9": the status and what follows. */
export function statusWithRest(host: PendingHost, item: FormItem, text: string): boolean {
  const sp = splitStatus(text);
  const st = sp ? readStatus(sp.head) : null;
  if (!sp || !st) return false;
  const pct = parseFigure(sp.rest, { valueKind: 'percent', min: 0, max: 100 });
  const values: AnswerValues = { status: st, skipped: false, percentDone: st === 'hoan_thanh' ? 100 : null };
  let shown = STATUS_LABELS[st];
  if (pct.ok && st === 'dang_trien_khai') {
    values.percentDone = pct.value;
    shown += `, hoàn thành ${pct.approx ? 'khoảng ' : ''}${formatNumber(pct.value)}%`;
  } else values.note = sp.rest.slice(0, 500);
  host.save(item, values, { value: shown + (values.note ? ', kèm ghi chú' : '') });
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
  const st = readState(text);
  if (st)
    return {
      itemId: item.id,
      values: { value: null, status: st.state, note: st.reason || null, skipped: false },
      shown: ANSWER_STATE_LABEL[st.state].toLowerCase(),
    };
  if (item.kind === 'text')
    return {
      itemId: item.id,
      values: { value: null, valueText: text.slice(0, TEXT_MAX), skipped: false },
      shown: `“${excerpt(text, 60)}”`,
    };
  if (item.kind === 'task_status') {
    const s = readStatus(text) ?? readStatus(splitStatus(text)?.head ?? '');
    if (!s) return { error: 'chưa rõ tình trạng (chưa triển khai / đang triển khai / hoàn thành)' };
    return {
      itemId: item.id,
      values: { status: s, skipped: false, percentDone: s === 'hoan_thanh' ? 100 : null },
      shown: STATUS_LABELS[s],
    };
  }
  const r = readFigure(item, text);
  if (!r.ok) return { error: r.reason === 'ambiguous' ? `${r.message} — trả lời riêng câu này` : r.message };
  const why = implausible(ctx, item, r.value);
  if (why) return { error: `${why} Gõ "sửa ${item.n}" để xác nhận riêng.` };
  const note = r.approx ? estimateNote(r.qualifier) : null;
  return {
    itemId: item.id,
    values: { value: r.value, valueText: text, status: null, note, skipped: false },
    shown: (r.approx ? `${r.qualifier ?? 'khoảng'} ` : '') + formatValue(r.value, figureSpec(item)),
  };
}

/** Reads every part, shows what was understood (and what not, with the reason), and asks to save. */
function batch(host: PendingHost, parts: { n: number; text: string }[]): void {
  const ctx = { ...host.context, answers: { ...host.context.answers } };
  const entries: BatchEntry[] = [];
  const lines: string[] = [];
  const errors: string[] = [];
  for (const part of parts) {
    const item = ctx.items[part.n - 1];
    if (!item) {
      errors.push(`• Câu ${part.n}: báo cáo chỉ có ${ctx.items.length} câu`);
      continue;
    }
    const e = readPart(ctx, item, part.text);
    if ('error' in e) {
      errors.push(`• Câu ${item.n} ("${excerpt(part.text, 30)}"): ${e.error}`);
      continue;
    }
    entries.push(e);
    ctx.answers[item.id] = { ...emptyAnswer(), ...e.values } as SavedAnswer;
    lines.push(`• Câu ${item.n}. ${excerpt(item.label, 50)}: ${e.shown}`);
  }
  if (!entries.length) return host.reprompt(`Tôi chưa hiểu các câu trả lời này:\n${errors.join('\n')}`);
  const text = [
    `Tôi hiểu ${entries.length} câu trả lời:`,
    ...lines,
    ...(errors.length ? ['Chưa ghi được:', ...errors] : []),
    `Lưu ${entries.length} câu trả lời trên?`,
  ];
  host.form.pending = { kind: 'confirmBatch', entries };
  host.say(text.join('\n'), { choices: YES_NO_BATCH });
}

export function batchPrompt(host: PendingHost, entries: BatchEntry[]): void {
  host.say(
    `Lưu ${entries.length} câu trả lời đã gõ (câu ${entries.map((e) => host.context.items.find((i) => i.id === e.itemId)?.n).join(', ')})?`,
    {
      choices: YES_NO_BATCH,
    },
  );
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
  host.say(`Đã ghi ${ns.length} câu: ${ns.join(', ')}.`);
  const open = ctx.items.findIndex((i) => !ctx.answers[i.id]);
  host.form.cursor = open < 0 ? ctx.items.length : open;
  host.form.returnTo = null;
  if (host.form.cursor >= ctx.items.length && !isSubmitted(ctx)) host.emit(summary(ctx));
  host.prompt();
}
