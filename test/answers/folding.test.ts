// Words a question must keep (issue 12, "no content word is dropped silently"): a last "so" that is "số" ("dân
// số"), "văn bản" between the words it joins ("giảm văn bản giấy"), and a bare kind of body read from a text
// ("Viện") that is a syllable of another word in the question ("viễn thông"), not the agency asked about. And the
// reverse: every word found, but only apart ("lịch nghỉ tết"), is not an answer; and a figure question a passage
// answers better than any target ("kinh phí kiểm kê") gets that passage; an agency asked about something none of
// its tasks is about gets the passages about it, said to be that, not its tasks on other things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { AgencyMatcher } from '../../src/search/agency-match.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import { seeded, type Seeded } from './setup.ts';

const PLAN = 'test/answers/fixtures/ha-giang-2026-ke-hoach-dan-so.txt';
let s: Seeded;
beforeAll(async () => {
  s = await seeded([PLAN], { clock: new ManualClock(new Date('2026-12-01T03:00:00Z')) });
}, 60_000);
afterAll(async () => s.close());
const ask = (q: string) => s.answerer.answer(q);

describe('a last "so"', () => {
  it('typed without diacritics after "dân" is "dân số", not a lone "sở"', async () => {
    for (const q of ['ai chu tri tuyen truyen ve cong tac dan so', 'ai chủ trì tuyên truyền về công tác dân số']) {
      const r = await ask(q);
      expect(r.answers[0]?.agency).toBe('Sở Y tế');
    }
  });

  it('typed "sổ" is a word ("khóa sổ"), not a lone "sở"', async () => {
    const r = await ask('kế hoạch 415 nói gì về khóa sổ');
    expect(r.answers[0]?.text).toMatch(/^Hoàn thành khóa sổ theo dõi/);
  });

  it('typed "sở" is still the agency word and goes', async () => {
    const r = await ask('nhiệm vụ tuyên truyền công tác dân tộc của sở');
    expect(r.answers[0]?.text).toMatch(/công tác dân tộc/);
  });
});

describe('"văn bản" between two words', () => {
  it('is searched ("giảm văn bản giấy"), while "văn bản nào nói về …" still drops it', async () => {
    const r = await ask('giam van ban giay');
    expect(r.answers[0]?.text).toMatch(/giảm văn bản giấy/);
    const which = await ask('văn bản nào nói về giảm văn bản giấy');
    expect(which.answers[0]?.text).toMatch(/giảm văn bản giấy/);
  });
});

describe('agency names in a question', () => {
  it('a bare "Viện" read from a text is not found inside "viễn thông"; "BQL" reads "Ban quản lý"', async () => {
    await s.app.db.agency.create({ data: { key: 'x-vien', baseKey: 'x-vien', name: 'Viện', kind: 'other' } });
    const m = await AgencyMatcher.load(s.app.db, s.app.registry);
    expect(m.find(normalizeText('ha tang vien thong thu dong'))).toBeNull();
    expect(normalizeText('BQL các KCN tỉnh')).toBe('ban quan ly cac khu cong nghiep tinh');
    // Typed bare, "cua so" is "của sở" (the agency follows), not "cửa sổ"; "dc" is "được".
    expect(normalizeText('nhiem vu cua so noi vu dc giao')).toBe('nhiem vu cua so noi vu duoc giao');
    expect((await ask('nhiem vu cua so noi vu quang ngai')).reply).toMatch(/^Sở Nội vụ ở Quảng Ngãi có \d+ nhiệm vụ/);
  });
});

describe('every word of the question found, but only apart', () => {
  it('"lịch nghỉ tết" is not answered by a passage with "lịch", "nghỉ" and "Tết" in different places', async () => {
    const r = await ask('lịch nghỉ tết 2027');
    expect(r.answers).toEqual([]);
    expect(r.reply).toMatch(/^Tôi chưa chắc đã hiểu đúng câu hỏi/);
    expect(r.reply).not.toContain('«');
  });

  it('the same words together are answered', async () => {
    const r = await ask('lịch trực ngày nghỉ lễ');
    expect(r.answers[0]?.text).toMatch(/lịch trực/);
    // A word or two between them is still together: "mạng thông tin 3G" for "mạng 3G".
    const near = await ask('mang 3G ca mau');
    expect(near.answers[0]?.text).toMatch(/mạng thông tin 3G/);
  });
});

describe('a figure question', () => {
  it('a passage holding the question yields no weaker target ("kinh phí kiểm kê" is not "Tổng kinh phí …")', async () => {
    const r = await ask('kinh phí kiểm kê');
    expect(r.answers[0]?.text).toMatch(/Kinh phí kiểm kê dân cư/);
    expect(r.reply.split('\n')[0]).toMatch(/Kinh phí kiểm kê dân cư/);
  });

  it('a target that holds the question is still the answer', async () => {
    const r = await ask('tổng kinh phí thực hiện kế hoạch tuyên truyền dân số Hà Giang là bao nhiêu');
    expect(r.answers[0]?.value).toMatch(/2\.000\.000\.000/);
  });
});

describe("an agency's tasks on a topic", () => {
  it('none of its tasks on it: says so and shows the passages, not its other tasks', async () => {
    const r = await ask('Sở Y tế Hà Giang phải làm gì về giảm dùng cốc giấy');
    expect(r.reply.split('\n')[0]).toBe(
      'Không tìm thấy nhiệm vụ nào ghi rõ giao cho Sở Y tế ở Hà Giang về việc này; các đoạn văn bản liên quan:',
    );
    expect(r.answers[0]?.text).toMatch(/cốc giấy/);
    expect(r.reply).not.toMatch(/công tác dân số tại các thôn/);
  });

  it('"tại QĐ 3933/QĐ-UBND" names the document only: every task of the agency in it, as with "trong"', async () => {
    const at = await ask('Sở Tài chính Cần Thơ được giao những nhiệm vụ gì tại QĐ 3933/QĐ-UBND?');
    const within = await ask('Sở Tài chính Cần Thơ được giao những nhiệm vụ gì trong QĐ 3933/QĐ-UBND?');
    expect(within.answers.length).toBeGreaterThan(1);
    expect(at.answers.map((a) => a.text)).toEqual(within.answers.map((a) => a.text));
  });
});

describe('asked how long or when', () => {
  it('"… trong bao lâu" puts first the passage that gives a time', async () => {
    const r = await ask('cap nhat so lieu dan cu vao co so du lieu trong bao lau');
    expect(r.answers[0]?.text).toMatch(/sau tối đa 05 ngày/);
  });
});
