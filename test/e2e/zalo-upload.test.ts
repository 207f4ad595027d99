// Uploads in Zalo OA chat (issue 16), end to end: a signed user_send_file webhook → the real ZaloOaAdapter (the
// attachment downloaded from its CDN url) → the real bot, through the same upload path as Telegram and Slack:
// officials and oversized files refused with nothing stored; an admin's file acknowledged at once, imported in
// the background while the chat goes on, summarised, and undone with "hủy nhập".
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaSignature } from '../../src/channels/common/signature.ts';
import { setRole } from '../../src/users/users.ts';
import { post, startBot, until, type Bot } from './helpers.ts';
import { startZaloOa, type ZaloOaRig } from './zalo-oa-harness.ts';

const DOCX = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.docx');
const APP_ID = '778';
const SECRET = 'oa-upload-secret';

let bot: Bot;
let rig: ZaloOaRig;
let originals: string;

beforeAll(async () => {
  bot = await startBot();
  originals = mkdtempSync(join(tmpdir(), 'da-originals-'));
  bot.app.config.ORIGINALS_DIR = originals;
  rig = await startZaloOa(bot.runtime.bot.handle, {
    appId: APP_ID,
    secret: SECRET,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
  });
});
afterAll(async () => {
  await rig?.close();
  await bot?.close();
});

async function webhook(user: string, eventName: string, message: Record<string, unknown>): Promise<number> {
  const ts = String(Date.now());
  const body = JSON.stringify({
    app_id: APP_ID,
    event_name: eventName,
    timestamp: ts,
    sender: { id: user },
    recipient: { id: 'oa1' },
    message: { msg_id: `oa${Math.random()}`, ...message },
  });
  return post(`http://127.0.0.1:${rig.oa.webhookPort}/zalo/oa`, body, { 'x-zevent-signature': zaloOaSignature(APP_ID, body, ts, SECRET) });
}

/** The texts sent to `user` after `from`, once one of them contains `want`. */
const repliesUntil = (user: string, from: number, want: string, ms = 8000) =>
  until(
    () => {
      const texts = rig.fake.sent
        .slice(from)
        .filter((s) => s.user_id === user)
        .map((s) => s.text);
      return texts.some((t) => t.includes(want)) && texts;
    },
    ms,
    `a reply containing "${want}"`,
  );

async function say(user: string, text: string, want: string): Promise<string[]> {
  const from = rig.fake.sent.length;
  expect(await webhook(user, 'user_send_text', { text })).toBe(200);
  return repliesUntil(user, from, want);
}

async function sendFile(user: string, name: string, bytes: Buffer, size?: number | null): Promise<number> {
  return webhook(user, 'user_send_file', { attachments: [rig.fake.hostFile(name, bytes, size)] });
}

async function register(user: string, role?: 'admin'): Promise<void> {
  await say(user, `đăng ký ${await bot.invite()}`, 'Đăng ký thành công');
  if (!role) return;
  const ident = await bot.app.db.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo-oa', externalId: user } } });
  await setRole(bot.app.db, ident.userId, role);
}

const docCount = () => bot.app.db.document.count({ where: { sourceFile: { startsWith: 'chat/' } } });

describe('uploads in Zalo OA chat', { timeout: 180_000 }, () => {
  it('an official sending a file is told politely that only admins import; nothing is downloaded or stored', async () => {
    await register('oa-off');
    const from = rig.fake.sent.length;
    const before = rig.fake.downloads.count;
    expect(await sendFile('oa-off', 'ke-hoach.docx', DOCX)).toBe(200);
    expect((await repliesUntil('oa-off', from, 'Chỉ quản trị viên')).join('\n')).toContain('không được lưu');
    expect(rig.fake.downloads.count).toBe(before);
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an oversized file is refused before download when Zalo tells the size, and while downloading otherwise', async () => {
    await register('oa-adm1', 'admin');
    bot.app.config.UPLOAD_MAX_MB = 0.01; // 10 KB: the DOCX fixture is larger
    try {
      const before = rig.fake.downloads.count;
      let from = rig.fake.sent.length;
      await sendFile('oa-adm1', 'lon.docx', DOCX);
      expect((await repliesUntil('oa-adm1', from, 'vượt quá giới hạn')).join('\n')).toContain('UPLOAD_MAX_MB');
      expect(rig.fake.downloads.count).toBe(before);
      from = rig.fake.sent.length;
      await sendFile('oa-adm1', 'lon-khong-ro-co.docx', DOCX, null);
      expect((await repliesUntil('oa-adm1', from, 'vượt quá giới hạn')).join('\n')).toContain('không nhập');
      expect(rig.fake.downloads.count).toBe(before + 1);
    } finally {
      bot.app.config.UPLOAD_MAX_MB = undefined;
    }
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an admin imports a DOCX; while it downloads, the chat goes on; "hủy nhập" undoes it', async () => {
    await register('oa-adm2', 'admin');
    let release!: () => void;
    rig.fake.downloads.hold = new Promise<void>((r) => (release = r));
    const every = bot.app.config.UPLOAD_PROGRESS_SECONDS;
    bot.app.config.UPLOAD_PROGRESS_SECONDS = 0;
    const from = rig.fake.sent.length;
    try {
      expect(await sendFile('oa-adm2', 'KH 312 chuyển đổi số.docx', DOCX)).toBe(200);
      await say('oa-adm2', 'trợ giúp', 'báo cáo');
      await register('oa-other');
    } finally {
      release();
      rig.fake.downloads.hold = undefined;
    }
    const texts = await repliesUntil('oa-adm2', from, 'Đã nhập tệp', 60_000);
    bot.app.config.UPLOAD_PROGRESS_SECONDS = every;
    const upload = texts.filter((t) => t.includes('tệp KH 312'));
    expect(upload.map((t) => t.split(' (')[0])).toEqual([
      'Đang xử lý tệp KH 312 chuyển đổi số.docx',
      'Đã nhập tệp KH 312 chuyển đổi số.docx',
    ]);
    expect(upload[1]).toContain('Kế hoạch 312/KH-UBND');
    expect(await docCount()).toBe(1);
    expect(readdirSync(originals)).toHaveLength(1);

    await say('oa-adm2', 'ai chủ trì bố trí kinh phí nâng cấp Trung tâm dữ liệu tỉnh Đồng Tháp?', '312/KH-UBND');
    await say('oa-adm2', 'hủy nhập', 'đã xóa 1 văn bản vừa nhập');
    expect(await docCount()).toBe(0);
  });
});
