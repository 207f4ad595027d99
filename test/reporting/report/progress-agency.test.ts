// A question on reported figures that names an agency: a coordinator sees that agency's figures only; an official
// asking about another agency is told why there is nothing to show and where its tasks are, not shown their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/conversation/bot.ts';
import { progressChat } from '../../../src/reporting/report/progress-chat.ts';
import { CODES, seedReporting, type Seeded } from '../../transcripts/seed.ts';

let seed: Seeded;
let bot: Bot;
beforeAll(async () => {
  seed = await seedReporting();
  bot = createBot(seed.app, { commands: [progressChat(seed.app)] });
});
afterAll(async () => seed.close());

const chat = (userId: string) => async (text: string) =>
  (await bot.handle({ channel: 'console', userId, chatId: userId, text })).map((m) => m.text).join('\n');

describe('reported figures of a named agency', () => {
  it('an official of Sở TT&TT asking about Sở Tài chính is told whose figures they see, and how to find its tasks', async () => {
    const say = chat('p-tttt');
    await say(`/start ${CODES.tttt}`);
    const r = await say('tiến độ nhiệm vụ của Sở Tài chính quý 3');
    expect(r).toContain('chỉ xem được số liệu cơ quan mình');
    expect(r).toContain('"nhiệm vụ của Sở Tài chính"');
    expect(r).not.toContain('Tỷ lệ văn bản trao đổi'); // not their own figures instead
    // their own agency named: their figures, as before
    expect(await say('tiến độ của Sở TT&TT quý 3')).toMatch(/Số liệu đã báo cáo, quý III\/2026:\n• Tỷ lệ văn bản trao đổi.*72%/);
  });

  it("a coordinator naming an agency gets that agency's figures only", async () => {
    const say = chat('p-coord');
    await say(`/start ${CODES.coordinator}`);
    const tttt = await say('tiến độ của Sở TT&TT quý 3');
    expect(tttt).toContain('Tỷ lệ văn bản trao đổi trên môi trường mạng');
    expect(tttt).not.toContain('Tỷ lệ hồ sơ thanh toán trực tuyến');
    const tc = await say('tiến độ nhiệm vụ của Sở Tài chính quý 3');
    expect(tc).toContain('• Tỷ lệ hồ sơ thanh toán trực tuyến — Sở Tài chính: chưa có số liệu');
    expect(tc).not.toContain('Tỷ lệ văn bản trao đổi');
  });

  it('"hồ sơ" in an item\'s words is not an agency ("Sở …")', async () => {
    const say = chat('p-tc');
    await say(`/start ${CODES.taichinh}`);
    expect(await say('tỷ lệ hồ sơ thanh toán trực tuyến quý 3')).toContain('• Tỷ lệ hồ sơ thanh toán trực tuyến — Sở Tài chính');
    const other = chat('p-tttt2');
    await other(`/start ${CODES.tttt2}`);
    // "hồ sơ tài chính" holds the words "sở tài chính": still a question on the official's own figures
    expect(await other('tỷ lệ hồ sơ tài chính số hóa hiện nay')).not.toContain('chỉ xem được số liệu cơ quan mình');
  });

  it('says the same figures in English to someone who chose English', async () => {
    const say = chat('p-tttt'); // registered by the first test (or now, when run alone)
    await say(`/start ${CODES.tttt}`);
    const vi = await say('tiến độ của Sở TT&TT quý 3');
    await say('/lang en');
    const en = await say('tiến độ của Sở TT&TT quý 3');
    expect(en).toMatch(/^Reported figures, Q3 2026:\n• Tỷ lệ văn bản trao đổi.*72%.*; sent \d\d\/\d\d\/2026\./);
    const figures = (t: string) => t.replace(/quý III\/2026|Q3 2026/, '').match(/\d+(?:[.,/]\d+)*%?/g);
    expect(figures(en)).toEqual(figures(vi));
    expect(await say('tiến độ nhiệm vụ của Sở Tài chính quý 3')).toMatch(
      /^You are an officer of Sở Thông tin và Truyền thông, so you see only/,
    );
  });
});
