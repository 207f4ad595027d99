// "/home" (Slack's App Home tab) and "trang chủ": who I am and my open reports, never moving a form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import type { OutboundMessage } from '../../src/core/types.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

describe('home', () => {
  it('tells an unregistered person how to register', async () => {
    const bot = createBot(seed.app);
    const out = await bot.handle({ channel: 'slack', userId: 'U0', chatId: 'U0', text: '/home' });
    expect(out.map((m) => m.text).join('\n')).toMatch(/chưa đăng ký/i);
  });

  it("shows an official's open period with progress and a Báo cáo button, and does not move the form", async () => {
    const bot = createBot(seed.app);
    const say = (text: string, choice?: string): Promise<OutboundMessage[]> =>
      bot.handle({ channel: 'slack', userId: 'U1', chatId: 'U1', text, choice });
    await say(`/start ${CODES.tttt}`);
    let home = await say('/home');
    expect(home[0]!.text).toMatch(/^Bạn đã đăng ký: .*Sở Thông tin và Truyền thông/);
    const q4 = () => home.find((m) => m.text.startsWith('Báo cáo quý IV/2026'))?.text;
    expect(q4()).toMatch(/^Báo cáo quý IV\/2026 \(.+\): hạn \d\d\/\d\d\/\d{4}\. Đã trả lời 0\/4 câu, chưa gửi\.$/);
    expect(home.at(-1)!.choices).toEqual([{ id: 'bao_cao', label: 'Báo cáo' }]);

    expect((await say('Báo cáo', 'bao_cao')).map((m) => m.text).join('\n')).toContain('Câu 1/4.');
    await say('85');
    home = await say('trang chủ');
    expect(q4()).toContain('Đã trả lời 1/4 câu, chưa gửi.');
    // the form is where it was: the next value answers question 2
    expect((await say('130')).map((m) => m.text).join('\n')).toContain('Đã ghi câu 2: 130 doanh nghiệp.');
  });

  it('gives a coordinator the reporting status', async () => {
    const bot = createBot(seed.app);
    await bot.handle({ channel: 'slack', userId: 'C1', chatId: 'C1', text: `/start ${CODES.coordinator}` });
    const home = await bot.handle({ channel: 'slack', userId: 'C1', chatId: 'C1', text: '/home' });
    expect(home[0]!.text).toMatch(/^Bạn đã đăng ký: Lê Văn Cường/);
    expect(
      home
        .slice(1)
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/Sở Tài chính/);
  });
});
