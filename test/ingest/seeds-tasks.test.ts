// Golden tasks and targets of the five seed texts: who received tasks and how many, exact sample tasks, targets.
import { describe, expect, it } from 'vitest';
import { SEEDS, parseSeed, tasksByLead, tasksIn } from './helpers.ts';

describe('tasks per agency (exact counts)', () => {
  it('Cần Thơ 2007: the numbered agency blocks, the group in item 7 and "Giao … Sở Bưu chính, Viễn thông" in item 8', () => {
    const [d] = parseSeed(SEEDS.canTho2007);
    expect(tasksByLead(d!)).toEqual({ 'so-bcvt': 8, 'so-khcn': 3, 'so-khdt': 2, 'so-tc': 1, 'so-gddt': 2, 'so-nv': 2, '(nhóm)': 2 });
  });

  it('17/CT-UBND', () => {
    const [d] = parseSeed(SEEDS.quangNgai2008);
    expect(tasksByLead(d!)).toEqual({ '(nhóm)': 6, 'so-tttt': 5, 'so-khdt': 2, 'so-tc': 3, 'so-ct': 1, 'so-gddt': 2, 'so-nv': 3 });
  });

  it('1578/QĐ-UBND: one task (Điều 2); 37/KH-STTTT: the duties in V', () => {
    const [qd, kh] = parseSeed(SEEDS.caMau2013);
    expect(tasksByLead(qd!)).toEqual({ 'so-tttt': 1 });
    expect(tasksByLead(kh!)).toEqual({ 'so-tttt': 3, 'so-khdt': 1, 'so-tc': 1, 'so-gddt': 1, 'so-nv': 1, 'ubnd-huyen': 1, '(nhóm)': 2 });
  });

  it('24-CT/TU: nine tasks addressed to all levels, none pinned on an agency', () => {
    const [d] = parseSeed(SEEDS.laoCai2012);
    expect(d!.tasks).toHaveLength(9);
    for (const t of d!.tasks) {
      expect(t.leads).toEqual([]);
      expect(t.addressee).toMatch(/^các cấp ủy đảng, chính quyền, các ngành, Mặt trận Tổ quốc và các đoàn thể/);
    }
  });

  it('3933/QĐ-UBND: Điều 2 items 1–11', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    expect(tasksByLead(d!)).toEqual({
      'so-tttt': 7,
      'so-khdt': 2,
      'so-tc': 4,
      'so-nv': 3,
      'so-ct': 2,
      'so-gddt': 3,
      'so-yt': 1,
      'so-xd': 1,
      'so-gtvt': 1,
      '(nhóm)': 2,
    });
    expect(d!.tasks.every((t) => d!.sections[t.section]!.path.startsWith('Điều 2.'))).toBe(true);
  });
});

describe('sample tasks with lead and coordinators', () => {
  it('Cần Thơ 2007 item 5: Sở Giáo dục và Đào tạo strengthens state management of IT training institutions', () => {
    const [d] = parseSeed(SEEDS.canTho2007);
    const [t] = tasksIn(d!, '5.-1');
    expect(t).toMatchObject({ leads: [{ key: 'so-gddt', asWritten: 'Sở Giáo dục và Đào tạo' }], coordinators: [], addressee: null });
    expect(t!.text).toMatch(/^Tăng cường công tác quản lý nhà nước đối với các cơ sở đào tạo CNTT/);
    const [nv] = tasksIn(d!, '6.-1');
    expect(nv!.leads[0]?.key).toBe('so-nv');
    expect(nv!.coordinators.map((c) => c.key)).toEqual(['so-bcvt', 'so-gddt']);
    const [giao] = tasksIn(d!, '8');
    expect(giao!.leads).toEqual([{ asWritten: 'Sở Bưu chính, Viễn thông', key: 'so-bcvt' }]);
    const group = tasksIn(d!, '7.-1')[0]!;
    expect(group.leads).toEqual([]);
    expect(group.addressee).toBe('Giám đốc sở, thủ trưởng ban, ngành thành phố và Chủ tịch Ủy ban nhân dân quận, huyện');
  });

  it('17/CT-UBND: later mentions of the inline alias "Sở TT và TT" resolve to Sở TT&TT', () => {
    const [d] = parseSeed(SEEDS.quangNgai2008);
    const [t] = tasksIn(d!, '3.a');
    expect(t!.leads[0]?.key).toBe('so-khdt');
    expect(t!.coordinators).toEqual([
      { asWritten: 'Sở Tài chính', key: 'so-tc' },
      { asWritten: 'Sở TT và TT', key: 'so-tttt' },
    ]);
    const [dd] = tasksIn(d!, '2.đ');
    expect(dd!.leads[0]?.key).toBe('so-tttt');
    expect(dd!.coordinators.map((c) => c.key ?? c.asWritten)).toEqual(['so-khdt', 'so-tc', 'các đơn vị liên quan']);
    expect(tasksIn(d!, '2.a')[0]!.deadline).toBe('trước mắt là giai đoạn 2009-2010');
    expect(tasksIn(d!, '1.a')[0]).toMatchObject({
      leads: [],
      addressee: 'Các cơ quan, đơn vị, các cấp chính quyền địa phương trong tỉnh',
    });
  });

  it('1578/QĐ-UBND Điều 2: Sở TT&TT chủ trì, phối hợp với các ngành có liên quan', () => {
    const [qd] = parseSeed(SEEDS.caMau2013);
    expect(qd!.tasks[0]).toMatchObject({
      leads: [{ key: 'so-tttt' }],
      coordinators: [{ asWritten: 'các ngành có liên quan', key: null }],
      addressee: null,
    });
  });

  it('37/KH-STTTT: V.2.1 Sở KH&ĐT with Sở TT&TT and Sở Tài chính; V.2.6 district committees', () => {
    const kh = parseSeed(SEEDS.caMau2013)[1]!;
    expect(tasksIn(kh, 'V.2.1')[0]!.coordinators.map((c) => c.key)).toEqual(['so-tttt', 'so-tc']);
    expect(tasksIn(kh, 'V.2.6')[0]).toMatchObject({ leads: [{ key: 'ubnd-huyen' }], coordinators: [{ key: 'so-tttt' }] });
    expect(tasksIn(kh, 'V.1')).toHaveLength(3);
    expect(tasksIn(kh, 'V.2.7')[0]).toMatchObject({ leads: [], addressee: 'Các doanh nghiệp trong lĩnh vực CNTT và TT' });
  });

  it('3933/QĐ-UBND: Sở Kế hoạch Đầu tư (without "và") and Sở Nội vụ b) across a line break', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    expect(tasksIn(d!, 'Điều 2.2.a')[0]).toMatchObject({
      leads: [{ key: 'so-khdt', asWritten: 'Sở Kế hoạch Đầu tư' }],
      coordinators: [{ key: 'so-tc' }],
    });
    expect(tasksIn(d!, 'Điều 2.4.b')[0]!.coordinators.map((c) => c.key ?? c.asWritten)).toEqual(['so-tttt', 'các cơ quan có liên quan']);
    expect(tasksIn(d!, 'Điều 2.10')[0]).toMatchObject({ leads: [], addressee: 'Các sở, ban, ngành khác và Ủy ban nhân dân quận, huyện' });
  });
});

describe('coordinators and deadlines read as a careful reader would', () => {
  it('one group named twice is one coordinator, in its fullest wording; a group keeps its qualifier', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    expect(tasksIn(d!, 'Điều 2.1.a')[0]!.coordinators).toEqual([
      { asWritten: 'các sở, ngành và các đơn vị có liên quan', key: null },
      { asWritten: 'Ủy ban nhân dân quận, huyện', key: 'ubnd-huyen' },
    ]);
    const [ct] = parseSeed(SEEDS.canTho2007);
    expect(tasksIn(ct!, '6.-2')[0]!.coordinators.map((c) => c.asWritten)).toEqual(['các viện, trường trong và ngoài nước']);
    const [qn] = parseSeed(SEEDS.quangNgai2008);
    expect(tasksIn(qn!, '6.b')[0]!.coordinators.map((c) => c.asWritten)).toEqual(['các trường đại học, các viện nghiên cứu']);
    for (const name of Object.values(SEEDS)) {
      for (const doc of parseSeed(name)) {
        for (const t of doc.tasks) expect(t.coordinators.some((c) => c.key !== null && t.leads.some((l) => l.key === c.key))).toBe(false);
      }
    }
  });

  it('"hàng năm" qualifying a plan or an approval is not a deadline; a recurring action is', () => {
    const [qn] = parseSeed(SEEDS.quangNgai2008);
    expect(tasksIn(qn!, '2.b')[0]!.deadline).toBeNull(); // "… được UBND tỉnh phê duyệt hàng năm"
    expect(tasksIn(qn!, '3.a')[0]!.deadline).toBeNull(); // "Kế hoạch … 05 năm và hàng năm"
    expect(tasksIn(qn!, '4.b')[0]!.deadline).toBe('Hàng năm');
    const kh = parseSeed(SEEDS.caMau2013)[1]!;
    expect(tasksIn(kh, 'V.2.2')[0]!.deadline).toBe('hàng năm'); // "Bố trí vốn sự nghiệp … hàng năm"
  });
});

describe('targets (chỉ tiêu)', () => {
  it('37/KH-STTTT: the twelve targets of I and IV, year 2014', () => {
    const kh = parseSeed(SEEDS.caMau2013)[1]!;
    expect(kh.indicators).toHaveLength(12);
    expect(kh.indicators.every((i) => i.year === 2014)).toBe(true);
    const pc = kh.indicators.find((i) => i.subject === 'Tỷ lệ hộ gia đình có máy tính');
    expect(pc).toMatchObject({ valueText: '10-15%', valueMin: 10, valueMax: 15, comparator: 'range', unit: '%', kind: 'percent' });
    expect(kh.sections[pc!.section]!.path).toBe('I.4.-1');
    expect(kh.indicators.find((i) => i.valueText === '15%-16%')).toMatchObject({ valueMin: 15, valueMax: 16, comparator: 'range' });
    expect(kh.indicators.find((i) => i.subject === 'Tỷ lệ người sử dụng internet')).toMatchObject({ valueMin: 40, comparator: 'gte' });
    expect(kh.indicators.find((i) => /chứng thư số/.test(i.subject))).toMatchObject({ valueMin: 60, comparator: 'gt', unit: '%' });
    const money = kh.indicators.filter((i) => i.kind === 'money').map((i) => [i.valueMin, i.unit]);
    expect(money).toEqual([
      [8_000_000_000, 'đồng'],
      [6_000_000_000, 'đồng'],
      [2_000_000_000, 'đồng'],
    ]);
  });

  it('3933/QĐ-UBND: fixed broadband 20 per 100 people by 2020 and 24 by 2030; money in Vietnamese notation', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    const bb = d!.indicators.filter((i) => i.subject === 'Mật độ thuê bao Internet băng rộng cố định');
    expect(bb.map((i) => [i.valueMin, i.unit, i.kind, i.year])).toEqual([
      [20, 'thuê bao/100 dân', 'ratio', 2020],
      [24, 'thuê bao/100 dân', 'ratio', 2030],
    ]);
    expect(d!.indicators.find((i) => i.valueText === '11.881,45 tỷ đồng')).toMatchObject({
      valueMin: 11881.45,
      unit: 'tỷ đồng',
      kind: 'money',
    });
    expect(d!.indicators.find((i) => i.valueText === '3.582,95 tỷ đồng')).toMatchObject({ valueMin: 3582.95, year: 2020 });
    expect(d!.indicators.find((i) => i.valueText === '30 - 35%')).toMatchObject({
      valueMin: 30,
      valueMax: 35,
      comparator: 'range',
      year: 2020,
    });
    expect(d!.indicators.find((i) => i.valueText === '115 thuê bao/100 dân')?.subject).toBe('Mật độ thuê bao điện thoại di động');
    expect(d!.indicators.find((i) => i.subject === 'Doanh thu bưu chính' && i.year === 2030)).toMatchObject({
      valueMin: 210,
      unit: 'tỷ đồng',
    });
  });

  it('3933/QĐ-UBND: each target says what it measures (value-first lists, clauses, labels, periods)', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    const at = (valueText: string, year?: number) =>
      d!.indicators.filter((i) => i.valueText === valueText && (year === undefined || i.year === year)).map((i) => i.subject);
    // "Cung cấp 44% dịch vụ công mức độ 3 và 17% dịch vụ công mức độ 4 …": one subject per level.
    expect(at('44%')).toEqual(['Tỷ lệ dịch vụ công mức độ 3 được cung cấp']);
    expect(at('17%')).toEqual(['Tỷ lệ dịch vụ công mức độ 4 được cung cấp']);
    expect(at('95%')).toEqual(['Tỷ lệ dịch vụ công mức độ 3 được cung cấp']);
    expect(at('70%', 2030)).toContain('Tỷ lệ dịch vụ công mức độ 4 được cung cấp');
    expect(at('1 kênh truyền hình', 2030)).toEqual(['Số kênh truyền hình Đài Phát thanh và Truyền hình thành phố Cần Thơ duy trì']);
    expect(at('12 doanh nghiệp')).toEqual(['Số doanh nghiệp phần mềm, nội dung số và dịch vụ công nghệ thông tin có thương hiệu']);
    expect(at('100%', 2020)).toContain('Tỷ lệ đơn vị cấp xã được kết nối mạng truyền số liệu chuyên dùng của thành phố');
    expect(at('100%', 2020)).toContain('Tỷ lệ phủ sóng phát thanh');
    expect(at('1.728 vị trí')).toEqual(['Tổng số vị trí trạm thu phát sóng thông tin di động trên địa bàn thành phố']);
    expect(at('14.000 hộ nghèo và hộ cận nghèo')).toEqual([
      'Số hộ nghèo và hộ cận nghèo trên địa bàn thành phố được hỗ trợ đầu thu truyền hình kỹ thuật số mặt đất',
    ]);
    // "Đạt 15 triệu bản sách, 25 triệu văn hóa phẩm" (2030) restates "sản lượng phát hành đạt 12 triệu bản sách" (2020).
    expect(at('15 triệu bản sách')).toEqual(['Sản lượng phát hành']);
    expect(at('18 triệu văn hóa phẩm')).toEqual(['Sản lượng phát hành']);
    // Money by period: the subject carries the period, the year is its end.
    const money = (v: string) => d!.indicators.find((i) => i.valueText === v);
    expect(money('3.582,95 tỷ đồng')).toMatchObject({
      subject: 'Tổng kinh phí thực hiện Quy hoạch phát triển thông tin và truyền thông giai đoạn 2016 - 2020',
      year: 2020,
    });
    expect(money('11.881,45 tỷ đồng')).toMatchObject({
      subject: 'Tổng kinh phí thực hiện Quy hoạch phát triển thông tin và truyền thông giai đoạn 2016 - 2030',
      year: 2030,
    });
    expect(money('60 tỷ đồng')).toMatchObject({ subject: 'Ngân sách Trung ương giai đoạn 2016 - 2020', year: 2020 });
    expect(money('307,50 tỷ đồng')?.subject).toBe('Ngân sách địa phương: chi đầu tư phát triển giai đoạn 2016 - 2020');
    expect(money('3.369,40 tỷ đồng')).toMatchObject({ subject: 'Vốn xã hội hóa giai đoạn 2021 - 2025', year: 2025 });
    for (const i of d!.indicators) expect(i.subject, i.text).toMatch(/^\p{Lu}[\p{L}\d ,():\-–/&.]{5,}$/u);
  });

  it('37/KH-STTTT: value-first percentages read "Tỷ lệ …"; money items keep their label', () => {
    const kh = parseSeed(SEEDS.caMau2013)[1]!;
    expect(kh.indicators.find((i) => i.valueText === '80%')?.subject).toBe(
      'Tỷ lệ lãnh đạo cơ quan cấp tỉnh, cấp huyện tổ chức hội nghị theo hình thức trực tuyến',
    );
    expect(kh.indicators.filter((i) => i.kind === 'money').map((i) => i.subject)).toEqual([
      'Tổng kinh phí để triển khai thực hiện các dự án, nhiệm vụ năm 2014 trong kế hoạch',
      'Vốn đầu tư',
      'Vốn sự nghiệp',
    ]);
  });

  it('never takes dates, years, document numbers, levels or article numbers as targets', () => {
    for (const name of Object.values(SEEDS)) {
      for (const d of parseSeed(name)) {
        for (const i of d.indicators) {
          expect(i.unit).not.toBeNull();
          expect([2006, 2007, 2008, 2010, 2013, 2014, 2015, 2020, 2030]).not.toContain(i.valueMin);
          expect(i.valueText).not.toMatch(/\//.test(i.unit ?? '') ? /^\d+\/\d+\/\d+/ : /\//);
        }
      }
    }
    const [d] = parseSeed(SEEDS.canTho2015);
    expect(d!.indicators.filter((i) => i.valueMin === 3 && i.unit === null)).toEqual([]);
    expect(parseSeed(SEEDS.canTho2007)[0]!.indicators).toEqual([]);
    expect(parseSeed(SEEDS.quangNgai2008)[0]!.indicators).toEqual([]);
    expect(parseSeed(SEEDS.laoCai2012)[0]!.indicators).toEqual([]);
  });
});
