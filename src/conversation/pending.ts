// Answers to the form's sub-questions (submit confirmation, outlier confirmation and note, "1,728 or 1728?",
// task % done and note), split out of the engine; pure like the engine itself.
import { answerFlowPending } from './answer-flows.ts';
import { excerpt, fold } from '../core/text.ts';
import { checkValue, formatNumber, formatValue, parseFigure } from '../reporting/numbers.ts';
import { figureSpec, noteOrQuestion, sameNumber } from './form.ts';
import { FLOW_TEXT } from './flow-text.ts';
import { check } from './checks.ts';
import { isNo, isYes, numbered, type FormCommand } from './phrases.ts';
import type { NotePending, PendingHost } from './types.ts';

export type { PendingHost } from './types.ts';

/**
 * A note is free text: only what plainly asks ("…?", or a question word with a question the answerer knows) is asked
 * about; "Đang nhập dữ liệu" is a note.
 */
function asksQuestion(step: PendingHost, text: string): boolean {
  if (/\?\s*$/.test(text)) return true;
  return /\b(ai|nao|bao nhieu|khi nao|o dau|tai sao|vi sao|the nao|la gi)\b/.test(fold(text)) && step.isQuestion(text);
}

/** A note step that got a question ("sở nào phối hợp với sở gd&đt?"): ask once, rather than saving it silently. */
function askNoteOrQuestion(step: PendingHost, p: NotePending, text: string): boolean {
  step.form.pending = { kind: 'noteOrQuestion', itemId: p.itemId, text, note: p };
  const locale = step.context.user.locale;
  step.say(FLOW_TEXT(locale).noteOrQuestion(excerpt(text, 80), String(step.item?.n ?? '')), { choices: noteOrQuestion(locale) });
  return true;
}

/** Handles the input as the answer to a pending sub-question; false when it should be treated afresh. */
export function answerPending(step: PendingHost, text: string, choice: string | undefined, cmd: FormCommand | null): boolean {
  const p = step.form.pending!;
  const item = step.item;
  const locale = step.context.user.locale;
  const t = FLOW_TEXT(locale);
  switch (p.kind) {
    case 'stateReason':
    case 'copyConfirm':
    case 'confirmBatch':
      return answerFlowPending(step, text, choice, cmd);
    case 'textItem':
      return false;
    case 'confirmSubmit':
      choice ??= numbered(text, ['yes', 'no']);
      if (isYes(text, choice)) return (step.submit(), true);
      if (isNo(text, choice)) {
        step.form.pending = null;
        step.say(t.notSent);
        return (step.prompt(), true);
      }
      return false;
    case 'outlierConfirm':
      choice ??= numbered(text, ['yes', 'no']);
      if (isYes(text, choice)) {
        step.form.pending = { ...p, kind: 'outlierNote' };
        return (step.prompt(), true);
      }
      if (isNo(text, choice)) {
        step.form.pending = null;
        return (step.prompt(), true);
      }
      return false;
    case 'outlierNote':
      if (cmd && cmd.cmd !== 'skip') return false;
      if (!cmd && asksQuestion(step, text)) return askNoteOrQuestion(step, p, text);
      return saveNote(step, p, cmd ? null : text);
    case 'disambiguate':
      return answerDisambiguate(step, p, text, choice);
    case 'taskPercent': {
      if (cmd && cmd.cmd !== 'skip') return false;
      if (!cmd && item) {
        const r = parseFigure(text, { valueKind: 'percent', min: 0, max: 100 }, locale);
        if (!r.ok) return (step.reprompt(r.message), true);
        step.save(item, { percentDone: r.value }, { value: t.percentSaved(formatNumber(r.value)) });
      }
      step.form.pending = { kind: 'taskNote', itemId: p.itemId };
      return (step.prompt(), true);
    }
    case 'taskNote':
      if (cmd && cmd.cmd !== 'skip') return false;
      if (!cmd && asksQuestion(step, text)) return askNoteOrQuestion(step, p, text);
      if (!cmd && item && /^[\d\s.,%]+$/.test(text.trim())) return (step.reprompt(t.numberNotNote(text.trim(), item.n)), true);
      return saveNote(step, p, cmd ? null : text);
    case 'noteOrQuestion': {
      choice ??= numbered(text, ['note', 'question']);
      if (choice !== 'note' && choice !== 'question') return false;
      step.form.pending = p.note;
      if (choice === 'question') {
        step.question(p.text);
        return (step.prompt(), true);
      }
      return saveNote(step, p.note, p.text);
    }
  }
}

/** "Bạn muốn nói …?": the number the official meant, by its button, its position or its digits. */
function answerDisambiguate(
  step: PendingHost,
  p: Extract<NonNullable<PendingHost['form']['pending']>, { kind: 'disambiguate' }>,
  text: string,
  choice: string | undefined,
): boolean {
  const item = step.item;
  if (!item) return false;
  choice ??= numbered(
    text,
    p.candidates.map((_, i) => `c${i}`),
  );
  const idx = choice?.startsWith('c') ? Number(choice.slice(1)) : p.candidates.findIndex((c) => sameNumber(text, c, item));
  const value = p.candidates[idx];
  if (value === undefined) return false;
  const r = checkValue(value, figureSpec(item), step.context.user.locale);
  step.form.pending = null;
  if (!r.ok) {
    return (step.reprompt(r.message), true);
  }
  return (step.acceptFigure(item, value, p.raw, false), true);
}

/** Saves a note step's text (null: skipped) and moves on. */
function saveNote(step: PendingHost, p: NotePending, text: string | null): boolean {
  const item = step.item;
  const t = FLOW_TEXT(step.context.user.locale);
  if (item && p.kind === 'outlierNote')
    step.save(
      item,
      {
        value: p.value,
        valueText: p.raw,
        status: null,
        note:
          text === null
            ? p.reason && p.check !== 'outlier'
              ? `đã xác nhận: ${storedReason(step, p).replace(/[.\s]+$/, '')}`
              : 'đã xác nhận số liệu khác xa kỳ trước'
            : text.slice(0, 500),
        skipped: false,
      },
      { value: `${formatValue(p.value, figureSpec(item))}${text === null ? '' : t.withExplanation}` },
    );
  if (item && p.kind === 'taskNote' && text !== null) step.save(item, { note: text.slice(0, 500) }, { sentence: t.noteSaved(item.n) });
  if (item && p.kind === 'textItem' && text !== null)
    step.save(item, { value: null, valueText: text.slice(0, 2000), status: null, skipped: false }, { sentence: t.textSaved(item.n) });
  return (step.advance(), true);
}

/** The reason a confirmed figure was asked about, as the stored note says it: in Vietnamese, whatever the person reads. */
function storedReason(step: PendingHost, p: Extract<NotePending, { kind: 'outlierNote' }>): string {
  const ctx = step.context;
  if (ctx.user.locale === 'vi' || !step.item) return p.reason ?? '';
  return check({ ...ctx, user: { ...ctx.user, locale: 'vi' } }, step.item, p.value)?.reason ?? p.reason ?? '';
}
