// The runner on a real database: routing, identity linking across channels, extra commands, reminders,
// coordinators reporting on behalf, reopening a locked period, and questions handed to the answerer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/conversation/bot.ts';
import type { Answerer, ExtraCommand } from '../../src/conversation/ports.ts';
import type { ChannelName, OutboundMessage } from '../../src/core/types.ts';
import { reopenAgency, setPeriodStatus } from '../../src/reporting/period-service.ts';
import { progressChat } from '../../src/reporting/report/progress-chat.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

function chat(bot: Bot, channel: ChannelName, userId: string) {
  return async (text: string, choice?: string): Promise<string> => {
    const out: OutboundMessage[] = await bot.handle({ channel, userId, chatId: userId, text, choice });
    return out.map((m) => m.text).join('\n');
  };
}

/** An answerer over a tiny fixed corpus, recording what it was asked (the real one lives in src/answers). */
class PagedAnswerer implements Answerer {
  asked: { q: string; page: number }[] = [];
  async answer(question: string, opts?: { page?: number }) {
    const page = opts?.page ?? 1;
    this.asked.push({ q: question, page });
    return { intent: 'owner', reply: `Trả lời trang ${page} cho: ${question}`, hasMore: page < 2, page };
  }
  classify(text: string) {
    return /chủ trì/.test(text) ? 'owner' : 'unknown';
  }
}

describe('bot runner', () => {
  it('sends free questions to the answerer and pages with "thêm"', async () => {
    const answerer = new PagedAnswerer();
    const say = chat(createBot(seed.app, { answerer }), 'telegram', 't1');
    expect(await say('Sở nào chủ trì xây dựng cơ sở dữ liệu')).toContain('Trả lời trang 1');
    expect(await say('thêm')).toContain('Trả lời trang 2 cho: Sở nào chủ trì');
    expect(await say('thêm')).toBe('Không còn kết quả nào nữa cho câu hỏi trước.');
    expect(answerer.asked).toEqual([
      { q: 'Sở nào chủ trì xây dựng cơ sở dữ liệu', page: 1 },
      { q: 'Sở nào chủ trì xây dựng cơ sở dữ liệu', page: 2 },
    ]);
  });

  it('answers a question mid-form and re-asks the pending question', async () => {
    const answerer = new PagedAnswerer();
    const say = chat(createBot(seed.app, { answerer }), 'console', 'c1');
    await say(`/start ${CODES.tttt}`);
    await say('báo cáo');
    await say('85');
    const r = await say('Sở nào chủ trì xây dựng cơ sở dữ liệu');
    expect(r.split('\n')[0]).toBe('Trả lời trang 1 cho: Sở nào chủ trì xây dựng cơ sở dữ liệu');
    expect(r).toContain('Câu 2/4. Số doanh nghiệp');
    const more = await say('thêm');
    expect(more).toContain('Trả lời trang 2 cho: Sở nào chủ trì');
    expect(more.split('\n').at(-1)).toBe('Câu 2/4. Số doanh nghiệp sử dụng hóa đơn điện tử (doanh nghiệp)? kỳ trước: 120 doanh nghiệp');
    expect(await say('130')).toContain('Đã ghi câu 2: 130 doanh nghiệp.');
  });

  it("a reminder's 'Báo cáo ngay' button opens the form, by label or by bare choice id after a restart", async () => {
    const say = chat(createBot(seed.app, { answerer: new PagedAnswerer() }), 'telegram', 'tg-r');
    await say(`/start ${CODES.tttt}`);
    expect(await say('Báo cáo ngay', 'bao_cao')).toContain('Câu 1/4.');
    await say('hủy');
    expect(await say('bao_cao', 'bao_cao')).toContain('Câu 1/4.');
  });

  it('runs extra commands registered by other modules before free text', async () => {
    const seen: string[] = [];
    const pause: ExtraCommand = {
      name: 'pause',
      match: (t) => t.startsWith('tạm dừng nhắc'),
      run: async ({ user, channel }) => (seen.push(`${channel}:${user?.id ?? 'anon'}`), [{ text: 'Đã tạm dừng nhắc.' }]),
    };
    const say = chat(createBot(seed.app, { commands: [pause] }), 'zalo', 'z1');
    expect(await say('tạm dừng nhắc 3 ngày')).toBe('Đã tạm dừng nhắc.');
    expect(seen).toEqual(['zalo:anon']);
    expect(await say('một câu hỏi bất kỳ')).toContain('chưa có tri thức');
  });

  it('links a second channel to the same person, who continues the same form there', async () => {
    const bot = createBot(seed.app);
    const tg = chat(bot, 'telegram', 'tg-1');
    await tg(`/start ${CODES.tttt}`);
    await tg('báo cáo');
    await tg('85');
    const link = await tg('liên kết');
    const code = /Mã liên kết: ([A-Z0-9]{8})/.exec(link)![1]!;
    const slack = chat(bot, 'slack', 'U1');
    expect(await slack(`/start ${code}`)).toContain('Đã liên kết tài khoản này');
    expect(await slack('130')).toContain('Đã ghi câu 2: 130 doanh nghiệp.');
    const users = await seed.app.db.user.findMany({ include: { identities: true } });
    expect(users).toHaveLength(1);
    expect(users[0]!.identities.map((i) => i.channel).sort()).toEqual(['slack', 'telegram']);
    expect(await slack(`/start ${code}`)).toContain('không dùng được (mã sai, đã dùng hoặc đã hết hạn)');
  });

  it('a coordinator may report on behalf of an agency; an official only for their own', async () => {
    const bot = createBot(seed.app);
    const coord = chat(bot, 'console', 'coord');
    await coord(`/start ${CODES.coordinator}`);
    expect(await coord('báo cáo Sở Tài chính')).toContain('Câu 1/1. Tỷ lệ hồ sơ thanh toán trực tuyến (%)?');
    expect(await coord('70')).toContain('Đã ghi câu 1: 70%.');
    const official = chat(bot, 'console', 'tc');
    await official(`/start ${CODES.taichinh}`);
    expect(await official('báo cáo Sở TT&TT')).toMatch(/chỉ báo cáo được cho Sở Tài chính/);
    expect(await official('báo cáo')).toContain('đã trả lời 1');
  });

  it('a reopened agency can write again in a locked period; an approved period says so', async () => {
    const bot = createBot(seed.app);
    const say = chat(bot, 'console', 'o1');
    await say(`/start ${CODES.tttt}`);
    seed.clock.set('2027-03-01T09:00:00+07:00');
    expect(await say('báo cáo')).toContain('đã khóa từ 09/02/2027 vì đã quá hạn nộp');
    await reopenAgency(seed.app, 'cds-ca-mau', '2026-Q4', 'Sở TT&TT');
    expect(await say('báo cáo')).toContain('Câu 1/4');
    expect(await say('80')).toContain('Đã ghi câu 1: 80%.');
    await say('gửi');
    expect(await say('1')).toContain('trễ hạn 50 ngày');
    expect(await say('báo cáo')).toContain('đã khóa'); // the reopening ends with the new submission
    await setPeriodStatus(seed.app.db, 'cds-ca-mau', '2026-Q4', 'approved');
    expect(await say('báo cáo')).toContain('đã được phê duyệt');
  });

  it('a reminder re-enters the engine and opens the form at the first open question', async () => {
    const bot = createBot(seed.app);
    const say = chat(bot, 'telegram', 'r1');
    await say(`/start ${CODES.tttt}`);
    const user = await seed.app.db.user.findFirstOrThrow();
    const out = await bot.remind(user.id, seed.periodId, 'telegram');
    expect(out.at(-1)?.text).toContain('Câu 1/4');
    expect(await say('85')).toContain('Câu 2/4');
  });

  it('never crashes on odd input and keeps queued messages of one person in order', async () => {
    const bot = createBot(seed.app);
    await bot.handle({ channel: 'console', userId: 'q', chatId: 'q', text: `/start ${CODES.tttt}` });
    await bot.handle({ channel: 'console', userId: 'q', chatId: 'q', text: 'báo cáo' });
    const replies = await Promise.all(
      ['85', '130', '   ', '\u0000'].map((text) => bot.handle({ channel: 'console', userId: 'q', chatId: 'q', text })),
    );
    expect(replies[0]![0]!.text).toBe('Đã ghi câu 1: 85%.');
    expect(replies[1]![0]!.text).toBe('Đã ghi câu 2: 130 doanh nghiệp.');
    for (const r of replies) expect(r.length).toBeGreaterThan(0);
  });
  const startForm = async (bot: Bot) => {
    const say = chat(bot, 'console', 'f1');
    await say(`/start ${CODES.tttt}`);
    await say('báo cáo');
    return say;
  };

  it('by default (REPORT_TARGET_FACTOR 3) 95% against a 90% target is saved at once', async () => {
    expect(await (await startForm(createBot(seed.app)))('95')).toContain('Đã ghi câu 1: 95%.');
  });

  it('a stricter REPORT_TARGET_FACTOR asks again, with the reason, for a figure over target × factor', async () => {
    const strict = createBot({ ...seed.app, config: { ...seed.app.config, REPORT_TARGET_FACTOR: 1.05 } });
    const r = await (await startForm(strict))('95');
    expect(r).toContain('95% cao gấp 1,1 lần mục tiêu (90%). Số này có đúng không?');
    expect(await seed.app.db.answer.count({ where: { submission: { periodId: seed.periodId } } })).toBe(0);
  });
  it('"như kỳ trước" mid-form copies last period\'s value, though the progress command also knows "kỳ trước"', async () => {
    const bot = createBot(seed.app, { commands: [progressChat(seed.app)] });
    const say = await startForm(bot);
    expect(await say('như kỳ trước')).toMatch(/^Lấy lại số liệu kỳ trước cho câu 1 \(.*\): .*\. Đúng không\?/);
    expect(await say('đúng')).toContain('Câu 2/4');
    // a question about last period's figures is still answered from the reports
    expect(await say('kỳ trước tôi báo cáo tỷ lệ văn bản trao đổi bao nhiêu')).toContain('Số liệu đã báo cáo');
  });
});
