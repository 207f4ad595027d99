// A question naming a year keeps the passages of that year: an indicator's target year, a document issued that
// year, a passage that says it, or a document whose title names that year alone (a plan issued in 2025 "for 2026"
// is about 2026 in all its passages). A title naming several years ("đến năm 2020, định hướng đến năm 2030")
// narrows nothing: its passages count only by what they say.
import { expect, it } from 'vitest';
import { docInfo } from '../../src/search/entries.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { taskEntry } from './task-entry.ts';

const doc = (id: number, year: number, title: string) =>
  docInfo({
    id,
    number: `${id}/KH-UBND`,
    type: 'Kế hoạch',
    issuer: 'UBND tỉnh Thanh Hóa',
    province: 'Thanh Hóa',
    issueDate: `${year}-11-20`,
    year,
    title,
  });
const task = (id: number, docId: number, text: string) => taskEntry(id, docId, text, `IV.${id + 1}`);
const index = SearchIndex.build({
  docs: new Map([
    [1, doc(1, 2025, 'Kế hoạch quan trắc, cảnh báo môi trường nuôi trồng thủy sản năm 2026')],
    [2, doc(2, 2025, 'Kế hoạch phát triển nuôi trồng thủy sản đến năm 2025, định hướng đến năm 2026')],
    [3, doc(3, 2024, 'Kế hoạch quan trắc môi trường nuôi trồng thủy sản năm 2024')],
  ]),
  entries: [
    task(0, 1, 'Lập dự toán kinh phí quan trắc môi trường nuôi trồng thủy sản, trình cấp có thẩm quyền phê duyệt.'),
    task(1, 2, 'Lập dự toán kinh phí quan trắc môi trường nuôi trồng thủy sản hằng năm.'),
    task(2, 3, 'Lập dự toán kinh phí quan trắc môi trường nuôi trồng thủy sản.'),
  ],
});

it('keeps a plan for the year asked, by the one year its title names, and not one whose title names several', () => {
  const hits = index.search('lập dự toán kinh phí quan trắc môi trường nuôi trồng thủy sản', { year: 2026 });
  expect(hits.map((h) => h.doc.id)).toEqual([1]);
});
