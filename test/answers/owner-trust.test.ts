// Owner answers an official can trust: the action asked about, a named lead before a task addressed to everyone,
// the close alternatives, the predecessor agency's successor, and replies worded as a careful reader would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, type Seeded } from './setup.ts';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
}, 60_000);
afterAll(async () => s.close());

const ask = (q: string) => s.answerer.answer(q);

describe('the action asked about outweighs topic words', () => {
  it.each(['ai phu trach cong bo quy hoach tttt can tho', 'Ai chủ trì công bố quy hoạch phát triển thông tin và truyền thông Cần Thơ?'])(
    '%s → Sở TT&TT, the task that "công bố quy hoạch", not a 2007 planning task sharing the topic words',
    async (q) => {
      const r = await ask(q);
      expect(r.answers[0]!.agency).toBe('Sở Thông tin và Truyền thông');
      expect(r.answers[0]!.document.number).toBe('3933/QĐ-UBND');
      expect(r.answers[0]!.section).toBe('Điều 2.1.a');
      expect(r.reply.split('\n')[0]).toMatch(
        /^Sở Thông tin và Truyền thông \(nay là Sở Khoa học và Công nghệ thành phố Cần Thơ, từ 01\/3\/2025\) chủ trì/,
      );
    },
  );
});

describe('a named lead before a task addressed to everyone', () => {
  it('"ai chu tri cong tac dao tao cntt o quang ngai" names an agency, not "các cơ quan, đơn vị"', async () => {
    const r = await ask('ai chu tri cong tac dao tao cntt o quang ngai');
    expect(r.answers[0]!.agency).not.toBeNull();
    expect(r.reply).not.toMatch(/^Văn bản không nêu cơ quan cụ thể/);
  });
});

describe('close alternatives after the main answer', () => {
  it("lists at most 2 other agencies' tasks briefly, and the JSON answers keep the best first", async () => {
    const r = await ask('ai chu tri cong tac dao tao cntt o quang ngai');
    const also = r.reply.split('\n').filter((l) => l.startsWith('Cũng liên quan: '));
    expect(also.length).toBeGreaterThan(0);
    expect(also.length).toBeLessThanOrEqual(2);
    expect(r.answers).toHaveLength(1 + also.length);
    // Sở Nội vụ leads the CIO training plan (17/CT-UBND 7.b): the official sees it as an alternative at least.
    expect(r.answers.map((a) => a.agency)).toContain('Sở Nội vụ');
    const leads = r.answers.map((a) => a.agency);
    expect(new Set(leads).size).toBe(leads.length);
    for (const line of also) expect(line).toMatch(/^Cũng liên quan: .+ — .+ \(Chỉ thị 17\/CT-UBND, mục [\w.]+\)$/);
    expect(r.reply.indexOf('Cũng liên quan')).toBeGreaterThan(r.reply.indexOf('— Chỉ thị 17/CT-UBND'));
  });
});

describe('predecessor agency', () => {
  it('says who carries the task today, through the chain Sở BCVT → Sở TT&TT → Sở KH&CN', async () => {
    const r = await ask('ai chu tri hoan thanh de an quy hoach buu chinh vien thong can tho');
    expect(r.answers[0]!.agency).toBe('Sở Bưu chính, Viễn thông');
    expect(r.reply.split('\n')[0]).toBe(
      'Sở Bưu chính, Viễn thông (nay là Sở Khoa học và Công nghệ thành phố Cần Thơ, từ 01/3/2025) chủ trì.',
    );
    expect(r.answers[0]!.successors).toEqual([
      {
        agency: 'Sở Bưu chính, Viễn thông',
        today: 'Sở Khoa học và Công nghệ thành phố Cần Thơ',
        since: '2025-03-01',
        basis: 'Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ',
        inferred: null,
      },
    ]);
  });

  it('asked "theo văn bản", names the agencies as the text does', async () => {
    const r = await ask('theo văn bản, ai cong bo quy hoach tttt can tho');
    expect(r.reply.split('\n')[0]).toMatch(/^Sở Thông tin và Truyền thông chủ trì/);
    expect(r.reply).not.toMatch(/nay là/);
    expect(r.answers[0]!.successors).toEqual([]);
  });
});

describe('wording', () => {
  it('a generic addressee inserted mid-sentence starts lowercase; names keep their capital', async () => {
    const { midSentence } = await import('../../src/answers/owner.ts');
    expect(midSentence('Các cơ quan, đơn vị, các cấp chính quyền địa phương trong tỉnh')).toBe(
      'các cơ quan, đơn vị, các cấp chính quyền địa phương trong tỉnh',
    );
    expect(midSentence('Ủy ban nhân dân tỉnh')).toBe('Ủy ban nhân dân tỉnh');
    expect(midSentence('Sở Nội vụ')).toBe('Sở Nội vụ');
    const r = await ask('ai tiep tuc cai tien hop ly hoa quy trinh cong viec thu tuc hanh chinh o quang ngai');
    expect(r.reply).not.toMatch(/giao chung cho [A-ZĐ][a-zà-ỹ]/u);
  });

  it('the untitled 2007 Cần Thơ directive is cited short, its province once', async () => {
    const r = await ask('ai chu tri hoan thanh de an quy hoach buu chinh vien thong can tho');
    const cite = r.reply.split('\n').find((l) => l.startsWith('— '))!;
    expect(cite).toBe(
      '— Chỉ thị (không số) của UBND thành phố Cần Thơ về đẩy mạnh ứng dụng và phát triển CNTT giai đoạn 2007 - 2010, mục 1.-1',
    );
  });

  it('an "Điều" section is cited as printed, without "mục Điều"', async () => {
    const r = await ask('ai cong bo quy hoach tttt can tho');
    expect(r.reply).toContain('— Quyết định 3933/QĐ-UBND, Cần Thơ, Điều 2.1.a');
    expect(r.reply).not.toContain('mục Điều');
  });
});
