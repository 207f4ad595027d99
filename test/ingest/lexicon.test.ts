// The role vocabulary (src/ingest/parse/lexicon.ts) read as a reader would: a steering committee's regulation gives
// duties to its members by role, written with capitals as regulations do ("Ủy viên Thường trực", "Đơn Vị Thường trực").
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.ts';

const text = `ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH

Số: 12/QĐ-BCĐ

Hà Tĩnh, ngày 10 tháng 3 năm 2025

QUY CHẾ

Hoạt động của Ban Chỉ đạo chuyển đổi số tỉnh

Điều 4. Nhiệm vụ của các thành viên

1. Ủy viên Thường trực Ban Chỉ đạo có trách nhiệm tổng hợp tình hình thực hiện nhiệm vụ chuyển đổi số, báo cáo Trưởng Ban Chỉ đạo hằng quý.

2. Đơn Vị Thường trực Ban Chỉ đạo có trách nhiệm chuẩn bị nội dung các cuộc họp của Ban Chỉ đạo.

3. Phó Trưởng Ban phụ trách có trách nhiệm chỉ đạo các sở, ngành triển khai kế hoạch.

4. Các thành viên Ban Chỉ đạo phải là lãnh đạo cấp sở.
`;

describe('duties given to roles', () => {
  it('reads every member named by role, whatever the capitals, and not a qualification ("phải là")', () => {
    const [doc] = parse(text, 'quy-che-bcd.md');
    expect(doc!.tasks.map((t) => ({ who: t.addressee, leads: t.leads, deadline: t.deadline, text: t.text }))).toEqual([
      {
        who: 'Ủy viên Thường trực Ban Chỉ đạo',
        leads: [],
        deadline: 'hằng quý',
        text: 'Ủy viên Thường trực Ban Chỉ đạo có trách nhiệm tổng hợp tình hình thực hiện nhiệm vụ chuyển đổi số, báo cáo Trưởng Ban Chỉ đạo hằng quý.',
      },
      {
        who: 'Đơn Vị Thường trực Ban Chỉ đạo',
        leads: [],
        deadline: null,
        text: 'Đơn Vị Thường trực Ban Chỉ đạo có trách nhiệm chuẩn bị nội dung các cuộc họp của Ban Chỉ đạo.',
      },
      {
        who: 'Phó Trưởng Ban phụ trách',
        leads: [],
        deadline: null,
        text: 'Phó Trưởng Ban phụ trách có trách nhiệm chỉ đạo các sở, ngành triển khai kế hoạch.',
      },
    ]);
  });

  it('reads the duties a national decree gives to the competent level and to a council, by role', () => {
    const decree = `CHÍNH PHỦ

Số: 99/2025/NĐ-CP

Hà Nội, ngày 30 tháng 6 năm 2025

NGHỊ ĐỊNH

Quy định về xử lý kỷ luật cán bộ, công chức

Điều 5. Thời hạn xử lý kỷ luật

5. Cấp có thẩm quyền xử lý kỷ luật phải bảo đảm xử lý kỷ luật trong thời hạn theo quy định.

Điều 20. Kiến nghị của Hội đồng

Trong thời hạn 05 ngày làm việc, kể từ ngày kết thúc cuộc họp, Hội đồng kỷ luật phải có kiến nghị việc xử lý kỷ luật bằng văn bản.

Điều 21. Người chủ trì

Người chủ trì cuộc họp có trách nhiệm gửi biên bản cuộc họp đến cấp có thẩm quyền.
`;
    const [doc] = parse(decree, 'nghi-dinh-ky-luat.md');
    expect(doc!.tasks.map((t) => t.addressee)).toEqual(['Cấp có thẩm quyền xử lý kỷ luật', 'Hội đồng kỷ luật', 'Người chủ trì cuộc họp']);
    expect(doc!.tasks.every((t) => t.leads.length === 0)).toBe(true);
  });
});
