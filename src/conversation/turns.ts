// How each inbound message is run: in one ordered queue per person across all their linked channels (the session
// is per person: two messages sent at once from Telegram and Zalo are handled one after the other, never both
// against the same state; files sent are imported in a queue of their own), with a re-delivered platform event
// acknowledged and ignored (its key is stored with the message's effects, src/conversation/inbound-events.ts), and
// every failure turned into a reply.
import type { App } from '../app.ts';
import type { Locale } from '../core/i18n.ts';
import { isAppError } from '../core/errors.ts';
import type { MessageHandler } from '../core/interfaces.ts';
import type { InboundMessage, OutboundMessage } from '../core/types.ts';
import { userByIdentity } from '../users/users.ts';
import { isDuplicateEvent, pruneEvents, withEvent, type EventClaim } from './inbound-events.ts';
import { loadPerson, type Person } from './repo/person.ts';
import { createInboundEvent } from './repo/inbound-event-rows.ts';
import * as R from './replies.ts';
import { lastForm, sessionKey } from './sessions.ts';

export type Route = (msg: InboundMessage, person: Person) => Promise<OutboundMessage[]>;

export function createTurns(app: App, route: Route) {
  const db = app.db;
  const queues = new Map<string, Promise<unknown>>();
  // across instances sharing a PostgreSQL database (src/db/person-lock.ts)
  const crossInstance = app.keyLock ?? (<T>(_key: string, run: () => Promise<T>) => run());
  let claims = 0;
  // channel identity → user id, for the queue key before the person is read (inside the queue, in one statement)
  const people = new Map<string, number>();

  /** Runs `run` after everything queued for `key` before it, in this process and in any other instance. */
  function inQueue<T>(key: string, run: () => Promise<T>): Promise<T> {
    const next = (queues.get(key) ?? Promise.resolve()).then(() => crossInstance(key, run));
    const tail = next.catch(() => undefined).finally(() => queues.get(key) === tail && queues.delete(key));
    queues.set(key, tail);
    return next;
  }

  /**
   * In the queue `queued`: reads the person and routes the message; a person linked or unlinked since the queue was
   * chosen is sent to their own queue (once, and after leaving this one: never holding two queues).
   */
  async function turn(msg: InboundMessage, queued: string, moved = false): Promise<OutboundMessage[] | { move: string }> {
    const claim: EventClaim | null = msg.eventId ? { key: msg.eventId, recorded: false } : null;
    let locale: Locale | undefined;
    try {
      const person = await loadPerson(db, msg.channel, msg.userId, claim?.key ?? null, lastForm(queued));
      locale = person.user?.locale;
      const id = identityKey(msg);
      if (person.user) people.set(id, person.user.id);
      else people.delete(id);
      if (!msg.file && person.key !== queued && !moved) return { move: person.key };
      if (person.eventSeen) {
        app.log.info({ event: claim?.key, channel: msg.channel }, 'inbound event delivered again: ignored');
        return [];
      }
      const out = (await withEvent(claim, () => route(msg, person))).map((m) => said(R.capped(m, locale), locale));
      if (claim && !claim.recorded) await createInboundEvent(db, claim.key);
      if (claim && ++claims % 500 === 0) await pruneEvents(db, app.clock.now());
      return out;
    } catch (e) {
      if (isDuplicateEvent(e)) return [];
      if (isAppError(e)) return [{ text: e.messageIn(locale) }];
      app.log.error({ err: e, channel: msg.channel }, 'message handling failed');
      return [R.internalError(locale)];
    }
  }

  /** Marks a reply to someone who reads English, so the channel's own words (buttons of modals, hints) are English. */
  const said = (m: OutboundMessage, locale: Locale | undefined): OutboundMessage => (locale === 'en' ? { ...m, locale } : m);

  const identityKey = (msg: InboundMessage) => `${msg.channel}\u0000${msg.userId}`;

  const handle: MessageHandler = async (msg) => {
    let userId = people.get(identityKey(msg)) ?? null;
    if (userId == null) {
      try {
        userId = (await userByIdentity(db, msg.channel, msg.userId))?.id ?? null;
      } catch (e) {
        app.log.error({ err: e, channel: msg.channel }, 'message handling failed');
        return [R.internalError()];
      }
    }
    const person = sessionKey(msg.channel, msg.userId, userId);
    // A file's download and import take minutes and touch no session: uploads queue among themselves, so the
    // person's questions and form answers sent meanwhile are not held behind them.
    const queued = msg.file ? `${person}:upload` : person;
    const out = await inQueue(queued, () => turn(msg, queued));
    if (Array.isArray(out)) return out;
    const again = await inQueue(out.move, () => turn(msg, out.move, true));
    return Array.isArray(again) ? again : [];
  };

  return { handle, inQueue };
}
