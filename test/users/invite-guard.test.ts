// Invite codes cannot be guessed or chosen weak: one sender waits after repeated wrong codes (3,000 wrong codes
// were answered without a pause), everyone waits after many; a chosen code must have the fixed length and alphabet
// ("--code 0000" made an admin code); a person has one live link code; minting a code records the OS user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot as ChatBot } from '../../src/conversation/bot.ts';
import { CodeThrottle } from '../../src/users/throttle.ts';
import { createInvite, createLinkCode, redeemInvite } from '../../src/users/invites.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

let bot: Bot;
let chat: ChatBot;
const warnings: string[] = [];
const say = async (user: string, text: string) =>
  (await chat.handle({ channel: 'telegram', userId: user, chatId: user, text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  bot = await startBot();
  const log = { ...bot.app.log, warn: (_o: unknown, m: string) => void warnings.push(m) };
  chat = createBot(
    { ...bot.app, log },
    { codeThrottle: new CodeThrottle({ perSender: 3, global: 8, windowMs: 600_000, blockMs: 900_000 }) },
  );
}, 60_000);
afterAll(async () => bot?.close());

describe('invite codes', () => {
  it('after 3 wrong codes a sender waits, even with a valid code; others are not held up; the admin gets a log line', async () => {
    for (const c of ['AAAA2222', 'BBBB3333', 'CCCC4444']) expect(await say('g1', `/start ${c}`)).toMatch(/không dùng được/);
    expect(warnings).toEqual(['invite codes: repeated wrong codes from one sender, throttled']);
    const valid = await bot.invite();
    expect(await say('g1', `/start ${valid}`)).toMatch(/^Bạn đã nhập sai mã nhiều lần\. Xin thử lại sau \d\d:\d\d/);
    expect((await bot.app.db.invite.findUniqueOrThrow({ where: { code: valid } })).usedAt).toBeNull();
    expect(await say('other', `/start ${valid}`)).toContain('Sở Khoa học và Công nghệ');
    bot.clock.advance(16 * 60_000);
    expect(await say('g1', `/start ${await bot.invite()}`)).toContain('Sở Khoa học và Công nghệ');
  });

  it('many wrong codes from many senders pause every redemption for a while', async () => {
    for (let i = 0; i < 8; i++) await say(`spread${i}`, '/start ZZZZ9999');
    expect(warnings).toContain('invite codes: many wrong codes, all redemption throttled');
    expect(await say('fresh', `/start ${await bot.invite()}`)).toMatch(/^Hệ thống tạm ngừng nhận mã đăng ký đến/);
    bot.clock.advance(16 * 60_000);
  });

  it('a chosen code must be 8 characters of the code alphabet; minting records the OS user', async () => {
    for (const code of ['0000', 'ABCDEFG1', 'ABCDEFGHJ', 'ABCD EFG'])
      await expect(createInvite(bot.app, { role: 'admin', code })).rejects.toThrow(/không hợp lệ: mã gồm đúng 8 ký tự/);
    expect(await bot.app.db.invite.count({ where: { role: 'admin' } })).toBe(0);
    const inv = await createInvite(bot.app, { role: 'admin', code: 'adm2-kx7q' });
    expect(inv.code).toBe('ADM2KX7Q');
    const audit = await bot.app.db.auditLog.findFirstOrThrow({ where: { action: 'user.invite', entityId: inv.code } });
    expect(JSON.parse(audit.newValue!).osUser).toMatch(/\S/);
  });

  it('a person has one live link code: asking again ends the previous one', async () => {
    const user = await bot.app.db.user.findFirstOrThrow({ where: { role: 'official' } });
    const now = bot.clock.now();
    const first = await createLinkCode(bot.app.db, user.id, now);
    const second = await createLinkCode(bot.app.db, user.id, now);
    expect((await redeemInvite(bot.app.db, { code: first.code, channel: 'zalo', externalId: 'l1', now })).ok).toBe(false);
    expect((await redeemInvite(bot.app.db, { code: second.code, channel: 'zalo', externalId: 'l1', now })).ok).toBe(true);
  });
});
