// A long passage found for words near its end was quoted from its start and cut before them: "tín chỉ carbon" showed
// "«Chủ trì triển khai các nhiệm vụ: Xây dựng cơ chế … thuộc phạm vi quản lý của Sở: Sàn giao dịch tín chỉ …»", the
// asked words cut off. The quote now starts at the sentence or clause that holds them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

const plan = `ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI
Số: 415/KH-UBND
Đồng Nai, ngày 14 tháng 11 năm 2025

KẾ HOẠCH
Thúc đẩy kinh tế xanh trên địa bàn tỉnh Đồng Nai năm 2026

I. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường chủ trì triển khai các nhiệm vụ: xây dựng cơ chế và triển khai thử nghiệm có kiểm soát cho công nghệ, sản phẩm, dịch vụ và mô hình kinh doanh mới thuộc phạm vi quản lý của Sở, gồm hệ thống quan trắc môi trường tự động và cơ sở dữ liệu đất đai; vận hành sàn giao dịch tín chỉ các-bon của tỉnh, liên thông với sàn giao dịch của khu vực.
2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn K
`;

let s: Seeded;
beforeAll(async () => {
  s = await seeded([], { texts: { 'dong-nai-2025-ke-hoach-415.txt': plan } });
}, 60_000);
afterAll(() => s.close());

it('quotes a long passage from the clause holding the words asked', async () => {
  const r = await s.answerer.answer('sàn giao dịch tín chỉ các-bon');
  const first = r.reply.split('\n')[0]!;
  expect(first).toContain('«… vận hành sàn giao dịch tín chỉ các-bon của tỉnh');
  expect(r.answers[0]!.text).toMatch(/^Sở Nông nghiệp và Môi trường chủ trì triển khai/);
});

it('quotes from the start when the words are there already', async () => {
  const r = await s.answerer.answer('thử nghiệm có kiểm soát công nghệ mới');
  expect(r.reply.split('\n')[0]).toMatch(/«Sở Nông nghiệp và Môi trường chủ trì triển khai các nhiệm vụ/);
});
