import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type TempDb } from '../../helpers/db.ts';
import { FMT_INT, FMT_PCT, HEADER_ROW, SHEETS, renderXlsx } from '../../../src/reporting/report/render/xlsx.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { smallReport } from './small-report.ts';

let t: TempDb;
let r: ConsolidatedReport;
let buf: Buffer;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  ({ t, r } = await smallReport({ withTextsAndStates: true }));
  buf = await renderXlsx(r);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
});
afterAll(async () => t.close());

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('renderXlsx: printing', () => {
  it('prints every sheet A4 landscape, one page wide, with the header rows repeated on each page', async () => {
    const zip = await JSZip.loadAsync(buf);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    for (const [i, ws] of wb.worksheets.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      expect(xml, ws.name).toMatch(/<pageSetup[^>]* orientation="landscape"/);
      expect(xml, ws.name).toMatch(/<pageSetup[^>]* fitToWidth="1"/);
      expect(xml, ws.name).toMatch(/<pageSetup[^>]* fitToHeight="0"/);
      expect(xml, ws.name).toMatch(/<pageSetup[^>]* paperSize="9"/);
      expect(xml, ws.name).toContain('<pageSetUpPr fitToPage="1"/>');
      const rows = ws.name === SHEETS.form ? `$${HEADER_ROW}:$${HEADER_ROW + 1}` : `$${HEADER_ROW}:$${HEADER_ROW}`;
      expect(workbookXml).toContain(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${ws.name}&apos;!${rows}</definedName>`,
      );
    }
  });

  it('gives rows with wrapped text the height of their lines, so they do not overlap', () => {
    const ws = wb.getWorksheet(SHEETS.agencies)!;
    const rows = ws.getSheetValues() as unknown[][];
    const at = rows.findIndex((x) => x?.[1] === 'UBND huyện Cái Nước' && x?.[2] === 2);
    // "Giải trình: lắp thêm 16 điểm từ dự án xã hội hóa" in a 40-wide column: two lines.
    expect(ws.getRow(at).height).toBeGreaterThanOrEqual(30);
    const texts = wb.getWorksheet(SHEETS.texts)!;
    const head = wb.getWorksheet(SHEETS.form)!.getRow(HEADER_ROW);
    expect(head.height).toBeGreaterThanOrEqual(4 * 15); // "1. Tỷ lệ hồ sơ giải quyết trực tuyến (%)" in a 15-wide column
    for (let i = HEADER_ROW + 1; i <= texts.rowCount; i++) expect(texts.getRow(i).height).toBeGreaterThanOrEqual(15);
  });
});

describe('renderXlsx: biểu tổng hợp (agencies × items)', () => {
  it('has the items as columns, a target row, one row per agency and a province total row', () => {
    const ws = wb.getWorksheet(SHEETS.form)!;
    const head = values(ws, HEADER_ROW);
    expect(head.slice(0, 5)).toEqual([
      'STT',
      'Đơn vị',
      '1. Tỷ lệ hồ sơ giải quyết trực tuyến (%)',
      '2. Số điểm Wi-Fi công cộng (điểm)',
      '3. Kinh phí chi cho chuyển đổi số (triệu đồng)',
    ]);
    expect(head).toContain('5. Triển khai nền tảng họp trực tuyến');
    const target = values(ws, HEADER_ROW + 1);
    expect(target[1]).toBe('Mục tiêu');
    expect(target[2]).toBeCloseTo(0.9);
    expect(target[3]).toBe(10);
    expect(ws.getRow(HEADER_ROW + 1).getCell(3).numFmt).toBe(FMT_PCT);
    const agencies = [2, 3, 4, 5].map((i) => values(ws, HEADER_ROW + i));
    expect(agencies.map((x) => x[1])).toEqual(['Sở Tài chính', 'UBND huyện Cái Nước', 'UBND huyện Đầm Dơi', 'UBND huyện Năm Căn']);
    const cn = agencies[1]!;
    expect(cn[2]).toBeCloseTo(0.9);
    expect(cn[3]).toBe(20);
    expect(cn[4]).toBe('Bỏ qua');
    expect(cn[5]).toBe('Chưa có số liệu');
    expect(agencies[2]![5]).toBe('Không áp dụng');
    expect(cn[head.indexOf('5. Triển khai nền tảng họp trực tuyến')]).toBe('Đang triển khai (60%)');
    expect(agencies[3]![3]).toBeUndefined(); // Năm Căn: only a draft
    const total = values(ws, HEADER_ROW + 6);
    expect(total[1]).toBe('Tổng hợp toàn tỉnh');
    expect(total[2]).toBeCloseTo(0.9);
    expect(total[3]).toBe(29);
    expect(total[5]).toBe(120);
    expect(ws.getRow(HEADER_ROW + 6).getCell(4).numFmt).toBe(FMT_INT);
    expect(ws.getRow(HEADER_ROW + 6).getCell(2).font?.bold).toBe(true);
  });

  it('lists the text answers on their own sheet and shows answer states with the reason', () => {
    const ws = wb.getWorksheet(SHEETS.texts)!;
    const rows = (ws.getSheetValues() as unknown[][]).slice(HEADER_ROW + 1).filter(Boolean);
    expect(rows.find((x) => x[2] === 'Khó khăn, vướng mắc' && x[3] === 'Sở Tài chính')?.slice(1)).toEqual([
      'Khó khăn, vướng mắc',
      'Khó khăn, vướng mắc',
      'Sở Tài chính',
      'Thiếu nhân lực chuyên trách công nghệ thông tin.',
      'Đã báo cáo',
    ]);
    expect(rows.find((x) => x[2] === 'Kiến nghị, đề xuất' && x[3] === 'UBND huyện Cái Nước')?.[5]).toBe(
      'Không áp dụng (Đơn vị không có kiến nghị kỳ này)',
    );
    const byAgency = (wb.getWorksheet(SHEETS.agencies)!.getSheetValues() as unknown[][]).filter(Boolean);
    const nd = byAgency.find((x) => x[1] === 'UBND huyện Cái Nước' && x[3] === 'Số hồ sơ được số hóa')!;
    expect(nd[10]).toBe('Chưa có số liệu');
    expect(nd[11]).toBe('Phần mềm chưa thống kê được');
    const tasks = (wb.getWorksheet(SHEETS.tasks)!.getSheetValues() as unknown[][]).filter(Boolean);
    expect(tasks.find((x) => x[2] === 'Số hóa hồ sơ lưu trữ' && x[3] === 'UBND huyện Cái Nước')?.[4]).toBe('Không áp dụng');
    // Text items are no figures: the figures sheet has 4 rows (3 seeded + the state figure).
    expect(wb.getWorksheet(SHEETS.figures)!.rowCount).toBe(HEADER_ROW + 4);
  });
});
