// Uploads in chat (issue 16) at the conversation layer: the real bot (buildRuntime) fed the channel-neutral
// file event the adapters build: an admin's DOCX is imported with a summary, answered from, undone by button or
// typed "huy nhap"; undo after 24 h is refused; a replacement cannot be undone; bad files store nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundFile, InboundMessage } from '../../src/core/types.ts';
import { setRole } from '../../src/users/users.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

const hasPoppler = (() => {
  try {
    for (const bin of ['pdfunite', 'pdftoppm']) execFileSync(bin, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

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

  it('an admin who reads English reads the importer’s warnings in English', async () => {
    await admin('806');
    await send('806', { text: '/lang en' });
    const text =
      'ỦY BAN NHÂN DÂN TỈNH CÀ MAU\n\nKẾ HOẠCH\nỨng dụng công nghệ thông tin năm 2026\n\n1. Sở Khoa học và Công nghệ chủ trì triển khai nền tảng số.\n';
    const reply = await send('806', { file: fileOf('kh-khong-so.txt', Buffer.from(text)) });
    expect(reply).toContain('- No document number.');
    expect(reply).not.toMatch(/Không có số hiệu|Lưu ý/);
  });

  it('an admin who reads English is told the same in English; the documents and agencies stay as written', async () => {
    await admin('804');
    await send('804', { text: '/lang en' });
    const reply = await send('804', { file: fileOf('KH 312 (en).docx', DOCX) });
    expect(reply).toMatch(/^Imported the file KH 312 \(en\)\.docx \(docx\):\nKế hoạch 312\/KH-UBND — UBND tỉnh Đồng Tháp, 15\/08\/2024\n/);
    expect(reply).toMatch(/\d+ sections, 10 tasks, 3 targets/);
    expect(reply).toContain('Sở Tài chính: leads 1 task');
    expect(reply).toContain('Details: npm run cli -- show 312/KH-UBND');
    expect(reply).toMatch(
      /Imported by mistake\? Press "Undo import" or type "undo import" within 24 hours\. \[Undo import=upload:undo:\d+\]$/,
    );
    expect(reply).not.toMatch(/Đã nhập|nhiệm vụ chủ trì|Xem chi tiết|Nhập nhầm|Lưu ý/);
    // the same file again: nothing new; typed "undo import" removes it
    expect(await send('804', { file: fileOf('KH 312 (en).docx', DOCX) })).toBe(
      'The file KH 312 (en).docx was imported before and its content has not changed: nothing new.',
    );
    expect(await send('804', { text: 'undo import' })).toBe('Undid the import of KH 312 (en).docx: removed the 1 document it had added.');
    expect(await send('804', { text: 'undo import' })).toBe('This import was undone before.');
    // the importer's reason too: a damaged PDF, a text that is no directive
    const bad = await send('804', { file: fileOf('rac.pdf', Buffer.from('%PDF-1.4 not really a pdf')) });
    expect(bad).toMatch(/^Could not import the file rac\.pdf: File chat\/rac\.pdf: the PDF is damaged and cannot be read \(/);
    expect(bad).not.toMatch(/Tệp|hỏng|không/);
    const note = await send('804', {
      file: fileOf('ghi-chu.txt', Buffer.from('Danh sách đi chợ: gạo, cá, rau muống, nước mắm.\n'.repeat(5))),
    });
    expect(note).toMatch(
      /^Could not import the file ghi-chu\.txt: The file (chat\/)?ghi-chu\.txt is not a directive or administrative document/,
    );
    // an official who reads English: the refusal in English, nothing kept
    await send('805', { text: `/start ${await bot.invite()}` });
    await send('805', { text: '/lang en' });
    expect(await send('805', { file: fileOf('x.docx', DOCX) })).toMatch(/^Thank you for the file\. Only an administrator/);
    expect(await send('805', { text: 'undo import' })).toBe('Only an administrator can undo a document import.');
  });

  // The scan is rendered to images by poppler (pdftoppm) before the stand-in OCR reads them; .ci/run installs it.
  it.skipIf(!hasPoppler)('a slow upload says "Đang xử lý tệp …" first, then the pages OCR has read, then the summary', async () => {
    // A 3-page scan (the fixture's page three times) read by a stand-in for Tesseract that answers at once.
    const dir = mkdtempSync(join(tmpdir(), 'da-ocr-'));
    const scan = 'test/ingest/formats/fixtures/dong-thap-2024-chi-thi-09-an-toan-thong-tin.scan.pdf';
    execFileSync('pdfunite', [scan, scan, scan, join(dir, 'scan3.pdf')]);
    const text = join(dir, 'page.txt');
    writeFileSync(text, readFileSync(scan.replace('.scan.pdf', '.txt')));
    const bin = join(dir, 'tesseract');
    writeFileSync(
      bin,
      [
        '#!/bin/sh',
        'if [ "$1" = --list-langs ]; then echo vie; exit 0; fi',
        `case "$1" in *-1.png) cp ${text} "$2.txt";; *) : > "$2.txt";; esac`,
        `printf 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tx\n' > "$2.tsv"`,
      ].join('\n'),
      { mode: 0o755 },
    );
    const cfg = bot.app.config;
    const saved = { bin: cfg.TESSERACT_BIN, every: cfg.UPLOAD_PROGRESS_SECONDS };
    Object.assign(cfg, { TESSERACT_BIN: bin, UPLOAD_PROGRESS_SECONDS: 0 });
    const notes: string[] = [];
    try {
      const file = {
        ...fileOf('chi-thi-09-ban-quet.pdf', readFileSync(join(dir, 'scan3.pdf'))),
        notify: (m: { text: string }) => notes.push(m.text),
      };
      const reply = await send('802', { file });
      expect(notes).toEqual([
        expect.stringMatching(/^Đang xử lý tệp chi-thi-09-ban-quet\.pdf \([\d,]+ MB\)… Tôi sẽ báo kết quả khi nhập xong\.$/),
        'Đang nhận dạng chữ bản quét chi-thi-09-ban-quet.pdf: đã đọc 1/3 trang…',
        'Đang nhận dạng chữ bản quét chi-thi-09-ban-quet.pdf: đã đọc 2/3 trang…',
      ]);
      expect(reply).toContain('Đã nhập tệp chi-thi-09-ban-quet.pdf (pdf-scan)');
    } finally {
      Object.assign(cfg, { TESSERACT_BIN: saved.bin, UPLOAD_PROGRESS_SECONDS: saved.every });
    }
    // with the default pause, a quick DOCX import sends no progress message
    const quiet: string[] = [];
    const docx = readFileSync('test/ingest/formats/fixtures/dong-thap-2024-chi-thi-09-an-toan-thong-tin.docx');
    await send('802', { file: { ...fileOf('chi-thi-09.docx', docx), notify: (m: { text: string }) => quiet.push(m.text) } });
    expect(quiet).toEqual([]);
  });
});
