// Documents written for the test in other shapes: appendix task tables, Windows line endings, NFD, bad input.
import { describe, expect, it } from 'vitest';
import { ErrorCode, isAppError } from '../../src/core/errors.ts';
import { SEEDS, parse, seedText, tasksByLead } from './helpers.ts';

const HEADER = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/KH-UBND

Quảng Nam, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Chuyển đổi số tỉnh Quảng Nam năm 2024

I. MỤC TIÊU
1. Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 50%.
II. NHIỆM VỤ
Phụ lục kèm theo.
`;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
}

describe('appendix task tables', () => {
  it('reads a pipe table with "Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành"', () => {
    const text = `${HEADER}PHỤ LỤC
| STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
|---|---|---|---|---|---|
| 1 | Xây dựng kho dữ liệu dùng chung | Sở TT&TT | Sở KH&ĐT, Sở Tài chính | Kho dữ liệu vận hành | Quý IV/2024 |
| 2 | Đào tạo kỹ năng số cho cán bộ | Sở Nội vụ | Sở Thông tin và Truyền thông | 500 lượt cán bộ | Năm 2024 |
| II | Nhóm nhiệm vụ hạ tầng | | | | |
| 3 | Rà soát thủ tục hành chính | Các sở, ban, ngành | | Danh mục thủ tục | Hàng quý |
`;
    const [d] = parse(text, 'ke-hoach-12.txt');
    expect(d!.number).toBe('12/KH-UBND');
    expect(d!.sections.some((s) => s.path === 'Phụ lục')).toBe(true);
    const rows = d!.tasks.filter((t) => d!.sections[t.section]?.path === 'Phụ lục');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      text: 'Xây dựng kho dữ liệu dùng chung (Kết quả: Kho dữ liệu vận hành)',
      leads: [{ key: 'so-tttt', asWritten: 'Sở TT&TT' }],
      coordinators: [
        { key: 'so-khdt', asWritten: 'Sở KH&ĐT' },
        { key: 'so-tc', asWritten: 'Sở Tài chính' },
      ],
      deadline: 'Quý IV/2024',
    });
    expect(rows[1]).toMatchObject({ leads: [{ key: 'so-nv' }], coordinators: [{ key: 'so-tttt' }], deadline: 'Năm 2024' });
    expect(rows[2]).toMatchObject({ leads: [], addressee: 'Các sở, ban, ngành', deadline: 'Hàng quý' });
    expect(d!.indicators.find((i) => i.valueMin === 50)).toMatchObject({ comparator: 'gt', unit: '%', year: 2024 });
  });

  it('reads tab-separated rows with other header names (Nội dung / Đơn vị chủ trì / Đơn vị phối hợp / Thời hạn)', () => {
    const text = `${HEADER}PHỤ LỤC I: DANH MỤC NHIỆM VỤ
TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn
1\tNâng cấp cổng dịch vụ công\tSở Thông tin và Truyền thông\tVăn phòng UBND tỉnh\tTháng 6/2024
2\tBố trí kinh phí chuyển đổi số\tSở Tài chính\tSở Kế hoạch và Đầu tư; UBND các huyện, thành phố\tNăm 2024
`;
    const [d] = parse(text);
    expect(tasksByLead(d!)).toEqual({ 'so-tttt': 1, 'so-tc': 1 });
    const [a, b] = d!.tasks;
    expect(d!.sections[a!.section]!.path).toBe('Phụ lục I');
    expect(a).toMatchObject({ text: 'Nâng cấp cổng dịch vụ công', coordinators: [{ key: 'van-phong-ubnd' }], deadline: 'Tháng 6/2024' });
    expect(b!.coordinators.map((c) => c.key)).toEqual(['so-khdt', 'ubnd-huyen']);
  });
});

describe('input normalisation', () => {
  it('Windows line endings and non-breaking spaces give the same result as the clean text', () => {
    const clean = seedText(SEEDS.quangNgai2008);
    const windows = clean.replace(/\n/g, '\r\n').replace(/ (?=Sở|Tài chính|UBND)/g, '\u00A0');
    expect(parse(windows)).toEqual(parse(clean));
  });

  it('decomposed Unicode (NFD) gives the same result as NFC', () => {
    const nfc = seedText(SEEDS.caMau2013);
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const a = parse(nfd);
    expect(a).toEqual(parse(nfc));
    expect(a[0]!.number).toBe('1578/QĐ-UBND');
  });

  it('a byte-order mark and Markdown headings are ignored', () => {
    const [d] = parse(`\uFEFF## ${HEADER}`);
    expect(d!.number).toBe('12/KH-UBND');
    expect(d!.issuer).toBe('UBND tỉnh Quảng Nam');
    expect(d!.title).toBe('Chuyển đổi số tỉnh Quảng Nam năm 2024');
  });
});

describe('bad input', () => {
  it('a recipe is not a directive: clear Vietnamese error naming the file', () => {
    const recipe = `Cách nấu phở bò Hà Nội
Nguyên liệu: 1 kg xương bò, 500 g thịt bò, hành, gừng, quế, hồi.
Bước 1: Rửa sạch xương, chần qua nước sôi.
Bước 2: Nướng hành và gừng cho thơm, cho vào nồi ninh trong 6 tiếng.
Bước 3: Trụng bánh phở, xếp thịt bò lên trên, chan nước dùng nóng.`;
    const e = thrown(() => parse(recipe, 'pho-bo.txt'));
    expect(isAppError(e, ErrorCode.NotADirective)).toBe(true);
    expect((e as { userMessage: string }).userMessage).toContain('pho-bo.txt');
  });

  it('an English text is not a directive', () => {
    const e = thrown(() => parse('The quick brown fox jumps over the lazy dog. Meeting notes for Monday: plan the roadmap.', 'notes.txt'));
    expect(isAppError(e, ErrorCode.NotADirective)).toBe(true);
  });

  it('empty and whitespace-only files are unreadable, naming the file', () => {
    for (const t of ['', '  \n\r\n\t ']) {
      const e = thrown(() => parse(t, 'rong.txt'));
      expect(isAppError(e, ErrorCode.Unreadable)).toBe(true);
      expect((e as { userMessage: string }).userMessage).toMatch(/rong\.txt.*trống/);
    }
  });

  it('binary content is unreadable', () => {
    const bin = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
    const e = thrown(() => parse(bin, 'anh.png'));
    expect(isAppError(e, ErrorCode.Unreadable)).toBe(true);
  });

  it('odd but administrative input never throws anything but an AppError', () => {
    const odd = [
      'Chỉ thị\n\n1.\n\na)\n-\n+\nĐiều\n',
      'QUYẾT ĐỊNH\nSố: /QĐ-UBND\nĐiều 1. Giao Sở Tài chính chủ trì.\n| | |\n|---|\n',
      `${HEADER}\n${'- đạt 50% '.repeat(2000)}`,
      'Kế hoạch của UBND tỉnh\n' + '1.1.1.1.1 Sở Sở Sở (Sở) phối hợp với phối hợp với ,,, và và\n'.repeat(50),
    ];
    for (const t of odd) {
      const e = thrown(() => parse(t, 'odd.txt'));
      if (e !== null) expect(isAppError(e)).toBe(true);
    }
  });
});
