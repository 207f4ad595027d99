// Answers in today's terms after the 2025 reorganisation: a task's former agency is named with its successor in
// today's province, a split follows the task's subject, an agency lists what it inherited, a former province is
// found and said to belong to today's; the date of the question decides, and "theo văn bản" keeps the text's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const BAC_LIEU = 'test/ingest/fixtures/bac-lieu-2023-ke-hoach-tttt-truoc-sap-xep.txt';
const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
let s: Seeded;
beforeAll(async () => {
  s = await seeded([BAC_LIEU], { clock });
}, 60_000);
afterAll(async () => s.close());

const ask = (q: string, opts = {}) => s.answerer.answer(q, opts);
const BAC_LIEU_NOTE = 'Bạc Liêu nay thuộc Cà Mau (từ 01/7/2025, Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội).';

describe('a task whose agency no longer exists', () => {
  it('names both, the successor in today’s province (Bạc Liêu → Cà Mau)', async () => {
    const r = await ask('ai chủ trì triển khai hệ thống camera giám sát giao thông');
    expect(r.reply.split('\n')[0]).toBe(
      'Sở Giao thông vận tải (nay là Sở Xây dựng tỉnh Cà Mau, từ 01/3/2025) chủ trì; phối hợp: Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ tỉnh Cà Mau, từ 01/3/2025).',
    );
    expect(r.answers[0]!.agency).toBe('Sở Giao thông vận tải');
    expect(r.reply.split('\n').at(-1)).toBe(BAC_LIEU_NOTE);
  });

  it('gives a press task to Sở VHTTDL and says the successor was inferred from the task', async () => {
    const r = await ask('ai chủ trì quản lý hoạt động báo chí, xuất bản ở Bạc Liêu');
    expect(r.reply.split('\n')[0]).toBe(
      'Sở Thông tin và Truyền thông (nay là Sở Văn hóa, Thể thao và Du lịch tỉnh Cà Mau, từ 01/3/2025; suy ra theo nội dung nhiệm vụ (báo chí, xuất bản)) chủ trì.',
    );
    expect(r.answers[0]!.successors[0]).toMatchObject({
      today: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Cà Mau',
      inferred: 'báo chí, xuất bản',
    });
  });

  it('says a district-level task of the 2007 Cần Thơ directive is carried by UBND các xã, phường today', async () => {
    const r = await ask('ai chủ trì đề ra giải pháp nâng cao nhận thức cho đội ngũ cán bộ công chức của địa phương');
    expect(r.answers[0]!.document.province).toBe('Cần Thơ');
    expect(r.answers[0]!.document.year).toBe(2007);
    expect(r.reply.split('\n')[0]).toBe(
      'Văn bản không nêu cơ quan cụ thể; nhiệm vụ giao chung cho giám đốc sở, thủ trưởng ban, ngành thành phố và Chủ tịch Ủy ban nhân dân quận, huyện (Ủy ban nhân dân cấp huyện nay là Ủy ban nhân dân cấp xã, từ 01/7/2025).',
    );
    const xa = await ask('UBND các xã, phường Cần Thơ phải làm gì');
    expect(xa.answers.map((a) => a.text)).toContain(r.answers[0]!.text);
    expect(xa.reply).toContain('[giao chung] (kế thừa từ Ủy ban nhân dân cấp huyện)');
  });
});

describe('an agency of today', () => {
  it('"Sở KH&CN Cà Mau phải làm gì" lists what it inherited from Sở TT&TT, in Cà Mau and the former Bạc Liêu, not the press task', async () => {
    const r = await ask('Sở KH&CN Cà Mau phải làm gì');
    expect(r.intent).toBe('agency_tasks');
    expect(r.reply.split('\n')[0]).toMatch(
      /^Sở Khoa học và Công nghệ ở Cà Mau có (\d+) nhiệm vụ được giao \(gồm \1 nhiệm vụ kế thừa từ cơ quan tiền thân: Sở Thông tin và Truyền thông\):$/,
    );
    expect(new Set(r.answers.map((a) => a.document.province))).toEqual(new Set(['Cà Mau', 'Bạc Liêu']));
    expect(r.answers.every((a) => a.agency === 'Sở Thông tin và Truyền thông')).toBe(true);
    expect(r.answers.some((a) => /báo chí/.test(a.text))).toBe(false);
    expect(r.reply).toContain('(kế thừa từ Sở Thông tin và Truyền thông)');
    const vh = await ask('Sở VHTTDL Cà Mau phải làm gì');
    expect(vh.answers.map((a) => a.text)).toEqual([expect.stringMatching(/^Chủ trì quản lý hoạt động báo chí, xuất bản/)]);
  });

  it('asked by the old name, explains the change and answers the same', async () => {
    const old = await ask('Sở TT&TT Cà Mau phải làm gì');
    const now = await ask('Sở KH&CN Cà Mau phải làm gì');
    expect(old.reply.split('\n')[0]).toBe(
      'Sở Thông tin và Truyền thông đã hợp nhất vào Sở Khoa học và Công nghệ từ 01/3/2025 (Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ).',
    );
    expect(old.answers).toEqual(now.answers);
    expect(old.reply.split('\n').slice(1).join('\n')).toBe(now.reply);
  });
});

describe('a former province', () => {
  it('finds its documents and says which province it belongs to today', async () => {
    const r = await ask('kế hoạch của Bạc Liêu');
    expect(r.intent).toBe('document');
    expect(r.answers.map((a) => a.document.number)).toEqual(['58/KH-UBND']);
    expect(r.reply).toContain(BAC_LIEU_NOTE);
  });

  it('a filter on today’s province includes the former ones’ documents; one on the former province only its own', async () => {
    const camau = await ask('ai chủ trì triển khai hệ thống camera giám sát giao thông', { filters: 'tỉnh Cà Mau' });
    expect(camau.answers[0]!.document.province).toBe('Bạc Liêu');
    const docs = await ask('các kế hoạch của Cà Mau');
    expect(new Set(docs.answers.map((a) => a.document.province))).toEqual(new Set(['Cà Mau', 'Bạc Liêu']));
    const bl = await ask('Sở TT&TT Bạc Liêu phải làm gì');
    expect(new Set(bl.answers.map((a) => a.document.province))).toEqual(new Set(['Bạc Liêu']));
  });
});

describe('the date of the question decides', () => {
  it('asked in 2024, the agencies of the text are today’s: no successor, no province note', async () => {
    clock.set('2024-06-01T03:00:00Z');
    try {
      const r = await ask('ai chủ trì triển khai hệ thống camera giám sát giao thông');
      expect(r.reply.split('\n')[0]).toBe('Sở Giao thông vận tải chủ trì; phối hợp: Sở Thông tin và Truyền thông.');
      expect(r.reply).not.toContain('nay thuộc');
      const tt = await ask('Sở TT&TT Cà Mau phải làm gì');
      expect(tt.reply).not.toMatch(/hợp nhất|kế thừa/);
    } finally {
      clock.set('2026-12-01T03:00:00Z');
    }
  });

  it('asked "theo văn bản", quotes the text’s wording as it stands', async () => {
    const r = await ask('theo văn bản, ai chủ trì triển khai hệ thống camera giám sát giao thông');
    expect(r.reply.split('\n')[0]).toBe('Sở Giao thông vận tải chủ trì; phối hợp: Sở Thông tin và Truyền thông.');
    expect(r.answers[0]!.successors).toEqual([]);
  });
});
