// Answers to the form's sub-questions (submit confirmation, outlier confirmation and note, "1,728 or 1728?",
// task % done and note), split out of the engine; pure like the engine itself.
import type { OutboundMessage } from '../core/types.ts';
import { checkValue, formatNumber, formatValue, parseFigure } from '../reporting/numbers.ts';
import { figureSpec, sameNumber } from './form.ts';
import { isNo, isYes, numbered, type FormCommand } from './phrases.ts';
import type { AnswerValues, FormItem, FormState } from './types.ts';

/** What the engine's step exposes to this module. */
export interface PendingHost {
  readonly form: FormState;
  readonly item: FormItem | undefined;
  say(text: string, extra?: Partial<OutboundMessage>): void;
  prompt(): void;
  reprompt(reason: string): void;
  save(item: FormItem, values: AnswerValues, shown: string | null): void;
  advance(): void;
  submit(): void;
  acceptFigure(item: FormItem, value: number, raw: string, approx: boolean): void;
}

/** Handles the input as the answer to a pending sub-question; false when it should be treated afresh. */
export function answerPending(step: PendingHost, text: string, choice: string | undefined, cmd: FormCommand | null): boolean {
  const p = step.form.pending!;
  const item = step.item;
  switch (p.kind) {
    case 'confirmSubmit':
      choice ??= numbered(text, ['yes', 'no']);
      if (isYes(text, choice)) return (step.submit(), true);
      if (isNo(text, choice)) {
        step.form.pending = null;
        step.say('Chưa gửi. Các câu trả lời vẫn được lưu.');
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
      if (item)
        step.save(
          item,
          { value: p.value, valueText: p.raw, note: cmd ? 'đã xác nhận số liệu khác xa kỳ trước' : text.slice(0, 500), skipped: false },
          `${formatValue(p.value, figureSpec(item))}${cmd ? '' : ', kèm giải thích'}`,
        );
      return (step.advance(), true);
    case 'disambiguate': {
      if (!item) return false;
      choice ??= numbered(
        text,
        p.candidates.map((_, i) => `c${i}`),
      );
      const idx = choice?.startsWith('c') ? Number(choice.slice(1)) : p.candidates.findIndex((c) => sameNumber(text, c, item));
      const value = p.candidates[idx];
      if (value === undefined) return false;
      const r = checkValue(value, figureSpec(item));
      step.form.pending = null;
      if (!r.ok) {
        return (step.reprompt(r.message), true);
      }
      return (step.acceptFigure(item, value, p.raw, false), true);
    }
    case 'taskPercent': {
      if (cmd && cmd.cmd !== 'skip') return false;
      if (!cmd && item) {
        const r = parseFigure(text, { valueKind: 'percent', min: 0, max: 100 });
        if (!r.ok) return (step.reprompt(r.message), true);
        step.save(item, { percentDone: r.value }, `Đã ghi câu ${item.n}: hoàn thành ${formatNumber(r.value)}%.`);
      }
      step.form.pending = { kind: 'taskNote', itemId: p.itemId };
      return (step.prompt(), true);
    }
    case 'taskNote':
      if (cmd && cmd.cmd !== 'skip') return false;
      if (!cmd && item) step.save(item, { note: text.slice(0, 500) }, `Đã lưu ghi chú cho câu ${item.n}.`);
      return (step.advance(), true);
  }
}
