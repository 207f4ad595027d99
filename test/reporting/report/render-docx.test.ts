import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb } from '../../helpers/db.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import { renderDocx } from '../../../src/reporting/report/render/docx.ts';
import { textWidth } from '../../../src/reporting/report/render/docx-parts.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { REGIME_CODE } from './seed.ts';
import { smallReport } from './small-report.ts';
import { docxParagraphs, textOf } from './docx-xml.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport({ withTextsAndStates: true }));
});
afterAll(async () => t.close());

/** The text between two paragraphs (exclusive), joined by new lines. */
function between(paras: string[], from: string, to: string): string {
  const a = paras.indexOf(from);
  const b = paras.indexOf(to, a + 1);
  expect(a, from).toBeGreaterThanOrEqual(0);
  expect(b, to).toBeGreaterThan(a);
  return paras.slice(a + 1, b).join('\n');
}

describe('renderDocx: Nghị định 30 layout', () => {
  it('keeps the Quốc hiệu on one line: a fixed-width cell wider than the text, no line break', async () => {
    const { xml, paraXml } = await docxParagraphs(await renderDocx(r));
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(header).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...header.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const qh = paraXml.find((p) => textOf(p) === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    expect(qh).not.toContain('<w:br');
    const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(qh)![1]);
    expect(size).toBeGreaterThanOrEqual(24); // 12 pt at least (Nghị định 30: 12–13)
    expect(textWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size, true)).toBeLessThan(grid[1]!);
    // The issuing body fits its column too (shrunk to 11 pt at worst).
    const issuer = paraXml.find((p) => textOf(p) === 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG')!;
    expect(textWidth('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', Number(/<w:sz w:val="(\d+)"\/>/.exec(issuer)![1]), true)).toBeLessThan(grid[0]!);
  });

  it('signs "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC" for a deputy, and plain "GIÁM ĐỐC" otherwise', async () => {
    const deputy = (await docxParagraphs(await renderDocx(r, { signerTitle: 'Phó Giám đốc', signerName: 'Lê Văn C' }))).paras;
    const kt = deputy.indexOf('KT. GIÁM ĐỐC');
    expect(kt).toBeGreaterThan(0);
    expect(deputy[kt + 1]).toBe('PHÓ GIÁM ĐỐC');
    expect(deputy.indexOf('Lê Văn C')).toBeGreaterThan(kt + 1);
    const head = (await docxParagraphs(await renderDocx(r, { signerTitle: 'Giám đốc' }))).paras;
    expect(head).toContain('GIÁM ĐỐC');
    expect(head.some((p) => p.startsWith('KT.'))).toBe(false);
  });

  it('sends it to the regime receiving body and keeps a copy (Lưu: VT), never to the issuing Sở itself', async () => {
    const own = { ...r, regime: { ...r.regime, receivingBody: 'Sở Thông tin và Truyền thông' } };
    const { paras } = await docxParagraphs(await renderDocx(own));
    const list = between(paras, 'Nơi nhận:', 'GIÁM ĐỐC');
    expect(list).not.toMatch(/Sở Thông tin và Truyền thông/i);
    expect(list).toContain('- UBND tỉnh Cà Mau (b/c);');
    expect(list).toContain('- Lưu: VT.');
    const other = { ...r, regime: { ...r.regime, receivingBody: 'Bộ Khoa học và Công nghệ' } };
    expect(between((await docxParagraphs(await renderDocx(other))).paras, 'Nơi nhận:', 'GIÁM ĐỐC')).toContain(
      '- Bộ Khoa học và Công nghệ (b/c);',
    );
  });

  it('fills difficulties, next steps and proposals from the text answers, by agency; an empty section says "Không có."', async () => {
    const { paras } = await docxParagraphs(await renderDocx(r));
    const hard = between(paras, 'II. KHÓ KHĂN, VƯỚNG MẮC', 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI');
    expect(hard).toBe(
      '- Sở Tài chính: Thiếu nhân lực chuyên trách công nghệ thông tin.\n- UBND huyện Cái Nước: Hạ tầng mạng ở các xã vùng sâu còn yếu.',
    );
    const next = between(paras, 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI', 'IV. KIẾN NGHỊ, ĐỀ XUẤT');
    expect(next).toContain('- UBND huyện Đầm Dơi: Mở rộng Wi-Fi công cộng.');
    const prop = between(paras, '1. Kiến nghị, đề xuất của các đơn vị', '2. Đề xuất của cơ quan tổng hợp');
    expect(prop).toContain('- Sở Tài chính: Đề nghị bố trí kinh phí năm 2027.');
    expect(prop).toContain('- UBND huyện Cái Nước: Không áp dụng (Đơn vị không có kiến nghị kỳ này).');
    // Other text items are results of their own, after the task table.
    const other = between(paras, '4. Kết quả nổi bật khác', 'II. KHÓ KHĂN, VƯỚNG MẮC');
    expect(other).toBe('- UBND huyện Cái Nước: Hoàn thành số hóa sổ hộ tịch.');
    // Without text items every section says so.
    const bare = (await docxParagraphs(await renderDocx({ ...r, texts: [] }))).paras;
    expect(between(bare, 'II. KHÓ KHĂN, VƯỚNG MẮC', 'III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI')).toBe('Không có.');
  });

  it('numbers figures and tasks from 1 in each table, and shows answer states with their reason', async () => {
    const { paras } = await docxParagraphs(await renderDocx(r));
    const tasks = between(paras, '3. Tình hình thực hiện nhiệm vụ', '4. Kết quả nổi bật khác').split('\n');
    expect(tasks[tasks.indexOf('Triển khai nền tảng họp trực tuyến') - 1]).toBe('1');
    expect(tasks[tasks.indexOf('Số hóa hồ sơ lưu trữ') - 1]).toBe('2');
    expect(tasks).toContain('Chưa có số liệu / không áp dụng');
    const all = paras.join('\n');
    expect(all).toContain('- UBND huyện Cái Nước, chỉ tiêu "Số hồ sơ được số hóa": Chưa có số liệu (Phần mềm chưa thống kê được).');
    expect(all).toContain('- UBND huyện Đầm Dơi, chỉ tiêu "Số hồ sơ được số hóa": Không áp dụng (Không có bộ phận một cửa).');
    expect(all).toContain('- UBND huyện Cái Nước, nhiệm vụ "Số hóa hồ sơ lưu trữ": Không áp dụng (Không có kho lưu trữ).');
    expect(all).not.toMatch(/Số hóa hồ sơ lưu trữ[^\n]*Chưa báo cáo/);
  });
});

describe('renderDocx: estimates', () => {
  it('names each figure given as an estimate with its word ("khoảng", "trên"), so the reader knows it is not exact', async () => {
    const a = await t.db.answer.findFirstOrThrow({
      where: { value: { not: null }, submission: { period: { key: '2026-Q4' }, status: 'submitted' }, item: { valueKind: 'percent' } },
      include: { item: true, submission: { include: { agency: true } } },
    });
    await t.db.answer.update({ where: { id: a.id }, data: { value: 80, valueText: 'khoảng 80%', note: 'số ước tính (khoảng)' } });
    const b = await t.db.answer.findFirstOrThrow({
      where: { value: { not: null }, submission: { period: { key: '2026-Q4' }, status: 'submitted' }, item: { valueKind: 'count' } },
      include: { item: true, submission: { include: { agency: true } } },
    });
    await t.db.answer.update({ where: { id: b.id }, data: { value: 1000, valueText: 'trên 1.000', note: 'số ước tính (trên)' } });
    try {
      const r2 = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q4', now: new Date('2027-01-20T00:00:00Z') });
      const { paras } = await docxParagraphs(await renderDocx(r2));
      const intro = paras.indexOf('Số liệu do đơn vị ước tính (chưa phải số chính xác):');
      expect(intro).toBeGreaterThan(0);
      expect(paras.slice(intro + 1, intro + 3)).toEqual([
        `- ${a.submission.agency.name}, chỉ tiêu "${a.item.label}": khoảng 80%.`,
        `- ${b.submission.agency.name}, chỉ tiêu "${b.item.label}": trên 1.000 ${b.item.unit}.`,
      ]);
    } finally {
      await t.db.answer.update({ where: { id: a.id }, data: { value: a.value, valueText: a.valueText, note: a.note } });
      await t.db.answer.update({ where: { id: b.id }, data: { value: b.value, valueText: b.valueText, note: b.note } });
    }
  });
});

describe('renderDocx: free-text sections nobody filled', () => {
  const blank = (skipped: boolean): ConsolidatedReport => ({
    ...r,
    texts: r.texts.map((x) => ({ ...x, answers: x.answers.map((a) => ({ ...a, text: null, state: null, skipped })) })),
  });
  const after = (paras: string[], heading: string) => paras[paras.indexOf(heading) + 1];

  it('says that no agency reported it, rather than "Không có." (which reads as "no difficulties")', async () => {
    const { paras } = await docxParagraphs(await renderDocx(blank(false)));
    expect(after(paras, 'II. KHÓ KHĂN, VƯỚNG MẮC')).toBe('Chưa có đơn vị nào báo cáo nội dung này.');
  });

  it('keeps "Không có." when the agencies answered and had nothing to say (skipped the item)', async () => {
    const { paras } = await docxParagraphs(await renderDocx(blank(true)));
    expect(after(paras, 'II. KHÓ KHĂN, VƯỚNG MẮC')).toBe('Không có.');
  });
});

describe('renderDocx: item headings', () => {
  it('say how a figure is combined without brackets inside brackets', async () => {
    const { paras } = await docxParagraphs(await renderDocx(r));
    const headings = paras.filter((p) => /\d+\/\d+ đơn vị\)$/.test(p));
    expect(headings.some((p) => /\(trung bình cộng, không trọng số; \d+\/\d+ đơn vị\)$/.test(p))).toBe(true);
    for (const p of headings) expect(p.slice(p.lastIndexOf(' (') + 2), p).not.toMatch(/\(/);
  });
});
