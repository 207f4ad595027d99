// Zalo OA message budget: free "consultation" messages are allowed only within 48 h of the user's last
// message, at most 8 of them. Beyond that the OA cannot send (a reminder must go through another channel).

/** The budget as the adapter uses it: this process's (OaQuota), or the database's, shared by instances. */
export interface OaBudget {
  /** The user wrote to the OA: a fresh window opens. */
  inbound(userId: string): void | Promise<void>;
  remaining(userId: string): number | Promise<number>;
  consume(userId: string, n?: number): void | Promise<void>;
}

export class OaQuota implements OaBudget {
  private readonly windows = new Map<string, { since: number; used: number }>();

  constructor(
    private readonly limit = 8,
    private readonly windowMs = 48 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user wrote to the OA: a fresh window opens. */
  inbound(userId: string): void {
    this.windows.set(userId, { since: this.now(), used: 0 });
  }

  remaining(userId: string): number {
    const w = this.windows.get(userId);
    if (!w || this.now() - w.since > this.windowMs) return 0;
    return Math.max(0, this.limit - w.used);
  }

  consume(userId: string, n = 1): void {
    const w = this.windows.get(userId);
    if (w) w.used += n;
  }
}
