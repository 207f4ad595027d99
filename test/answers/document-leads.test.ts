// A whole plan's tasks listed with their leads ("kế hoạch 45 ai chủ trì"): every task reachable with "thêm", however
// long the plan (an appendix table may hold over a hundred). The plan is written here, 36 numbered tasks.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

const AGENCIES = ['Sở Tài chính', 'Sở Nội vụ', 'Sở Y tế', 'Sở Xây dựng'];
const TASKS = 36;
const plan = [
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
  'Số: 45/KH-UBND',
  'Quảng Trị, ngày 05 tháng 11 năm 2025',
  '',
  'KẾ HOẠCH',
  'Rà soát thủ tục hành chính năm 2026',
  '',
  'I. NHIỆM VỤ',
  ...Array.from(
    { length: TASKS },
    (_, i) => `${i + 1}. ${AGENCIES[i % 4]} chủ trì rà soát nhóm thủ tục số ${i + 1}, hoàn thành trong Quý II/2026.`,
  ),
  '',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Nguyễn Văn F',
].join('\n');

let s: Seeded;
beforeAll(async () => {
  s = await seeded([], { texts: { 'quang-tri-2025-ke-hoach-45.txt': plan } });
}, 60_000);
afterAll(() => s.close());

it('lists every task of a long plan, page by page', async () => {
  const first = await s.answerer.answer('kế hoạch 45 ai chủ trì');
  expect(first.reply).toMatch(/^Các nhiệm vụ của Kế hoạch 45\/KH-UBND và cơ quan chủ trì:\n1\. \(Sở Tài chính chủ trì\) «/);
  expect(first.reply).toContain(`Còn ${TASKS - 5} kết quả`);
  expect(first.answers).toHaveLength(TASKS);
  const last = await s.answerer.answer('kế hoạch 45 ai chủ trì', { page: Math.ceil(TASKS / 5) });
  expect(last.reply).toContain(`${TASKS}. (Sở Xây dựng chủ trì) «Sở Xây dựng chủ trì rà soát nhóm thủ tục số ${TASKS},`);
  expect(last.hasMore).toBe(false);
});

// "Kế hoạch 45 có những nhiệm vụ nào" asks for the same list; before, it got the plan's summary ("Gồm 36 nhiệm vụ").
it.each(['kế hoạch 45 có những nhiệm vụ nào', 'ke hoach 45 gom nhung nhiem vu gi', 'kh 45 giao nhung viec gi'])(
  '%s: the tasks',
  async (q) => {
    const r = await s.answerer.answer(q);
    expect(r.reply).toMatch(/^Các nhiệm vụ của Kế hoạch 45\/KH-UBND và cơ quan chủ trì:\n1\. \(Sở Tài chính chủ trì\) «/);
    expect(r.answers).toHaveLength(TASKS);
  },
);

// "Có bao nhiêu nhiệm vụ" is the summary's count; before, it was read as a figure question and answered with a target
// of another plan ("90% (năm 2014)").
it.each(['kế hoạch 45 có bao nhiêu nhiệm vụ', 'bao nhieu nhiem vu trong ke hoach 45'])('%s: how many', async (q) => {
  const r = await s.answerer.answer(q);
  expect(r.intent).toBe('document');
  expect(r.reply).toContain(`Gồm ${TASKS} nhiệm vụ`);
  expect(r.answers.every((a) => a.value === null)).toBe(true);
});
