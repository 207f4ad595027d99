// Who is typing and where their conversation stands, read in one statement on every message: the channel
// identity's user with their agency, the person's session (`user:<id>` once registered, `<channel>:<platform id>`
// before), and whether the platform event was handled already. Portable SQL (SQLite and PostgreSQL).
import type { ChannelName } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import { IDENTITY_COLUMNS, identityRowUser, type BotUser, type IdentityRow } from '../users/users.ts';
import { parseSession, sessionKey } from './sessions.ts';
import type { Session } from './types.ts';

export interface Person {
  user: BotUser | null;
  /** The key of the person's session and of their message queue. */
  key: string;
  session: Session;
  /** The inbound event asked about is stored: a re-delivery of a message already handled. */
  eventSeen: boolean;
}

type Row = Partial<IdentityRow> & { sessionData: string | null; eventKey: string | null };

export async function loadPerson(db: Db, channel: ChannelName, externalId: string, eventKey: string | null): Promise<Person> {
  const anonymous = sessionKey(channel, externalId, null);
  // one row whatever matches: the identity, the session and the event are each joined to a single dummy row
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${IDENTITY_COLUMNS}, s."data" AS "sessionData", ev."key" AS "eventKey"
    FROM (SELECT 1 AS "one") x
      LEFT JOIN "Identity" i ON i."channel" = ${channel} AND i."externalId" = ${externalId}
      LEFT JOIN "User" u ON u."id" = i."userId"
      LEFT JOIN "Agency" a ON a."id" = u."agencyId"
      LEFT JOIN "Session" s
        ON s."key" = CASE WHEN u."id" IS NULL THEN ${anonymous} ELSE 'user:' || CAST(u."id" AS TEXT) END
      LEFT JOIN "InboundEvent" ev ON ev."key" = ${eventKey}`;
  const r = rows[0]!;
  const user = r.id == null ? null : identityRowUser(r as IdentityRow);
  return {
    user,
    key: sessionKey(channel, externalId, user?.id ?? null),
    session: parseSession(r.sessionData),
    eventSeen: r.eventKey != null,
  };
}
