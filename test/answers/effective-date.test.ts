// "… có hiệu lực từ ngày nào": the reply quotes the sentence that says when the document takes effect, with its
// article, not the one about the decisions it repeals; a document named by its bare number ("ai ký 4521") is asked
// about that document. Over a made-up decision (test/answers/fixtures), not a real text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const DECISION = 'test/answers/fixtures/an-giang-2025-quyet-dinh-hieu-luc.txt';
let s: Seeded;
beforeAll(async () => {
  s = await seeded([DECISION], { clock: new ManualClock(new Date('2026-02-01T03:00:00Z')) });
}, 60_000);
afterAll(async () => s.close());

it('quotes when the decision takes effect', async () => {
  const r = await s.answerer.answer('Quyết định 4521/QĐ-UBND có hiệu lực từ ngày nào?');
  expect(r.intent).toBe('document');
  expect(r.reply).toMatch(
    /Hiệu lực: «Quyết định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026» — Quyết định 4521\/QĐ-UBND, An Giang, Điều 2\.1/,
  );
  expect(r.reply).not.toMatch(/hết hiệu lực/);
  // `cli ask --json` gets the sentence as the answer, cited by its article, in its document
  expect(r.answers[0]).toMatchObject({
    text: 'Quyết định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026',
    section: 'Điều 2.1',
    document: { number: '4521/QĐ-UBND' },
  });
});

it('names a document by its bare number in a question about the document itself', async () => {
  const r = await s.answerer.answer('ai ký 4521');
  expect(r.intent).toBe('document');
  expect(r.reply).toMatch(/^Quyết định 4521\/QĐ-UBND .*người ký: Trần Văn D/);
  const when = await s.answerer.answer('4521 có hiệu lực khi nào');
  expect(when.reply).toMatch(/từ ngày 01 tháng 01 năm 2026/);
});

it('cites a sentence of the closing part as the end of the text, not as a numbered "mục"', async () => {
  const seeds = await seeded(['data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt']);
  try {
    const r = await seeds.answerer.answer('quyết định 1578 có hiệu lực từ ngày nào');
    expect(r.reply).toMatch(
      /Hiệu lực: «Quyết định này có hiệu lực thi hành kể từ ngày ký» — Quyết định 1578\/QĐ-UBND, Cà Mau, phần cuối văn bản/,
    );
  } finally {
    await seeds.close();
  }
}, 60_000);
