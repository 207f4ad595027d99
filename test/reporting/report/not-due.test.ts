// Before the deadline an agency that has not submitted is "Chưa đến hạn", not "Chưa nộp" or late, and the
// submission rate reads "đã nộp 1/4 (25%), chưa đến hạn" rather than an on-time rate that reads as lateness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import { renderChatSummary, renderMarkdown } from '../../../src/reporting/report/render/index.ts';
import { renderDocx } from '../../../src/reporting/report/render/docx.ts';
import { SHEETS, renderXlsx } from '../../../src/reporting/report/render/xlsx.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { REGIME_CODE, seedSmall } from './seed.ts';

let t: TempDb;
let before: ConsolidatedReport;
let after: ConsolidatedReport;

beforeAll(async () => {
  t = await tempDb();
  const s = await seedSmall(t.db);
  // Only Sở Tài chính has submitted (8/1); the others are still working on it. Deadline: end of 10/01/2027.
  await t.db.submission.updateMany({
    where: { periodId: s.periodIds.q4, agencyId: { in: s.agencyIds.slice(1) } },
    data: { status: 'draft', submittedAt: null },
  });
  const build = (now: string) => buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q4', now: new Date(now) });
  before = await build('2027-01-09T03:00:00Z');
  after = await build('2027-01-20T03:00:00Z');
});
afterAll(async () => t.close());

const labels = (r: ConsolidatedReport) => r.agencies.map((a) => `${a.name}: ${a.timelinessLabel}`);

describe('timeliness before the deadline', () => {
  it('labels agencies that have not submitted "Chưa đến hạn" until the deadline passes', () => {
    expect(labels(before)).toEqual([
      'Sở Tài chính: Đúng hạn',
      'UBND huyện Cái Nước: Chưa đến hạn',
      'UBND huyện Đầm Dơi: Chưa đến hạn',
      'UBND huyện Năm Căn: Chưa đến hạn',
    ]);
    expect(labels(after)).toContain('UBND huyện Năm Căn: Chưa nộp');
  });

  it('chat summary: submitted share and "chưa đến hạn", no on-time rate, nobody listed as not submitted', () => {
    const s = renderChatSummary(before);
    expect(s).toContain('I. Nộp báo cáo: đã nộp 1/4 (25%), chưa đến hạn');
    expect(s).not.toMatch(/đúng hạn/i);
    expect(s).not.toContain('Chưa nộp');
    expect(s).toContain('• Chưa đến hạn: UBND huyện Cái Nước, UBND huyện Đầm Dơi, UBND huyện Năm Căn');
    const late = renderChatSummary(after);
    expect(late).toContain('Đúng hạn: 25%');
    expect(late).toContain('Chưa nộp: UBND huyện Cái Nước');
  });

  it('Markdown, XLSX and DOCX say the same', async () => {
    const md = renderMarkdown(before);
    expect(md).toContain('4 đơn vị: đã nộp 1/4 (25%), chưa đến hạn. Tỷ lệ đầy đủ số liệu');
    expect(md).not.toMatch(/tỷ lệ đúng hạn|chưa nộp/i);
    expect(md).toMatch(/\| UBND huyện Năm Căn \| Chưa đến hạn \|/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(before)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet(SHEETS.submissions)!.eachRow((row) => cells.push(String(row.getCell(3).value ?? '')));
    expect(cells).toContain('Chưa đến hạn');
    expect(cells).toContain('đã nộp 1/4 (25%), chưa đến hạn');
    expect(cells.join('|')).not.toMatch(/Chưa nộp|Đúng hạn 1/);

    const zip = await JSZip.loadAsync(await renderDocx(before));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Chưa đến hạn');
    expect(xml).toContain('Tổng số đơn vị phải báo cáo: 4; đã nộp 1/4 (25%), chưa đến hạn.');
    expect(xml).not.toMatch(/tỷ lệ đúng hạn/);
  });
});
