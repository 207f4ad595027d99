// The regime proposed from the real Cà Mau 37/KH-STTTT text (issue 18): each target and duty goes to the agency the
// text gives it, the parts of a total are asked rather than both, labels stay whole and grammatical, and every
// agency answers the free-text items.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proposeRegime } from '../../src/reporting/regime-propose.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { openCaMau37, TEXT_ITEMS, type CaMau } from './ca-mau-37.ts';

let cm: CaMau;
beforeEach(async () => {
  cm = await openCaMau37();
}, 60_000);
afterEach(async () => cm.close());

describe('the proposal for 37/KH-STTTT', () => {
  it('gives each target to the agency that owns it in the text, not all twelve to Sở TT&TT', async () => {
    const { def, warnings } = await proposeRegime(cm.app, '37/KH-STTTT');
    const agencyOf = (label: string) => def.agencies.find((g) => g.items.some((i) => i.label.startsWith(label)))?.agency;
    expect(agencyOf('Tỷ lệ bệnh viện')).toBe('Sở Y tế'); // hospitals: Sở Y tế, as the text names no agency
    expect(agencyOf('Vốn đầu tư')).toBe('Sở Kế hoạch và Đầu tư'); // V.2.1: Sở KH&ĐT "ưu tiên bố trí kinh phí đầu tư"
    expect(agencyOf('Vốn sự nghiệp')).toBe('Sở Tài chính'); // V.2.2: Sở Tài chính "bố trí vốn sự nghiệp"
    expect(agencyOf('Tỷ lệ hộ gia đình có máy tính')).toBe('Sở Thông tin và Truyền thông'); // no agency named: the plan's owner
    expect(agencyOf('Cân đối tổng hợp các nguồn lực')).toBe('Sở Kế hoạch và Đầu tư');
    expect(warnings).toContain(
      '"Tỷ lệ bệnh viện trên địa bàn tỉnh sử dụng phần mềm quản lý tổng thể bệnh viện, hồ sơ bệnh án điện tử": văn bản không nêu cơ quan; giao Sở Y tế (quản lý lĩnh vực). Hãy rà soát.',
    );
  });

  it('asks the 6 tỷ and 2 tỷ parts, not the 8 tỷ total next to them', async () => {
    const { def, warnings } = await proposeRegime(cm.app, '37/KH-STTTT');
    const money = def.agencies.flatMap((g) => g.items.filter((i) => i.valueKind === 'money').map((i) => [i.label, i.targetValue]));
    expect(money).toEqual([
      ['Vốn đầu tư', 6_000_000_000],
      ['Vốn sự nghiệp', 2_000_000_000],
    ]);
    expect(warnings.some((w) => w.startsWith('Không hỏi "Tổng kinh phí') && w.includes('"Vốn đầu tư" và "Vốn sự nghiệp"'))).toBe(true);
  });

  it('keeps labels whole and grammatical: no "…", no lead-in, no "của Thực hiện đề án"', async () => {
    const { def, sources } = await proposeRegime(cm.app, '37/KH-STTTT');
    const labels = def.agencies.flatMap((g) => g.items.map((i) => i.label));
    for (const l of labels) expect(l).not.toMatch(/…|\.\.\.|,$/);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Tỷ lệ cán bộ, công chức, viên chức trong các cơ quan nhà nước được đào tạo phổ cập kiến thức và kỹ năng ứng dụng CNTT',
        'Tỷ lệ lãnh đạo cơ quan cấp tỉnh, cấp huyện sử dụng chứng thư số và chữ ký số',
        'Tỷ lệ bệnh viện trên địa bàn tỉnh sử dụng phần mềm quản lý tổng thể bệnh viện, hồ sơ bệnh án điện tử',
        'Triển khai, hướng dẫn, kiểm tra và tổ chức thực hiện tại các cấp, các ngành trên địa bàn tỉnh',
        'Tổ chức tuyên truyền nâng cao nhận thức, trách nhiệm về ứng dụng CNTT cho cán bộ, công chức, viên chức và người dân',
        'Thực hiện nhiệm vụ phát triển CNTT và TT, hạ tầng mạng viễn thông, phổ cập thông tin đến hộ gia đình, người dân',
        'Bố trí biên chế, định xuất chuyên trách về CNTT, chính sách ưu đãi thu hút nhân lực CNTT chất lượng cao phục vụ cho tỉnh',
      ]),
    );
    expect(def.content).toBe(
      'Tiến độ thực hiện các chỉ tiêu và nhiệm vụ của Kế hoạch 37/KH-STTTT thực hiện đề án “Đưa Việt Nam sớm trở thành nước mạnh về công nghệ thông tin và truyền thông” năm 2014',
    );
    // the full wording of a shortened duty stays with it for the reviewer
    const tuyenTruyen = def.agencies[0]!.items.find((i) => i.label.startsWith('Tổ chức tuyên truyền'))!;
    expect(sources.get(tuyenTruyen)).toMatch(/^\(mục V\.1\) Tổ chức tuyên truyền .*; góp phần xây dựng xã hội văn minh/);
  });

  it('ends every agency’s items with the free-text items, stored as words, not figures', async () => {
    const { def } = await proposeRegime(cm.app, '37/KH-STTTT');
    expect(def.agencies.map((g) => g.agency)).toHaveLength(7);
    for (const g of def.agencies) {
      expect(g.items.slice(-3).map((i) => [i.label, i.kind])).toEqual(TEXT_ITEMS.map((l) => [l, 'text']));
      expect(g.items.length).toBeGreaterThan(3);
    }
    await saveRegime(cm.app, def);
    const stored = await cm.app.db.regimeItem.findMany({ where: { kind: 'text' } });
    expect(stored).toHaveLength(21);
    expect(stored.every((i) => i.unit === null && i.valueKind === null && i.min === null && i.targetValue === null)).toBe(true);
  });
});
