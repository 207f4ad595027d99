// Documents in shapes the five seeds do not cover (test/ingest/fixtures): what a careful reader extracts from each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../src/core/types.ts';
import { parse, tasksByLead, tasksIn } from './helpers.ts';

function fixture(name: string): ParsedDocument {
  const docs = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
  expect(docs).toHaveLength(1);
  return docs[0]!;
}

const meta = (d: ParsedDocument) => ({
  type: d.type,
  number: d.number,
  issuer: d.issuer,
  province: d.province,
  issueDate: d.issueDate,
  signer: d.signer,
  title: d.title,
  period: d.period,
});

describe('Kế hoạch whose tasks are only in the appendix table (Đồng Tháp 245/KH-UBND)', () => {
  const d = fixture('dong-thap-2024-ke-hoach-245-phu-luc-nhiem-vu.txt');

  it('metadata; the appendix after the signature is content, not the signature block', () => {
    expect(meta(d)).toEqual({
      type: 'Kế hoạch',
      number: '245/KH-UBND',
      issuer: 'UBND tỉnh Đồng Tháp',
      province: 'Đồng Tháp',
      issueDate: '2024-07-12',
      signer: 'Huỳnh Minh Tuấn',
      title: 'Phát triển hạ tầng số và dữ liệu số tỉnh Đồng Tháp năm 2025',
      period: 'năm 2025',
    });
    expect(d.sections.find((s) => s.path === 'Phụ lục')?.heading).toBe('DANH MỤC NHIỆM VỤ');
  });

  it('six rows: group rows skipped, abbreviated and district-level leads resolved, a group lead kept as addressee', () => {
    // Two group tasks: the last row, and "Các cơ quan, đơn vị được giao chủ trì … chủ động xây dựng kế hoạch" in III.
    expect(tasksByLead(d)).toEqual({ 'so-tttt': 2, 'so-tnmt': 1, 'ubnd-huyen': 1, 'so-yt': 1, '(nhóm)': 2 });
    expect(tasksIn(d, 'III').map((t) => t.addressee)).toEqual(['Các cơ quan, đơn vị được giao chủ trì nhiệm vụ tại Phụ lục']);
    const rows = tasksIn(d, 'Phụ lục');
    expect(rows[0]).toMatchObject({
      text: 'Phủ sóng di động 4G, 5G đến 100% ấp, khóm (Kết quả: Báo cáo kết quả phủ sóng)',
      leads: [{ key: 'so-tttt', asWritten: 'Sở TT&TT' }],
      coordinators: [
        { key: null, asWritten: 'Các doanh nghiệp viễn thông' },
        { key: 'ubnd-huyen', asWritten: 'UBND các huyện, thị xã, thành phố' },
      ],
      deadline: 'Quý IV/2025',
    });
    expect(rows[3]).toMatchObject({ leads: [{ key: 'ubnd-huyen' }], deadline: 'Hàng quý' });
    expect(rows[4]).toMatchObject({ leads: [{ key: 'so-yt' }], coordinators: [{ key: 'bhxh' }] });
    expect(rows[5]).toMatchObject({ leads: [], addressee: 'Các sở, ban, ngành tỉnh', deadline: 'Thường xuyên' });
  });

  it('a multi-line cell (<br>) holds two agencies; a wrapped row continues the task above', () => {
    const [, two] = tasksIn(d, 'Phụ lục');
    expect(two).toMatchObject({
      text: 'Nâng cấp Trung tâm dữ liệu tỉnh đạt tiêu chuẩn Tier III, bảo đảm an toàn thông tin cấp độ 3 (Kết quả: Trung tâm dữ liệu được nâng cấp)',
      leads: [{ key: 'so-tttt' }],
      coordinators: [{ key: 'so-tc' }, { key: 'so-khdt' }],
      deadline: 'Tháng 12/2025',
    });
  });
});

describe('Công văn of Sở TT&TT (no type line, "V/v", "Kính gửi", unnumbered requests)', () => {
  const d = fixture('dong-thap-2026-cong-van-so-tttt-bao-cao.txt');

  it('metadata from the letter header; "(Đã ký)" is not the signer', () => {
    expect(meta(d)).toEqual({
      type: 'Công văn',
      number: '1235/STTTT-CNTT',
      issuer: 'Sở Thông tin và Truyền thông tỉnh Đồng Tháp',
      province: 'Đồng Tháp',
      issueDate: '2026-11-20',
      signer: 'Lê Thị Kim Loan',
      title: 'Về việc báo cáo kết quả chuyển đổi số năm 2026',
      period: 'năm 2026',
    });
  });

  it('three requests addressed to the "Kính gửi" recipients, with deadlines; the contact and closing lines are not tasks', () => {
    expect(d.tasks).toHaveLength(3);
    for (const t of d.tasks) expect(t).toMatchObject({ leads: [], addressee: 'Các sở, ban, ngành tỉnh; UBND các huyện, thành phố' });
    expect(d.tasks.map((t) => t.deadline)).toEqual(['trước ngày 15/12/2026', 'trước ngày 10/12/2026', null]);
    expect(d.tasks[0]!.text).toMatch(/^Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số năm 2026/);
    expect(d.sections.some((s) => s.label === '-')).toBe(false); // recipients are not body bullets
  });
});

describe('Nghị quyết of HĐND tỉnh (Bến Tre 15/2024/NQ-HĐND)', () => {
  const d = fixture('ben-tre-2024-nghi-quyet-hdnd-chuyen-doi-so.txt');

  it('metadata', () => {
    expect(meta(d)).toEqual({
      type: 'Nghị quyết',
      number: '15/2024/NQ-HĐND',
      issuer: 'Hội đồng nhân dân tỉnh Bến Tre',
      province: 'Bến Tre',
      issueDate: '2024-07-10',
      signer: 'Trần Văn Hòa',
      title: 'Về chuyển đổi số tỉnh Bến Tre đến năm 2025, định hướng đến năm 2030',
      period: 'đến năm 2025, định hướng đến năm 2030',
    });
  });

  it('"Giao Ủy ban nhân dân tỉnh tổ chức thực hiện", the supervising standing committee and "Đề nghị" MTTQ', () => {
    expect(tasksByLead(d)).toEqual({ 'ubnd-tinh': 1, 'hdnd-tinh': 1, mttq: 1 });
    expect(tasksIn(d, 'Điều 2.1')[0]).toMatchObject({ leads: [{ key: 'ubnd-tinh' }], deadline: 'hằng năm' });
    expect(d.tasks.every((t) => d.sections[t.section]!.path.startsWith('Điều 2.'))).toBe(true);
  });

  it('targets in "Đến năm 2025: …; Đến năm 2030: …" lists take their year', () => {
    const got = d.indicators.map((i) => [i.subject, i.valueMin, i.comparator, i.unit, i.year]);
    expect(got).toEqual([
      ['Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến', 80, 'eq', '%', 2025],
      ['Tỷ lệ cơ quan nhà nước cấp tỉnh, cấp huyện gửi, nhận văn bản điện tử', 100, 'eq', '%', 2025],
      ['Tỷ lệ dân số trưởng thành có điện thoại thông minh', 85, 'eq', '%', 2025],
      ['Tỷ lệ dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình', 100, 'eq', '%', 2030],
      ['Tỷ trọng kinh tế số trong GRDP của tỉnh', 20, 'eq', '%', 2030],
      ['Tỷ lệ hộ gia đình có kết nối Internet cáp quang', 95, 'gt', '%', 2030],
    ]);
  });
});

describe('Quyết định without the national motto, place line on the number line (Nghệ An 2150/QĐ-UBND)', () => {
  const d = fixture('nghe-an-2024-quyet-dinh-2150-khong-quoc-hieu.txt');

  it('metadata from the header (no inference warning); "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký)" signer', () => {
    expect(meta(d)).toMatchObject({
      type: 'Quyết định',
      number: '2150/QĐ-UBND',
      issuer: 'UBND tỉnh Nghệ An',
      province: 'Nghệ An',
      issueDate: '2024-06-20',
      signer: 'Nguyễn Văn Đệ',
    });
    expect(d.warnings).toEqual([]);
  });

  it('items of "Giao nhiệm vụ … như sau:" whose subject is an agency; Điều 3 boilerplate is not a task', () => {
    expect(tasksByLead(d)).toEqual({ 'cong-an': 1, 'so-tttt': 1, 'so-ldtbxh': 1, 'so-tc': 1, 'ubnd-huyen': 1 });
    expect(tasksIn(d, 'Điều 1.1')[0]).toMatchObject({
      leads: [{ key: 'cong-an' }],
      coordinators: [{ key: 'so-tttt' }, { key: 'van-phong-ubnd' }],
      deadline: 'trước ngày 30/9/2024',
    });
    expect(tasksIn(d, 'Điều 1.3')[0]!.coordinators).toEqual([
      { asWritten: 'Bưu điện tỉnh', key: 'vnpost' },
      { asWritten: 'các ngân hàng thương mại trên địa bàn', key: null },
    ]);
    expect(tasksIn(d, 'Điều 1.4')[0]!.leads[0]?.key).toBe('so-tc');
  });
});

describe('Chỉ thị copied from a PDF (Quảng Trị 05/CT-UBND): page numbers, running headers, hyphenation', () => {
  const d = fixture('quang-tri-2025-chi-thi-05-ban-pdf.txt');

  it('the title stops before the first paragraph even without blank lines', () => {
    expect(d.title).toBe(
      'Về đẩy mạnh ứng dụng công nghệ thông tin và bảo đảm an toàn thông tin mạng trong hoạt động của cơ quan nhà nước trên địa bàn tỉnh',
    );
    expect(meta(d)).toMatchObject({ number: '05/CT-UBND', issuer: 'UBND tỉnh Quảng Trị', issueDate: '2025-03-10', signer: 'Võ Văn Hưng' });
  });

  it('one block per agency, the group block stays a group; closing formula is not a task', () => {
    expect(tasksByLead(d)).toEqual({ '(nhóm)': 3, 'so-tttt': 2, 'cong-an': 1, 'so-nv': 1, 'so-tc': 1, vnpost: 1 });
    expect(tasksIn(d, '1.b')[0]).toMatchObject({
      addressee: 'Giám đốc các sở, Thủ trưởng các cơ quan, ban, ngành cấp tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố',
      deadline: 'trước ngày 30/6/2025',
    });
    expect(tasksIn(d, '6')[0]).toMatchObject({ leads: [{ key: 'vnpost' }], coordinators: [{ key: 'ubnd-huyen' }] });
  });

  it('page furniture is gone and words split across lines are joined', () => {
    const all = d.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Trang \d\/\d|Chỉ thị số 05\/CT-UBND ngày/);
    expect(tasksIn(d, '2.b')[0]!.text).toContain('ứng dụng công nghệ thông tin, triển khai mô hình bảo vệ 4 lớp');
    expect(tasksIn(d, '3')[0]!.text).toMatch(/các sự cố tấn công mạng nghiêm trọng\.$/);
    expect(tasksIn(d, '1.b')[0]!.text).toBe(
      'Hoàn thành việc xác định cấp độ và phê duyệt hồ sơ đề xuất cấp độ cho các hệ thống thông tin thuộc phạm vi quản lý trước ngày 30/6/2025.',
    );
  });
});

describe('Kế hoạch with a targets table by year (Hà Nội 210/KH-UBND)', () => {
  const d = fixture('ha-noi-2024-ke-hoach-210-bang-chi-tieu.txt');

  it('metadata and the agency blocks of III', () => {
    expect(meta(d)).toMatchObject({ number: '210/KH-UBND', issuer: 'UBND thành phố Hà Nội', province: 'Hà Nội', period: '2025 - 2030' });
    expect(tasksByLead(d)).toEqual({ 'so-tttt': 2, 'so-xd': 1, 'so-tc': 1, 'ubnd-huyen': 1 });
    expect(tasksIn(d, 'III.1.a')[0]!.deadline).toBe('trước ngày 15/12 hằng năm');
  });

  it('each cell is a target with its row subject, the column year and the row unit', () => {
    const got = d.indicators.map((i) => [i.subject, i.valueMin, i.comparator, i.unit, i.kind, i.year]);
    expect(got).toHaveLength(15);
    expect(got).toContainEqual(['Tỷ lệ hộ gia đình sử dụng Internet băng rộng cáp quang', 90, 'eq', '%', 'percent', 2026]);
    expect(got).toContainEqual(['Số thuê bao băng rộng cố định', 45, 'eq', 'thuê bao/100 dân', 'ratio', 2030]);
    expect(got).toContainEqual(['Số trạm BTS 5G được lắp đặt mới', 1500, 'eq', 'trạm', 'count', 2025]);
    expect(got).toContainEqual(['Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình', 80, 'gte', '%', 'percent', 2030]);
    expect(got).toContainEqual(['Vốn đầu tư cho chuyển đổi số từ ngân sách thành phố', 1350.5, 'eq', 'tỷ đồng', 'money', 2026]);
    expect(d.indicators.every((i) => d.sections[i.section]!.path === 'I.2')).toBe(true);
  });
});

describe('Kế hoạch with italic sub-headings broken over lines and "Agency: duty" bullets (Quảng Ngãi shape)', () => {
  const d = fixture('quang-ngai-2025-ke-hoach-nghieng-va-vai-tro.md');

  it('reads "*1.1." / "Sở … - Cơ quan thường trực …*" as a heading naming its agency, with its deadlines', () => {
    expect(d.sections.find((s) => s.path === 'II.1.1')?.heading).toBe('Sở Nông nghiệp và Môi trường - Cơ quan thường trực Ban Chỉ đạo');
    expect(tasksIn(d, 'II.1.1.-1')[0]).toMatchObject({ leads: [{ key: 'so-nnmt' }], deadline: 'Trước ngày 15/12/2025' });
    expect(tasksIn(d, 'II.1.1.-2')[0]).toMatchObject({ leads: [{ key: 'so-nnmt' }], deadline: 'Hằng quý' });
  });

  it('reads "III. TỔ CHỨC" / "THỰC HIỆN" as one heading, so its agency sections ("1. Sở" / "Tư pháp") assign work', () => {
    expect(d.sections.find((s) => s.path === 'III')?.heading).toBe('TỔ CHỨC THỰC HIỆN');
    expect(tasksIn(d, 'III.1.-1')[0]).toMatchObject({ leads: [{ key: 'so-tp' }] });
  });

  it('gives "+ Sở Tài chính: …" to that agency; a "Thời gian …" line is never a task; members are not owners', () => {
    // The closing "Các cơ quan, đơn vị căn cứ Kế hoạch này …" after Công an tỉnh's section is everyone's, not Công an's.
    expect(tasksByLead(d)).toEqual({ 'so-nnmt': 2, 'so-tc': 1, 'so-khcn': 1, 'so-tp': 1, 'cong-an': 1, '(nhóm)': 1 });
    expect(d.tasks.some((t) => /^Thời gian/.test(t.text))).toBe(false);
    expect(d.tasks.some((t) => t.text.startsWith('Giám đốc'))).toBe(false);
  });
});

describe('A page copied with a long note above the national motto', () => {
  it('never takes the note for the issuer; the issuer comes from the text', () => {
    const note =
      'Văn bản này được đăng lại từ cổng thông tin điện tử để cán bộ tiện tra cứu; nội dung có thể chưa được cập nhật theo văn bản sửa đổi, bổ sung; đề nghị đối chiếu với bản gốc lưu tại Văn phòng trước khi sử dụng trong hồ sơ công việc';
    const text = `${note}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/CT-UBND\n\nCHỈ THỊ\nVề tăng cường chuyển đổi số\n\nỦy ban nhân dân tỉnh Cà Mau chỉ thị:\n\n1. Sở Khoa học và Công nghệ chủ trì triển khai nền tảng số.\n`;
    const [d] = parse(text, 'ghi-chu-tren-quoc-hieu.txt');
    expect(d!.issuer).toBe('UBND tỉnh Cà Mau');
    expect(d!.number).toBe('12/CT-UBND');
  });
});
