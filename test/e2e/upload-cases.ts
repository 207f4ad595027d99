// The upload scenarios every channel that takes files must pass (issue 16), written once and run against a
// channel's rig (Slack, Zalo OA): an official is refused and nothing is downloaded; an oversized file is refused
// before download when the platform tells the size, and while downloading otherwise; an admin's file is imported
// in the background while the chat goes on (the admin's and another person's messages answered during a held
// download), the progress message comes before the summary, a question finds the new document, and "Hủy nhập"
// removes it.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setRole } from '../../src/users/users.ts';
import type { ChannelName } from '../../src/core/types.ts';
import { startBot, type Bot } from './helpers.ts';

export const DOCX = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.docx');

/** What the scenarios need of a channel: its messages in and out, and its platform's file downloads. */
export interface UploadChat {
  channel: ChannelName;
  downloads: { count: number; hold?: Promise<void> };
  /** How many messages the bot has sent so far (on any chat): a mark for `since`. */
  mark(): number;
  /** The texts sent to `user` after `from`, once one of them contains `want`. */
  since(user: string, from: number, want: string, ms?: number): Promise<string[]>;
  say(user: string, text: string): Promise<void>;
  /** The user sends a file; `size: null` when the platform does not tell it. Resolves once it was acknowledged. */
  sendFile(user: string, name: string, bytes: Buffer, size?: number | null): Promise<void>;
  /** Presses or types "Hủy nhập" for the summary sent after `from`. */
  undo(user: string, from: number): Promise<void>;
  close(): Promise<void>;
}

export interface UploadRig {
  bot: Bot;
  chat: UploadChat;
  originals: string;
  say(user: string, text: string, want: string): Promise<string[]>;
  register(user: string, role?: 'admin'): Promise<void>;
  docCount(): Promise<number>;
}

/** Starts the bot and the channel for the file's tests; `rig()` is ready inside them. */
export function uploadRig(start: (bot: Bot) => Promise<UploadChat>): () => UploadRig {
  let r: UploadRig | undefined;
  beforeAll(async () => {
    const bot = await startBot();
    const originals = mkdtempSync(join(tmpdir(), 'da-originals-'));
    bot.app.config.ORIGINALS_DIR = originals;
    const chat = await start(bot);
    const say = async (user: string, text: string, want: string) => {
      const from = chat.mark();
      await chat.say(user, text);
      return chat.since(user, from, want);
    };
    r = {
      bot,
      chat,
      originals,
      say,
      async register(user, role) {
        await say(user, `đăng ký ${await bot.invite()}`, 'Đăng ký thành công');
        if (!role) return;
        const where = { channel_externalId: { channel: chat.channel, externalId: user } };
        await setRole(bot.app.db, (await bot.app.db.identity.findUniqueOrThrow({ where })).userId, role);
      },
      docCount: () => bot.app.db.document.count({ where: { sourceFile: { startsWith: 'chat/' } } }),
    };
  });
  afterAll(async () => {
    await r?.chat.close();
    await r?.bot.close();
  });
  return () => r!;
}

export function uploadCases(rig: () => UploadRig, users: { official: string; admin: string; admin2: string; other: string }): void {
  it('an official sending a file is told politely that only admins import; nothing is downloaded or stored', async () => {
    const { chat, register, docCount, originals } = rig();
    await register(users.official);
    const from = chat.mark();
    const before = chat.downloads.count;
    await chat.sendFile(users.official, 'ke-hoach.docx', DOCX);
    const texts = await chat.since(users.official, from, 'Chỉ quản trị viên');
    expect(texts.find((t) => t.includes('Chỉ quản trị viên'))).toContain('không được lưu');
    expect(chat.downloads.count).toBe(before);
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an oversized file is refused before download when the platform tells the size, and while downloading otherwise', async () => {
    const { bot, chat, register, docCount, originals } = rig();
    await register(users.admin, 'admin');
    bot.app.config.UPLOAD_MAX_MB = 0.01; // 10 KB: the DOCX fixture is larger
    try {
      const before = chat.downloads.count;
      let from = chat.mark();
      await chat.sendFile(users.admin, 'lon.docx', DOCX);
      expect((await chat.since(users.admin, from, 'vượt quá giới hạn')).join('\n')).toContain('UPLOAD_MAX_MB');
      expect(chat.downloads.count).toBe(before);
      from = chat.mark();
      await chat.sendFile(users.admin, 'lon-khong-ro-co.docx', DOCX, null);
      expect((await chat.since(users.admin, from, 'vượt quá giới hạn')).join('\n')).toContain('không nhập');
      expect(chat.downloads.count).toBe(before + 1);
    } finally {
      bot.app.config.UPLOAD_MAX_MB = undefined;
    }
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an admin imports a DOCX; while it downloads, the chat goes on; "Hủy nhập" undoes it', async () => {
    const { bot, chat, register, say, docCount, originals } = rig();
    await register(users.admin2, 'admin');
    let release!: () => void;
    chat.downloads.hold = new Promise<void>((r) => (release = r));
    const every = bot.app.config.UPLOAD_PROGRESS_SECONDS;
    bot.app.config.UPLOAD_PROGRESS_SECONDS = 0;
    const from = chat.mark();
    try {
      // acknowledged at once, not after the download and import
      await chat.sendFile(users.admin2, 'KH 312 chuyển đổi số.docx', DOCX);
      await say(users.admin2, 'trợ giúp', 'báo cáo');
      await register(users.other);
    } finally {
      release();
      chat.downloads.hold = undefined;
    }
    const texts = await chat.since(users.admin2, from, 'Đã nhập tệp', 60_000);
    bot.app.config.UPLOAD_PROGRESS_SECONDS = every;
    const upload = texts.filter((t) => t.includes('tệp KH 312'));
    expect(upload.map((t) => t.split(' (')[0])).toEqual([
      'Đang xử lý tệp KH 312 chuyển đổi số.docx',
      'Đã nhập tệp KH 312 chuyển đổi số.docx',
    ]);
    expect(upload[1]).toContain('Kế hoạch 312/KH-UBND');
    expect(await docCount()).toBe(1);
    expect(readdirSync(originals)).toHaveLength(1);

    await say(users.admin2, 'ai chủ trì bố trí kinh phí nâng cấp Trung tâm dữ liệu tỉnh Đồng Tháp?', '312/KH-UBND');
    const before = chat.mark();
    await chat.undo(users.admin2, from);
    await chat.since(users.admin2, before, 'đã xóa 1 văn bản vừa nhập');
    expect(await docCount()).toBe(0);
  });
}
