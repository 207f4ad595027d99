// XLSX (exceljs): one sheet per view — Tổng hợp chỉ tiêu, Biểu tổng hợp (agencies × items, the usual biểu mẫu),
// Theo đơn vị, Nhiệm vụ, Ý kiến đơn vị (free text), Tình hình nộp — each with a title, frozen header rows repeated on
// every printed page, A4 landscape one page wide, number formats, column widths and row heights for wrapped text.
// Percent figures are stored as fractions (85,5 % → 0.855) formatted "0.0%"; counts and money "#,##0"; times are
// Vietnam local time.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { figureStatus, TIMELINESS_LABEL } from '../format.ts';
import { formSheet, textSheet } from './xlsx-forms.ts';
import { FMT_INT, FMT_PCT, FMT_TIME, SHEETS, addRow, localTime, numFmt, scale, sheet, type Col } from './xlsx-parts.ts';
import type { ConsolidatedReport } from '../types.ts';

export { FMT_DEC, FMT_INT, FMT_PCT, HEADER_ROW, SHEETS } from './xlsx-parts.ts';

const FIGURE_COLS: Col[] = [
  { header: 'STT', width: 6 },
  { header: 'Chỉ tiêu', width: 50, wrap: true },
  { header: 'Đơn vị tính', width: 10, wrap: true },
  { header: 'Mục tiêu', width: 14, wrap: true },
  { header: 'Năm mục tiêu', width: 10 },
  { header: 'Kết quả tổng hợp', width: 16 },
  { header: 'Cách tổng hợp', width: 18, wrap: true },
  { header: 'Mục tiêu so sánh', width: 14 },
  { header: '% so với mục tiêu', width: 12, fmt: FMT_PCT },
  { header: 'Kỳ trước', width: 14 },
  { header: 'Thay đổi', width: 14 },
  { header: 'Số đơn vị đã báo cáo', width: 12 },
  { header: 'Số đơn vị phải báo cáo', width: 12 },
  { header: 'Số liệu bất thường', width: 12 },
];

function figuresSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ConsolidatedReport): void {
  const ws = sheet(wb, SHEETS.figures, r, FIGURE_COLS, { xSplit: 2 });
  for (const f of r.figures) {
    const row = addRow(ws, FIGURE_COLS, [
      f.no,
      f.label,
      f.unit,
      f.target.text ?? f.target.value,
      f.target.year,
      scale(f.kind, f.aggregate),
      f.methodLabel,
      scale(f.kind, f.aggregateTarget),
      f.pctOfTarget,
      scale(f.kind, f.change?.previous),
      scale(f.kind, f.change?.abs),
      f.answered,
      f.expected,
      f.flagged,
    ]);
    const fmt = numFmt(f);
    for (const c of [6, 8, 10, 11]) row.getCell(c).numFmt = fmt;
  }
  ws.commit();
}

const AGENCY_COLS: Col[] = [
  { header: 'Đơn vị', width: 30, wrap: true },
  { header: 'STT', width: 6 },
  { header: 'Chỉ tiêu', width: 50, wrap: true },
  { header: 'Đơn vị tính', width: 12, wrap: true },
  { header: 'Mục tiêu', width: 12 },
  { header: 'Giá trị', width: 14 },
  { header: '% so với mục tiêu', width: 12, fmt: FMT_PCT },
  { header: 'Kỳ trước', width: 14 },
  { header: 'Thay đổi', width: 14 },
  { header: 'Tình trạng', width: 16, wrap: true },
  { header: 'Ghi chú / giải trình / lý do', width: 40, wrap: true },
  { header: 'Bất thường', width: 10 },
];

function agenciesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ConsolidatedReport): void {
  const ws = sheet(wb, SHEETS.agencies, r, AGENCY_COLS, { xSplit: 1 });
  const rank = new Map(r.agencies.map((a, i) => [a.agencyId, i]));
  const entries = r.figures.flatMap((f) => f.values.map((v) => ({ f, v })));
  entries.sort((a, b) => (rank.get(a.v.agencyId) ?? 0) - (rank.get(b.v.agencyId) ?? 0) || a.f.no - b.f.no);
  for (const { f, v } of entries) {
    const row = addRow(ws, AGENCY_COLS, [
      v.agencyName,
      f.no,
      f.label,
      f.unit,
      scale(f.kind, v.target),
      scale(f.kind, v.value),
      v.pctOfTarget,
      scale(f.kind, v.change?.previous),
      scale(f.kind, v.change?.abs),
      figureStatus(v),
      v.note,
      v.outlier ? 'Có' : null,
    ]);
    const fmt = numFmt(f);
    for (const c of [5, 6, 8, 9]) row.getCell(c).numFmt = fmt;
  }
  ws.commit();
}

const TASK_COLS: Col[] = [
  { header: 'STT', width: 6 },
  { header: 'Nhiệm vụ', width: 50, wrap: true },
  { header: 'Đơn vị', width: 30, wrap: true },
  { header: 'Trạng thái', width: 18, wrap: true },
  { header: '% hoàn thành', width: 12, fmt: FMT_PCT },
  { header: 'Ghi chú / lý do', width: 44, wrap: true },
];

function tasksSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ConsolidatedReport): void {
  const ws = sheet(wb, SHEETS.tasks, r, TASK_COLS, { xSplit: 2 });
  for (const t of r.tasks) {
    for (const s of t.statuses) {
      addRow(ws, TASK_COLS, [
        t.no,
        t.label,
        s.agencyName,
        s.statusLabel + (s.draft ? ' (chưa gửi)' : ''),
        s.percentDone === null ? null : s.percentDone / 100,
        s.note,
      ]);
    }
  }
  ws.commit();
}

const SUBMISSION_COLS: Col[] = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 36, wrap: true },
  { header: 'Tình trạng', width: 20, wrap: true },
  { header: 'Thời điểm nộp', width: 18, fmt: FMT_TIME },
  { header: 'Số ngày trễ', width: 10, fmt: FMT_INT },
  { header: 'Số mục đã trả lời', width: 12, fmt: FMT_INT },
  { header: 'Số mục phải báo cáo', width: 12, fmt: FMT_INT },
  { header: 'Số mục bỏ qua', width: 10, fmt: FMT_INT },
  { header: 'Tỷ lệ đầy đủ', width: 12, fmt: FMT_PCT },
];

function submissionsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ConsolidatedReport): void {
  const ws = sheet(wb, SHEETS.submissions, r, SUBMISSION_COLS, { xSplit: 2 });
  r.agencies.forEach((a, i) => {
    addRow(ws, SUBMISSION_COLS, [
      i + 1,
      a.name,
      a.timelinessLabel,
      localTime(a.submittedAt),
      a.daysLate,
      a.answered,
      a.expected,
      a.skipped,
      a.completeness,
    ]);
  });
  const t = r.totals;
  const total = addRow(ws, SUBMISSION_COLS, [
    null,
    'Toàn tỉnh',
    t.notDueSummary ?? `${TIMELINESS_LABEL.on_time} ${t.onTime}, trễ ${t.late}, chưa nộp ${t.notSubmitted}`,
    null,
    null,
    null,
    null,
    null,
    t.completeness,
  ]);
  total.font = { bold: true };
  ws.commit();
}

/** Written with exceljs' streaming writer (2–3× faster than the in-memory workbook on 5,000 rows). */
export async function renderXlsx(r: ConsolidatedReport): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Trợ lý văn bản chỉ đạo';
  wb.created = r.generatedAt;
  figuresSheet(wb, r);
  formSheet(wb, r);
  agenciesSheet(wb, r);
  tasksSheet(wb, r);
  textSheet(wb, r);
  submissionsSheet(wb, r);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
