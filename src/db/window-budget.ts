// "At most N messages within W hours of the user's last message" (Zalo OA's free consultation messages), kept in the
// database beside the sessions (key "budget:<name>:<user>") so every instance counts the same window: the user may
// write to one instance while the scheduler on another sends the reminder.
import { putSessionRow, type Db } from './client.ts';

export interface WindowBudget {
  inbound(userId: string): Promise<void>;
  remaining(userId: string): Promise<number>;
  consume(userId: string, n?: number): Promise<void>;
}

type Window = { since: number; used: number };

export function databaseWindowBudget(db: Db, name: string, limit: number, windowMs: number, now: () => number = Date.now): WindowBudget {
  const key = (user: string) => `budget:${name}:${user}`;
  const read = async (client: Pick<Db, 'session'>, user: string): Promise<Window | null> => {
    const row = await client.session.findUnique({ where: { key: key(user) }, select: { data: true } });
    try {
      return row ? (JSON.parse(row.data) as Window) : null;
    } catch {
      return null;
    }
  };
  const write = (client: Pick<Db, 'session'>, user: string, w: Window) => {
    return putSessionRow(client, key(user), JSON.stringify(w));
  };
  return {
    async inbound(user) {
      await write(db, user, { since: now(), used: 0 });
    },
    async remaining(user) {
      const w = await read(db, user);
      if (!w || now() - w.since > windowMs) return 0;
      return Math.max(0, limit - w.used);
    },
    async consume(user, n = 1) {
      await db.$transaction(async (tx) => {
        const w = await read(tx, user);
        if (w) await write(tx, user, { ...w, used: w.used + n });
      });
    },
  };
}
