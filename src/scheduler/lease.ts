// One scheduler at a time: a Lease row taken and renewed with a conditional UPDATE; JobRun remembers the last run.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { createLease, expireLease, findJobRun, renewLease, upsertJobRun } from './repo/leases.ts';
import type { ExclusiveLease } from '../core/interfaces.ts';

/** This process among the instances sharing a database: host, pid and a random part (pids repeat across restarts). */
export const instanceName = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}

/**
 * Takes or renews the lease `name` for `holder` until now + ttlMs. The UPDATE only matches when the row is
 * ours or expired, so two processes can never both get count = 1; the INSERT covers the very first run.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  if ((await renewLease(db, name, holder, now, expiresAt)) === 1) return true;
  try {
    await createLease(db, name, holder, expiresAt);
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Gives the lease up (on stop) so another process can take over at once. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await expireLease(db, name, holder);
}

export async function lastRunAt(db: Db, name: string): Promise<Date | null> {
  const row = await findJobRun(db, name);
  return row?.lastRunAt ?? null;
}

export async function markRun(db: Db, name: string, at: Date): Promise<void> {
  await upsertJobRun(db, name, at);
}

/** The lease `name` as an ExclusiveLease of `holder`: it lasts ttlMs, renewed every third of that. */
export function leaseFor(db: Db, name: string, holder: string, ttlMs: number, now: () => Date = () => new Date()): ExclusiveLease {
  return {
    take: () => acquireLease(db, name, holder, now(), ttlMs),
    release: () => releaseLease(db, name, holder),
    everyMs: Math.max(1, Math.floor(ttlMs / 3)),
  };
}
