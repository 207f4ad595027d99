// What the form asks next and which buttons that question offers, side by side: a pressed button is read against
// exactly the choices the question being asked showed (a button of an earlier question, or a forged one, is not).
import { formatNumber, formatValue } from '../reporting/numbers.ts';
import { batchPrompt, copyPrompt, stateReasonPrompt } from './answer-flows.ts';
import { check } from './checks.ts';
import {
  endPrompt,
  figureSpec,
  itemPrompt,
  noteOrQuestion,
  NOTE_OR_QUESTION_IDS,
  STATUS_CHOICE_IDS,
  YES_NO_IDS,
  yesNoOutlier,
  yesNoSubmit,
} from './form.ts';
import { FORM_TEXT } from './form-text.ts';
import type { PendingHost } from './pending.ts';
import type { FormItem, FormState } from './types.ts';

/** Asks whatever is pending: the current item, a sub-question, or the end-of-form prompt. */
export function askPending(host: PendingHost): void {
  const p = host.form.pending;
  const item = host.item;
  const ctx = host.context;
  const locale = ctx.user.locale;
  const t = FORM_TEXT(locale);
  if (p?.kind === 'confirmSubmit') return host.say(t.confirmSubmit, { choices: yesNoSubmit(locale) });
  if (p?.kind === 'outlierConfirm' && item)
    return host.say(t.isItRight(p.reason ?? check(ctx, item, p.value)?.reason ?? ''), { choices: yesNoOutlier(locale) });
  if (p?.kind === 'outlierNote') return host.say(p.check && p.check !== 'outlier' ? t.whyCheck : t.whyChange);
  if (p?.kind === 'stateReason') return host.say(stateReasonPrompt(locale));
  if (p?.kind === 'copyConfirm' && item) return copyPrompt(host, item);
  if (p?.kind === 'confirmBatch') return batchPrompt(host, p.entries);
  if (p?.kind === 'disambiguate' && item) return disambiguation(host, item, p.candidates);
  if (p?.kind === 'taskPercent') return host.say(t.percentDone);
  if (p?.kind === 'taskNote') return host.say(t.taskNote);
  if (p?.kind === 'noteOrQuestion') return host.say(t.noteOrQuestion(String(item?.n ?? '')), { choices: noteOrQuestion(locale) });
  host.emit(item ? itemPrompt(ctx, item) : endPrompt(ctx));
}

/** The button ids the step being asked offers. */
export function offeredChoices(form: FormState, item: FormItem | undefined): string[] {
  const p = form.pending;
  const yesNo = ['confirmSubmit', 'outlierConfirm', 'copyConfirm', 'confirmBatch'];
  if (p && yesNo.includes(p.kind)) return YES_NO_IDS;
  if (p?.kind === 'disambiguate') return p.candidates.map((_, i) => `c${i}`);
  if (p?.kind === 'noteOrQuestion') return NOTE_OR_QUESTION_IDS;
  if (p) return [];
  return item?.kind === 'task_status' ? STATUS_CHOICE_IDS : [];
}

/** "Ý bạn là 1,728% hay 1728%?" with one button per reading the item accepts. */
export function disambiguation(host: PendingHost, item: FormItem, candidates: number[], message?: string): void {
  const spec = figureSpec(item);
  // integers without grouping dots, so "1728%" cannot be mistaken for the "1.728" just typed
  const plain = (v: number) => (Number.isInteger(v) ? String(v) : formatNumber(v));
  const label = (v: number) =>
    spec.valueKind === 'percent' ? `${plain(v)}%` : spec.valueKind === 'ratio' ? plain(v) : formatValue(v, spec);
  host.say(message ?? FORM_TEXT(host.context.user.locale).meant(candidates.map(label)), {
    choices: candidates.map((v, i) => ({ id: `c${i}`, label: label(v) })),
    input: { itemId: String(item.id), label: item.label, kind: 'number', decimal: true },
  });
}
