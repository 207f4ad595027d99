// Uploads in chat (issue 16) at the conversation layer: the real bot (buildRuntime) fed the channel-neutral
// file event the adapters build: an admin's DOCX is imported with a summary, answered from, undone by button or
// typed "huy nhap"; undo after 24 h is refused; a replacement cannot be undone; bad files store nothing.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundFile, InboundMessage } from '../../src/core/types.ts';
import { setRole } from '../../src/users/users.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

const DOCX = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.docx');
const QUESTION = 'ai chủ trì bố trí kinh phí nâng cấp Trung tâm dữ liệu tỉnh Đồng Tháp?';

let bot: Bot;
let originals: string;
let n = 0;

beforeAll(async () => {
  bot = await startBot();
  originals = mkdtempSync(join(tmpdir(), 'da-originals-'));
  bot.app.config.ORIGINALS_DIR = originals;
});
afterAll(async () => bot?.close());

const fileOf = (name: string, bytes: Buffer): InboundFile => ({ name, mime: null, size: bytes.length, fetch: async () => bytes });

async function send(userId: string, m: Partial<InboundMessage>): Promise<string> {
  const out = await bot.runtime.bot.handle({ channel: 'telegram', userId, chatId: userId, text: '', eventId: `t:${++n}`, ...m });
  return out.map((o) => o.text + (o.choices ? ` [${o.choices.map((c) => `${c.label}=${c.id}`).join(' ')}]` : '')).join('\n');
}

async function admin(userId: string): Promise<void> {
  await send(userId, { text: `/start ${await bot.invite()}` });
  const ident = await bot.app.db.identity.findFirstOrThrow({ where: { channel: 'telegram', externalId: userId } });
  await setRole(bot.app.db, ident.userId, 'admin');
}

const chatDocs = () => bot.app.db.document.count({ where: { sourceFile: { startsWith: 'chat/' } } });

describe('uploads in chat', { timeout: 120_000 }, () => {
  it('an admin uploads a DOCX: summary, answerable, original kept by sha256, audited; the button undoes it', async () => {
    await admin('801');
    const reply = await send('801', { file: fileOf('KH 312 chuyển đổi số.docx', DOCX) });
    expect(reply).toContain('Đã nhập tệp KH 312 chuyển đổi số.docx');
    expect(reply).toContain('Kế hoạch 312/KH-UBND — UBND tỉnh Đồng Tháp, 15/08/2024');
    expect(reply).toMatch(/\d+ mục, 10 nhiệm vụ, 3 chỉ tiêu/);
    expect(reply).toContain('Sở Tài chính: 1 nhiệm vụ chủ trì');
    expect(reply).toContain('show 312/KH-UBND');
    const undo = /Hủy nhập=(upload:undo:\d+)/.exec(reply)![1]!;
    expect(await chatDocs()).toBe(1);
    expect(readdirSync(originals)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.docx$/)]);
    expect(await bot.app.db.auditLog.count({ where: { action: 'document.upload' } })).toBe(1);

    expect(await send('801', { text: QUESTION })).toContain('312/KH-UBND');

    expect(await send('801', { text: 'Hủy nhập', choice: undo })).toContain('đã xóa 1 văn bản vừa nhập');
    expect(await chatDocs()).toBe(0);
    expect(await send('801', { text: QUESTION })).not.toContain('312/KH-UBND');
    expect(await bot.app.db.auditLog.count({ where: { action: 'document.upload.undo' } })).toBe(1);
    expect(await send('801', { text: 'huy nhap' })).toContain('đã được hủy trước đó');
  });

  it('"hủy nhập" after 24 hours is refused and the document stays; an official cannot undo', async () => {
    await admin('802');
    expect(await send('802', { file: fileOf('ke-hoach-312.docx', DOCX) })).toContain('Đã nhập');
    await send('803', { text: `/start ${await bot.invite()}` });
    expect(await send('803', { text: 'hủy nhập' })).toContain('Chỉ quản trị viên');
    bot.clock.advance(25 * 3600_000);
    expect(await send('802', { text: 'hủy nhập' })).toContain('quá 24 giờ');
    expect(await chatDocs()).toBe(1);
  });

  it('a replacement of an earlier version is imported but its undo is refused, so nothing earlier is lost', async () => {
    const changed = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.html');
    const reply = await send('802', { file: fileOf('ke-hoach-312.docx', changed) });
    expect(reply).toContain('thay thế bản cũ');
    expect(reply).not.toContain('upload:undo');
    expect(await send('802', { text: 'hủy nhập' })).toContain('không thể hủy');
    expect(await chatDocs()).toBe(1);
  });

  it('an unreadable file gets the CLI reason and stores nothing', async () => {
    const before = await bot.app.db.document.count();
    const files = readdirSync(originals).length;
    const reply = await send('802', { file: fileOf('rac.pdf', Buffer.from('%PDF-1.4 not really a pdf')) });
    expect(reply).toMatch(/^Không nhập được tệp rac\.pdf: /);
    expect(await bot.app.db.document.count()).toBe(before);
    expect(readdirSync(originals)).toHaveLength(files);
  });
});
