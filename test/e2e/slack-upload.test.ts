// Uploads in Slack (issue 16), end to end: a file dropped into the DM with the bot → signed event → real
// SlackAdapter (the file's url_private downloaded with the bot token) → the real bot, through the same upload
// path as Telegram: officials and oversized files refused with nothing stored; an admin's file acknowledged at
// once, imported in the background while the chat goes on, summarised, and undone with "Hủy nhập".
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../../src/users/users.ts';
import { startBot, until, type Bot } from './helpers.ts';
import { blocksOf, startSlack, textOf, type Call, type SlackRig } from './slack-harness.ts';

const DOCX = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.docx');

let bot: Bot;
let slack: SlackRig;
let originals: string;

beforeAll(async () => {
  bot = await startBot();
  originals = mkdtempSync(join(tmpdir(), 'da-originals-'));
  bot.app.config.ORIGINALS_DIR = originals;
  slack = await startSlack(bot.runtime.bot.handle);
});
afterAll(async () => {
  await slack?.close();
  await bot?.close();
});

/** The texts posted to the user's DM after `from` (sections, then context blocks), once one contains `want`. */
async function postsUntil(user: string, from: number, want: string, ms = 8000): Promise<string[]> {
  const context = (c: Call) =>
    blocksOf(c)
      .filter((b) => b.type === 'context')
      .flatMap((b) => b.elements ?? [])
      .map((e) => (typeof e.text === 'string' ? e.text : e.text.text));
  return until(
    () => {
      const texts = slack
        .posts()
        .slice(from)
        .filter((c) => c.args.channel === `D${user}`)
        .map((c) => [textOf(c), ...context(c)].join('\n'));
      return texts.some((t) => t.includes(want)) && texts;
    },
    ms,
    `a post containing "${want}"`,
  );
}

async function say(user: string, text: string, want: string): Promise<string[]> {
  const from = slack.posts().length;
  expect((await slack.event({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: '1.1' })).status).toBe(200);
  return postsUntil(user, from, want);
}

async function register(user: string, role?: 'admin'): Promise<void> {
  await say(user, `đăng ký ${await bot.invite()}`, 'Đăng ký thành công');
  if (!role) return;
  const ident = await bot.app.db.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'slack', externalId: user } } });
  await setRole(bot.app.db, ident.userId, role);
}

const docCount = () => bot.app.db.document.count({ where: { sourceFile: { startsWith: 'chat/' } } });

describe('uploads in Slack', { timeout: 180_000 }, () => {
  it('an official sharing a file is told politely that only admins import; nothing is downloaded or stored', async () => {
    await register('UOFF');
    const from = slack.posts().length;
    const before = slack.downloads.count;
    expect(await slack.shareFile('UOFF', { name: 'ke-hoach.docx', bytes: DOCX }, 'both')).toEqual([200, 200]);
    const texts = await postsUntil('UOFF', from, 'Chỉ quản trị viên');
    expect(texts.find((t) => t.includes('Chỉ quản trị viên'))).toContain('không được lưu');
    await new Promise((r) => setTimeout(r, 300));
    // the message and file_shared events of one file are answered once
    expect(
      slack
        .posts()
        .slice(from)
        .filter((c) => textOf(c).includes('Chỉ quản trị viên')),
    ).toHaveLength(1);
    expect(slack.downloads.count).toBe(before);
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an oversized file is refused before download when Slack tells the size, and while downloading otherwise', async () => {
    await register('UADM1', 'admin');
    bot.app.config.UPLOAD_MAX_MB = 0.01; // 10 KB: the DOCX fixture is larger
    try {
      const before = slack.downloads.count;
      let from = slack.posts().length;
      await slack.shareFile('UADM1', { name: 'lon.docx', bytes: DOCX });
      expect((await postsUntil('UADM1', from, 'vượt quá giới hạn')).join('\n')).toContain('UPLOAD_MAX_MB');
      expect(slack.downloads.count).toBe(before);
      from = slack.posts().length;
      await slack.shareFile('UADM1', { name: 'lon-khong-ro-co.docx', bytes: DOCX, size: null });
      expect((await postsUntil('UADM1', from, 'vượt quá giới hạn')).join('\n')).toContain('không nhập');
      expect(slack.downloads.count).toBe(before + 1);
    } finally {
      bot.app.config.UPLOAD_MAX_MB = undefined;
    }
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('without the files:read scope Slack answers its sign-in page: the admin is told so, nothing is stored', async () => {
    await register('UADM3', 'admin');
    slack.mode.noFilesRead = true;
    try {
      const from = slack.posts().length;
      await slack.shareFile('UADM3', { name: 'ke-hoach.docx', bytes: DOCX });
      expect((await postsUntil('UADM3', from, 'Không tải được tệp')).join('\n')).toContain('files:read');
    } finally {
      slack.mode.noFilesRead = false;
    }
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an admin imports a DOCX (file_shared only); while it downloads, the chat goes on; the button undoes it', async () => {
    await register('UADM2', 'admin');
    let release!: () => void;
    slack.downloads.hold = new Promise<void>((r) => (release = r));
    const every = bot.app.config.UPLOAD_PROGRESS_SECONDS;
    bot.app.config.UPLOAD_PROGRESS_SECONDS = 0;
    const from = slack.posts().length;
    try {
      // acknowledged at once, not after the download and import
      expect(await slack.shareFile('UADM2', { name: 'KH 312 chuyển đổi số.docx', bytes: DOCX }, 'file_shared')).toEqual([200]);
      await say('UADM2', 'trợ giúp', 'báo cáo');
      await register('UOTHER');
    } finally {
      release();
      slack.downloads.hold = undefined;
    }
    const texts = await postsUntil('UADM2', from, 'Đã nhập tệp', 60_000);
    bot.app.config.UPLOAD_PROGRESS_SECONDS = every;
    expect(slack.downloads.auth.at(-1)).toBe('Bearer xoxb-e2e');
    const upload = texts.filter((t) => t.includes('tệp KH 312'));
    expect(upload.map((t) => t.split(' (')[0])).toEqual([
      'Đang xử lý tệp KH 312 chuyển đổi số.docx',
      'Đã nhập tệp KH 312 chuyển đổi số.docx',
    ]);
    expect(upload[1]).toContain('Kế hoạch 312/KH-UBND');
    expect(await docCount()).toBe(1);
    expect(readdirSync(originals)).toHaveLength(1);

    await say('UADM2', 'ai chủ trì bố trí kinh phí nâng cấp Trung tâm dữ liệu tỉnh Đồng Tháp?', '312/KH-UBND');
    const post = slack
      .posts()
      .slice(from)
      .find((c) => textOf(c).includes('Đã nhập tệp'))!;
    const button = blocksOf(post)
      .flatMap((b) => b.elements ?? [])
      .find((e) => typeof e.text === 'object' && e.text.text === 'Hủy nhập')!;
    const before = slack.posts().length;
    expect((await slack.button('UADM2', 'DUADM2', button.action_id!, button.value!, 'Hủy nhập')).status).toBe(200);
    await postsUntil('UADM2', before, 'đã xóa 1 văn bản vừa nhập');
    expect(await docCount()).toBe(0);
  });
});
