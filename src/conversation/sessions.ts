// Conversation sessions in the Session table: `user:<id>` once identified (shared by all of a person's
// channels), `<channel>:<platform id>` before that.
import type { SessionStore } from '../core/interfaces.ts';
import type { ChannelName } from '../core/types.ts';
import type { Db, DbTx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { findSessionRow, upsertSessionRow } from './repo/session-rows.ts';
import { emptySession, type Session } from './types.ts';
import { eventCommitted, eventPending, recordEvent } from './inbound-events.ts';

type Tx = DbTx;

/** The session of a registered person, shared by all of their channels. */
export const userSessionKey = (userId: number): string => `user:${userId}`;

export function sessionKey(channel: ChannelName, externalId: string, userId: number | null): string {
  return userId != null ? userSessionKey(userId) : `${channel}:${externalId}`;
}

export async function loadSession(db: Db | Tx, key: string): Promise<Session> {
  const row = await findSessionRow(db, key);
  return parseSession(row?.data ?? null);
}

/** A stored session's JSON (null: none stored yet) as the engine's Session. */
export function parseSession(data: string | null): Session {
  if (data == null) return emptySession();
  try {
    const s = JSON.parse(data) as Session;
    return s && s.v === 1 ? { ...emptySession(), ...s } : emptySession();
  } catch {
    return emptySession(); // a corrupt session only loses the place in the form; answers live in their own table
  }
}

// The form each session was last saved in by this process: the next message of the person reads that form's
// context together with the person (src/conversation/repo/person.ts), and checks the session read is still in it.
const lastForms = new Map<string, { periodId: number; agencyId: number }>();

/** The form the session `key` was in when this process last saved it, if any: a guess, checked when read. */
export const lastForm = (key: string): { periodId: number; agencyId: number } | null => lastForms.get(key) ?? null;

/** Saves a session; the key of the platform event being handled (if any) is written in the same transaction. */
export async function saveSession(db: Db | Tx, key: string, s: Session): Promise<void> {
  const data = JSON.stringify(s);
  if (s.form) lastForms.set(key, { periodId: s.form.periodId, agencyId: s.form.agencyId });
  else lastForms.delete(key);
  const write = (c: Db | Tx) => upsertSessionRow(c, key, data);
  if (eventPending() && '$transaction' in db) {
    await inTransaction(db, async (tx) => {
      await recordEvent(tx);
      await write(tx);
    });
    eventCommitted();
    return;
  }
  await recordEvent(db);
  await write(db);
}

/** The core SessionStore port over the Session table (for modules that keep their own small chat state). */
export class DbSessionStore implements SessionStore {
  constructor(private readonly db: Db) {}
  async load(key: string): Promise<unknown | null> {
    const row = await findSessionRow(this.db, key);
    if (!row) return null;
    try {
      return JSON.parse(row.data) as unknown;
    } catch {
      return null;
    }
  }
  async save(key: string, data: unknown): Promise<void> {
    const json = JSON.stringify(data);
    await upsertSessionRow(this.db, key, json);
  }
}
