// Fixed replies of the bot outside the form: welcome, registration, refusals, small talk; in the person's language
// when they are known (reply-text.ts holds the sentences).
import { DEFAULT_LOCALE, formatNumberIn, type Locale } from '../core/i18n.ts';
import type { OutboundMessage } from '../core/types.ts';
import { formatDateTime } from '../reporting/periods.ts';
import { describeUser, roleLabel, type BotUser } from '../users/users.ts';
import { REPLY_TEXT } from './reply-text.ts';

const say = (text: string): OutboundMessage => ({ text });
const T = REPLY_TEXT;

export const welcome = (locale?: Locale): OutboundMessage => say(T(locale).welcome);
export const notRegistered = (locale?: Locale): OutboundMessage => say(T(locale).notRegistered);

export function registered(user: BotUser, linked: boolean): OutboundMessage {
  const t = T(user.locale);
  const who = describeUser(user, user.locale);
  if (linked) return say(t.linked(who));
  const next = user.role === 'official' ? t.nextOfficial : user.role === 'coordinator' ? t.nextCoordinator : t.nextAdmin;
  return say(t.registered(who, next));
}

/** Said in English to someone whose app is set to English, after registering: how to switch. */
export const offerEnglish = (): OutboundMessage => say(T('en').offerEnglish);

export const alreadyRegistered = (user: BotUser): OutboundMessage => say(T(user.locale).alreadyRegistered(describeUser(user, user.locale)));

/** Names the account the code joins (role, agency, province): whoever uses it acts as that person. */
export const linkCode = (code: string, expiresAt: Date, user: BotUser): OutboundMessage =>
  say(T(user.locale).linkCode(code, describeUser(user, user.locale), formatDateTime(expiresAt)));

export function otherAgency(user: BotUser, other: string): OutboundMessage {
  return say(T(user.locale).otherAgency(roleLabel(user.role, user.locale), user.agency?.name ?? null, other));
}

export const noPeriod = (agency: string, locale?: Locale): OutboundMessage => say(T(locale).noPeriod(agency));
export const agencyNotFound = (name: string, user: BotUser): OutboundMessage => say(T(user.locale).agencyNotFound(name, user.province));
export const noAgency = (user: BotUser): OutboundMessage => say(T(user.locale).noAgency(describeUser(user, user.locale)));
export const noKnowledge = (locale?: Locale): OutboundMessage => say(T(locale).noKnowledge);

/** Longest message read (Telegram's own limit is 4,096); a longer one is refused, not echoed or stored. */
export const MAX_MESSAGE_CHARS = 4000;
/** Longest reply text in one message; longer ones are cut at a line (channels split what is left into parts). */
export const MAX_REPLY_CHARS = 12_000;

export const tooLong = (n: number, locale: Locale = DEFAULT_LOCALE): OutboundMessage =>
  say(T(locale).tooLong(formatNumberIn(locale, n), formatNumberIn(locale, MAX_MESSAGE_CHARS)));

/** Caps a reply's text at MAX_REPLY_CHARS, at a line break where there is one, saying that it was cut. */
export function capped(m: OutboundMessage, locale?: Locale): OutboundMessage {
  if (m.text.length <= MAX_REPLY_CHARS) return m;
  const cut = m.text.slice(0, MAX_REPLY_CHARS);
  const nl = cut.lastIndexOf('\n');
  return { ...m, text: `${nl > MAX_REPLY_CHARS / 2 ? cut.slice(0, nl) : cut}\n${T(locale).more}` };
}

export const staleChoice = (locale?: Locale): OutboundMessage => say(T(locale).staleChoice);

export const codesThrottled = (until: Date, scope: 'sender' | 'global'): OutboundMessage =>
  say(scope === 'sender' ? T('vi').throttledSender(formatDateTime(until)) : T('vi').throttledAll(formatDateTime(until)));

export const internalError = (locale?: Locale): OutboundMessage => say(T(locale).internalError);

/** "chào": who they are and what to do next; a registered official is reminded of "báo cáo". */
export function greeting(user: BotUser | null): OutboundMessage {
  if (!user) return welcome();
  const t = T(user.locale);
  return say(`${t.hello(user.name ?? '')} ${user.agency ? t.helloOfficial : t.helloOther}`);
}

export const thanks = (locale?: Locale): OutboundMessage => say(T(locale).thanks);
export const bye = (locale?: Locale): OutboundMessage => say(T(locale).bye);
export const nothingToCancel = (locale?: Locale): OutboundMessage => say(T(locale).nothingToCancel);
export const aboutBot = (locale?: Locale): OutboundMessage => say(T(locale).aboutBot);
export const fragment = (word: string, locale?: Locale): OutboundMessage => say(T(locale).fragment(word));
/** The word before the open form's question when small talk comes mid-form. */
export const resumeHead = (kind: 'greeting' | 'thanks' | 'other', locale?: Locale): string =>
  kind === 'greeting' ? T(locale).resumeHello : kind === 'thanks' ? T(locale).resumeThanks : T(locale).resume;
