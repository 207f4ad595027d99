// A button payload is read against the choices of the step being asked only: a forged or stale payload ("st:bogus",
// a yes/no of an earlier question) is neither stored nor a crash, and is said to be no longer valid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => seed.close());

/** A bot, and an official registered on Telegram; returns how that official sends text (and a button id). */
async function registered() {
  const bot = createBot(seed.app);
  const send = async (text: string, c?: string) =>
    (await bot.handle({ channel: 'telegram', userId: 'o1', chatId: 'o1', text, choice: c })).map((m) => m.text).join('\n');
  await send(`/start ${CODES.tttt}`);
  return send;
}

describe('forged task-status payloads', () => {
  it.each(['st:bogus', 'st:__proto__', 'st:constructor', 'st:toString'])(
    '%s is refused as no longer valid, re-asks the status and stores nothing',
    async (choice) => {
      const send = await registered();
      await send('báo cáo');
      expect(await send('sửa 4')).toContain('Tình trạng thực hiện?');
      const reply = await send('', choice);
      expect(reply).toMatch(
        /^Lựa chọn không còn hiệu lực \(nút của một câu hỏi trước\); xin trả lời câu đang hỏi:\n.*Tình trạng thực hiện\?/s,
      );
      expect(reply).not.toMatch(/undefined|lỗi/);
      const stored = await seed.app.db.answer.findMany({ where: { status: { not: null } }, select: { status: true } });
      expect(stored.map((a) => a.status).filter((s) => !['chua_trien_khai', 'dang_trien_khai', 'hoan_thanh'].includes(s!))).toEqual([]);
      // The real button still works.
      expect(await send('Hoàn thành', 'st:hoan_thanh')).toContain('Đã ghi câu 4: Hoàn thành.');
    },
  );
});

describe('stale buttons', () => {
  it('a yes/no or status button of an earlier question is not taken as the answer to the current one', async () => {
    const send = await registered();
    expect(await send('báo cáo')).toContain('Câu 1/');
    const before = await seed.app.db.answer.count();
    // question 1 is a figure: no button of it exists
    for (const [label, c] of [
      ['Gửi báo cáo', 'yes'],
      ['Hoàn thành', 'st:hoan_thanh'],
      ['85%', 'c0'],
    ] as const)
      expect(await send(label, c)).toMatch(/^Lựa chọn không còn hiệu lực.*\n.*Câu 1\//s);
    expect(await seed.app.db.answer.count()).toBe(before);
    expect(await send('85')).toContain('Đã ghi câu 1: 85%.');
    // outside the form, a form button gets the same refusal, not an answer to its label
    await send('hủy');
    expect(await send('Hoàn thành', 'st:hoan_thanh')).toMatch(/^Lựa chọn không còn hiệu lực/);
    expect(await send('Đọc thứ hai', 'reading:2')).toMatch(/^Lựa chọn không còn hiệu lực/);
  });
});

describe('text that is not well-formed Unicode', () => {
  it('a lone surrogate in a note is stored as one U+FFFD, the same in the answer and in its audit entry', async () => {
    const send = await registered();
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
