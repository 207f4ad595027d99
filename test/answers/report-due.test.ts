// "hạn nộp báo cáo kết quả thực hiện kế hoạch 37 là ngày nào": when a named document's report is due. Before, "ngày nào"
// with a document named read as a question about the document itself and got its issue date; "thời hạn báo cáo …"
// found nothing. Now the document's sentence on reporting that says when comes first: a duty to report with its
// time ("Định kỳ 06 tháng … báo cáo kết quả …"), not a sentence where a report is a thing ("công bố báo cáo dự báo").
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

const plan = `ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI
Số: 412/KH-UBND
Đồng Nai, ngày 12 tháng 11 năm 2025

KẾ HOẠCH
Phát triển nhân lực công nghệ số tỉnh Đồng Nai năm 2026

I. NHIỆM VỤ
1. Sở Nội vụ chủ trì xây dựng và định kỳ hằng năm công bố báo cáo dự báo nhu cầu nhân lực công nghệ số của tỉnh.
2. Sở Giáo dục và Đào tạo chủ trì đào tạo kỹ năng số cho giáo viên.

II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch.
2. Định kỳ 06 tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/6 và 15/12 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn H
`;

let s: Seeded;
beforeAll(async () => {
  s = await seeded([], { texts: { 'dong-nai-2025-ke-hoach-412.txt': plan } });
}, 60_000);
afterAll(() => s.close());

it.each([
  'hạn nộp báo cáo kết quả thực hiện kế hoạch 412 là ngày nào',
  'kh 412 dong nai bao cao truoc ngay nao',
  'thời hạn báo cáo kết quả thực hiện kế hoạch 412',
  'kế hoạch 412 báo cáo khi nào',
])('%s', async (question) => {
  const r = await s.answerer.answer(question);
  expect(r.intent).toBe('deadline');
  expect(r.answers[0]).toMatchObject({ section: 'II.2', document: { number: '412/KH-UBND' } });
  expect(r.reply).toContain('«Định kỳ 06 tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện');
});

it('the seed plan 37: its sentence on periodic reporting, not the day it was issued', async () => {
  const r = await s.answerer.answer('hạn nộp báo cáo kết quả thực hiện kế hoạch 37 là ngày nào');
  expect(r.answers[0]).toMatchObject({ section: 'V.1', document: { number: '37/KH-STTTT' } });
  expect(r.reply).toContain('Định kỳ hàng qúy, 6 tháng, năm');
  expect(r.reply).not.toContain('ban hành ngày');
});

it('the document itself is still asked about by its dates', async () => {
  const r = await s.answerer.answer('kế hoạch 412 ban hành ngày nào');
  expect(r.intent).toBe('document');
  expect(r.reply).toContain('ban hành ngày 12/11/2025');
});
