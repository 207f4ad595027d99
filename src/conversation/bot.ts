// The one conversation runner every channel calls: identifies the person, routes onboarding, extra commands,
// status, the reporting form (pure engine + one transaction per message) and free questions to the answerer.
import { isCopyPrevious } from './answer-words.ts';
import type { App } from '../app.ts';
import type { MessageHandler } from '../core/interfaces.ts';
import { cleanInput, fold } from '../core/text.ts';
import type { ChannelName, InboundMessage, OutboundMessage } from '../core/types.ts';
import { periodsForAgency } from '../reporting/period-service.ts';
import { findAgency } from '../users/agency.ts';
import { freeWords, type FreeWords } from './free-words.ts';
import { pickReading, smallTalkReply } from './small-talk.ts';
import { createLinkCode } from '../users/invites.ts';
import { CodeThrottle } from '../users/throttle.ts';
import { registerReply } from './register-chat.ts';
import { createTurns } from './turns.ts';
import { describeUser, userByIdentity, userById, type BotUser } from '../users/users.ts';
import { applyEffects, loadFormContext } from './context.ts';
import { step } from './engine.ts';
import {
  CHOICE_IN_CHAT,
  choiceText,
  filterCommand,
  formCommand,
  isLinkRequest,
  isMore,
  isWhoAmI,
  isHome,
  isCommandChoice,
  registration,
  startReport,
  statusRequest,
} from './phrases.ts';
import type { BotDeps } from './ports.ts';
import * as R from './replies.ts';
import { loadSession, saveSession, sessionKey, userSessionKey } from './sessions.ts';
import { periodLockReply, periodLockRequest } from './period-chat.ts';
import { languageReply, languageRequest } from './lang-chat.ts';
import { reopenReply, reopenRequest } from './reopen-chat.ts';
import { statusReply } from './status-chat.ts';
import { homeReply } from './home.ts';
import { helpReply } from './help.ts';
import type { EngineInput, Session } from './types.ts';
import { eventCommitted, recordEvent } from './inbound-events.ts';
import { formOffer, withOffer, type PageOffer } from '../web/offer.ts';
import { undoReply, undoRequest, uploadReply } from './upload-chat.ts';

export interface Bot {
  handle: MessageHandler;
  /** Re-enters the engine for a reminder: starts (or re-asks) the form of a period for a user. */
  remind(userId: number, periodId: number, channel: ChannelName): Promise<OutboundMessage[]>;
}

const QUESTION_START =
  /^(ai|co quan nao|don vi nao|so nao|bao nhieu|the nao|nhu the nao|tai sao|vi sao|lam sao|khi nao|o dau|muc tieu|chi tieu|nhiem vu|van ban|tim|tra cuu|cho hoi|hoi)\b/;

export function createBot(app: App, deps: BotDeps = {}): Bot {
  const db = app.db;
  const factor = deps.outlierFactor ?? app.config.REPORT_OUTLIER_FACTOR;
  const targetFactor = app.config.REPORT_TARGET_FACTOR;
  const codes = deps.codeThrottle ?? new CodeThrottle();
  const helps = (deps.commands ?? []).map((c) => c.help);

  const isQuestion = (text: string): boolean => {
    if (/\?\s*$/.test(text)) return true;
    const f = fold(text);
    if (QUESTION_START.test(f)) return true;
    const intent = deps.answerer?.classify(text);
    return ['owner', 'agency_tasks', 'indicator', 'document'].includes(intent ?? '') || (intent === 'search' && f.split(' ').length >= 4);
  };

  /** Questions go to the answerer, scoped to the asker's province when the question names none. */
  async function ask(text: string, session: Session, user: BotUser | null, page = 1): Promise<OutboundMessage[]> {
    if (!deps.answerer) return [R.noKnowledge()];
    const r = await deps.answerer.answer(text, {
      page,
      province: user?.province ?? user?.agency?.province ?? null,
      filters: session.filter ?? undefined,
    });
    session.lastQuestion = { text, page: r.page, hasMore: r.hasMore };
    session.readings = r.readings?.length ? r.readings : null;
    const more = r.hasMore && !fold(r.reply).includes('them') ? '\n(Gõ "thêm" để xem tiếp.)' : '';
    const choices = r.readings?.map((label, i) => ({ id: `reading:${i + 1}`, label: label.slice(0, 60) }));
    return [{ text: r.reply + more, ...(choices?.length ? { choices } : {}) }];
  }

  /** Runs the pure engine and persists its effects together with the session, in one transaction. */
  async function engine(
    user: BotUser,
    channel: ChannelName,
    key: string,
    session: Session,
    input: EngineInput,
    periodId: number,
    agencyId: number,
    now: Date,
    page: PageOffer = input.kind === 'start' ? 'merge' : 'insert',
  ): Promise<OutboundMessage[]> {
    const ctx = await loadFormContext(db, { periodId, agencyId, user, channel, now, outlierFactor: factor, targetFactor, isQuestion });
    const r = step(session, input, now, ctx);
    // A long form is offered on one page too ("báo cáo" and reminders); the chat form goes on for those who prefer it.
    const offer = page !== 'none' && input.kind !== 'text' && r.session.form ? formOffer(app.config, { user, channel, ctx, now }) : null;
    if (offer) r.outbound = withOffer(r.outbound, offer, page === 'merge');
    const before: OutboundMessage[] = [];
    for (const e of r.effects) if (e.kind === 'askQuestion') before.push(...(await ask(e.text, r.session, user)));
    // nothing but the place in the form to keep: one statement (saveSession writes a pending event key with it)
    if (r.effects.every((e) => e.kind === 'askQuestion')) {
      await saveSession(db, key, r.session);
      return [...before, ...r.outbound];
    }
    await db.$transaction(async (tx) => {
      await recordEvent(tx); // a re-delivery of this event finds its key, or finds neither it nor these answers
      await applyEffects(tx, r.effects, { periodId, agencyId, userId: user.id, channel, now });
      await saveSession(tx, key, r.session);
    });
    eventCommitted();
    return [...before, ...r.outbound];
  }

  async function startForm(
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
      const regime = await db.regime.findUnique({ where: { code: rest.trim() } });
      if (regime) regimeCode = regime.code;
      else {
        const base = app.registry.resolve(rest).key;
        if (!base) return null; // not an agency nor a regime: treat as a question
        if (user.role === 'official' && (!agency || agency.baseKey !== base))
          return [R.otherAgency(user, app.registry.get(base)?.name ?? rest)];
        if (user.role !== 'official') {
          const found = await findAgency(app, rest, user.province);
          if (!found)
            return [{ text: `Không tìm thấy ${rest}${user.province ? ` ở ${user.province}` : ''} trong các cơ quan có chế độ báo cáo.` }];
          agency = found;
        }
      }
    }
    if (!agency)
      return [
        {
          text: `Tài khoản của bạn (${describeUser(user)}) không gắn với cơ quan nào; gõ "báo cáo <tên cơ quan>" để báo cáo thay một cơ quan.`,
        },
      ];
    const periods = (await periodsForAgency(db, agency.id, now)).filter((p) => !regimeCode || p.regimeCode === regimeCode);
    const target = periods[0];
    if (!target) return [R.noPeriod(agency.name)];
    return engine(user, msg.channel, key, session, { kind: 'start', then }, target.periodId, agency.id, now);
  }

  /** Greetings, thanks, "hủy", "tiếp tục" (src/conversation/small-talk.ts decides; this runs what it needs). */
  async function smallTalk(
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
        ...(await engine(user, msg.channel, key, session, { kind: 'reminder', periodId: f.periodId }, f.periodId, f.agencyId, now, inChat)),
      ];
    }
    if (!user) return [R.notRegistered()];
    return (await startForm(user, msg, key, session, '', now)) ?? [R.nothingToCancel()];
  }

  /** "lọc …" / "bỏ lọc" / "lọc": the search filter kept in the session. */
  function setFilter(session: Session, cmd: NonNullable<ReturnType<typeof filterCommand>>): OutboundMessage[] {
    if ('clear' in cmd) {
      session.filter = null;
      return [{ text: 'Đã bỏ lọc: câu hỏi tìm trong mọi văn bản.' }];
    }
    if ('show' in cmd) {
      return [
        {
          text: session.filter
            ? `Đang lọc: ${deps.answerer?.checkFilter?.(session.filter) ?? session.filter}. Gõ "bỏ lọc" để bỏ.`
            : 'Chưa đặt bộ lọc. Ví dụ: "lọc tỉnh Cà Mau năm 2020", "lọc 37/KH-STTTT", "lọc Sở Tài chính".',
        },
      ];
    }
    const described = deps.answerer?.checkFilter?.(cmd.set) ?? cmd.set; // throws a Vietnamese AppError when invalid
    session.filter = cmd.set;
    return [{ text: `Đã lọc: ${described}. Các câu hỏi sau chỉ tìm trong phạm vi này; gõ "bỏ lọc" để bỏ.` }];
  }

  async function route(msg: InboundMessage, known: BotUser | null): Promise<OutboundMessage[]> {
    const now = app.clock.now();
    if ((msg.text ?? '').length > R.MAX_MESSAGE_CHARS) return [R.tooLong(msg.text.length)];
    let text = choiceText(cleanInput(msg.text ?? '').trim(), msg.choice);
    // read again only when unknown: a "/start <mã>" queued just before may have registered this person
    const user = known ?? (await userByIdentity(db, msg.channel, msg.userId));

    const refresh = () => deps.answerer?.refreshIfChanged?.() ?? Promise.resolve();
    if (msg.file) return uploadReply(app, user, msg.file, msg.channel, now, refresh);
    const undo = undoRequest(text, msg.choice);
    if (undo) return undoReply(app, user, undo, msg.channel, now, refresh);
    const code = registration(text);
    if (code !== null) return registerReply(app, codes, msg, user, code, now);
    if (isLinkRequest(text)) {
      if (!user) return [R.notRegistered()];
      const c = await createLinkCode(db, user.id, now);
      return [R.linkCode(c.code, c.expiresAt, user)];
    }
    if (isWhoAmI(text)) return [user ? R.alreadyRegistered(user) : R.notRegistered()];
    const lang = languageRequest(text);
    if (lang) return languageReply(app, user, lang);
    if (isHome(text)) return homeReply(app, user, now); // before the session: opening a tab never moves a form
    // Free words: a coordinator's "ai chưa nộp" is "tình hình báo cáo"; greetings, thanks, "hủy", "tiếp tục" below.
    const free = freeWords(text);
    if (free?.kind === 'command') text = free.text;
    if (free?.kind === 'remindOne' && (user?.role === 'coordinator' || user?.role === 'admin')) return [R.remindOne(free.agency)];
    // "như kỳ trước" is a form answer (copy last period's value), not a question about last period's figures
    const formAnswer = isCopyPrevious(text);
    for (const c of formAnswer ? [] : (deps.commands ?? [])) {
      if (c.match(text, user)) return c.run({ user, text, now, channel: msg.channel });
    }
    const periodLock = periodLockRequest(text); // "mở lại kỳ …" before "mở lại <cơ quan>"
    if (periodLock) return periodLockReply(app, user, periodLock, msg.channel, now);
    const reopenRest = reopenRequest(text);
    if (reopenRest !== null) return reopenReply(app, user, reopenRest, msg.channel, now);
    const statusRest = statusRequest(text);
    if (statusRest !== null) return statusReply(app, user, statusRest, now);

    const key = sessionKey(msg.channel, msg.userId, user?.id ?? null);
    const session = await loadSession(db, key);
    // A reading picked after a "not sure" reply (its button, or its number) is asked as the question.
    const picked = session.readings && !session.form ? pickReading(session.readings, text, msg.choice) : null;
    // Outside the form the only buttons are readings and commands: any other payload is stale or forged.
    const choice = msg.choice !== undefined && !isCommandChoice(msg.choice) ? msg.choice : undefined;
    if (choice !== undefined && !session.form && !picked) return [R.staleChoice()];
    const talk = choice === undefined ? await smallTalk(free, user, msg, key, session, now) : null;
    if (talk) return talk;
    if (picked) {
      const out = await ask(picked, session, user);
      await saveSession(db, key, session);
      return out;
    }
    const rest = startReport(text);
    if (rest !== null) {
      if (!user) return [R.notRegistered()];
      const out = await startForm(user, msg, key, session, rest, now);
      if (out) return out;
    }
    const filter = filterCommand(text);
    if (filter && deps.answerer) {
      const out = setFilter(session, filter);
      await saveSession(db, key, session);
      return out;
    }
    if (isMore(text) && session.lastQuestion) {
      const last = session.lastQuestion;
      const out =
        last.hasMore === false
          ? [{ text: 'Không còn kết quả nào nữa cho câu hỏi trước.' }]
          : await ask(last.text, session, user, last.page + 1);
      if (user && session.form) {
        // re-ask the pending form question after the extra results, like after any question mid-form
        return [
          ...out,
          { text: 'Quay lại báo cáo:' },
          ...(await engine(
            user,
            msg.channel,
            key,
            session,
            { kind: 'reminder', periodId: session.form.periodId },
            session.form.periodId,
            session.form.agencyId,
            now,
            'none', // after the extra results: back to the question, without the page offer again
          )),
        ];
      }
      await saveSession(db, key, session);
      return out;
    }
    if (user && session.form) {
      const fields = Object.keys(msg.formValues ?? {});
      const itemId = fields.length === 1 && /^\d+$/.test(fields[0]!) ? Number(fields[0]) : undefined;
      return engine(
        user,
        msg.channel,
        key,
        session,
        { kind: 'text', text, choice, itemId },
        session.form.periodId,
        session.form.agencyId,
        now,
      );
    }
    const cmd = formCommand(text);
    if (user && cmd && (cmd.cmd === 'edit' || cmd.cmd === 'review' || cmd.cmd === 'submit')) {
      const out = await startForm(user, msg, key, session, '', now, text);
      if (out) return out;
    }
    if (cmd?.cmd === 'help') return [helpReply(user, helps)];
    const out = await ask(text, session, user);
    if (deps.answerer) await saveSession(db, key, session);
    return out;
  }

  const turns = createTurns(app, route);

  /** In the person's queue, like their messages: a reminder never runs against a session a message is changing. */
  const remind = (userId: number, periodId: number, channel: ChannelName): Promise<OutboundMessage[]> =>
    turns.inQueue(userSessionKey(userId), async () => {
      const user = await userById(db, userId);
      if (!user?.agency) return [];
      const key = userSessionKey(user.id);
      const session = await loadSession(db, key);
      return engine(
        user,
        channel,
        key,
        session,
        { kind: 'reminder', periodId },
        periodId,
        session.form?.periodId === periodId ? session.form.agencyId : user.agency.id,
        app.clock.now(),
      );
    });

  return { handle: turns.handle, remind };
}
