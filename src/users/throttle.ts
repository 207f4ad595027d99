// Guessing invite codes: after repeated wrong codes one sender waits, and after many wrong codes from everyone
// (a spread-out guessing run) every redemption waits; each start of a wait is logged for the admin. In memory, per
// process: a restart forgets, which costs a guesser minutes against a 32^8 code space.

export interface ThrottleOptions {
  /** Wrong codes one sender may send in `windowMs` before waiting `blockMs`. */
  perSender?: number;
  /** Wrong codes from all senders together in `windowMs` before everyone waits `blockMs`. */
  global?: number;
  windowMs?: number;
  blockMs?: number;
}

export type ThrottleCheck = { ok: true } | { ok: false; until: Date; scope: 'sender' | 'global' };

export class CodeThrottle {
  private readonly perSender: number;
  private readonly global: number;
  private readonly windowMs: number;
  private readonly blockMs: number;
  private readonly failures = new Map<string, number[]>();
  private readonly blocked = new Map<string, number>();
  private all: number[] = [];
  private allBlockedUntil = 0;

  constructor(o: ThrottleOptions = {}) {
    this.perSender = o.perSender ?? 5;
    this.global = o.global ?? 100;
    this.windowMs = o.windowMs ?? 15 * 60_000;
    this.blockMs = o.blockMs ?? 15 * 60_000;
  }

  check(sender: string, now: Date): ThrottleCheck {
    const t = now.getTime();
    if (this.allBlockedUntil > t) return { ok: false, until: new Date(this.allBlockedUntil), scope: 'global' };
    const until = this.blocked.get(sender) ?? 0;
    if (until > t) return { ok: false, until: new Date(until), scope: 'sender' };
    return { ok: true };
  }

  /** Counts a wrong code; returns which wait it started, if any (for the log line). */
  fail(sender: string, now: Date): 'sender' | 'global' | null {
    const t = now.getTime();
    const recent = (this.failures.get(sender) ?? []).filter((x) => x > t - this.windowMs);
    recent.push(t);
    this.failures.set(sender, recent);
    this.all = this.all.filter((x) => x > t - this.windowMs);
    this.all.push(t);
    if (this.failures.size > 10_000) this.prune(t);
    if (this.all.length >= this.global && this.allBlockedUntil <= t) {
      this.allBlockedUntil = t + this.blockMs;
      this.all = [];
      return 'global';
    }
    if (recent.length >= this.perSender) {
      this.blocked.set(sender, t + this.blockMs);
      this.failures.delete(sender);
      return 'sender';
    }
    return null;
  }

  succeed(sender: string): void {
    this.failures.delete(sender);
  }

  private prune(t: number): void {
    for (const [k, v] of this.failures) if (!v.some((x) => x > t - this.windowMs)) this.failures.delete(k);
    for (const [k, v] of this.blocked) if (v <= t) this.blocked.delete(k);
  }
}
