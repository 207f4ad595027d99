// A button payload is read against the statuses only: a forged or stale "st:…" is neither stored nor a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => seed.close());

describe('forged task-status payloads', () => {
  it.each(['st:bogus', 'st:__proto__', 'st:constructor', 'st:toString'])(
    '%s re-asks the three statuses and stores nothing',
    async (choice) => {
      const bot = createBot(seed.app);
      const send = async (text: string, c?: string) =>
        (await bot.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', text, choice: c })).map((m) => m.text).join('\n');
      await send(`/start ${CODES.tttt}`);
      await send('báo cáo');
      expect(await send('sửa 4')).toContain('Tình trạng thực hiện?');
      const reply = await send('', choice);
      expect(reply).toContain('Xin chọn một trong ba tình trạng');
      expect(reply).not.toMatch(/undefined|lỗi/);
      const stored = await seed.app.db.answer.findMany({ where: { status: { not: null } }, select: { status: true } });
      expect(stored.map((a) => a.status).filter((s) => !['chua_trien_khai', 'dang_trien_khai', 'hoan_thanh'].includes(s!))).toEqual([]);
      // The real button still works.
      expect(await send('Hoàn thành', 'st:hoan_thanh')).toContain('Đã ghi câu 4: Hoàn thành.');
    },
  );
});

describe('text that is not well-formed Unicode', () => {
  it('a lone surrogate in a note is stored as one U+FFFD, the same in the answer and in its audit entry', async () => {
    const bot = createBot(seed.app);
    const send = async (text: string, c?: string) =>
      (await bot.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', text, choice: c })).map((m) => m.text).join('\n');
    await send(`/start ${CODES.tttt}`);
    await send('báo cáo');
    await send('sửa 4');
    await send('Hoàn thành', 'st:hoan_thanh');
    expect(await send('Đã xong \uD83D phần mềm')).toContain('Đã lưu ghi chú cho câu 4.');
    const a = await seed.app.db.answer.findFirstOrThrow({ where: { note: { not: null } } });
    expect(a.note).toBe('Đã xong \uFFFD phần mềm');
    const audits = await seed.app.db.auditLog.findMany({ where: { entity: 'Answer' }, orderBy: { id: 'desc' } });
    const withNote = audits.map((x) => JSON.parse(x.newValue ?? '{}') as { note?: string }).find((v) => v.note);
    expect(withNote?.note).toBe(a.note);
  });
});
