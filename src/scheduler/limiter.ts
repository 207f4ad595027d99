// Paces a send batch per channel: a global rate, a minimum gap per chat, and an optional daily quota.
// Slots are reserved synchronously, so concurrent workers never exceed the rate between them.
import { chatGapMs, type ChannelAdapter, type ChannelPacing } from '../core/interfaces.ts';
import type { ChannelName } from '../core/types.ts';

/** A channel's limits: the adapter's own (`ChannelAdapter.pacing`), so the scheduler and the adapter agree. */
export type ChannelLimit = ChannelPacing;

/** A channel whose adapter states no limits (the console) is not paced. */
const UNPACED: ChannelLimit = { perSecond: 1000, perChatMs: 0 };

/** The limits of the running adapters, read through the adapter interface. */
export function limitsOf(adapters: ReadonlyMap<ChannelName, Pick<ChannelAdapter, 'pacing'>>): Partial<Record<ChannelName, ChannelLimit>> {
  return Object.fromEntries([...adapters].flatMap(([name, a]) => (a.pacing ? [[name, a.pacing]] : [])));
}

export interface LimiterOptions {
  limits?: Partial<Record<ChannelName, ChannelLimit>>;
  /** Monotonic milliseconds; real time by default (pacing is about the wall, not the scheduling clock). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class RateLimiter {
  private readonly limits: Partial<Record<ChannelName, ChannelLimit>>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly nextGlobal = new Map<ChannelName, number>();
  private readonly nextChat = new Map<string, number>();
  private readonly released = new Map<ChannelName, number[]>();
  private readonly used = new Map<ChannelName, { day: string; count: number }>();

  constructor(opts: LimiterOptions = {}) {
    this.limits = { ...opts.limits };
    this.now = opts.now ?? (() => performance.now());
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Takes one unit of the channel's daily quota; false when the day's budget is spent. */
  takeQuota(channel: ChannelName, day: string): boolean {
    const quota = this.limit(channel).dailyQuota;
    if (quota === undefined) return true;
    const u = this.used.get(channel);
    const cur = u && u.day === day ? u : { day, count: 0 };
    if (cur.count >= quota) return false;
    cur.count++;
    this.used.set(channel, cur);
    return true;
  }

  /** Waits until a message to `chatId` on `channel` may go out, and reserves that slot. */
  async acquire(channel: ChannelName, chatId: string): Promise<void> {
    const wait = this.reserve(channel, chatId);
    if (wait > 0) await this.sleep(wait);
    // Timers and a busy event loop can bunch reserved slots together: also keep a sliding one-second window
    // of the sends actually released, so no second ever sees more than perSecond of them.
    const lim = this.limit(channel);
    const log = this.released.get(channel) ?? [];
    this.released.set(channel, log);
    for (;;) {
      const now = this.now();
      while (log.length && (log[0] as number) <= now - 1000) log.shift();
      if (log.length < lim.perSecond) {
        log.push(now);
        return;
      }
      await this.sleep((log[0] as number) + 1000 - now + 1);
    }
  }

  /** Reserves the next slot; returns how long to wait for it (ms). */
  reserve(channel: ChannelName, chatId: string): number {
    const lim = this.limit(channel);
    const gap = chatGapMs(lim, chatId);
    const now = this.now();
    const chatKey = `${channel}:${chatId}`;
    const slot = Math.max(now, this.nextGlobal.get(channel) ?? 0, this.nextChat.get(chatKey) ?? 0);
    this.nextGlobal.set(channel, slot + 1000 / lim.perSecond);
    if (gap > 0) this.nextChat.set(chatKey, slot + gap);
    if (this.nextChat.size > 50_000) this.prune(now);
    return slot - now;
  }

  /** How long this chat is still held (after a "retry after"), in ms; 0 when it may be served now. */
  chatWait(channel: ChannelName, chatId: string): number {
    return Math.max(0, (this.nextChat.get(`${channel}:${chatId}`) ?? 0) - this.now());
  }

  /** The platform said "retry after": hold this chat (and, for a global flood, the channel) that long. */
  penalize(channel: ChannelName, chatId: string, retryAfterMs: number, global = false): void {
    const until = this.now() + retryAfterMs;
    const chatKey = `${channel}:${chatId}`;
    this.nextChat.set(chatKey, Math.max(this.nextChat.get(chatKey) ?? 0, until));
    if (global) this.nextGlobal.set(channel, Math.max(this.nextGlobal.get(channel) ?? 0, until));
  }

  private limit(channel: ChannelName): ChannelLimit {
    return this.limits[channel] ?? UNPACED;
  }

  private prune(now: number): void {
    for (const [k, v] of this.nextChat) if (v < now) this.nextChat.delete(k);
  }
}
