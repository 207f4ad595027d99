// What the form asks next and which buttons that question offers, side by side: a pressed button is read against
// exactly the choices the question being asked showed (a button of an earlier question, or a forged one, is not).
import { formatNumber, formatValue } from '../reporting/numbers.ts';
import { batchPrompt, copyPrompt, stateReasonPrompt, YES_NO_BATCH, YES_NO_COPY } from './answer-flows.ts';
import { check } from './checks.ts';
import { endPrompt, figureSpec, itemPrompt, NOTE_OR_QUESTION, STATUS_CHOICES, YES_NO_OUTLIER, YES_NO_SUBMIT } from './form.ts';
import type { PendingHost } from './pending.ts';
import type { FormItem, FormState } from './types.ts';

/** Asks whatever is pending: the current item, a sub-question, or the end-of-form prompt. */
export function askPending(host: PendingHost): void {
  const p = host.form.pending;
  const item = host.item;
  const ctx = host.context;
  if (p?.kind === 'confirmSubmit') return host.say('Xác nhận gửi báo cáo?', { choices: YES_NO_SUBMIT });
  if (p?.kind === 'outlierConfirm' && item)
    return host.say(`${p.reason ?? check(ctx, item, p.value)?.reason ?? ''} Số này có đúng không?`.trim(), { choices: YES_NO_OUTLIER });
  if (p?.kind === 'outlierNote')
    return host.say(
      p.check && p.check !== 'outlier'
        ? 'Xin giải thích ngắn vì sao (sẽ lưu kèm giá trị).'
        : 'Xin giải thích ngắn vì sao số liệu thay đổi nhiều so với kỳ trước (sẽ lưu kèm giá trị).',
    );
  if (p?.kind === 'stateReason') return host.say(stateReasonPrompt());
  if (p?.kind === 'copyConfirm' && item) return copyPrompt(host, item);
  if (p?.kind === 'confirmBatch') return batchPrompt(host, p.entries);
  if (p?.kind === 'disambiguate' && item) return disambiguation(host, item, p.candidates);
  if (p?.kind === 'taskPercent') return host.say('Đã hoàn thành khoảng bao nhiêu phần trăm? (gõ số, hoặc "bỏ qua")');
  if (p?.kind === 'taskNote') return host.say('Ghi chú ngắn về kết quả/vướng mắc? (hoặc "bỏ qua")');
  if (p?.kind === 'noteOrQuestion')
    return host.say(`Đây là ghi chú cho câu ${item?.n ?? ''}, hay bạn muốn hỏi?`, { choices: NOTE_OR_QUESTION });
  host.emit(item ? itemPrompt(ctx, item) : endPrompt(ctx));
}

/** The button ids the step being asked offers. */
export function offeredChoices(form: FormState, item: FormItem | undefined): string[] {
  const p = form.pending;
  if (p?.kind === 'confirmSubmit') return YES_NO_SUBMIT.map((c) => c.id);
  if (p?.kind === 'outlierConfirm') return YES_NO_OUTLIER.map((c) => c.id);
  if (p?.kind === 'copyConfirm') return YES_NO_COPY.map((c) => c.id);
  if (p?.kind === 'confirmBatch') return YES_NO_BATCH.map((c) => c.id);
  if (p?.kind === 'disambiguate') return p.candidates.map((_, i) => `c${i}`);
  if (p?.kind === 'noteOrQuestion') return NOTE_OR_QUESTION.map((c) => c.id);
  if (p) return [];
  return item?.kind === 'task_status' ? STATUS_CHOICES.map((c) => c.id) : [];
}

/** "Ý bạn là 1,728% hay 1728%?" with one button per reading the item accepts. */
export function disambiguation(host: PendingHost, item: FormItem, candidates: number[], message?: string): void {
  const spec = figureSpec(item);
  // integers without grouping dots, so "1728%" cannot be mistaken for the "1.728" just typed
  const plain = (v: number) => (Number.isInteger(v) ? String(v) : formatNumber(v));
  const label = (v: number) =>
    spec.valueKind === 'percent' ? `${plain(v)}%` : spec.valueKind === 'ratio' ? plain(v) : formatValue(v, spec);
  host.say(message ?? `Ý bạn là ${candidates.map(label).join(' hay ')}?`, {
    choices: candidates.map((v, i) => ({ id: `c${i}`, label: label(v) })),
    input: { itemId: String(item.id), label: item.label, kind: 'number', decimal: true },
  });
}
