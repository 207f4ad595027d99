// Platforms re-deliver on timeouts (Telegram the same update_id, Slack the same event_id with X-Slack-Retry-Num,
// Zalo the same message). Each inbound event carries a durable key (InboundMessage.eventId); the key is written
// in the same transaction as the message's effects (the form's answers and the session), so a re-delivery finds
// it and is acknowledged and ignored, and a crash before the commit leaves neither. The message being handled
// is known through AsyncLocalStorage, so the writers deep in the conversation need no extra parameter.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, DbTx } from '../db/client.ts';
import { createInboundEvent, deleteEventsBefore, findInboundEvent } from './repo/inbound-event-rows.ts';

type Tx = DbTx;

export interface EventClaim {
  key: string;
  recorded: boolean;
}

/** How long keys are kept: platforms re-deliver within minutes (Telegram keeps updates 24 h). */
export const EVENT_KEEP_MS = 7 * 24 * 3600_000;

const current = new AsyncLocalStorage<EventClaim | null>();

export const withEvent = <T>(claim: EventClaim | null, fn: () => Promise<T>): Promise<T> => current.run(claim, fn);

/** True while the event being handled has not been written yet. */
export const eventPending = (): boolean => {
  const c = current.getStore();
  return !!c && !c.recorded;
};

// Transactions the key was written in: a transaction retried after a lock (src/db/busy.ts) runs its callback
// again with a new client, and writes the key again; the key counts as stored once one of them commits.
const writtenIn = new WeakSet<object>();

/** Writes the key of the event being handled (once per transaction), inside the caller's transaction when given one. */
export async function recordEvent(db: Db | Tx): Promise<void> {
  const c = current.getStore();
  if (!c || c.recorded || writtenIn.has(db)) return;
  await createInboundEvent(db, c.key);
  writtenIn.add(db);
  if ('$transaction' in db) c.recorded = true; // not in a transaction: stored now
}

/** The transaction that wrote the key has committed. */
export function eventCommitted(): void {
  const c = current.getStore();
  if (c && c.key) c.recorded = true;
}

export async function eventSeen(db: Db, key: string): Promise<boolean> {
  return (await findInboundEvent(db, key)) !== null;
}

/** A write refused because the event's key is already stored: another delivery of it got there first. */
export function isDuplicateEvent(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || (e as { code?: string }).code !== 'P2002') return false;
  const meta = JSON.stringify((e as { meta?: unknown }).meta ?? {});
  return meta.includes('InboundEvent') || String((e as Error).message).includes('InboundEvent');
}

export async function pruneEvents(db: Db, now: Date): Promise<number> {
  return deleteEventsBefore(db, new Date(now.getTime() - EVENT_KEEP_MS));
}
