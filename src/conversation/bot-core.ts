// What the conversation runner does on a person's behalf, shared by its routes (src/conversation/routes.ts): ask the
// answerer, run the pure form engine and persist its effects in one transaction, open a form, small talk, filters.
import type { App } from '../app.ts';
import { fold } from '../core/text.ts';
import type { ChannelName, InboundMessage, OutboundMessage } from '../core/types.ts';
import { periodsForAgency } from '../reporting/period-service.ts';
import { findAgency } from '../users/agency.ts';
import { CodeThrottle } from '../users/throttle.ts';
import type { BotUser } from '../users/users.ts';
import { applyEffects, loadFormContext } from './repo/context.ts';
import { step } from './engine.ts';
import { takePrefetchedForm } from './repo/person.ts';
import { inTransaction } from '../db/transaction.ts';
import { findRegimeCode } from './repo/chat-reads.ts';
import type { FreeWords } from './free-words.ts';
import type { CommandHelp } from '../core/interfaces.ts';
import { eventCommitted, recordEvent } from './inbound-events.ts';
import { CHOICE_IN_CHAT, QUESTION_OPENING, SEARCH_OPENING, type filterCommand } from './phrases.ts';
import type { BotDeps } from './ports.ts';
import { withOffer, type PageOffer } from './page-offer.ts';
import * as R from './replies.ts';
import { REPLY_TEXT } from './reply-text.ts';
import { saveSession } from './sessions.ts';
import { smallTalkReply } from './small-talk.ts';
import type { EngineInput, Session } from './types.ts';

/** One run of the form engine for a person: their message (or a reminder) on the form of a period and agency. */
export interface EngineRun {
  user: BotUser;
  channel: ChannelName;
  /** The session's key and the session as read. */
  key: string;
  session: Session;
  input: EngineInput;
  periodId: number;
  agencyId: number;
  now: Date;
  /** How the form's page is offered with the reply (default: merged when the form opens, else inserted). */
  page?: PageOffer;
}

export class BotCore {
  readonly factor: number;
  readonly targetFactor: number;
  readonly codes: CodeThrottle;
  readonly helps: (CommandHelp | undefined)[];

  constructor(
    readonly app: App,
    readonly deps: BotDeps,
  ) {
    this.factor = deps.outlierFactor ?? app.config.REPORT_OUTLIER_FACTOR;
    this.targetFactor = app.config.REPORT_TARGET_FACTOR;
    this.codes = deps.codeThrottle ?? new CodeThrottle();
    this.helps = (deps.commands ?? []).map((c) => c.help);
  }

  readonly isQuestion = (text: string): boolean => {
    if (/\?\s*$/.test(text)) return true;
    const f = fold(text);
    if (QUESTION_OPENING.test(f) || SEARCH_OPENING.test(f)) return true;
    const intent = this.deps.answerer?.classify(text);
    return ['owner', 'agency_tasks', 'indicator', 'document'].includes(intent ?? '') || (intent === 'search' && f.split(' ').length >= 4);
  };

  /** Questions go to the answerer, scoped to the asker's province when the question names none. */
  async ask(text: string, session: Session, user: BotUser | null, page = 1): Promise<OutboundMessage[]> {
    if (!this.deps.answerer) return [R.noKnowledge(user?.locale)];
    const r = await this.deps.answerer.answer(text, {
      page,
      province: user?.province ?? user?.agency?.province ?? null,
      filters: session.filter ?? undefined,
      locale: user?.locale,
    });
    session.lastQuestion = { text, page: r.page, hasMore: r.hasMore };
    session.readings = r.readings?.length ? r.readings : null;
    const more = r.hasMore && !fold(r.reply).includes('them') ? REPLY_TEXT(user?.locale).typeMore : '';
    const choices = r.readings?.map((label, i) => ({ id: `reading:${i + 1}`, label: label.slice(0, 60) }));
    return [{ text: r.reply + more, ...(choices?.length ? { choices } : {}) }];
  }

  /** Runs the pure engine and persists its effects together with the session, in one transaction. */
  async engine(run: EngineRun): Promise<OutboundMessage[]> {
    const { user, channel, key, session, input, periodId, agencyId, now } = run;
    const page = run.page ?? (input.kind === 'start' ? 'merge' : 'insert');
    const ctx = await loadFormContext(this.app.db, {
      periodId,
      agencyId,
      user,
      channel,
      now,
      outlierFactor: this.factor,
      targetFactor: this.targetFactor,
      isQuestion: this.isQuestion,
      rows: takePrefetchedForm(session, periodId, agencyId),
    });
    const r = step(session, input, now, ctx);
    // A long form is offered on one page too ("báo cáo" and reminders); the chat form goes on for those who prefer it.
    const offer =
      page !== 'none' && input.kind !== 'text' && r.session.form ? (this.deps.formOffer?.({ user, channel, ctx, now }) ?? null) : null;
    if (offer) r.outbound = withOffer(r.outbound, offer, page === 'merge', user.locale);
    const before: OutboundMessage[] = [];
    for (const e of r.effects) if (e.kind === 'askQuestion') before.push(...(await this.ask(e.text, r.session, user)));
    // nothing but the place in the form to keep: one statement (saveSession writes a pending event key with it)
    if (r.effects.every((e) => e.kind === 'askQuestion')) {
      await saveSession(this.app.db, key, r.session);
      return [...before, ...r.outbound];
    }
    await inTransaction(this.app.db, async (tx) => {
      await recordEvent(tx); // a re-delivery of this event finds its key, or finds neither it nor these answers
      await applyEffects(tx, r.effects, {
        periodId,
        agencyId,
        userId: user.id,
        channel,
        now,
        submissionId: ctx.submission?.id,
        seen: ctx.answers,
      });
      await saveSession(tx, key, r.session);
    });
    eventCommitted();
    return [...before, ...r.outbound];
  }

  async startForm(
    user: BotUser,
    msg: InboundMessage,
    key: string,
    session: Session,
    rest: string,
    now: Date,
    then?: string,
  ): Promise<OutboundMessage[] | null> {
    let agency = user.agency;
    let regimeCode: string | null = null;
    if (rest) {
      const regime = await findRegimeCode(this.app.db, rest.trim());
      if (regime) regimeCode = regime.code;
      else {
        const base = this.app.registry.resolve(rest).key;
        if (!base) return null; // not an agency nor a regime: treat as a question
        if (user.role === 'official' && (!agency || agency.baseKey !== base))
          return [R.otherAgency(user, this.app.registry.get(base)?.name ?? rest)];
        if (user.role !== 'official') {
          const found = await findAgency(this.app, rest, user.province);
          if (!found) return [R.agencyNotFound(rest, user)];
          agency = found;
        }
      }
    }
    if (!agency) return [R.noAgency(user)];
    const periods = (await periodsForAgency(this.app.db, agency.id, now)).filter((p) => !regimeCode || p.regimeCode === regimeCode);
    const target = periods[0];
    if (!target) return [R.noPeriod(agency.name, user.locale)];
    const input = { kind: 'start' as const, then };
    return this.engine({ user, channel: msg.channel, key, session, input, periodId: target.periodId, agencyId: agency.id, now });
  }

  /** Greetings, thanks, "hủy", "tiếp tục" (src/conversation/small-talk.ts decides; this runs what it needs). */
  async smallTalk(
    free: FreeWords | null,
    user: BotUser | null,
    msg: InboundMessage,
    key: string,
    session: Session,
    now: Date,
  ): Promise<OutboundMessage[] | null> {
    const r = smallTalkReply(free, user, !!(user && session.form));
    const inChat: PageOffer = msg.choice === CHOICE_IN_CHAT ? 'none' : 'insert';
    if (!r) return null;
    if (r.kind === 'reply') return [r.message];
    if (r.kind === 'resume' && user && session.form) {
      const f = session.form;
      return [
        { text: r.head },
        // "Trả lời từng câu tại đây" chose the chat: the page is not offered again
        ...(await this.engine({
          user,
          channel: msg.channel,
          key,
          session,
          input: { kind: 'reminder', periodId: f.periodId },
          periodId: f.periodId,
          agencyId: f.agencyId,
          now,
          page: inChat,
        })),
      ];
    }
    if (!user) return [R.notRegistered()];
    return (await this.startForm(user, msg, key, session, '', now)) ?? [R.nothingToCancel(user.locale)];
  }

  /** "lọc …" / "bỏ lọc" / "lọc": the search filter kept in the session. */
  setFilter(session: Session, cmd: NonNullable<ReturnType<typeof filterCommand>>, user: BotUser | null): OutboundMessage[] {
    const w = REPLY_TEXT(user?.locale);
    if ('clear' in cmd) {
      session.filter = null;
      return [{ text: w.filterCleared }];
    }
    if ('show' in cmd)
      return [{ text: session.filter ? w.filterNow(this.deps.answerer?.checkFilter?.(session.filter) ?? session.filter) : w.noFilter }];
    const described = this.deps.answerer?.checkFilter?.(cmd.set) ?? cmd.set; // throws a Vietnamese AppError when invalid
    session.filter = cmd.set;
    return [{ text: w.filterSet(described) }];
  }
}
