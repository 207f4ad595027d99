// Ports between layers. Implementations live in db/, search/, channels/, scheduler/.
import type { BotUser, ChannelName, Choice, InboundMessage, OutboundMessage } from './types.ts';

/** Persists conversation sessions as JSON, keyed by `${channel}:${platformUserId}`. */
export interface SessionStore {
  load(key: string): Promise<unknown | null>;
  save(key: string, data: unknown): Promise<void>;
}

/** What a channel adapter calls for every inbound message: one engine for every channel. */
export type MessageHandler = (msg: InboundMessage) => Promise<OutboundMessage[]>;

export type DeliveryResult =
  { ok: true } | { ok: false; reason: 'unavailable' | 'quota' | 'blocked' | 'error'; retryAfterMs?: number; error?: string };

/**
 * How fast a channel may send, as its platform allows: the adapter paces its own sends by it, and the scheduler
 * paces the reminders it hands the adapter by the same numbers (read through `ChannelAdapter.pacing`).
 */
export interface ChannelPacing {
  /** Messages per second for the whole bot on this channel. */
  perSecond: number;
  /** Minimum gap between two messages to one chat (a number, or by chat: Telegram groups get 3 s). */
  perChatMs: number | ((chatId: string) => number);
  /** Proactive messages allowed per local day (metered platforms); undefined = unlimited. */
  dailyQuota?: number;
}

/** The gap a pacing asks between two messages to `chatId`. */
export const chatGapMs = (p: ChannelPacing, chatId: string): number =>
  typeof p.perChatMs === 'function' ? p.perChatMs(chatId) : p.perChatMs;

/** A running channel: receives messages (calling the handler) and can send proactively. */
export interface ChannelAdapter {
  readonly name: ChannelName;
  /** The platform's limits, which the adapter's own sends keep; none: unpaced (the console). */
  readonly pacing?: ChannelPacing;
  start(handler: MessageHandler): Promise<void>;
  stop(): Promise<void>;
  /** Proactive send (reminders, reports) to a chat/user id of this platform. */
  send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult>;
}

/**
 * The numbered list last shown to a chat on a channel without buttons (Zalo), so that "1" picks from it whichever
 * instance receives the answer. `null` forgets it: a number only refers to the list just shown.
 */
export interface ChoiceMemory {
  remember(chat: string, choices: Choice[] | null): Promise<void>;
  recall(chat: string): Promise<Choice[] | null>;
}

/** Something one instance at a time holds, renewed while held (e.g. Telegram's one poller per bot token). */
export interface ExclusiveLease {
  /** Takes or renews it; false while another instance holds it. */
  take(): Promise<boolean>;
  /** Gives it up at once (on stop), so another instance can take over without waiting for it to expire. */
  release(): Promise<void>;
  /** How often the holder renews it and a waiting instance tries again (well below its lifetime). */
  readonly everyMs: number;
}

/** A logger with pino's shape, so tests can pass a silent one. */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

/** A platform's access/refresh token pair (Zalo OA: the refresh token is single-use, so it is saved before use). */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  updatedAt?: string;
}

/** Where a token pair is kept: a file for one instance, the database for several. */
export interface TokenStore {
  load(): Promise<TokenPair | null>;
  save(pair: TokenPair): Promise<void>;
  /** Runs a refresh while no other instance sharing this store can (several instances, one single-use token). */
  exclusive?<T>(fn: () => Promise<T>): Promise<T>;
}

/** Who may use a command: not yet registered, everyone, any registered person, an official, a person of an agency, staff. */
export type Audience = 'guest' | 'anyone' | 'registered' | 'official' | 'agency' | 'staff';

/** A command's line in "trợ giúp" (src/conversation/help.ts lists those the person's role may use). */
export interface CommandHelp {
  /** What to type, as shown in quotes: "nhắc ngay [mã chế độ]". */
  usage: string;
  what: string;
  /** `what` in English, for a person who chose it (required: a new command cannot forget it). */
  en: string;
  who: Audience;
}

/**
 * A chat command another module adds to the conversation (scheduler, consolidated reports, the dashboard), wired by
 * src/runtime.ts; here, so that a module offering one need not import the conversation.
 */
export interface ExtraCommand {
  name: string;
  /** Its line in "trợ giúp", shown to the people its role check lets through (src/conversation/help.ts). */
  help?: CommandHelp;
  match(text: string, user: BotUser | null): boolean;
  run(ctx: { user: BotUser | null; text: string; now: Date; channel: ChannelName }): Promise<OutboundMessage[]>;
}
