// The Invite and Identity tables: codes to register or link, and the channel identities they bind.
import type { Db, DbTx, Prisma } from '../../db/client.ts';

export async function createInviteRow(db: Db, data: Prisma.InviteUncheckedCreateInput): Promise<void> {
  await db.invite.create({ data });
}

/** The link codes of a user still valid end now (one live link code per person). */
export async function expireLinkCodes(tx: DbTx, userId: number, now: Date): Promise<void> {
  await tx.invite.updateMany({ where: { usedById: userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

export async function createLinkInvite(tx: DbTx, data: Prisma.InviteUncheckedCreateInput): Promise<void> {
  await tx.invite.create({ data });
}

export const findInviteByCode = (tx: DbTx, code: string) => tx.invite.findUnique({ where: { code } });

export async function markInviteUsed(tx: DbTx, id: number, usedAt: Date, usedById: number): Promise<void> {
  await tx.invite.update({ where: { id }, data: { usedAt, usedById } });
}

/** The unused invites of one agency now name another: how many. */
export async function moveAgencyInvites(tx: DbTx, from: number, to: { id: number; province: string | null }): Promise<number> {
  const invites = await tx.invite.updateMany({ where: { agencyId: from, usedAt: null }, data: { agencyId: to.id, province: to.province } });
  return invites.count;
}

/** A channel identity with its user and their agency. */
export const findIdentityWithUser = (tx: DbTx, channel: string, externalId: string) =>
  tx.identity.findUnique({ where: { channel_externalId: { channel, externalId } }, include: { user: { include: { agency: true } } } });

export async function createIdentity(tx: DbTx, data: Prisma.IdentityUncheckedCreateInput): Promise<void> {
  await tx.identity.create({ data });
}
