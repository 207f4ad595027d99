// The pure conversation engine for the reporting form: (session, input, now, context) → (session, messages,
// effects). It never touches the database; the runner persists the effects and the session in one transaction.
import { estimateNote } from '../reporting/answer-text.ts';
import { excerpt, fold } from '../core/text.ts';
import type { OutboundMessage } from '../core/types.ts';
import { formatValue } from '../reporting/numbers.ts';
import { daysLate, formatDate, formatDateTime } from '../reporting/periods.ts';
import { figureSpec, isSubmitted, helpText, intro, readFigure, readStatus, summary, unanswered } from './form.ts';
import { FORM_TEXT, type FormText } from './form-text.ts';
import { specialAnswer, statusWithRest, textAnswer } from './answer-flows.ts';
import { check } from './checks.ts';
import { formCommand, QUESTION_OPENING, type FormCommand } from './phrases.ts';
import { answerPending, type PendingHost } from './pending.ts';
import { askPending, disambiguation, offeredChoices } from './prompts.ts';
import {
  emptyAnswer,
  type AnswerValues,
  type Effect,
  type EngineInput,
  type FormContext,
  type FormItem,
  type FormState,
  type SavedReply,
  type Session,
  type StepResult,
} from './types.ts';

export function step(session: Session, input: EngineInput, now: Date, ctx: FormContext): StepResult {
  const run = new Step(JSON.parse(JSON.stringify(session)) as Session, now, ctx);
  run.handle(input);
  return { session: run.s, outbound: run.out, effects: run.effects };
}

class Step implements PendingHost {
  out: OutboundMessage[] = [];
  effects: Effect[] = [];
  private readonly ctx: FormContext;

  constructor(
    readonly s: Session,
    private readonly now: Date,
    ctx: FormContext,
  ) {
    // local copy: answers saved in this step show up in the summary shown by the same step
    this.ctx = { ...ctx, answers: { ...ctx.answers }, submission: ctx.submission ? { ...ctx.submission } : null };
  }

  say(text: string, extra: Partial<OutboundMessage> = {}): void {
    this.out.push({ text, ...extra });
  }

  emit(m: OutboundMessage): void {
    this.out.push(m);
  }

  get context(): FormContext {
    return this.ctx;
  }

  get form(): FormState {
    return this.s.form!;
  }

  /** What the form says, in the person's language. */
  get t(): FormText {
    return FORM_TEXT(this.ctx.user.locale);
  }

  get item(): FormItem | undefined {
    return this.ctx.items[this.form.cursor];
  }

  handle(input: EngineInput): void {
    if (input.kind === 'start') return this.start(input.then);
    if (input.kind === 'reminder') {
      if (this.s.form?.periodId === input.periodId && !this.ctx.lock) return this.prompt();
      return this.start();
    }
    if (!this.s.form || this.s.form.periodId !== this.ctx.period.id) return this.start(input.text);
    this.text(input.text.trim(), input.choice, input.itemId);
  }

  /** A value sent for a specific item (a native form field): answer that item, then come back. */
  private focus(itemId: number): void {
    const idx = this.ctx.items.findIndex((i) => i.id === itemId);
    if (idx < 0 || idx === this.form.cursor) return;
    this.form.returnTo ??= this.form.cursor;
    this.form.cursor = idx;
    this.form.pending = null;
  }

  private start(then?: string): void {
    const ctx = this.ctx;
    if (ctx.lock) {
      this.s.form = null;
      return this.say(ctx.lock.message);
    }
    if (!ctx.items.length) {
      this.s.form = null;
      return this.say(this.t.noItems(ctx.period.label, ctx.agency.name));
    }
    const submitted = isSubmitted(ctx);
    const firstOpen = ctx.items.findIndex((i) => !ctx.answers[i.id]);
    this.s.form = {
      periodId: ctx.period.id,
      agencyId: ctx.agency.id,
      cursor: submitted || firstOpen < 0 ? ctx.items.length : firstOpen,
      pending: null,
      returnTo: null,
    };
    if (then && formCommand(then)) return this.text(then);
    this.out.push(intro(ctx));
    if (submitted) this.out.push(summary(ctx));
    this.prompt();
  }

  /** Re-asks whatever is pending: the current item, a sub-question, or the end-of-form prompt. */
  prompt(): void {
    askPending(this);
  }

  /** Re-asks with the reason first, in the same message (Slack shows it as the error of the form field). */
  reprompt(reason: string): void {
    const n = this.out.length;
    this.prompt();
    const m = this.out[n];
    if (m) this.out[n] = { ...m, text: `${reason}\n${m.text}`, reason };
    else this.say(reason);
  }

  private text(text: string, choice?: string, itemId?: number): void {
    if (itemId != null) this.focus(itemId);
    // A button of an earlier question (or a forged payload) is not taken as an answer to this one.
    if (choice !== undefined && !this.ctx.lock && !offeredChoices(this.form, this.item).includes(choice))
      return this.reprompt(this.t.staleChoice);
    const cmd = formCommand(text);
    if (this.ctx.lock) {
      if (cmd?.cmd === 'review') this.out.push(summary(this.ctx));
      this.s.form = null;
      return this.say(this.ctx.lock.message);
    }
    const p = this.form.pending;
    if (p) {
      if (answerPending(this, text, choice, cmd)) return;
      this.form.pending = null;
    }
    if (cmd) return this.command(cmd);
    this.answer(text, choice);
  }

  private command(cmd: FormCommand): void {
    const ctx = this.ctx;
    const t = this.t;
    switch (cmd.cmd) {
      case 'help':
        this.out.push(helpText(ctx.user.locale));
        return this.prompt();
      case 'cancel': {
        const done = ctx.items.length - unanswered(ctx).length;
        this.s.form = null;
        return this.say(isSubmitted(ctx) ? t.leftSent(ctx.period.label) : t.paused(done, ctx.items.length));
      }
      case 'review':
        this.out.push(summary(ctx));
        return this.prompt();
      case 'back':
        this.form.cursor = Math.max(0, this.form.cursor - 1);
        return this.prompt();
      case 'skip': {
        const item = this.item;
        if (!item) return this.prompt();
        if (!ctx.answers[item.id]) this.save(item, { skipped: true }, null);
        this.say(t.skippedItem(item.n));
        return this.advance();
      }
      case 'edit': {
        if (cmd.n < 1 || cmd.n > ctx.items.length) return (this.say(t.noSuchItem(cmd.n, ctx.items.length)), this.prompt());
        if (this.form.returnTo == null && this.form.cursor !== cmd.n - 1) this.form.returnTo = this.form.cursor;
        this.form.cursor = cmd.n - 1;
        this.form.pending = null;
        if (cmd.value) return this.answer(cmd.value);
        return this.prompt();
      }
      case 'submit': {
        if (isSubmitted(ctx)) {
          this.say(t.alreadySent(formatDateTime(ctx.submission?.submittedAt ?? this.now)));
          return this.prompt();
        }
        this.out.push(summary(ctx));
        const missing = unanswered(ctx);
        if (missing.length) this.say(t.missing(missing.length, missing.map((i) => i.n).join(', ')));
        this.form.pending = { kind: 'confirmSubmit' };
        return this.prompt();
      }
    }
  }

  private answer(text: string, choice?: string): void {
    const item = this.item;
    if (!item) {
      if (this.ctx.isQuestion?.(text)) return this.question(text);
      return this.reprompt(this.t.notUnderstood(excerpt(text)));
    }
    if (choice === undefined && specialAnswer(this, item, text)) return;
    if (item.kind === 'text') {
      if ((/\?\s*$/.test(text) || QUESTION_OPENING.test(fold(text))) && this.isQuestion(text)) {
        this.form.pending = { kind: 'noteOrQuestion', itemId: item.id, text, note: { kind: 'textItem', itemId: item.id } };
        return this.prompt();
      }
      return textAnswer(this, item, text);
    }
    if (item.kind === 'task_status') {
      const st = readStatus(text, choice);
      if (!st && choice === undefined && statusWithRest(this, item, text)) return;
      if (!st) {
        if (this.ctx.isQuestion?.(text)) return this.question(text);
        return this.reprompt(this.t.chooseStatus);
      }
      this.save(
        item,
        { status: st, skipped: false, ...(st === 'dang_trien_khai' ? {} : { percentDone: st === 'hoan_thanh' ? 100 : null }) },
        { value: this.t.status(st) },
      );
      this.form.pending = st === 'dang_trien_khai' ? { kind: 'taskPercent', itemId: item.id } : { kind: 'taskNote', itemId: item.id };
      return this.prompt();
    }
    const r = readFigure(item, text, this.ctx.user.locale);
    if (r.ok) return this.acceptFigure(item, r.value, text, r.approx, r.qualifier);
    if (r.reason === 'ambiguous' && r.candidates) {
      this.form.pending = { kind: 'disambiguate', itemId: item.id, candidates: r.candidates, raw: text };
      return disambiguation(this, item, r.candidates, r.message);
    }
    if (r.reason === 'invalid' && this.ctx.isQuestion?.(text)) return this.question(text);
    this.reprompt(r.message);
  }

  isQuestion(text: string): boolean {
    return this.ctx.isQuestion?.(text) ?? false;
  }

  question(text: string): void {
    this.effects.push({ kind: 'askQuestion', text });
    this.say(this.t.backToForm);
    this.prompt();
  }

  acceptFigure(item: FormItem, value: number, raw: string, approx: boolean, qualifier?: string): void {
    const why = check(this.ctx, item, value);
    if (why) {
      this.form.pending = {
        kind: 'outlierConfirm',
        itemId: item.id,
        value,
        raw,
        approx,
        ...(qualifier ? { qualifier } : {}),
        reason: why.reason,
        check: why.kind,
      };
      return this.prompt();
    }
    this.save(
      item,
      { value, valueText: raw, status: null, note: approx ? estimateNote(qualifier) : null, skipped: false },
      { value: (approx ? `${this.t.qualifier(qualifier ?? 'khoảng')} ` : '') + formatValue(value, figureSpec(item)) },
    );
    this.advance();
  }

  save(item: FormItem, values: AnswerValues, told: SavedReply): void {
    this.effects.push({ kind: 'saveAnswer', itemId: item.id, values });
    const old = this.ctx.answers[item.id] ?? emptyAnswer();
    this.ctx.answers[item.id] = { ...old, ...values } as typeof old;
    if (told) this.say('sentence' in told ? told.sentence : this.t.saved(item.n, told.value));
  }

  advance(): void {
    const f = this.form;
    f.pending = null;
    f.cursor = f.returnTo ?? Math.min(f.cursor + 1, this.ctx.items.length);
    f.returnTo = null;
    // the summary closes a first pass; after a correction to a sent report the one line "Đã ghi …" is enough
    if (f.cursor >= this.ctx.items.length && !isSubmitted(this.ctx)) this.out.push(summary(this.ctx));
    this.prompt();
  }

  submit(): void {
    const ctx = this.ctx;
    const t = this.t;
    this.effects.push({ kind: 'submit' });
    const late = daysLate(ctx.period.deadline, this.now);
    const when = late ? t.late(late, formatDate(ctx.period.deadline)) : t.onTime;
    this.s.form = null;
    const after = this.now.getTime() < ctx.period.locksAt.getTime() ? t.editUntil(formatDate(ctx.period.locksAt)) : t.lockedAfter;
    this.say(t.sent(ctx.period.label, ctx.agency.name, formatDateTime(this.now), when, after));
  }
}
