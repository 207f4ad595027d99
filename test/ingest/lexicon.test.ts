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
});
