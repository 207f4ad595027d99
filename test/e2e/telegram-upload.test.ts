// Uploads in chat (issue 16), end to end: telegram-test-api → real TelegramAdapter (getFile + download through
// the API proxy) → the real bot: officials and oversized files are refused with nothing stored; an admin's
// import is summarised, and the chat goes on afterwards (questions answered, "Hủy nhập" pressed).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../../src/users/users.ts';
import { startBot, type Bot } from './helpers.ts';
import { press, replyContaining, say, sendFile, startTelegram, type TelegramRig, type TgClient } from './telegram-harness.ts';

const DOCX = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.docx');
const PDF = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.pdf');

let bot: Bot;
let tg: TelegramRig;
let originals: string;

beforeAll(async () => {
  bot = await startBot();
  originals = mkdtempSync(join(tmpdir(), 'da-originals-'));
  bot.app.config.ORIGINALS_DIR = originals;
  tg = await startTelegram(bot.runtime.bot.handle);
});
afterAll(async () => {
  await tg?.close();
  await bot?.close();
});

async function admin(id: number): Promise<TgClient> {
  const client = tg.client(id, 'Quản trị');
  await say(client, `/start ${await bot.invite()}`, 'Đăng ký thành công');
  const ident = await bot.app.db.identity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'telegram', externalId: String(id) } },
  });
  await setRole(bot.app.db, ident.userId, 'admin');
  return client;
}

const docCount = () => bot.app.db.document.count({ where: { sourceFile: { startsWith: 'chat/' } } });

describe('uploads in Telegram chat', { timeout: 180_000 }, () => {
  it('an official sending a file is told politely that only admins import; nothing is downloaded or stored', async () => {
    const client = tg.client(701, 'Lan');
    await say(client, `/start ${await bot.invite()}`, 'Đăng ký thành công');
    const before = tg.downloads.count;
    await sendFile(tg, client, { name: 'ke-hoach.docx', bytes: DOCX });
    const [msg] = await replyContaining(client, 'Chỉ quản trị viên');
    expect(msg!.text).toContain('không được lưu');
    expect(tg.downloads.count).toBe(before);
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an oversized file is refused before download when Telegram tells the size, and while downloading otherwise', async () => {
    const client = await admin(702);
    bot.app.config.UPLOAD_MAX_MB = 0.01; // 10 KB: the DOCX fixture is larger
    try {
      const before = tg.downloads.count;
      await sendFile(tg, client, { name: 'lon.docx', bytes: DOCX });
      expect((await replyContaining(client, 'vượt quá giới hạn'))[0]!.text).toContain('UPLOAD_MAX_MB');
      expect(tg.downloads.count).toBe(before);
      await sendFile(tg, client, { name: 'lon-khong-ro-co.docx', bytes: DOCX, size: null });
      expect((await replyContaining(client, 'vượt quá giới hạn'))[0]!.text).toContain('không nhập');
      expect(tg.downloads.count).toBe(before + 1);
    } finally {
      bot.app.config.UPLOAD_MAX_MB = undefined;
    }
    expect(await docCount()).toBe(0);
    expect(readdirSync(originals)).toEqual([]);
  });

  it('an admin imports a DOCX; while it is downloading and importing, the chat goes on; the button undoes it', async () => {
    const client = await admin(703);
    let release!: () => void;
    tg.downloads.hold = new Promise<void>((r) => (release = r));
    const every = bot.app.config.UPLOAD_PROGRESS_SECONDS;
    bot.app.config.UPLOAD_PROGRESS_SECONDS = 0;
    try {
      await sendFile(tg, client, { name: 'KH 312 chuyển đổi số.docx', bytes: DOCX });
      // the platform is slow to hand the file over: the admin's next messages, and other people's, are answered
      expect((await say(client, 'trợ giúp', 'báo cáo')).length).toBeGreaterThan(0);
      const other = tg.client(704, 'Lan');
      await say(other, `/start ${await bot.invite()}`, 'Đăng ký thành công');
    } finally {
      release();
      tg.downloads.hold = undefined;
    }
    const got = await replyContaining(client, 'Đã nhập tệp', 60_000);
    bot.app.config.UPLOAD_PROGRESS_SECONDS = every;
    // once the file is downloaded, the progress message comes first, through the same send queue as the summary
    expect(got.map((m) => m.text.split(' (')[0])).toEqual([
      'Đang xử lý tệp KH 312 chuyển đổi số.docx',
      'Đã nhập tệp KH 312 chuyển đổi số.docx',
    ]);
    const summary = got.find((m) => m.text.includes('Đã nhập tệp'))!;
    expect(summary.text).toContain('Kế hoạch 312/KH-UBND');
    expect(await docCount()).toBe(1);

    const answer = await say(client, 'ai chủ trì bố trí kinh phí nâng cấp Trung tâm dữ liệu tỉnh Đồng Tháp?', '312/KH-UBND');
    expect(answer.at(-1)!.text).toContain('312/KH-UBND');
    await press(client, [summary], 'Hủy nhập', 'đã xóa 1 văn bản vừa nhập');
    expect(await docCount()).toBe(0);
  });

  it('an admin sends the PDF: its tasks are read, and an answer from it cites the page of the PDF', async () => {
    const client = await admin(705);
    await sendFile(tg, client, { name: 'KH 312.pdf', bytes: PDF });
    const got = await replyContaining(client, 'Đã nhập tệp', 60_000);
    const summary = got.find((m) => m.text.includes('Đã nhập tệp'))!;
    expect(summary.text).toContain('Kế hoạch 312/KH-UBND');
    expect(summary.text).toMatch(/10 nhiệm vụ/);
    const answer = await say(client, 'ai chủ trì bố trí kinh phí nâng cấp Trung tâm dữ liệu tỉnh Đồng Tháp?', '312/KH-UBND');
    expect(answer.at(-1)!.text).toMatch(/Sở Tài chính chủ trì[\s\S]*312\/KH-UBND, Đồng Tháp, mục II\.1\.b, trang 1/);
    await press(client, [summary], 'Hủy nhập', 'đã xóa 1 văn bản vừa nhập');
  });
});
