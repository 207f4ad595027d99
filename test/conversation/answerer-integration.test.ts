// With the real knowledge base: a question typed in the middle of the form is answered by src/answers over an
// imported document, and the form carries on at the same question.
import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answers/index.ts';
import { createBot } from '../../src/conversation/bot.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded | undefined;
afterEach(async () => {
  await seed?.close();
});

describe('mid-form question with the real answerer', () => {
  it('answers from the imported plan and re-asks the pending question', async () => {
    seed = await seedReporting();
    await importPaths(seed.app, ['data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt']);
    const answerer = await createAnswerer(seed.app);
    const bot = createBot(seed.app, { answerer });
    const say = async (text: string) => bot.handle({ channel: 'console', userId: 'q1', chatId: 'q1', text });
    await say(`/start ${CODES.tttt}`);
    await say('báo cáo');
    await say('85');
    const question = 'Cơ quan nào chủ trì bố trí kinh phí thực hiện kế hoạch?';
    const expected = await answerer.answer(question);
    const out = await say(question);
    expect(out[0]?.text.startsWith(expected.reply.trim().slice(0, 40))).toBe(true);
    expect(out.at(-1)?.text).toContain('Câu 2/4. Số doanh nghiệp sử dụng hóa đơn điện tử');
    expect((await say('130')).map((m) => m.text)).toContain('Đã ghi câu 2: 130 doanh nghiệp.');
  });
});

describe('search filter set in chat', () => {
  it('"lọc …" scopes later questions, survives a new bot (restart), "bỏ lọc" clears it, a bad filter is refused', async () => {
    seed = await seedReporting();
    await importPaths(seed.app, ['data/documents']);
    const answerer = await createAnswerer(seed.app);
    const chat = (bot: ReturnType<typeof createBot>) => async (text: string) =>
      (await bot.handle({ channel: 'telegram', userId: 'f1', chatId: 'f1', text })).map((m) => m.text).join('\n');
    let say = chat(createBot(seed.app, { answerer }));
    expect(await say('lọc Hà Nội')).toMatch(/^Chưa có văn bản nào của Hà Nội/);
    expect(await say('loc tinh quang ngai')).toBe(
      'Đã lọc: tỉnh/thành Quảng Ngãi. Các câu hỏi sau chỉ tìm trong phạm vi này; gõ "bỏ lọc" để bỏ.',
    );
    say = chat(createBot(seed.app, { answerer })); // a restart keeps the session's filter
    const scoped = await say('Sở Tài chính phải làm gì?');
    expect(scoped).toContain('— Chỉ thị 17/CT-UBND, Quảng Ngãi');
    expect(scoped).not.toMatch(/Cần Thơ|Cà Mau/);
    expect(scoped).toContain('(Đang lọc: tỉnh/thành Quảng Ngãi.');
    expect(await say('bỏ lọc')).toBe('Đã bỏ lọc: câu hỏi tìm trong mọi văn bản.');
    expect(await say('Sở Tài chính phải làm gì?')).toMatch(/Cần Thơ.*Cà Mau|Cà Mau.*Cần Thơ/s);
  });
});
