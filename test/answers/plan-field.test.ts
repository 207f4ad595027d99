// One field of a plan named by its title ("Thời gian thực hiện kế hoạch truyền thông giảm nghèo đa chiều Cần Thơ?",
// "nguồn kinh phí thực hiện lộ trình đổi mới công nghệ Đồng Tháp"): the plan's passage under that heading comes
// first. Before, the closing sentence repeating the title ("Trên đây là Kế hoạch …") or any passage with the
// title's words outranked it, and a question with "kinh phí" was answered with a target's figure. The plan is
// written here, in the shape of those two corpus plans.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

const plan = `ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 301/KH-UBND
Hà Tĩnh, ngày 10 tháng 11 năm 2025

KẾ HOẠCH
Truyền thông về chuyển đổi xanh trong nông nghiệp trên địa bàn tỉnh Hà Tĩnh năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của người dân về chuyển đổi xanh trong nông nghiệp, phấn đấu 80% hộ sản xuất được tuyên truyền.

II. NỘI DUNG
1. Sở Nông nghiệp và Môi trường chủ trì tổ chức truyền thông về chuyển đổi xanh trong nông nghiệp trên các phương tiện thông tin đại chúng.
2. Báo và Phát thanh, Truyền hình Hà Tĩnh xây dựng chuyên mục truyền thông về chuyển đổi xanh.

III. THỜI GIAN THỰC HIỆN
Từ tháng 01/2026 đến hết tháng 12/2026.

IV. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện từ nguồn sự nghiệp nông nghiệp được giao trong dự toán năm 2026 của các cơ quan, đơn vị.

V. TỔ CHỨC THỰC HIỆN
Trên đây là Kế hoạch truyền thông về chuyển đổi xanh trong nông nghiệp trên địa bàn tỉnh Hà Tĩnh năm 2026; các cơ quan, đơn vị tổ chức thực hiện.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn G
`;

let s: Seeded;
beforeAll(async () => {
  s = await seeded([], { texts: { 'ha-tinh-2025-ke-hoach-301.txt': plan } });
}, 60_000);
afterAll(() => s.close());

it.each([
  [
    'Thời gian thực hiện kế hoạch truyền thông chuyển đổi xanh trong nông nghiệp Hà Tĩnh?',
    '«THỜI GIAN THỰC HIỆN — Từ tháng 01/2026 đến hết tháng 12/2026.»',
  ],
  [
    'nguon kinh phi thuc hien ke hoach truyen thong chuyen doi xanh nong nghiep ha tinh',
    '«KINH PHÍ THỰC HIỆN — Kinh phí thực hiện từ nguồn sự nghiệp nông nghiệp',
  ],
])('%s', async (question, first) => {
  const r = await s.answerer.answer(question);
  expect(r.reply).toMatch(/^1\. «/);
  expect(r.reply.split('\n')[0]).toContain(first);
  expect(r.reply.split('\n')[1]).toContain('— Kế hoạch 301/KH-UBND, Hà Tĩnh');
});

it('a question on the plan’s topic that asks no field is searched as before, one that does gets the field', async () => {
  const plain = await s.answerer.answer('truyền thông chuyển đổi xanh trong nông nghiệp Hà Tĩnh');
  expect(plain.reply.split('\n')[0]).not.toContain('THỜI GIAN THỰC HIỆN');
  const asked = await s.answerer.answer('truyền thông chuyển đổi xanh trong nông nghiệp Hà Tĩnh thời gian thực hiện');
  expect(asked.reply.split('\n')[0]).toContain('THỜI GIAN THỰC HIỆN');
});
