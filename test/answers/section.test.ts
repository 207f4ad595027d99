// "Điều 2 của quyết định 1578 quy định gì", "mục IV kế hoạch 37/KH-STTTT nói về gì", "Điều 5 quy chế 71": the
// passages of that part of the named document (or of the regulation the decision issued), in order and cited; a
// part the document does not have is said, with the parts it has. Over a seed and a made-up Nghệ An decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded([
    'data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt',
    'test/ingest/fixtures/nghe-an-2025-quyet-dinh-quy-che-kem-theo.md',
  ]);
}, 60_000);
afterAll(async () => s.close());

describe('a part of a named document', () => {
  it('quotes an article of a decision, cited by its article', async () => {
    const r = await s.answerer.answer('Điều 2 của quyết định 1578 quy định gì?');
    expect(r.reply).toMatch(/^Điều 2 của Quyết định 1578\/QĐ-UBND:\n1\. «Giao Sở Thông tin và Truyền thông chủ trì/);
    expect(r.answers.every((a) => a.document.number === '1578/QĐ-UBND' && /^Điều 2\b/.test(a.section))).toBe(true);
  });

  it('quotes a numbered part of a plan, typed without diacritics', async () => {
    const r = await s.answerer.answer('muc IV ke hoach 37/KH-STTTT noi ve gi');
    expect(r.reply).toMatch(/^mục IV của Kế hoạch 37\/KH-STTTT:\n1\. «/);
    expect(r.reply).toMatch(/kinh phí/i);
    expect(r.answers.every((a) => a.document.number === '37/KH-STTTT' && /^IV\b/.test(a.section))).toBe(true);
  });

  it('finds the article in the regulation the decision issued', async () => {
    const r = await s.answerer.answer('Điều 5 quy chế 71/2025/QĐ-UBND quy định những gì');
    expect(r.reply).toMatch(/^Điều 5 của Quy chế ban hành kèm theo Quyết định 71\/2025\/QĐ-UBND:/);
    expect(r.reply).toMatch(/Ủy ban nhân dân cấp xã/);
    // in the article's own order
    expect(r.answers.map((a) => a.section)).toEqual(['Chương II.Điều 5', 'Chương II.Điều 5.1', 'Chương II.Điều 5.2']);
  });

  it("another province's document is not said to be answered for the asker's province", async () => {
    const r = await s.answerer.answer('Điều 5 quy chế 71/2025/QĐ-UBND quy định những gì', { province: 'Cà Mau' });
    expect(r.reply).toMatch(/^Điều 5 của Quy chế ban hành kèm theo Quyết định 71\/2025\/QĐ-UBND:/);
    expect(r.reply).not.toMatch(/Cà Mau/);
  });

  it('says which parts there are when the document has no such part', async () => {
    const r = await s.answerer.answer('Điều 9 của quyết định 1578 nói gì');
    expect(r.answers).toEqual([]);
    expect(r.reply).toMatch(/^Không thấy Điều 9 trong Quyết định 1578\/QĐ-UBND; văn bản có: Điều 1, Điều 2, Điều 3\.$/);
  });

  it('answers who leads within that part only', async () => {
    const r = await s.answerer.answer('Điều 2 quyết định 1578 giao sở nào chủ trì?');
    expect(r.intent).toBe('owner');
    expect(r.reply).toMatch(/^Sở Thông tin và Truyền thông .*chủ trì/);
    expect(r.answers.every((a) => a.document.number === '1578/QĐ-UBND' && /^Điều 2\b/.test(a.section))).toBe(true);
  });

  it('lists the tasks of a part with their leads, or says the part assigns none', async () => {
    const r = await s.answerer.answer('muc V ke hoach 37/KH-STTTT so nao chu tri');
    // the 2013 lead with who carries it today; asked "theo văn bản", the text's own name alone
    expect(r.reply).toMatch(
      /^mục V của Kế hoạch 37\/KH-STTTT:\n1\. \(Sở Thông tin và Truyền thông chủ trì; nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01\/3\/2025\) «/,
    );
    const written = await s.answerer.answer('muc V ke hoach 37/KH-STTTT so nao chu tri theo van ban');
    expect(written.reply).toMatch(/^mục V của Kế hoạch 37\/KH-STTTT:\n1\. \(Sở Thông tin và Truyền thông chủ trì\) «/);
    const asText = await s.answerer.answer('mục V kế hoạch 37 sở nào chủ trì như văn bản ghi');
    expect(asText.reply).toMatch(/^mục V của Kế hoạch 37\/KH-STTTT:\n1\. \(Sở Thông tin và Truyền thông chủ trì\) «/);
    expect(r.answers.length).toBeGreaterThan(1);
    expect(r.answers.every((a) => /^V\b/.test(a.section))).toBe(true);
    expect(r.answers.filter((a) => a.agency).length).toBeGreaterThan(1);
    const none = await s.answerer.answer('mục II.1 kế hoạch 37/KH-STTTT sở nào chủ trì');
    expect(none.reply).toMatch(
      /^mục II\.1 của Kế hoạch 37\/KH-STTTT không giao nhiệm vụ cho cơ quan nào; nội dung:\n1\. «Phát triển nguồn nhân lực CNTT/,
    );
  });

  it('leaves a question about a plan\u2019s aims ("mục tiêu") to the search', async () => {
    const r = await s.answerer.answer('muc tieu cua ke hoach 37/KH-STTTT');
    expect(r.reply).not.toMatch(/^mục /);
  });
});

describe('a question about a decision that issued a regulation', () => {
  // before: "Không tìm thấy" for the first, second and fourth (only the decision's own articles were searched, and
  // its number's pieces "71 qd ubnd" stayed in the words searched)
  it.each([
    ['Quyết định 71/2025/QĐ-UBND nói gì về xác nhận nguồn gốc đất', /«Xác nhận nguồn gốc sử dụng đất/],
    ['quy chế 71/2025/QĐ-UBND quy định gì về tranh chấp', /tranh chấp trong Quý II\/2026/],
    ['theo QĐ 71/2025/QĐ-UBND ai chủ trì bố trí kinh phí', /^Sở Tài chính chủ trì/],
    ['qd 71/2025/qd-ubnd thời hạn cung cấp thông tin địa chính', /^1\. \(Văn phòng đăng ký đất đai chủ trì\) «Chủ trì, phối hợp/],
    // the number and its year, the rest of it left out
    ['qd 71/2025 ai chủ trì bố trí kinh phí', /^Sở Tài chính chủ trì/],
    ['quyết định số 71/2025 nói gì về tranh chấp', /tranh chấp trong Quý II\/2026/],
  ])('%s', async (question, answer) => {
    const r = await s.answerer.answer(question);
    expect(r.reply).toMatch(answer);
    expect(r.answers[0]?.document).toMatchObject({ type: 'Quy chế', issuedWith: { number: '71/2025/QĐ-UBND' } });
  });
});

describe('who leads the tasks of a named document, no task named', () => {
  // before: "Bạn muốn hỏi ai chủ trì việc gì?" (no topic) or one task for "giao … cho những cơ quan nào"
  it.each(['kế hoạch 37 ai chủ trì', 'ke hoach 37 so nao chu tri', 'kế hoạch 37 giao nhiệm vụ cho những cơ quan nào'])(
    '%s',
    async (question) => {
      const r = await s.answerer.answer(question);
      // the task giving one agency the whole plan first, then the others in the plan's order, each with its lead
      expect(r.reply).toMatch(
        /^Các nhiệm vụ của Kế hoạch 37\/KH-STTTT và cơ quan chủ trì:\n1\. \(Sở Thông tin và Truyền thông chủ trì; nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01\/3\/2025\) «Căn cứ theo Kế hoạch này chủ trì triển khai/,
      );
      expect(r.answers.length).toBeGreaterThan(5);
      expect(r.answers.every((a) => a.document.number === '37/KH-STTTT')).toBe(true);
      expect(new Set(r.answers.map((a) => a.section))).toEqual(
        new Set(['V.1', 'V.2.1', 'V.2.2', 'V.2.3', 'V.2.4', 'V.2.5', 'V.2.6', 'V.2.7']),
      );
      expect(r.hasMore).toBe(true);
    },
  );

  it('goes on with "thêm"', async () => {
    const r = await s.answerer.answer('kế hoạch 37 ai chủ trì', { page: 2 });
    expect(r.reply).toMatch(/^Các nhiệm vụ của Kế hoạch 37\/KH-STTTT và cơ quan chủ trì:\n6\. /);
  });

  it('lists the tasks of the regulation a decision issued', async () => {
    for (const question of ['qd 71/2025 ai chủ trì', 'quy chế 71/2025 giao cho những cơ quan nào']) {
      const r = await s.answerer.answer(question);
      expect(r.reply).toMatch(/^Các nhiệm vụ của Quy chế ban hành kèm theo Quyết định 71\/2025\/QĐ-UBND và cơ quan chủ trì:\n1\. \(/);
      expect(r.answers.every((a) => a.document.type === 'Quy chế')).toBe(true);
      for (const lead of ['Văn phòng đăng ký đất đai', 'Sở Nông nghiệp và Môi trường', 'Sở Tài chính'])
        expect(r.answers.map((a) => a.agency)).toContain(lead);
    }
  });

  it('says it in English', async () => {
    const r = await s.answerer.answer('kế hoạch 37 ai chủ trì', { locale: 'en' });
    expect(r.reply).toMatch(/^The tasks of Kế hoạch 37\/KH-STTTT and who leads them:\n1\. \(Sở Thông tin và Truyền thông leads; now /);
    const bare = await s.answerer.answer('ai chủ trì', { locale: 'en' });
    expect(bare.reply).toMatch(/^Who leads which task\?/);
  });

  it('answers what a named decision gives an agency from the regulation it issued', async () => {
    // before: "Không tìm thấy nhiệm vụ nào ghi rõ giao cho Sở Tài chính", then that very task as a passage
    const r = await s.answerer.answer('Quyết định 71/2025/QĐ-UBND giao nhiệm vụ gì cho Sở Tài chính');
    expect(r.reply).toMatch(/^Sở Tài chính có \d nhiệm vụ được giao:\n1\. «Sở Tài chính, trên cơ sở đề xuất/);
  });
});
