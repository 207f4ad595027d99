// Two more XLSX sheets: the biểu mẫu (agencies as rows, figures and tasks as columns, a target row under the
// headers and a province total row), and the agencies' free-text answers.
import type ExcelJS from 'exceljs';
import { ANSWER_STATE_LABEL } from '../../../core/types.ts';
import { SKIPPED, fmtNum, textStatus } from '../format.ts';
import { BORDER, HEADER_ROW, SHEETS, addRow, numFmt, scale, sheet, type Col } from './xlsx-parts.ts';
import type { AgencyFigure, AgencyTaskStatus, ConsolidatedReport, FigureRow, TaskRow, TextSection } from '../types.ts';

/** Row of the targets in the biểu mẫu, right under the column headers. */
export const FORM_TARGET_ROW = HEADER_ROW + 1;

type Cell = string | number | null;

function figureCell(f: FigureRow, v: AgencyFigure | undefined): Cell {
  if (!v) return null;
  if (v.state) return ANSWER_STATE_LABEL[v.state];
  if (v.skipped) return SKIPPED;
  return scale(f.kind, v.value);
}

function taskCell(s: AgencyTaskStatus | undefined): Cell {
  if (!s || (s.status === null && !s.state && !s.skipped)) return null;
  return s.status === 'dang_trien_khai' && s.percentDone !== null ? `${s.statusLabel} (${fmtNum(s.percentDone, 0)}%)` : s.statusLabel;
}

function borderRow(row: ExcelJS.Row, n: number, bold = false): void {
  for (let c = 1; c <= n; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    if (bold) cell.font = { bold: true };
  }
}

/** Biểu tổng hợp: one row per agency, one column per figure then per task; target row and total row. */
export function formSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ConsolidatedReport): void {
  const figures = r.figures;
  const tasks: TaskRow[] = r.tasks;
  const cols: Col[] = [
    { header: 'STT', width: 5 },
    { header: 'Đơn vị', width: 28, wrap: true },
    ...figures.map((f) => ({ header: `${f.no}. ${f.label}${f.unit ? ` (${f.unit})` : ''}`, width: 15, wrap: true })),
    ...tasks.map((t) => ({ header: `${t.no}. ${t.label}`, width: 18, wrap: true })),
  ];
  const ws = sheet(wb, SHEETS.form, r, cols, { xSplit: 2, extraHeaderRows: 1 });
  const fmts = figures.map(numFmt);
  const setFormats = (row: ExcelJS.Row) => fmts.forEach((fmt, i) => (row.getCell(3 + i).numFmt = fmt));

  const target = addRow(ws, cols, [
    null,
    'Mục tiêu',
    ...figures.map((f) => (f.target.value !== null ? scale(f.kind, f.target.value) : f.target.text)),
    ...tasks.map((t) => t.target.text),
  ]);
  setFormats(target);
  borderRow(target, cols.length);
  target.font = { italic: true };

  r.agencies.forEach((a, i) => {
    const row = addRow(ws, cols, [
      i + 1,
      a.name,
      ...figures.map((f) =>
        figureCell(
          f,
          f.values.find((v) => v.agencyId === a.agencyId),
        ),
      ),
      ...tasks.map((t) => taskCell(t.statuses.find((s) => s.agencyId === a.agencyId))),
    ]);
    setFormats(row);
    borderRow(row, cols.length);
  });

  const total = addRow(ws, cols, [
    null,
    'Tổng hợp toàn tỉnh',
    ...figures.map((f) => scale(f.kind, f.aggregate)),
    ...tasks.map((t) => `${t.counts.hoan_thanh}/${t.statuses.length} hoàn thành`),
  ]);
  setFormats(total);
  borderRow(total, cols.length, true);
  const note = ws.addRow([null, 'Ghi chú: chỉ tiêu tỷ lệ tổng hợp theo trung bình cộng của các đơn vị; số lượng, kinh phí cộng tổng.']);
  note.font = { italic: true };
  note.getCell(2).alignment = { wrapText: false };
  ws.commit();
}

export const SECTION_LABEL: Record<TextSection, string> = {
  results: 'Kết quả thực hiện',
  difficulties: 'Khó khăn, vướng mắc',
  next_steps: 'Nhiệm vụ, giải pháp thời gian tới',
  proposals: 'Kiến nghị, đề xuất',
};

const TEXT_COLS: Col[] = [
  { header: 'Phần báo cáo', width: 20, wrap: true },
  { header: 'Nội dung', width: 28, wrap: true },
  { header: 'Đơn vị', width: 26, wrap: true },
  { header: 'Ý kiến của đơn vị', width: 70, wrap: true },
  { header: 'Tình trạng', width: 16, wrap: true },
];

/** Ý kiến đơn vị: every free-text answer (or its state with the reason), by item then agency. */
export function textSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ConsolidatedReport): void {
  const ws = sheet(wb, SHEETS.texts, r, TEXT_COLS, { xSplit: 0 });
  for (const x of r.texts) {
    for (const a of x.answers) {
      const status = textStatus(a, true);
      addRow(ws, TEXT_COLS, [SECTION_LABEL[x.section], x.label, a.agencyName, a.text, status]);
    }
  }
  ws.commit();
}
