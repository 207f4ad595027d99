// Golden metadata and section structure of the five seed texts (six documents), as a careful reader sees them.
import { describe, expect, it } from 'vitest';
import { SEEDS, parseSeed, sectionByPath } from './helpers.ts';

describe('document metadata of the seeds', () => {
  it('Cần Thơ 2007 directive: no header, province and period from the title, year inferred with a warning', () => {
    const docs = parseSeed(SEEDS.canTho2007);
    expect(docs).toHaveLength(1);
    const d = docs[0]!;
    expect(d).toMatchObject({
      type: 'Chỉ thị',
      number: null,
      issuer: 'UBND thành phố Cần Thơ',
      province: 'Cần Thơ',
      issueDate: null,
      year: 2007,
      signer: null,
      period: '2007 - 2010',
      approvesNumber: null,
    });
    expect(d.title).toBe(
      'Về việc đẩy mạnh ứng dụng và phát triển công nghệ thông tin trên địa bàn thành phố Cần Thơ giai đoạn 2007 - 2010',
    );
    expect(d.warnings.join(' ')).toMatch(/năm 2007 suy ra từ giai đoạn 2007 - 2010/);
  });

  it('17/CT-UBND Quảng Ngãi: Markdown header, signer, inline alias', () => {
    const [d] = parseSeed(SEEDS.quangNgai2008);
    expect(d).toMatchObject({
      type: 'Chỉ thị',
      number: '17/CT-UBND',
      issuer: 'UBND tỉnh Quảng Ngãi',
      province: 'Quảng Ngãi',
      issueDate: '2008-07-04',
      year: 2008,
      signer: 'Nguyễn Xuân Huế',
      period: '2008 - 2010',
      title: 'Về việc đẩy mạnh ứng dụng và phát triển Công nghệ thông tin tỉnh Quảng Ngãi giai đoạn 2008 - 2010',
      inlineAliases: [{ alias: 'Sở TT và TT', key: 'so-tttt' }],
    });
    expect(JSON.stringify(d)).not.toContain('**');
  });

  it('Cà Mau file holds the decision 1578/QĐ-UBND and the plan 37/KH-STTTT it approves', () => {
    const docs = parseSeed(SEEDS.caMau2013);
    expect(docs.map((d) => d.number)).toEqual(['1578/QĐ-UBND', '37/KH-STTTT']);
    const [qd, kh] = docs as [(typeof docs)[0], (typeof docs)[0]];
    expect(qd).toMatchObject({
      partIndex: 0,
      type: 'Quyết định',
      issuer: 'UBND tỉnh Cà Mau',
      province: 'Cà Mau',
      issueDate: '2013-10-26',
      year: 2013,
      signer: 'Nguyễn Tiến Hải',
      period: 'năm 2014',
      approvesNumber: '37/KH-STTTT',
    });
    expect(qd.title).toBe(
      'Về việc phê duyệt kế hoạch thực hiện đề án “Đưa Việt Nam sớm trở thành nước mạnh về công nghệ thông tin và truyền thông” năm 2014',
    );
    expect(kh).toMatchObject({
      partIndex: 1,
      type: 'Kế hoạch',
      issuer: 'Sở Thông tin và Truyền thông tỉnh Cà Mau',
      province: 'Cà Mau',
      issueDate: '2013-10-18',
      signer: 'Võ Quốc Việt',
      period: 'năm 2014',
      approvesNumber: null,
    });
    expect(kh.title).toMatch(/^Thực hiện đề án “Đưa Việt Nam sớm trở thành nước mạnh về công nghệ thông tin và truyền thông” năm 2014$/);
  });

  it('24-CT/TU Lào Cai: metadata from the news lede, web wrappers dropped', () => {
    const [d] = parseSeed(SEEDS.laoCai2012);
    expect(d).toMatchObject({
      type: 'Chỉ thị',
      number: '24-CT/TU',
      issuer: 'Tỉnh ủy Lào Cai',
      province: 'Lào Cai',
      issueDate: '2012-08-02',
      year: 2012,
      signer: null,
      title: 'Về đẩy mạnh và phát triển ứng dụng công nghệ thông tin trên địa bàn tỉnh Lào Cai',
    });
    const all = d!.sections.map((s) => `${s.heading ?? ''} ${s.text}`).join('\n');
    expect(all).not.toMatch(/Mic\.gov\.vn|laocai\.gov\.vn|ĐÁNH GIÁ BÀI VIẾT/);
  });

  it('3933/QĐ-UBND Cần Thơ: header cells split over lines', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    expect(d).toMatchObject({
      type: 'Quyết định',
      number: '3933/QĐ-UBND',
      issuer: 'UBND thành phố Cần Thơ',
      province: 'Cần Thơ',
      issueDate: '2015-12-29',
      year: 2015,
      signer: null,
      period: 'đến năm 2020, định hướng đến năm 2030',
    });
    expect(d!.title).toBe(
      'Về việc phê duyệt quy hoạch phát triển thông tin và truyền thông thành phố Cần Thơ đến năm 2020 và định hướng đến năm 2030',
    );
  });
});

describe('sections of the seeds', () => {
  it('Cần Thơ 2007: agency blocks 1–8 with their bullets, preamble and closing', () => {
    const [d] = parseSeed(SEEDS.canTho2007);
    const top = d!.sections.filter((s) => s.level === 0).map((s) => s.path);
    expect(top).toEqual(['Mở đầu', '1', '2', '3', '4', '5', '6', '7', '8', 'Kết thúc']);
    expect(sectionByPath(d!, '1')?.heading).toBe('Sở Bưu chính, Viễn thông');
    expect(sectionByPath(d!, '5.-1')?.text).toBe(
      'Tăng cường công tác quản lý nhà nước đối với các cơ sở đào tạo CNTT trên địa bàn thành phố;',
    );
    expect(d!.sections.filter((s) => s.parent === sectionByPath(d!, '1')?.idx)).toHaveLength(7);
  });

  it('17/CT-UBND: lettered items with đ), and the sentence broken by a blank line is joined', () => {
    const [d] = parseSeed(SEEDS.quangNgai2008);
    const labels = d!.sections.filter((s) => s.parent === sectionByPath(d!, '1')?.idx).map((s) => s.label);
    expect(labels).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)']);
    expect(sectionByPath(d!, '2.đ')?.text).toBe(
      'Chủ trì phối hợp với Sở Kế hoạch và Đầu tư, Sở Tài chính và các đơn vị liên quan xây dựng Quy chế quản lý các chương trình, dự án đầu tư ứng dụng và phát triển CNTT trình UBND tỉnh ban hành.',
    );
    expect(sectionByPath(d!, 'Kết thúc')?.text).toMatch(
      /^Yêu cầu Thủ trưởng các Sở, Ban ngành, đoàn thể, Chủ tịch UBND các huyện, thành phố tổ chức/,
    );
  });

  it('37/KH-STTTT: roman/number/2.1 numbering gives citations like V.2.2; wrapped names are joined', () => {
    const kh = parseSeed(SEEDS.caMau2013)[1]!;
    expect(kh.sections.filter((s) => s.level === 0).map((s) => s.path)).toEqual(['I', 'II', 'III', 'IV', 'V', 'Kết thúc']);
    expect(sectionByPath(kh, 'V.2.2')).toMatchObject({ label: '2.2.', heading: 'Sở Tài chính', level: 2 });
    expect(sectionByPath(kh, 'V.2.6')?.heading).toBe('Ủy ban nhân dân huyện, TP.Cà Mau');
    expect(sectionByPath(kh, 'I.4.-1')?.text).toBe('Tỷ lệ hộ gia đình có máy tính đạt 10-15%.');
    expect(sectionByPath(kh, 'I.3')?.heading).toBe('Hạ tầng công nghệ thông tin và truyền thông');
    expect(sectionByPath(kh, 'II.5')?.heading).toBe('Tăng cường năng lực nghiên cứu trong lĩnh vực CNTT và TT');
    expect(sectionByPath(kh, 'V.2.1')?.text).toContain('phối hợp với Sở Thông tin và Truyền thông, Sở Tài chính cân đối');
  });

  it('1578/QĐ-UBND: Điều 1–3, preamble with the legal bases', () => {
    const qd = parseSeed(SEEDS.caMau2013)[0]!;
    expect(qd.sections.map((s) => s.path)).toEqual(['Mở đầu', 'Điều 1', 'Điều 2', 'Điều 3', 'Kết thúc']);
    expect(sectionByPath(qd, 'Điều 2')?.text).toBe(
      'Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các ngành có liên quan tổ chức triển khai thực hiện, hướng dẫn, đôn đốc và kiểm tra việc thực hiện Kế hoạch này.',
    );
    expect(sectionByPath(qd, 'Mở đầu')?.text).toContain('Căn cứ Quyết định số 1755/QĐ-TTg ngày 22/9/2010 của Thủ tướng Chính phủ');
  });

  it('3933/QĐ-UBND: Điều 2 holds agency items 1–11 with lettered items ("Điều 2.5.b")', () => {
    const [d] = parseSeed(SEEDS.canTho2015);
    const art2 = sectionByPath(d!, 'Điều 2')!;
    expect(art2.heading).toBe('Tổ chức thực hiện');
    const items = d!.sections.filter((s) => s.parent === art2.idx);
    expect(items.map((s) => s.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.']);
    expect(items.map((s) => s.heading)).toEqual([
      'Sở Thông tin và Truyền thông',
      'Sở Kế hoạch Đầu tư',
      'Sở Tài chính',
      'Sở Nội vụ',
      'Sở Công Thương',
      'Sở Giáo dục và Đào tạo',
      'Sở Y tế',
      'Sở Xây dựng',
      'Sở Giao thông vận tải',
      'Các sở, ban, ngành khác và Ủy ban nhân dân quận, huyện',
      'Các đơn vị hoạt động trong lĩnh vực thông tin và truyền thông',
    ]);
    expect(d!.sections.filter((s) => s.parent === items[0]!.idx).map((s) => s.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']);
    expect(sectionByPath(d!, 'Điều 2.5.b')?.text).toMatch(/^Xây dựng hệ thống đo đếm điện năng thông minh\./);
    expect(sectionByPath(d!, '2.2.b')?.heading).toBe('Viễn thông');
    expect(sectionByPath(d!, 'Điều 3')?.text).toMatch(/^Chánh Văn phòng Ủy ban nhân dân thành phố/);
  });
});
