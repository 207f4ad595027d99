// Where one message goes, as ordered chains of routes: each reads the turn and returns its reply, or null to let
// the next one try. The commands that need no session come first (on the text as typed, then on the text the free
// words stand for: "ai chưa nộp" is "tình hình báo cáo"); then, with the person's session loaded, small talk, the
// form, filters, paging and, last, the question for the answerer.
import { isCopyPrevious } from './answer-words.ts';
import { cleanInput } from '../core/text.ts';
import type { InboundMessage, OutboundMessage } from '../core/types.ts';
import { createLinkCode } from '../users/invites.ts';
import type { BotUser } from '../users/users.ts';
import type { BotCore } from './bot-core.ts';
import { freeWords, type FreeWords } from './free-words.ts';
import { helpReply } from './help.ts';
import { homeReply } from './home.ts';
import { languageReply, languageRequest } from './lang-chat.ts';
import { periodLockReply, periodLockRequest } from './period-chat.ts';
import {
  choiceText,
  filterCommand,
  formCommand,
  isCommandChoice,
  isHome,
  isLinkRequest,
  isMore,
  isWhoAmI,
  registration,
  startReport,
  statusRequest,
} from './phrases.ts';
import { registerReply } from './register-chat.ts';
import { reopenReply, reopenRequest } from './reopen-chat.ts';
import * as R from './replies.ts';
import { REPLY_TEXT } from './reply-text.ts';
import type { Person } from './repo/person.ts';
import { saveSession } from './sessions.ts';
import { pickReading } from './small-talk.ts';
import { statusReply } from './status-chat.ts';
import type { Session } from './types.ts';
import { undoReply, undoRequest, uploadReply } from './upload-chat.ts';

/** One message being routed. */
interface Turn {
  core: BotCore;
  msg: InboundMessage;
  user: BotUser | null;
  /** The text as typed (a button's text for a choice), then the command its free words stand for. */
  text: string;
  free: FreeWords | null;
  now: Date;
}

/** A turn with the person's session loaded. */
interface SessionTurn extends Turn {
  key: string;
  session: Session;
  /** The button pressed, when it is not a command's (an answer in the form). */
  choice: string | undefined;
  /** A reading picked after a "not sure" reply, asked as the question. */
  picked: string | null;
}

type Reply = OutboundMessage[] | null;
type Step<T> = (t: T) => Reply | Promise<Reply>;

async function first<T>(steps: Step<T>[], t: T): Promise<Reply> {
  for (const s of steps) {
    const out = await s(t);
    if (out) return out;
  }
  return null;
}

const refresh = (t: Turn) => () => t.core.deps.answerer?.refreshIfChanged?.() ?? Promise.resolve();

/** On the text as typed: files, undo, registration, linking, who am I, language, the home tab. */
const AS_TYPED: Step<Turn>[] = [
  (t) => (t.msg.file ? uploadReply(t.core.app, t.user, t.msg.file, t.msg.channel, t.now, refresh(t)) : null),
  (t) => {
    const undo = undoRequest(t.text, t.msg.choice);
    return undo ? undoReply(t.core.app, t.user, undo, t.msg.channel, t.now, refresh(t)) : null;
  },
  (t) => {
    const code = registration(t.text);
    return code !== null ? registerReply(t.core.app, t.core.codes, t.msg, t.user, code, t.now) : null;
  },
  async (t) => {
    if (!isLinkRequest(t.text)) return null;
    if (!t.user) return [R.notRegistered()];
    const c = await createLinkCode(t.core.app.db, t.user.id, t.now);
    return [R.linkCode(c.code, c.expiresAt, t.user)];
  },
  (t) => (isWhoAmI(t.text) ? [t.user ? R.alreadyRegistered(t.user) : R.notRegistered()] : null),
  (t) => {
    const lang = languageRequest(t.text);
    return lang ? languageReply(t.core.app, t.user, lang) : null;
  },
  // before the session: opening a tab never moves a form
  (t) => (isHome(t.text) ? homeReply(t.core.app, t.user, t.now) : null),
];

/** On the command the free words stand for: reminding one agency, the modules' commands, period and status commands. */
const COMMANDS: Step<Turn>[] = [
  async (t) => {
    // "như kỳ trước" is a form answer (copy last period's value), not a question about last period's figures
    if (isCopyPrevious(t.text)) return null;
    // "nhắc Sở Y tế" from staff: the command reminding one agency
    const staff = t.user?.role === 'coordinator' || t.user?.role === 'admin';
    const text = t.free?.kind === 'remindOne' && staff ? `nhắc cơ quan ${t.free.agency}` : t.text;
    const c = (t.core.deps.commands ?? []).find((c) => c.match(text, t.user));
    return c ? c.run({ user: t.user, text, now: t.now, channel: t.msg.channel }) : null;
  },
  (t) => {
    const req = periodLockRequest(t.text); // "mở lại kỳ …" before "mở lại <cơ quan>"
    return req ? periodLockReply(t.core.app, t.user, req, t.msg.channel, t.now) : null;
  },
  (t) => {
    const rest = reopenRequest(t.text);
    return rest !== null ? reopenReply(t.core.app, t.user, rest, t.msg.channel, t.now) : null;
  },
  (t) => {
    const rest = statusRequest(t.text);
    return rest !== null ? statusReply(t.core.app, t.user, rest, t.now) : null;
  },
];

/** Asks a question and keeps it (for "thêm") in the session. */
async function askAndKeep(t: SessionTurn, text: string): Promise<OutboundMessage[]> {
  const out = await t.core.ask(text, t.session, t.user);
  if (t.core.deps.answerer) await saveSession(t.core.app.db, t.key, t.session);
  return out;
}

/** The engine run of the person's open form `f`, its input still to give. */
function formRun(t: SessionTurn & { user: BotUser }, f: NonNullable<SessionTurn['session']['form']>) {
  return { user: t.user, channel: t.msg.channel, key: t.key, session: t.session, periodId: f.periodId, agencyId: f.agencyId, now: t.now };
}

/** The form's current question again (after extra results or an answer), without offering the page again. */
function backToForm(t: SessionTurn & { user: BotUser }): Promise<OutboundMessage[]> {
  const f = t.session.form!;
  const input = { kind: 'reminder' as const, periodId: f.periodId };
  return t.core.engine({ ...formRun(t, f), input, page: 'none' });
}

async function more(t: SessionTurn): Promise<Reply> {
  const last = t.session.lastQuestion;
  if (!isMore(t.text) || !last) return null;
  const out =
    last.hasMore === false ? [{ text: REPLY_TEXT(t.user?.locale).noMore }] : await t.core.ask(last.text, t.session, t.user, last.page + 1);
  // re-ask the pending form question after the extra results, like after any question mid-form
  if (t.user && t.session.form)
    return [...out, { text: REPLY_TEXT(t.user.locale).backToForm }, ...(await backToForm({ ...t, user: t.user }))];
  await saveSession(t.core.app.db, t.key, t.session);
  return out;
}

/** With the session: small talk, a picked reading, opening the form, filters, "thêm", the form, help, a question. */
const WITH_SESSION: Step<SessionTurn>[] = [
  // Outside the form the only buttons are readings and commands: any other payload is stale or forged.
  (t) => (t.choice !== undefined && !t.session.form && !t.picked ? [R.staleChoice(t.user?.locale)] : null),
  (t) => (t.choice === undefined ? t.core.smallTalk(t.free, t.user, t.msg, t.key, t.session, t.now) : null),
  (t) => (t.picked ? askAndKeep(t, t.picked) : null),
  (t) => {
    const rest = startReport(t.text);
    if (rest === null) return null;
    return t.user ? t.core.startForm(t.user, t.msg, t.key, t.session, rest, t.now) : [R.notRegistered()];
  },
  async (t) => {
    const filter = filterCommand(t.text);
    if (!filter || !t.core.deps.answerer) return null;
    const out = t.core.setFilter(t.session, filter, t.user);
    await saveSession(t.core.app.db, t.key, t.session);
    return out;
  },
  more,
  (t) => {
    const f = t.session.form;
    if (!t.user || !f) return null;
    const fields = Object.keys(t.msg.formValues ?? {});
    const itemId = fields.length === 1 && /^\d+$/.test(fields[0]!) ? Number(fields[0]) : undefined;
    const input = { kind: 'text' as const, text: t.text, choice: t.choice, itemId };
    return t.core.engine({ ...formRun({ ...t, user: t.user }, f), input });
  },
  (t) => {
    const cmd = formCommand(t.text);
    if (!t.user || !cmd || !['edit', 'review', 'submit'].includes(cmd.cmd)) return null;
    return t.core.startForm(t.user, t.msg, t.key, t.session, '', t.now, t.text);
  },
  (t) => (formCommand(t.text)?.cmd === 'help' ? [helpReply(t.user, t.core.helps)] : null),
];

/** Routes one message of a person read in their queue (src/conversation/turns.ts): the user and the session. */
export async function route(core: BotCore, msg: InboundMessage, person: Person): Promise<OutboundMessage[]> {
  const now = core.app.clock.now();
  if ((msg.text ?? '').length > R.MAX_MESSAGE_CHARS) return [R.tooLong(msg.text.length, person.user?.locale)];
  const typed = choiceText(cleanInput(msg.text ?? '').trim(), msg.choice);
  const { user, key, session } = person;
  const free = freeWords(typed);
  const t: Turn = { core, msg, user, text: typed, free, now };
  const early = (await first(AS_TYPED, t)) ?? (await first(COMMANDS, { ...t, text: free?.kind === 'command' ? free.text : typed }));
  if (early) return early;
  const text = free?.kind === 'command' ? free.text : typed;
  const picked = session.readings && !session.form ? pickReading(session.readings, text, msg.choice) : null;
  const choice = msg.choice !== undefined && !isCommandChoice(msg.choice) ? msg.choice : undefined;
  const st: SessionTurn = { ...t, text, key, session, choice, picked };
  return (await first(WITH_SESSION, st)) ?? askAndKeep(st, text);
}
