// Who is typing and where their conversation stands, read in one statement on every message: the channel
// identity's user with their agency, the person's session (`user:<id>` once registered, `<channel>:<platform id>`
// before), whether the platform event was handled already and, when the person's last message left them in a form,
// that form's context (src/conversation/repo/context-rows.ts), kept for the engine only if the session is still in it.
// Portable SQL (SQLite and PostgreSQL).
import type { ChannelName } from '../../core/types.ts';
import { sqlEmpty, sqlTag, type Db } from '../../db/client.ts';
import { IDENTITY_COLUMNS, identityRowUser, type BotUser, type IdentityRow } from '../../users/users.ts';
import { FORM_COLUMNS, FORM_ORDER, formJoins, knownPreviousKey, rowsToForm, type FormRow, type FormRows } from './context-rows.ts';
import { parseSession, sessionKey } from '../sessions.ts';
import type { Session } from '../types.ts';

export interface Person {
  user: BotUser | null;
  /** The key of the person's session and of their message queue. */
  key: string;
  session: Session;
  /** The inbound event asked about is stored: a re-delivery of a message already handled. */
  eventSeen: boolean;
}

type Row = Partial<IdentityRow> & Partial<FormRow> & { sessionData: string | null; eventKey: string | null };

/** The form the person was in at their last message: its context is read with them, on the chance it still is. */
export interface FormGuess {
  periodId: number;
  agencyId: number;
}

export async function loadPerson(
  db: Db,
  channel: ChannelName,
  externalId: string,
  eventKey: string | null,
  guess: FormGuess | null = null,
): Promise<Person> {
  const anonymous = sessionKey(channel, externalId, null);
  // last period's key must be known without a statement for the form to come in the same one
  const prevKey = guess ? knownPreviousKey(db, guess.periodId) : undefined;
  const form = guess && prevKey !== undefined ? guess : null;
  // one row whatever matches (one per item of the guessed form): each part joined to a single dummy row
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${IDENTITY_COLUMNS}, se."data" AS "sessionData", ev."key" AS "eventKey"
      ${form ? sqlTag`, ${FORM_COLUMNS}` : sqlEmpty}
    FROM (SELECT 1 AS "one") x
      LEFT JOIN "Identity" i ON i."channel" = ${channel} AND i."externalId" = ${externalId}
      LEFT JOIN "User" u ON u."id" = i."userId"
      LEFT JOIN "Agency" a ON a."id" = u."agencyId"
      LEFT JOIN "Session" se
        ON se."key" = CASE WHEN u."id" IS NULL THEN ${anonymous} ELSE 'user:' || CAST(u."id" AS TEXT) END
      LEFT JOIN "InboundEvent" ev ON ev."key" = ${eventKey}
      ${form ? sqlTag`${formJoins(form.periodId, form.agencyId, prevKey ?? null)} ${FORM_ORDER}` : sqlEmpty}`;
  const r = rows[0]!;
  const user = r.id == null ? null : identityRowUser(r as IdentityRow);
  const session = parseSession(r.sessionData);
  // the guess holds when the session read is in that very form
  if (form && session.form?.periodId === form.periodId && session.form.agencyId === form.agencyId) {
    const found = await rowsToForm(db, form.agencyId, rows as FormRow[]);
    if (found) prefetched.set(session, { ...form, rows: found });
  }
  return { user, key: sessionKey(channel, externalId, user?.id ?? null), session, eventSeen: r.eventKey != null };
}

// The form read with the person, for the engine of the same turn (src/conversation/bot-core.ts), once.
const prefetched = new WeakMap<Session, FormGuess & { rows: FormRows }>();

/** The form context read with this session, when it is of this period and agency; taken once. */
export function takePrefetchedForm(session: Session, periodId: number, agencyId: number): FormRows | null {
  const p = prefetched.get(session);
  prefetched.delete(session);
  return p && p.periodId === periodId && p.agencyId === agencyId ? p.rows : null;
}
