// Outbound send queue: one message at a time per chat, spaced per chat and globally, and retried only
// when the platform said "429, not delivered, retry after N". Any other failure (timeouts, resets) is
// ambiguous — the message may have gone out — so it is never retried: a user never gets a message twice.
import { chatGapMs, type ChannelPacing } from '../../core/interfaces.ts';

export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterMs: number,
    message = 'rate limited',
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** The send queue options that keep a channel's pacing. */
export const queuePacing = (p: ChannelPacing): SendQueueOptions => ({
  chatIntervalMs: (id) => chatGapMs(p, id),
  globalPerSecond: p.perSecond,
});

export interface SendQueueOptions {
  /** Minimum gap between two sends to the same chat (Telegram: ~1 s private, 3 s groups; Slack ~1 s). */
  chatIntervalMs?: (chatId: string) => number;
  /** Global sends per second across all chats (Telegram bulk: ~30). */
  globalPerSecond?: number;
  /** How many 429 retries one message gets before giving up. */
  maxRetries?: number;
  /** A retry_after longer than this is not waited for: the send fails with RateLimitedError. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class SendQueue {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly chatNext = new Map<string, number>();
  private globalNext = 0;
  private readonly chatInterval: (chatId: string) => number;
  private readonly globalGap: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: SendQueueOptions = {}) {
    this.chatInterval = opts.chatIntervalMs ?? (() => 1000);
    this.globalGap = 1000 / (opts.globalPerSecond ?? 30);
    this.maxRetries = opts.maxRetries ?? 3;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Runs `send` in the chat's turn; resolves with its result or rejects with its (last) error. */
  run<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(chatId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(() => this.attempt(chatId, send));
    const tail = next.catch(() => undefined);
    this.chains.set(chatId, tail);
    void tail.then(() => {
      if (this.chains.get(chatId) === tail) this.chains.delete(chatId);
    });
    return next;
  }

  private async attempt<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      await this.waitTurn(chatId);
      try {
        return await send();
      } catch (err) {
        if (!(err instanceof RateLimitedError) || tries >= this.maxRetries || err.retryAfterMs > this.maxRetryAfterMs) throw err;
        // The platform refused this send: nothing went out, so waiting and sending again is safe.
        const until = Date.now() + err.retryAfterMs;
        this.chatNext.set(chatId, Math.max(this.chatNext.get(chatId) ?? 0, until));
      }
    }
  }

  /**
   * Waits for the chat's own turn first (its pacing or a 429 retry_after), and only then claims a global slot:
   * a chat waiting out a retry_after must not hold every other chat back.
   */
  private async waitTurn(chatId: string): Promise<void> {
    let now = Date.now();
    const chatAt = this.chatNext.get(chatId) ?? 0;
    if (chatAt > now) {
      await this.sleep(chatAt - now);
      now = Date.now();
    }
    const at = Math.max(now, this.globalNext);
    this.chatNext.set(chatId, at + this.chatInterval(chatId));
    this.globalNext = at + this.globalGap;
    if (this.chatNext.size > 10_000) this.prune(now);
    if (at > now) await this.sleep(at - now);
  }

  private prune(now: number): void {
    for (const [k, t] of this.chatNext) if (t < now) this.chatNext.delete(k);
  }
}

/** Parses Retry-After (seconds or an HTTP date) or Telegram's retry_after (seconds) into milliseconds. */
export function retryAfterMs(value: string | number | null | undefined, fallbackMs = 1000): number {
  if (value === undefined || value === null || value === '') return fallbackMs;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n * 1000);
  const at = Date.parse(String(value));
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : fallbackMs;
}
