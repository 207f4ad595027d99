// How each inbound message is run: in one ordered queue per person across all their linked channels (the session
// is per person: two messages sent at once from Telegram and Zalo are handled one after the other, never both
// against the same state; files sent are imported in a queue of their own), with a re-delivered platform event
// acknowledged and ignored (its key is stored with the message's effects, src/conversation/inbound-events.ts), and
// every failure turned into a reply.
import type { App } from '../app.ts';
import { isAppError } from '../core/errors.ts';
import type { MessageHandler } from '../core/interfaces.ts';
import type { InboundMessage, OutboundMessage } from '../core/types.ts';
import { userByIdentity, type BotUser } from '../users/users.ts';
import { eventSeen, isDuplicateEvent, pruneEvents, withEvent, type EventClaim } from './inbound-events.ts';
import * as R from './replies.ts';
import { userSessionKey } from './sessions.ts';

export type Route = (msg: InboundMessage, known: BotUser | null) => Promise<OutboundMessage[]>;

export function createTurns(app: App, route: Route) {
  const db = app.db;
  const queues = new Map<string, Promise<unknown>>();
  // across instances sharing a PostgreSQL database (src/db/person-lock.ts)
  const crossInstance = app.keyLock ?? (<T>(_key: string, run: () => Promise<T>) => run());
  let claims = 0;

  /** Runs `run` after everything queued for `key` before it, in this process and in any other instance. */
  function inQueue<T>(key: string, run: () => Promise<T>): Promise<T> {
    const next = (queues.get(key) ?? Promise.resolve()).then(() => crossInstance(key, run));
    const tail = next.catch(() => undefined).finally(() => queues.get(key) === tail && queues.delete(key));
    queues.set(key, tail);
    return next;
  }

  async function turn(msg: InboundMessage, known: BotUser | null): Promise<OutboundMessage[]> {
    const claim: EventClaim | null = msg.eventId ? { key: msg.eventId, recorded: false } : null;
    try {
      if (claim && (await eventSeen(db, claim.key))) {
        app.log.info({ event: claim.key, channel: msg.channel }, 'inbound event delivered again: ignored');
        return [];
      }
      const out = (await withEvent(claim, () => route(msg, known))).map(R.capped);
      if (claim && !claim.recorded) await db.inboundEvent.create({ data: { key: claim.key } });
      if (claim && ++claims % 500 === 0) await pruneEvents(db, app.clock.now());
      return out;
    } catch (e) {
      if (isDuplicateEvent(e)) return [];
      if (isAppError(e)) return [{ text: e.userMessage }];
      app.log.error({ err: e, channel: msg.channel }, 'message handling failed');
      return [R.internalError()];
    }
  }

  const handle: MessageHandler = async (msg) => {
    let known: BotUser | null;
    try {
      known = await userByIdentity(db, msg.channel, msg.userId);
    } catch (e) {
      app.log.error({ err: e, channel: msg.channel }, 'message handling failed');
      return [R.internalError()];
    }
    const person = known ? userSessionKey(known.id) : `${msg.channel}:${msg.userId}`;
    // A file's download and import take minutes and touch no session: uploads queue among themselves, so the
    // person's questions and form answers sent meanwhile are not held behind them.
    return inQueue(msg.file ? `${person}:upload` : person, () => turn(msg, known));
  };

  return { handle, inQueue };
}
