import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

const ask = (q: string, page?: number) => s.answerer.answer(q, { page });

describe('owner', () => {
  it.each([
    'Ai chủ trì xây dựng kế hoạch phát triển thương mại điện tử?',
    'ai chu tri xay dung ke hoach phat trien thuong mai dien tu',
    'co quan nao phu trach ke hoach thuong mai dien tu o quang ngai',
  ])('%s → the lead agency first, then the quote and the citation', async (q) => {
    const r = await ask(q);
    expect(r.intent).toBe('owner');
    expect(r.answers[0]!.agency).toMatch(/Công Thương/);
    expect(r.answers[0]!.role).toBe('lead');
    expect(r.answers[0]!.coordinators.join()).toMatch(/Thông tin và Truyền thông/);
    expect(r.answers[0]!.document.number).toBe('17/CT-UBND');
    expect(r.reply.split('\n')[0]).toMatch(/^Sở Công Thương chủ trì/);
    expect(r.reply).toContain('thương mại điện tử');
    expect(r.reply).toContain('17/CT-UBND');
    expect(r.reply).toContain('Quảng Ngãi');
  });

  it('says who a task is addressed to when no agency is named (Lào Cai 24-CT/TU), never guessing', async () => {
    for (const q of [
      'Ai chịu trách nhiệm hoàn thiện mô hình Chính phủ điện tử tỉnh Lào Cai?',
      'ai chiu trach nhiem hoan thien mo hinh chinh phu dien tu lao cai',
    ]) {
      const r = await ask(q);
      expect(r.intent).toBe('owner');
      expect(r.answers[0]!.agency).toBeNull();
      expect(r.answers[0]!.document.number).toBe('24-CT/TU');
      expect(r.reply).toMatch(/không nêu cơ quan/);
      expect(r.reply).toMatch(/cấp ủy/i);
    }
  });

  it('answers per province when the answer differs by province and none was named', async () => {
    const r = await ask('sở nào chủ trì bố trí kinh phí');
    expect(r.intent).toBe('owner');
    const provinces = new Set(r.answers.map((a) => a.document.province));
    expect(provinces.size).toBeGreaterThan(1);
    expect(r.reply).toMatch(/khác nhau theo tỉnh/);
    const one = await ask('sở nào chủ trì bố trí kinh phí ở Cà Mau');
    // The best task first; close alternatives (at most 2) after it, from the same province.
    expect(one.answers.length).toBeLessThanOrEqual(3);
    expect(new Set(one.answers.map((a) => a.document.province))).toEqual(new Set(['Cà Mau']));
    expect(one.answers[0]!.agency).toMatch(/Tài chính/);
  });
});

describe('agency_tasks', () => {
  it.each(['Sở Tài chính Quảng Ngãi phải làm gì?', 'so tai chinh quang ngai duoc giao gi', 'nhiệm vụ của Sở Tài chính tỉnh Quảng Ngãi'])(
    '%s → only that agency’s tasks, and those it inherited from Sở KH&ĐT (merged into it on 01/3/2025), labelled',
    async (q) => {
      const r = await ask(q);
      expect(r.intent).toBe('agency_tasks');
      expect(r.answers.length).toBeGreaterThan(1);
      for (const a of r.answers) {
        expect(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư']).toContain(a.agency);
        expect(a.document.province).toBe('Quảng Ngãi');
      }
      expect(r.answers[0]!.agency).toBe('Sở Tài chính');
      expect(r.answers[0]!.role).toBe('lead');
      const inherited = r.answers.filter((a) => a.agency === 'Sở Kế hoạch và Đầu tư').length;
      expect(inherited).toBeGreaterThan(0);
      expect(r.reply).toContain(`(gồm ${inherited} nhiệm vụ kế thừa từ cơ quan tiền thân: Sở Kế hoạch và Đầu tư)`);
    },
  );

  it('asked by a former name, explains the change and answers for the successor, predecessors labelled', async () => {
    for (const q of ['Sở TT&TT Cần Thơ phải làm gì?', 'so thong tin va truyen thong can tho lam gi']) {
      const r = await ask(q);
      expect(r.intent).toBe('agency_tasks');
      const pred = r.answers.filter((a) => a.agency === 'Sở Bưu chính, Viễn thông');
      expect(pred.length).toBeGreaterThan(0);
      expect(r.answers.some((a) => a.agency === 'Sở Thông tin và Truyền thông')).toBe(true);
      const [note, head] = r.reply.split('\n');
      expect(note).toBe(
        'Sở Thông tin và Truyền thông đã hợp nhất vào Sở Khoa học và Công nghệ từ 01/3/2025 (Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ).',
      );
      expect(head).toMatch(
        /^Sở Khoa học và Công nghệ ở Cần Thơ có \d+ nhiệm vụ được giao \(gồm \d+ nhiệm vụ kế thừa từ cơ quan tiền thân: /,
      );
      expect(head).toContain('Sở Bưu chính, Viễn thông');
      // The same answer as asking by today's name.
      const now = await ask('Sở KH&CN Cần Thơ phải làm gì?');
      expect(now.answers).toEqual(r.answers);
      let all = r.reply;
      for (let p = 2, more = r.hasMore; more; p++) {
        const next = await ask(q, p);
        all += next.reply;
        more = next.hasMore;
      }
      expect(all.match(/\(kế thừa từ Sở Bưu chính, Viễn thông\)/g)?.length).toBe(pred.length);
    }
  });

  it('pages long lists and says how many are left', async () => {
    const r1 = await ask('Sở TT&TT phải làm gì');
    expect(r1.answers.length).toBeGreaterThan(5);
    expect(r1.hasMore).toBe(true);
    expect(r1.reply).toMatch(new RegExp(`Còn ${r1.answers.length - 5} kết quả — gõ "thêm"`));
    expect(r1.reply).toMatch(/khác nhau theo tỉnh/);
    const r2 = await ask('Sở TT&TT phải làm gì', 2);
    expect(r2.page).toBe(2);
    expect(r2.reply).toMatch(/^.*\n6\. /s);
    expect(r2.reply).not.toMatch(/\n1\. /);
  });
});

describe('indicator', () => {
  it.each(['Tỷ lệ hộ gia đình có máy tính là bao nhiêu?', 'ty le ho gia dinh co may tinh bao nhieu'])('%s', async (q) => {
    const r = await ask(q);
    expect(r.intent).toBe('indicator');
    expect(r.answers[0]!.value).toMatch(/10\s*-\s*15\s*%/);
    expect(r.answers[0]!.document.province).toBe('Cà Mau');
    expect(r.reply).toMatch(/^10\s*-\s*15\s*%/);
  });

  it('reads the target year and gives the value with its unit', async () => {
    const r = await ask('mat do thue bao dien thoai di dong nam 2020 la bao nhieu');
    expect(r.intent).toBe('indicator');
    expect(r.answers[0]!.value).toMatch(/115 thuê bao\/100 dân/);
    expect(r.answers[0]!.document.number).toBe('3933/QĐ-UBND');
  });

  it('shows each province’s target when none was named', async () => {
    const r = await ask('tỷ lệ người sử dụng internet đạt bao nhiêu');
    expect(new Set(r.answers.map((a) => a.document.province))).toEqual(new Set(['Cà Mau', 'Cần Thơ']));
  });
});

describe('document', () => {
  it.each([
    ['17/CT-UBND', '17/CT-UBND'],
    ['17/ct-ubnd', '17/CT-UBND'],
    ['3933/QĐ-UBND', '3933/QĐ-UBND'],
    ['3933/QD-UBND', '3933/QĐ-UBND'],
    ['24-CT/TU', '24-CT/TU'],
    ['24 CT TU', '24-CT/TU'],
    ['chỉ thị năm 2008', '17/CT-UBND'],
    ['chi thi nam 2012 cua lao cai', '24-CT/TU'],
  ])('%s', async (q, number) => {
    const r = await ask(q);
    expect(r.intent).toBe('document');
    expect(r.answers[0]!.document.number).toBe(number);
    expect(r.reply).toContain(number);
  });
});

describe('search', () => {
  it('finds passages with abbreviations both ways, cited', async () => {
    const r = await ask('phan mem ma nguon mo');
    expect(r.intent).toBe('search');
    expect(r.answers[0]!.text).toMatch(/mã nguồn mở/);
    expect(r.reply).toContain('Cần Thơ');
  });
  it('says so and suggests a broader query when nothing matches', async () => {
    const r = await ask('tàu vũ trụ sao hỏa');
    expect(r.answers).toEqual([]);
    expect(r.reply).toMatch(/Không tìm thấy/);
    expect(r.reply).toMatch(/Thử hỏi/);
  });
});

describe('help and nonsense', () => {
  it.each(['trợ giúp', 'help', '/help', 'tro giup'])('%s → help', async (q) => {
    const r = await ask(q);
    expect(r.intent).toBe('help');
    expect(r.reply).toMatch(/Ví dụ/);
  });
  it.each(['', '   ', '😀😀😀', '?!...', 'x'.repeat(10_000), "'; DROP TABLE Document; --", 'SELECT * FROM Task WHERE 1=1'])(
    'answers politely: %#',
    async (q) => {
      const r = await ask(q);
      expect(typeof r.reply).toBe('string');
      expect(r.reply.length).toBeGreaterThan(10);
      expect(r.reply.length).toBeLessThan(3000);
      expect(['unknown', 'search']).toContain(r.intent);
    },
  );
  it.each(['1', '2,5', '100%', '  42 '])('a bare number "%s" (a stray form answer) is not searched for', async (q) => {
    const r = await ask(q);
    expect(r.intent).toBe('unknown');
    expect(r.answers).toEqual([]);
    expect(r.reply).toMatch(/^Xin lỗi, tôi chưa hiểu câu hỏi/);
  });
  it('a number that is a document number still finds the document', async () => {
    expect((await ask('3933/QĐ-UBND')).answers[0]!.document.number).toBe('3933/QĐ-UBND');
  });
  it('the database survives SQL-looking input', async () => {
    await ask("'; DROP TABLE Document; --");
    expect(await s.app.db.document.count()).toBeGreaterThan(0);
  });
  it('classify agrees with answer', async () => {
    expect(s.answerer.classify('ai chủ trì xây dựng quy chế')).toBe('owner');
    expect(s.answerer.classify('')).toBe('unknown');
  });
});

describe('index lifecycle', () => {
  it('a second answerer loads the persisted index and answers the same', async () => {
    const { createAnswerer } = await import('../../src/answers/index.ts');
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${s.indexDir}/index.json`)).toBe(true);
    const again = await createAnswerer(s.app);
    const q = 'ai chu tri xay dung ke hoach phat trien thuong mai dien tu';
    expect((await again.answer(q)).answers[0]).toEqual((await ask(q)).answers[0]);
  });

  it('refresh picks up a newly imported document', async () => {
    const db = s.app.db;
    const doc = await db.document.create({
      data: {
        type: 'Kế hoạch',
        number: '99/KH-UBND',
        numberKey: '99/kh-ubnd',
        province: 'Cà Mau',
        year: 2020,
        title: 'Kế hoạch chuyển đổi số',
        sourceFile: 'new.txt',
        contentHash: 'new',
      },
    });
    const sec = await db.section.create({
      data: { documentId: doc.id, ord: 0, level: 0, label: '1.', path: '1', text: 'Triển khai nền tảng blockchain dùng chung cho các sở.' },
    });
    expect((await ask('blockchain')).answers).toEqual([]);
    await s.answerer.refresh();
    const r = await ask('BLOCKCHAIN');
    expect(r.answers[0]!.document.number).toBe('99/KH-UBND');
    expect(r.answers[0]!.section).toBe('1');
    await db.section.delete({ where: { id: sec.id } });
    await db.document.delete({ where: { id: doc.id } });
    await s.answerer.refresh();
  });
});
