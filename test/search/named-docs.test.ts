// A question naming its documents ("chỉ thị 17 báo cáo", "kế hoạch 37 … gửi về đâu") is answered from every passage
// of theirs. Before, the engine's best passages for a common word came from the other documents (hundreds of plans
// say "báo cáo"), none of the named ones was left once filtered, and the bot said it found nothing.
import { expect, it } from 'vitest';
import { docInfo } from '../../src/search/entries.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { taskEntry } from './task-entry.ts';

const OTHERS = 400;
const doc = (id: number, type: string) =>
  docInfo({
    id,
    number: `${id}/KH-UBND`,
    type,
    issuer: 'UBND tỉnh Cà Mau',
    province: 'Cà Mau',
    issueDate: '2025-11-20',
    year: 2025,
    title: `Văn bản ${id}`,
  });
const task = taskEntry;
const docs = new Map([[0, doc(0, 'Chỉ thị')], ...Array.from({ length: OTHERS }, (_, i) => [i + 1, doc(i + 1, 'Kế hoạch')] as const)]);
const entries = [
  ...Array.from({ length: OTHERS * 2 }, (_, i) => task(i, 1 + (i % OTHERS), `Tổng hợp báo cáo kết quả, báo cáo UBND tỉnh số ${i}.`)),
  task(OTHERS * 2, 0, 'Sở Tài chính tổng hợp, báo cáo UBND tỉnh để trình Hội đồng nhân dân tỉnh phân bổ kinh phí.'),
  task(OTHERS * 2 + 1, 0, 'Đẩy mạnh ứng dụng công nghệ thông tin trong cơ quan nhà nước.'),
];
const index = SearchIndex.build({ docs, entries });

it('finds the named document’s passage holding a word hundreds of others hold, ranked by the words asked', () => {
  expect(index.search('báo cáo', { docs: [0] }).map((h) => h.entry.id)).toEqual([OTHERS * 2]);
  const hits = index.search('ứng dụng công nghệ thông tin báo cáo', { docs: [0, 1] });
  expect(hits[0]!.entry.id).toBe(OTHERS * 2 + 1);
  expect(hits.every((h) => [0, 1].includes(h.doc.id))).toBe(true);
});
