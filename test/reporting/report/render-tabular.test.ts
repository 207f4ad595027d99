import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type TempDb } from '../../helpers/db.ts';
import { CSV_HEADERS, csvField, renderCsv } from '../../../src/reporting/report/render/csv.ts';
import { FMT_INT, FMT_PCT, HEADER_ROW, SHEETS, renderXlsx } from '../../../src/reporting/report/render/xlsx.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { parseCsv } from './parse-csv.ts';
import { smallReport } from './small-report.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport());
});
afterAll(async () => t.close());

describe('renderCsv', () => {
  it('starts with a UTF-8 BOM, has Vietnamese headers and parses back to the values (standard dialect)', () => {
    const buf = renderCsv(r, 'standard');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buf.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual([...CSV_HEADERS]);
    expect(rows[0]).toContain('Đơn vị báo cáo');
    const col = (name: string) => CSV_HEADERS.indexOf(name as (typeof CSV_HEADERS)[number]);
    const find = (no: string, agency: string) => rows.find((x) => x[0] === no && x[col('Đơn vị báo cáo')] === agency);
    const pctTotal = find('1', 'Tổng hợp');
    expect(pctTotal?.[col('Giá trị')]).toBe('90');
    expect(pctTotal?.[col('Cách tổng hợp')]).toBe('trung bình cộng, không trọng số');
    expect(pctTotal?.[col('Kỳ trước')]).toBe('65');
    const wifi = find('2', 'Tổng hợp');
    expect(wifi?.[col('Giá trị')]).toBe('29');
    expect(wifi?.[col('Mục tiêu')]).toBe('40');
    expect(wifi?.[col('% so với mục tiêu')]).toBe('72.5');
    expect(wifi?.[col('Cách tổng hợp')]).toBe('tổng cộng');
    const outlier = find('2', 'UBND huyện Cái Nước');
    expect(outlier?.[col('Giá trị')]).toBe('20');
    expect(outlier?.[col('Ghi chú')]).toBe('Giải trình: lắp thêm 16 điểm từ dự án xã hội hóa');
    expect(outlier?.[col('Bất thường')]).toBe('Có');
    expect(find('3', 'UBND huyện Cái Nước')?.[col('Trạng thái')]).toBe('Bỏ qua');
    expect(find('1', 'UBND huyện Năm Căn')?.[col('Trạng thái')]).toBe('Chưa báo cáo');
    expect(find('4', 'UBND huyện Cái Nước')?.[col('Trạng thái')]).toBe('Đang triển khai');
    expect(find('4', 'UBND huyện Cái Nước')?.[col('% hoàn thành')]).toBe('60');
    expect(rows.every((x) => x.length === CSV_HEADERS.length)).toBe(true);
  });

  it('opens right in a Vietnamese-locale Excel by default: ";" between fields, decimal commas, UTF-8 BOM', () => {
    const buf = renderCsv(r);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(CSV_HEADERS.join(';'));
    const rows = parseCsv(text, ';');
    expect(rows.every((x) => x.length === CSV_HEADERS.length)).toBe(true);
    const col = (name: string) => CSV_HEADERS.indexOf(name as (typeof CSV_HEADERS)[number]);
    const wifi = rows.find((x) => x[0] === '2' && x[col('Đơn vị báo cáo')] === 'Tổng hợp')!;
    expect(wifi[col('% so với mục tiêu')]).toBe('72,5');
    expect(rows.find((x) => x[0] === '1' && x[col('Đơn vị báo cáo')] === 'Sở Tài chính')?.[col('% so với mục tiêu')]).toBe('94,4');
    // A comma inside a text is no separator here: no quotes needed.
    expect(text).toContain(';trung bình cộng, không trọng số;');
    expect(csvField(85.5, 'vn')).toBe('85,5');
    expect(csvField(1234567.25, 'vn')).toBe('1234567,25');
    expect(csvField('a; b', 'vn')).toBe('"a; b"');
  });

  it('quotes per RFC 4180', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('nói "không"')).toBe('"nói ""không"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('Sở Tài chính')).toBe('Sở Tài chính');
    expect(csvField(null)).toBe('');
    expect(csvField(85.5)).toBe('85.5');
  });
});

describe('renderXlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(r)) as unknown as ArrayBuffer);
  });

  it('has one sheet per view, each with a frozen Vietnamese header row', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEETS.figures,
      SHEETS.form,
      SHEETS.agencies,
      SHEETS.tasks,
      SHEETS.texts,
      SHEETS.submissions,
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: ws.name === SHEETS.form ? HEADER_ROW + 1 : HEADER_ROW });
      expect(String(ws.getCell(1, 1).value)).toContain('quý IV/2026');
    }
    const s1 = wb.getWorksheet(SHEETS.figures)!;
    expect(s1.getRow(HEADER_ROW).getCell(2).value).toBe('Chỉ tiêu');
    expect(s1.getRow(HEADER_ROW).getCell(9).value).toBe('% so với mục tiêu');
    expect(s1.getColumn(2).width).toBe(50);
  });

  it('writes the aggregates with number formats (percent as 0.0%, counts as #,##0)', () => {
    const s1 = wb.getWorksheet(SHEETS.figures)!;
    const pct = s1.getRow(HEADER_ROW + 1);
    expect(pct.getCell(2).value).toBe('Tỷ lệ hồ sơ giải quyết trực tuyến');
    expect(pct.getCell(6).value).toBeCloseTo(0.9);
    expect(pct.getCell(6).numFmt).toBe(FMT_PCT);
    expect(pct.getCell(7).value).toBe('trung bình cộng, không trọng số');
    expect(pct.getCell(9).value).toBeCloseTo(1);
    expect(pct.getCell(9).numFmt).toBe(FMT_PCT);
    const wifi = s1.getRow(HEADER_ROW + 2);
    expect(wifi.getCell(6).value).toBe(29);
    expect(wifi.getCell(6).numFmt).toBe(FMT_INT);
    expect(wifi.getCell(8).value).toBe(40);
    expect(wifi.getCell(9).value).toBeCloseTo(0.725);
    expect(wifi.getCell(14).value).toBe(1); // one outlier
  });

  it('lists each agency value with its note, the tasks, and the submission status', () => {
    const s2 = wb.getWorksheet(SHEETS.agencies)!;
    const rows = s2.getSheetValues().slice(HEADER_ROW + 1) as unknown[][];
    const cn = rows.find((x) => x?.[1] === 'UBND huyện Cái Nước' && x?.[2] === 2);
    expect(cn?.[6]).toBe(20);
    expect(cn?.[11]).toContain('xã hội hóa');
    expect(cn?.[12]).toBe('Có');
    expect(rows.filter(Boolean)).toHaveLength(4 * 3);

    const s3 = wb.getWorksheet(SHEETS.tasks)!;
    const task = s3.getRow(HEADER_ROW + 2);
    expect(task.getCell(3).value).toBe('UBND huyện Cái Nước');
    expect(task.getCell(4).value).toBe('Đang triển khai');
    expect(task.getCell(5).value).toBeCloseTo(0.6);
    expect(task.getCell(5).numFmt).toBe(FMT_PCT);

    const s4 = wb.getWorksheet(SHEETS.submissions)!;
    const late = s4.getRow(HEADER_ROW + 2);
    expect(late.getCell(2).value).toBe('UBND huyện Cái Nước');
    expect(late.getCell(3).value).toBe('Trễ hạn 3 ngày');
    expect(late.getCell(5).value).toBe(3);
    expect(late.getCell(9).value).toBeCloseTo(0.75);
    expect(late.getCell(9).numFmt).toBe(FMT_PCT);
    // Vietnam local time of 2027-01-13T02:00Z is 09:00.
    expect((late.getCell(4).value as Date).toISOString()).toBe('2027-01-13T09:00:00.000Z');
    expect(s4.getRow(HEADER_ROW + 4).getCell(3).value).toBe('Chưa nộp');
  });
});
