// Small talk and free words through the real bot: nothing open to cancel, a greeting mid-form re-asks the question,
// a coordinator's "ai chưa nộp" is the status command, and a question typed at a note step is asked about once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/conversation/bot.ts';
import type { Answerer } from '../../src/conversation/ports.ts';
import { progressChat } from '../../src/reporting/report/progress-chat.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => seed.close());

/** An answerer that says what it was asked, and takes questions ending in "?" for questions. */
const answerer: Answerer = {
  async answer(q) {
    return { intent: 'owner', reply: `Trả lời: ${q}`, hasMore: false, page: 1 };
  },
  classify: (t) => (/\?$/.test(t) ? 'owner' : 'unknown'),
};
const chat = (bot: Bot, user: string) => async (text: string) =>
  (await bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');

describe('readings after a "not sure" reply', () => {
  it('offers them as buttons; pressing one, or typing its number, asks it', async () => {
    const asked: string[] = [];
    const unsure: Answerer = {
      async answer(q) {
        asked.push(q);
        return q.startsWith('du lịch')
          ? {
              intent: 'search',
              reply: 'Tôi chưa chắc …',
              hasMore: false,
              page: 1,
              readings: ['Điểm phát sóng wifi', 'ai chủ trì du lịch biển'],
            }
          : { intent: 'owner', reply: `Trả lời: ${q}`, hasMore: false, page: 1 };
      },
      classify: () => 'search',
    };
    const bot = createBot(seed.app, { answerer: unsure });
    const out = await bot.handle({ channel: 'telegram', userId: 'u', chatId: 'u', text: 'du lịch biển đảo' });
    expect(out[0]!.choices).toEqual([
      { id: 'reading:1', label: 'Điểm phát sóng wifi' },
      { id: 'reading:2', label: 'ai chủ trì du lịch biển' },
    ]);
    const pressed = await bot.handle({
      channel: 'telegram',
      userId: 'u',
      chatId: 'u',
      text: 'ai chủ trì du lịch biển',
      choice: 'reading:2',
    });
    expect(pressed[0]!.text).toBe('Trả lời: ai chủ trì du lịch biển');
    await bot.handle({ channel: 'telegram', userId: 'u', chatId: 'u', text: 'du lịch biển đảo' });
    const typed = await bot.handle({ channel: 'telegram', userId: 'u', chatId: 'u', text: '1' });
    expect(typed[0]!.text).toBe('Trả lời: Điểm phát sóng wifi');
    // Used once: a later "1" is not a reading any more.
    await bot.handle({ channel: 'telegram', userId: 'u', chatId: 'u', text: '1' });
    expect(asked).toEqual(['du lịch biển đảo', 'ai chủ trì du lịch biển', 'du lịch biển đảo', 'Điểm phát sóng wifi', '1']);
  });
});

describe('small talk', () => {
  it('with nothing open: greeting, thanks, and "hủy" saying there is nothing to cancel', async () => {
    const say = chat(createBot(seed.app, { answerer }), 'o1');
    await say(`/start ${CODES.tttt}`);
    expect(await say('chào')).toBe(
      'Chào bạn Trần Thị Bích! Gõ "báo cáo" để báo cáo kỳ đang mở (hoặc "tiếp tục" để làm tiếp), hoặc hỏi tôi về văn bản, nhiệm vụ, chỉ tiêu. Gõ "trợ giúp" để xem ví dụ.',
    );
    expect(await say('cảm ơn nhé')).toBe('Không có gì ạ. Cần gì bạn cứ nhắn.');
    expect(await say('hủy')).toMatch(/^Hiện không có việc gì đang làm dở để hủy/);
  });

  it('mid-form, a greeting re-asks the pending question instead of reading it as a figure; "tiếp tục" resumes', async () => {
    const say = chat(createBot(seed.app, { answerer }), 'o1');
    await say(`/start ${CODES.tttt}`);
    expect(await say('báo cáo')).toContain('Câu 1/4');
    expect(await say('80')).toContain('Đã ghi câu 1: 80%.');
    const hi = await say('chào');
    expect(hi).toMatch(/^Chào bạn! Bạn đang làm dở báo cáo:\n/);
    expect(hi).toContain('Câu 2/4');
    expect(hi).not.toContain('con số nào');
    expect(await say('hủy')).toMatch(/^Đã tạm dừng\. 1\/4 câu/);
    expect(await say('tiếp tục')).toContain('Câu 2/4');
  });

  it('a coordinator’s free words run the status command', async () => {
    const say = chat(createBot(seed.app, { answerer }), 'c1');
    await say(`/start ${CODES.coordinator}`);
    const fixed = await say('tình hình báo cáo');
    expect(fixed).toMatch(/Sở Thông tin và Truyền thông/);
    expect(await say('ai chưa nộp')).toBe(fixed);
    expect(await say('cơ quan nào chưa gửi báo cáo quý 4?')).toBe(fixed);
  });

  it('a question typed at a note step is asked about once, then answered; the note is not saved', async () => {
    const say = chat(createBot(seed.app, { answerer }), 'o1');
    await say(`/start ${CODES.tttt}`);
    await say('báo cáo');
    await say('sửa 4');
    expect(await say('3')).toContain('Ghi chú ngắn');
    expect(await say('sở nào phối hợp với sở gd&đt?')).toBe(
      '"sở nào phối hợp với sở gd&đt?" — đây là ghi chú cho câu 4, hay bạn muốn hỏi?',
    );
    const answered = await say('2');
    expect(answered).toContain('Trả lời: sở nào phối hợp với sở gd&đt?');
    expect(answered).toContain('Ghi chú ngắn');
    expect(await say('Đã bàn giao cho đơn vị vận hành')).toContain('Đã lưu ghi chú cho câu 4.');
    const notes = await seed.app.db.answer.findMany({ where: { note: { not: null } }, select: { note: true } });
    expect(notes.map((n) => n.note)).toEqual(['Đã bàn giao cho đơn vị vận hành']);
  });

  it('a bare number at a task note step is not saved as the note: the note is asked again, with how to change the status', async () => {
    const say = chat(createBot(seed.app, { answerer }), 'o1');
    await say(`/start ${CODES.tttt}`);
    await say('báo cáo');
    await say('sửa 4');
    expect(await say('3')).toContain('Ghi chú ngắn');
    const reply = await say('3');
    expect(reply).toContain('"3" là một con số, không phải ghi chú');
    expect(reply).toContain('sửa 4');
    expect(reply).toContain('Ghi chú ngắn');
    expect(await seed.app.db.answer.count({ where: { note: { not: null } } })).toBe(0);
    expect(await say('bỏ qua')).not.toContain('con số');
    expect(await seed.app.db.answer.count({ where: { note: { not: null } } })).toBe(0);
  });

  it('"lưu làm ghi chú" keeps the text as the note', async () => {
    const say = chat(createBot(seed.app, { answerer }), 'o1');
    await say(`/start ${CODES.tttt}`);
    await say('báo cáo');
    await say('sửa 4');
    await say('3');
    await say('vì sao chậm?');
    expect(await say('1')).toContain('Đã lưu ghi chú cho câu 4.');
    const a = await seed.app.db.answer.findFirstOrThrow({ where: { note: { not: null } } });
    expect(a.note).toBe('vì sao chậm?');
  });
});

describe('figures already reported', () => {
  it('an official asks what was reported for an item in a quarter, and last period’s figures', async () => {
    const bot = createBot(seed.app, { answerer, commands: [progressChat(seed.app)] });
    const say = chat(bot, 'o1');
    await say(`/start ${CODES.tttt}`);
    expect(await say('tỷ lệ văn bản trao đổi trên môi trường mạng quý 3 là bao nhiêu')).toBe(
      'Số liệu đã báo cáo, quý III/2026:\n• Tỷ lệ văn bản trao đổi trên môi trường mạng — Sở Thông tin và Truyền thông: 72% (mục tiêu 90% năm 2020); đã gửi 08/10/2026.',
    );
    const last = await say('kỳ trước tôi báo cáo bao nhiêu');
    expect(last.split('\n')[0]).toBe('Số liệu đã báo cáo, quý III/2026:');
    expect(last).toContain('Số doanh nghiệp sử dụng hóa đơn điện tử — Sở Thông tin và Truyền thông: 120');
    // Quarter IV is open and nothing was entered yet.
    expect(await say('tỷ lệ văn bản trao đổi trên môi trường mạng quý 4 là bao nhiêu')).toContain('chưa có số liệu');
  });

  it('an official sees only their own agency’s items; a coordinator sees the regime’s', async () => {
    const bot = createBot(seed.app, { answerer, commands: [progressChat(seed.app)] });
    const official = chat(bot, 'o1');
    await official(`/start ${CODES.tttt}`);
    expect(await official('tỷ lệ hồ sơ thanh toán trực tuyến quý 3 là bao nhiêu')).toMatch(
      /^Không tìm thấy chỉ tiêu báo cáo nào khớp .* trong các chỉ tiêu của Sở Thông tin và Truyền thông/,
    );
    const coord = chat(bot, 'c1');
    await coord(`/start ${CODES.coordinator}`);
    expect(await coord('tỷ lệ hồ sơ thanh toán trực tuyến quý 3 là bao nhiêu')).toContain('— Sở Tài chính: chưa có số liệu');
  });
});
