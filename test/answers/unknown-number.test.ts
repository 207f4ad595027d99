// A document number typed in full that no stored document has: a question about that document is said to have no
// answer here (before: answered from whatever plan matched the other words, or "not sure" with readings); a search
// for the passages citing it is answered, said to be from other documents. Over the seeds (1578/QĐ-UBND cites the
// Prime Minister's 1755/QĐ-TTg, which is not stored).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

it.each([
  ['qd 99/2025/qd-ubnd ai chu tri', '99/2025/qd-ubnd'],
  ['Quyết định 71/2025/QĐ-UBND giao nhiệm vụ gì cho Sở Tài chính', '71/2025/QĐ-UBND'],
  ['ai ký 1755/QĐ-TTg', '1755/QĐ-TTg'],
])('%s', async (question, number) => {
  const r = await s.answerer.answer(question);
  expect(r.reply).toBe(
    `Chưa có văn bản số ${number} trong các văn bản đã nạp. Kiểm tra lại số, hỏi lại không kèm số để tìm trong mọi văn bản, hoặc đề nghị quản trị viên nạp văn bản đó.`,
  );
  expect(r.answers).toEqual([]);
});

it('finds the passages citing it, said to be from other documents', async () => {
  const r = await s.answerer.answer('văn bản nào thực hiện quyết định 1755/QĐ-TTg');
  expect(r.reply).toMatch(/^Chưa có văn bản số 1755\/QĐ-TTg trong các văn bản đã nạp; các đoạn văn bản khác nhắc đến nó:\n1\. /);
  expect(r.answers.some((a) => a.text.includes('1755/QĐ-TTg'))).toBe(true);
});

it('says it in English', async () => {
  const r = await s.answerer.answer('qd 99/2025/qd-ubnd ai chu tri', { locale: 'en' });
  expect(r.reply).toMatch(/^No stored document has the number 99\/2025\/qd-ubnd\. /);
});
