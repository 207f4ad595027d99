// Loads, in a few queries, everything a batch of Outbox rows needs to decide and render.
import { userSessionKey } from '../conversation/sessions.ts';
import type { Db } from '../db/client.ts';
import { findAgencyNamesByIds, findChunkUsers, findPeriodsWithSubmitted, findSessionTimes } from './repo/recipients.ts';
import type { OutboxPayload } from './messages.ts';
import { reportingAgencies } from './planner.ts';
import type { Locale } from '../core/i18n.ts';

export interface ChunkUser {
  id: number;
  role: string;
  agencyId: number | null;
  pausedUntil: Date | null;
  /** The language its messages are written in. */
  locale: Locale;
  /** Linked identities, most recently used first. */
  identities: { channel: string; externalId: string; chatId: string | null }[];
}

export interface ChunkPeriod {
  id: number;
  key: string;
  status: string;
  deadline: Date;
  locksAt: Date;
  regime: { id: number; name: string; paused: boolean };
  submitted: Set<number>;
  agencies: { id: number; name: string }[];
}

export interface Chunk {
  users: Map<number, ChunkUser>;
  periods: Map<number, ChunkPeriod>;
  agencyNames: Map<number, string>;
  /** Latest Session.updatedAt over the user's identities: a conversation may be in progress. */
  lastActivity: Map<number, Date>;
}

function periodIdOf(payload: string): number | null {
  try {
    return (JSON.parse(payload) as OutboxPayload).periodId ?? null;
  } catch {
    return null;
  }
}

export async function loadChunk(db: Db, rows: { userId: number | null; payload: string }[]): Promise<Chunk> {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((x): x is number => x !== null))];
  const periodIds = [...new Set(rows.map((r) => periodIdOf(r.payload)).filter((x): x is number => x !== null))];
  const users = await findChunkUsers(db, userIds);
  const sessionOwner = new Map<string, number>();
  // The engine keys a registered person's session by user id (shared across channels), an unregistered one's by identity.
  for (const u of users) {
    sessionOwner.set(userSessionKey(u.id), u.id);
    for (const i of u.identities) sessionOwner.set(`${i.channel}:${i.externalId}`, u.id);
  }
  const sessions = sessionOwner.size ? await findSessionTimes(db, [...sessionOwner.keys()]) : [];
  const lastActivity = new Map<number, Date>();
  for (const s of sessions) {
    const uid = sessionOwner.get(s.key) as number;
    const prev = lastActivity.get(uid);
    if (!prev || s.updatedAt > prev) lastActivity.set(uid, s.updatedAt);
  }
  const periods = await findPeriodsWithSubmitted(db, periodIds);
  const periodMap = new Map<number, ChunkPeriod>();
  const agencyNames = new Map<number, string>();
  for (const p of periods) {
    const agencies = await reportingAgencies(db, p.regime);
    for (const a of agencies) agencyNames.set(a.id, a.name);
    periodMap.set(p.id, {
      id: p.id,
      key: p.key,
      status: p.status,
      deadline: p.deadline,
      locksAt: p.locksAt,
      regime: { id: p.regime.id, name: p.regime.name, paused: p.regime.paused },
      submitted: new Set(p.submissions.map((s) => s.agencyId)),
      agencies,
    });
  }
  const missingAgencies = users.map((u) => u.agencyId).filter((id): id is number => id !== null && !agencyNames.has(id));
  if (missingAgencies.length) {
    for (const a of await findAgencyNamesByIds(db, missingAgencies)) agencyNames.set(a.id, a.name);
  }
  return { users: new Map(users.map((u) => [u.id, u])), periods: periodMap, agencyNames, lastActivity };
}
