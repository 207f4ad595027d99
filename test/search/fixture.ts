// Hand-inserted rows copied from the seed documents (used until the import pipeline can parse data/documents).
import type { Db } from '../../src/db/client.ts';
import { documentNumberKey } from '../../src/core/text.ts';

interface TaskDef {
  path: string;
  text: string;
  lead?: string;
  co?: string[];
  addressee?: string;
}
interface IndDef {
  path: string;
  subject: string;
  text: string;
  value: string;
  unit: string | null;
  year: number | null;
}
interface DocDef {
  file: string;
  type: string;
  number: string | null;
  issuer: string;
  province: string;
  date: string | null;
  year: number;
  title: string;
  tasks: TaskDef[];
  indicators: IndDef[];
}

const TT = 'so-tttt';
const DOCS: DocDef[] = [
  {
    file: 'qn.txt',
    type: 'Chỉ thị',
    number: '17/CT-UBND',
    issuer: 'UBND tỉnh Quảng Ngãi',
    province: 'Quảng Ngãi',
    date: '2008-07-04',
    year: 2008,
    title: 'Về việc đẩy mạnh ứng dụng và phát triển Công nghệ thông tin tỉnh Quảng Ngãi giai đoạn 2008 - 2010',
    tasks: [
      { path: '2.a', lead: TT, text: 'Xây dựng Kế hoạch ứng dụng và phát triển CNTT trên địa bàn tỉnh, trước mắt là giai đoạn 2009-2010.' },
      {
        path: '2.đ',
        lead: TT,
        co: ['so-khdt', 'so-tc'],
        text: 'Chủ trì phối hợp với Sở Kế hoạch và Đầu tư, Sở Tài chính và các đơn vị liên quan xây dựng Quy chế quản lý các chương trình, dự án đầu tư ứng dụng và phát triển CNTT trình UBND tỉnh ban hành.',
      },
      {
        path: '4.a',
        lead: 'so-tc',
        text: 'Chủ trì xây dựng cơ chế tạo điều kiện đảm bảo ưu tiên bố trí kinh phí và cấp đủ kinh phí cho các dự án phát triển và ứng dụng CNTT trên địa bàn tỉnh.',
      },
      {
        path: '4.c',
        lead: 'so-tc',
        text: 'Thực hiện công tác thanh tra, kiểm tra việc sử dụng kinh phí được cấp cho ứng dụng và phát triển CNTT đảm bảo đúng mục đích.',
      },
      {
        path: '5',
        lead: 'so-ct',
        co: [TT],
        text: 'Chủ trì, phối hợp với Sở TT và TT và các Sở, Ban ngành liên quan xây dựng Kế hoạch phát triển thương mại điện tử trên địa bàn tỉnh.',
      },
      {
        path: '7.b',
        lead: 'so-nv',
        co: [TT],
        text: 'Chủ trì, phối hợp với Sở TT và TT xây dựng quy hoạch, kế hoạch đào tạo, bồi dưỡng đội ngũ cán bộ lãnh đạo thông tin (CIO) các cấp trong tỉnh.',
      },
    ],
    indicators: [],
  },
  {
    file: 'ct07.txt',
    type: 'Chỉ thị',
    number: null,
    issuer: 'UBND thành phố Cần Thơ',
    province: 'Cần Thơ',
    date: null,
    year: 2007,
    title: 'Về việc đẩy mạnh ứng dụng và phát triển công nghệ thông tin trên địa bàn thành phố Cần Thơ giai đoạn 2007 - 2010',
    tasks: [
      {
        path: '1',
        lead: 'so-bcvt',
        text: 'Khẩn trương hoàn thành Đề án Quy hoạch phát triển bưu chính, viễn thông thành phố Cần Thơ giai đoạn 2006-2010.',
      },
      {
        path: '1',
        lead: 'so-bcvt',
        text: 'Chủ trì, phối hợp các sở, ban, ngành tham gia thử nghiệm ứng dụng phần mềm mã nguồn mở vào công tác văn phòng.',
      },
      {
        path: '6',
        lead: 'so-nv',
        co: ['so-bcvt'],
        text: 'Chủ trì phối hợp với Sở Bưu chính, Viễn thông, Sở Giáo dục và Đào tạo xây dựng kế hoạch đào tạo, bồi dưỡng kiến thức tin học cho cán bộ công chức.',
      },
    ],
    indicators: [],
  },
  {
    file: 'ct15.txt',
    type: 'Quyết định',
    number: '3933/QĐ-UBND',
    issuer: 'UBND thành phố Cần Thơ',
    province: 'Cần Thơ',
    date: '2015-12-29',
    year: 2015,
    title: 'Về việc phê duyệt Quy hoạch phát triển thông tin và truyền thông thành phố Cần Thơ đến năm 2020 và định hướng đến năm 2030',
    tasks: [
      {
        path: 'Điều 2.1.a',
        lead: TT,
        text: 'Chủ trì, phối hợp với các sở, ngành liên quan và Ủy ban nhân dân quận, huyện công bố quy hoạch, theo dõi, đôn đốc thực hiện quy hoạch.',
      },
      {
        path: 'Điều 2.3.a',
        lead: 'so-tc',
        co: ['so-khdt'],
        text: 'Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư cân đối và bố trí nguồn vốn thực hiện các dự án trong quy hoạch.',
      },
      {
        path: 'Điều 2.5.a',
        lead: 'so-ct',
        co: [TT],
        text: 'Chủ trì, phối hợp với Sở Thông tin và Truyền thông tham mưu xây dựng và chỉ đạo triển khai công tác xúc tiến thương mại đối với các sản phẩm công nghệ thông tin của thành phố.',
      },
    ],
    indicators: [
      {
        path: '2.2.b',
        subject: 'Mật độ thuê bao điện thoại di động',
        text: 'Mật độ thuê bao điện thoại di động đạt 115 thuê bao/100 dân, tỷ lệ dân số sử dụng điện thoại di động đạt 80%.',
        value: '115',
        unit: 'thuê bao/100 dân',
        year: 2020,
      },
      {
        path: '2.2.b',
        subject: 'Tỷ lệ người sử dụng Internet',
        text: 'tỷ lệ người sử dụng Internet đạt từ 70 - 80%.',
        value: '70 - 80',
        unit: '%',
        year: 2020,
      },
    ],
  },
  {
    file: 'lc.txt',
    type: 'Chỉ thị',
    number: '24-CT/TU',
    issuer: 'Tỉnh ủy Lào Cai',
    province: 'Lào Cai',
    date: '2012-08-02',
    year: 2012,
    title: 'Về đẩy mạnh và phát triển ứng dụng công nghệ thông tin trên địa bàn tỉnh Lào Cai',
    tasks: [
      {
        path: '2',
        addressee: 'các cấp ủy đảng, chính quyền, các ngành, Mặt trận Tổ quốc và các đoàn thể',
        text: 'Phát triển hệ thống mạng thông tin của tỉnh tới cấp xã, từng bước phát triển đến các thôn, bản. Tiếp tục hoàn thiện mô hình Chính phủ điện tử tỉnh Lào Cai.',
      },
      {
        path: '4',
        addressee: 'các cấp ủy đảng, chính quyền, các ngành, Mặt trận Tổ quốc và các đoàn thể',
        text: 'Đẩy mạnh ứng dụng công nghệ thông tin trong công tác giảng dạy và quản lý giáo dục ở các cấp học, bậc học.',
      },
    ],
    indicators: [],
  },
  {
    file: 'cm.txt',
    type: 'Kế hoạch',
    number: '37/KH-STTTT',
    issuer: 'Sở Thông tin và Truyền thông tỉnh Cà Mau',
    province: 'Cà Mau',
    date: '2013-10-18',
    year: 2013,
    title: 'Thực hiện Đề án "Đưa Việt Nam sớm trở thành nước mạnh về công nghệ thông tin và truyền thông" năm 2014',
    tasks: [
      {
        path: 'V.2.2',
        lead: 'so-tc',
        text: 'Chủ trì bố trí kinh phí và cấp đủ kinh phí cho triển khai thực hiện Kế hoạch này trên địa bàn tỉnh.',
      },
    ],
    indicators: [
      {
        path: 'I.4',
        subject: 'Tỷ lệ hộ gia đình có máy tính',
        text: 'Tỷ lệ hộ gia đình có máy tính đạt 10-15%.',
        value: '10-15%',
        unit: '%',
        year: 2014,
      },
      {
        path: 'I.4',
        subject: 'Tỷ lệ người sử dụng internet',
        text: 'Tỷ lệ người sử dụng internet đạt từ 40% dân số.',
        value: '40%',
        unit: '%',
        year: 2014,
      },
    ],
  },
];

const NAMES: Record<string, string> = {
  'so-tttt': 'Sở Thông tin và Truyền thông',
  'so-bcvt': 'Sở Bưu chính, Viễn thông',
  'so-tc': 'Sở Tài chính',
  'so-khdt': 'Sở Kế hoạch và Đầu tư',
  'so-ct': 'Sở Công Thương',
  'so-nv': 'Sở Nội vụ',
};

export async function seedFixture(db: Db): Promise<void> {
  const agencyId = async (base: string, province: string) => {
    const key = `${base}@${province.toLowerCase().replace(/\s+/g, '-')}`;
    const row = await db.agency.upsert({
      where: { key },
      create: { key, baseKey: base, name: NAMES[base]!, kind: 'so', province },
      update: {},
    });
    return row.id;
  };
  for (const d of DOCS) {
    const doc = await db.document.create({
      data: {
        type: d.type,
        number: d.number,
        numberKey: d.number ? documentNumberKey(d.number) : null,
        issuer: d.issuer,
        province: d.province,
        issueDate: d.date,
        year: d.year,
        title: d.title,
        sourceFile: d.file,
        contentHash: `h-${d.file}`,
      },
    });
    let ord = 0;
    const sectionFor = async (path: string, text: string) =>
      (await db.section.create({ data: { documentId: doc.id, ord: ord++, level: 1, label: path, path, text } })).id;
    for (const [i, t] of d.tasks.entries()) {
      const sectionId = await sectionFor(t.path, t.text);
      const task = await db.task.create({ data: { documentId: doc.id, sectionId, ord: i, text: t.text, addressee: t.addressee ?? null } });
      if (t.lead)
        await db.taskAgency.create({
          data: { taskId: task.id, agencyId: await agencyId(t.lead, d.province), role: 'lead', asWritten: NAMES[t.lead]! },
        });
      for (const c of t.co ?? [])
        await db.taskAgency.create({
          data: { taskId: task.id, agencyId: await agencyId(c, d.province), role: 'coordinate', asWritten: NAMES[c]! },
        });
    }
    for (const [i, ind] of d.indicators.entries()) {
      const sectionId = await sectionFor(ind.path, ind.text);
      await db.indicator.create({
        data: {
          documentId: doc.id,
          sectionId,
          ord: i,
          subject: ind.subject,
          text: ind.text,
          valueText: ind.value,
          unit: ind.unit,
          kind: 'percent',
          year: ind.year,
        },
      });
    }
  }
}
