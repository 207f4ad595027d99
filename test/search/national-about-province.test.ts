// A national document about one province ("Kết luận của Phó Thủ tướng … tại buổi làm việc với lãnh đạo tỉnh Đắk
// Lắk") is that province's to a question naming it. Before, it has no province (a national body issues for the whole
// country), so "Đắk Lắk giải ngân vốn đầu tư công đạt bao nhiêu" was answered from Đắk Lắk's own plans only and
// never from the Prime Minister's conclusions that set the figure.
import { expect, it } from 'vitest';
import { docInfo } from '../../src/search/entries.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { taskEntry } from './task-entry.ts';

const doc = (id: number, province: string | null, title: string) =>
  docInfo({
    id,
    number: `${600 + id}/TB-VPCP`,
    type: 'Thông báo',
    issuer: 'Văn phòng Chính phủ',
    province,
    issueDate: '2025-11-20',
    year: 2025,
    title,
  });
const task = taskEntry;
const index = SearchIndex.build({
  docs: new Map([
    [1, doc(1, null, 'Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Đắk Lắk')],
    [2, doc(2, null, 'Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Phú Thọ')],
    [3, doc(3, 'Đắk Lắk', 'Kế hoạch phát triển kinh tế - xã hội năm 2026')],
  ]),
  entries: [
    task(0, 1, 'Đẩy mạnh giải ngân vốn đầu tư công, quyết tâm giải ngân 100% kế hoạch vốn năm 2025.'),
    task(1, 2, 'Đẩy mạnh giải ngân vốn đầu tư công, giải ngân 95% kế hoạch vốn năm 2025.'),
    task(2, 3, 'Tổ chức hội nghị về giải ngân vốn đầu tư công.'),
  ],
});

it('answers a question naming the province from the national conclusions about it, not those about another', () => {
  const hits = index.search('giải ngân vốn đầu tư công', { province: 'Đắk Lắk' });
  expect(hits.map((h) => h.doc.id).sort()).toEqual([1, 3]);
  expect(hits.find((h) => h.doc.id === 1)!.doc.province).toBeNull();
});
