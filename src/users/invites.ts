// One-time invite codes: an admin creates one for an agency and role; whoever sends "/start <code>" from any
// channel is registered. A link code (Invite.usedById preset, usedAt empty) binds one more identity to an
// existing user instead of creating a new one.
import { randomInt } from 'node:crypto';
import { userInfo } from 'node:os';
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import type { ChannelName, Role } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  createIdentity,
  createInviteRow,
  createLinkInvite,
  expireLinkCodes,
  findIdentityWithUser,
  findInviteByCode,
  markInviteUsed,
} from './repo/invites.ts';
import { createUser, findUserById, findUserWithAgencyOrThrow } from './repo/users.ts';
import { currentAgency, describeChange } from './agency.ts';
import { provinces } from '../ingest/provinces.ts';
import { badRole, isRole, noUser, toBotUser, type BotUser } from './users.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O/1/I: codes get read aloud and retyped
/** Every code has this length and alphabet (32^8 ≈ 10^12 codes): a chosen code too ("0000" made an admin code). */
export const CODE_LENGTH = 8;

export function newCode(length = CODE_LENGTH): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Refuses a chosen code that is not CODE_LENGTH characters of the code alphabet. */
export function checkCode(code: string): string {
  const c = normalizeCode(code);
  if (c.length !== CODE_LENGTH || [...c].some((ch) => !ALPHABET.includes(ch)))
    throw new AppError(
      ErrorCode.InvalidInput,
      `Mã "${code.slice(0, 20)}" không hợp lệ: mã gồm đúng ${CODE_LENGTH} ký tự, chữ A–Z trừ I và O, số 2–9 (bỏ --code để có mã ngẫu nhiên).`,
      {
        en: `Invalid code "${code.slice(0, 20)}": a code is exactly ${CODE_LENGTH} characters, letters A–Z except I and O, digits 2–9 (leave out --code for a random one).`,
      },
    );
  return c;
}

/** The operating-system account running this process (for the audit trail of CLI actions). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? `uid ${process.getuid?.() ?? '?'}`;
  }
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/[\s-]/g, '');
}

export interface InviteInput {
  role: string;
  name?: string | null; // the invitee's name ("Nguyễn Văn An"): shown in status, audit and refusals
  agency?: string | null; // name, registry key or row key
  province?: string | null;
  expiresDays?: number;
  code?: string; // fixed code (tests, scripted onboarding)
  by?: number | null;
}

export interface InviteCreated {
  code: string;
  name: string | null;
  role: Role;
  expiresAt: Date;
  agency: { id: number; key: string; name: string } | null;
  /** The province the invitee will work in (a coordinator's scope); null: every province. */
  province: string | null;
  /** The agency was named by a former name: what it is today (for the admin). */
  change: string | null;
}

export async function createInvite(app: Pick<App, 'db' | 'registry' | 'clock'>, input: InviteInput): Promise<InviteCreated> {
  const role = input.role;
  if (!isRole(role)) {
    throw badRole(input.role);
  }
  if (input.role === 'official' && !input.agency) {
    throw new AppError(
      ErrorCode.InvalidInput,
      'Cán bộ báo cáo (official) phải thuộc một cơ quan: thêm --agency "<tên cơ quan>" --province "<tỉnh>".',
      { en: 'A reporting officer (official) belongs to an agency: add --agency "<agency name>" --province "<province>".' },
    );
  }
  // A former name is accepted and stored as the agency that carries its duties today (Sở TT&TT → Sở KH&CN).
  const current = input.agency ? await currentAgency(app, input.agency, input.province ?? null) : null;
  const agency = current?.row ?? null;
  const code = input.code === undefined ? newCode() : checkCode(input.code);
  const name = input.name?.replace(/\s+/g, ' ').trim() || null;
  if (name && name.length > 120)
    throw new AppError(ErrorCode.InvalidInput, 'Tên người được mời quá dài (tối đa 120 ký tự).', {
      en: "The invitee's name is too long (at most 120 characters).",
    });
  const expiresAt = new Date(app.clock.now().getTime() + (input.expiresDays ?? 7) * 86_400_000);
  const province = agency?.province ?? (input.province ? provinces().today(input.province, app.clock.now()) : null);
  await createInviteRow(app.db, { code, name, role, agencyId: agency?.id ?? null, province, expiresAt });
  await addAuditLog(app.db, {
    userId: input.by ?? null,
    channel: 'cli',
    action: 'user.invite',
    entity: 'Invite',
    entityId: code,
    // who minted it on this machine: the CLI is the only way to make a code, and it can make admin codes
    newValue: JSON.stringify({
      name,
      role: input.role,
      agency: agency?.key ?? null,
      asked: input.agency ?? null,
      province,
      expiresAt,
      osUser: osUser(),
    }),
  });
  const change = current?.change ? describeChange(current.change) : null;
  return { code, name, role, expiresAt, agency, province, change };
}

/**
 * A code that binds one more channel identity to an existing user. One live link code per person: asking again
 * ends the previous one (several valid at once each gave another way into the account).
 */
export async function createLinkCode(db: Db, userId: number, now: Date, expiresDays = 1): Promise<{ code: string; expiresAt: Date }> {
  const user = await findUserById(db, userId);
  if (!user) throw noUser(userId);
  const code = newCode();
  const expiresAt = new Date(now.getTime() + expiresDays * 86_400_000);
  await inTransaction(db, async (tx) => {
    await expireLinkCodes(tx, userId, now);
    await createLinkInvite(tx, { code, role: user.role, agencyId: user.agencyId, province: user.province, expiresAt, usedById: userId });
  });
  return { code, expiresAt };
}

export interface RedeemInput {
  code: string;
  channel: ChannelName;
  externalId: string;
  chatId?: string | null;
  displayName?: string | null;
  now: Date;
}

export type RedeemResult = { ok: true; user: BotUser; linked: boolean } | { ok: false; message: string };

/** Binds the identity to the invite's user (new or existing). Refusals explain why. */
export async function redeemInvite(db: Db, input: RedeemInput): Promise<RedeemResult> {
  const code = normalizeCode(input.code);
  return inTransaction(db, async (tx) => {
    const invite = await findInviteByCode(tx, code);
    const existing = await findIdentityWithUser(tx, input.channel, input.externalId);
    // A registered account learns nothing about the code it sent (valid, used or unknown): the same reply for all.
    if (existing && (!invite || existing.userId !== invite.usedById)) {
      const u = toBotUser(existing.user);
      return {
        ok: false,
        message: `Tài khoản ${input.channel} này đã đăng ký${u.agency ? ` cho ${u.agency.name}` : ''}. Để dùng chung tài khoản với một kênh khác, gõ "liên kết" từ tài khoản đã đăng ký.`,
      };
    }
    // Unknown, used and expired codes get one reply: it does not tell which, nor when a code was used.
    if (!invite || invite.usedAt || invite.expiresAt.getTime() <= input.now.getTime())
      return {
        ok: false,
        message: `Mã "${input.code.trim().slice(0, 20)}" không dùng được (mã sai, đã dùng hoặc đã hết hạn). Kiểm tra lại mã hoặc xin mã mới từ quản trị viên.`,
      };
    let userId = invite.usedById;
    const linked = userId != null;
    if (userId == null) {
      // the name the admin typed wins over the platform's display name ("Anh Ba", "user123")
      const u = await createUser(tx, {
        name: invite.name ?? input.displayName ?? null,
        role: invite.role,
        agencyId: invite.agencyId,
        province: invite.province,
      });
      userId = u.id;
    }
    if (!existing)
      await createIdentity(tx, {
        channel: input.channel,
        externalId: input.externalId,
        chatId: input.chatId ?? null,
        userId,
        lastSeenAt: input.now,
      });
    await markInviteUsed(tx, invite.id, input.now, userId);
    await addAuditLog(tx, {
      at: input.now,
      userId,
      channel: input.channel,
      action: linked ? 'user.link' : 'user.register',
      entity: 'User',
      entityId: String(userId),
      newValue: JSON.stringify({ code, channel: input.channel, externalId: input.externalId }),
    });
    const user = await findUserWithAgencyOrThrow(tx, userId);
    return { ok: true, user: toBotUser(user), linked };
  });
}
