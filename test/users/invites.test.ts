// Invite codes: one use, expiry, agency resolution through the registry, linking identities, roles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite, createLinkCode, redeemInvite } from '../../src/users/invites.ts';
import { listUsers, setRole, userByIdentity } from '../../src/users/users.ts';
import { seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

const now = () => seed.clock.now();

describe('invites', () => {
  it('resolves the agency by name in the province and prints an 8-character code', async () => {
    const inv = await createInvite(seed.app, { role: 'official', agency: 'Sở Kế hoạch và Đầu tư', province: 'Cà Mau' });
    expect(inv.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(inv.agency).toMatchObject({ key: 'so-khdt@ca-mau', name: 'Sở Kế hoạch và Đầu tư' });
    expect(inv.expiresAt.getTime() - now().getTime()).toBe(7 * 86_400_000);
    const audit = await seed.app.db.auditLog.findFirst({ where: { action: 'user.invite', entityId: inv.code } });
    expect(audit).not.toBeNull();
  });

  it('refuses unknown agencies, bad roles and officials without an agency, saying why', async () => {
    await expect(createInvite(seed.app, { role: 'official', agency: 'Sở Không Có', province: 'Cà Mau' })).rejects.toThrow(
      /Không tìm thấy cơ quan "Sở Không Có"/,
    );
    await expect(createInvite(seed.app, { role: 'boss', agency: 'Sở TC', province: 'Cà Mau' })).rejects.toThrow(
      /Vai trò "boss" không hợp lệ/,
    );
    await expect(createInvite(seed.app, { role: 'official' })).rejects.toThrow(/phải thuộc một cơ quan/);
  });

  it('works once, and not after it expires', async () => {
    const inv = await createInvite(seed.app, { role: 'official', agency: 'STC', province: 'Cà Mau', expiresDays: 2 });
    const ok = await redeemInvite(seed.app.db, {
      code: inv.code.toLowerCase(),
      channel: 'telegram',
      externalId: '1',
      displayName: 'Chị Lan',
      now: now(),
    });
    expect(ok).toMatchObject({ ok: true, linked: false, user: { name: 'Chị Lan', role: 'official', agency: { key: 'so-tc@ca-mau' } } });
    const again = await redeemInvite(seed.app.db, { code: inv.code, channel: 'telegram', externalId: '2', now: now() });
    expect(again).toMatchObject({ ok: false });
    // Used, expired and unknown codes get one reply that tells none of them apart (nor when a code was used).
    const unusable = (code: string) =>
      `Mã "${code}" không dùng được (mã sai, đã dùng hoặc đã hết hạn). Kiểm tra lại mã hoặc xin mã mới từ quản trị viên.`;
    expect(!again.ok && again.message).toBe(unusable(inv.code));

    const late = await createInvite(seed.app, { role: 'official', agency: 'STC', province: 'Cà Mau', expiresDays: 1 });
    const expired = await redeemInvite(seed.app.db, {
      code: late.code,
      channel: 'zalo',
      externalId: '3',
      now: new Date(now().getTime() + 2 * 86_400_000),
    });
    expect(!expired.ok && expired.message).toBe(unusable(late.code));
    const unknown = await redeemInvite(seed.app.db, { code: 'ZZZZ9999', channel: 'zalo', externalId: '4', now: now() });
    expect(!unknown.ok && unknown.message).toBe(unusable('ZZZZ9999'));
    expect(await userByIdentity(seed.app.db, 'zalo', '3')).toBeNull();
  });

  it('does not rebind an identity that already belongs to someone, and leaves the code unused', async () => {
    const a = await createInvite(seed.app, { role: 'official', agency: 'STC', province: 'Cà Mau' });
    const b = await createInvite(seed.app, { role: 'official', agency: 'Sở KHĐT', province: 'Cà Mau' });
    await redeemInvite(seed.app.db, { code: a.code, channel: 'slack', externalId: 'U1', now: now() });
    const r = await redeemInvite(seed.app.db, { code: b.code, channel: 'slack', externalId: 'U1', now: now() });
    expect(!r.ok && r.message).toMatch(/đã đăng ký cho Sở Tài chính/);
    // The reply does not tell a valid code from an unknown one.
    const unknown = await redeemInvite(seed.app.db, { code: 'ZZZZ9999', channel: 'slack', externalId: 'U1', now: now() });
    expect(!unknown.ok && unknown.message).toBe(!r.ok && r.message);
    const unused = await seed.app.db.invite.findUniqueOrThrow({ where: { code: b.code } });
    expect(unused.usedAt).toBeNull();
  });

  it('a link code binds another channel identity to the same user', async () => {
    const inv = await createInvite(seed.app, { role: 'coordinator', province: 'Cà Mau' });
    const first = await redeemInvite(seed.app.db, { code: inv.code, channel: 'telegram', externalId: '9', now: now() });
    if (!first.ok) throw new Error(first.message);
    const link = await createLinkCode(seed.app.db, first.user.id, now());
    const second = await redeemInvite(seed.app.db, { code: link.code, channel: 'zalo', externalId: 'z9', now: now() });
    expect(second).toMatchObject({ ok: true, linked: true, user: { id: first.user.id, role: 'coordinator' } });
    const [u] = await listUsers(seed.app.db);
    expect(u?.identities).toEqual([
      { channel: 'telegram', externalId: '9' },
      { channel: 'zalo', externalId: 'z9' },
    ]);
  });

  it('changes roles with an audit record and refuses unknown roles', async () => {
    const inv = await createInvite(seed.app, { role: 'official', agency: 'STC', province: 'Cà Mau' });
    const r = await redeemInvite(seed.app.db, { code: inv.code, channel: 'console', externalId: 'x', now: now() });
    if (!r.ok) throw new Error(r.message);
    expect((await setRole(seed.app.db, r.user.id, 'coordinator')).role).toBe('coordinator');
    await expect(setRole(seed.app.db, r.user.id, 'king')).rejects.toThrow(/không hợp lệ/);
    const audit = await seed.app.db.auditLog.findFirstOrThrow({ where: { action: 'user.role' } });
    expect(JSON.parse(audit.newValue!)).toEqual({ role: 'coordinator' });
  });
});
