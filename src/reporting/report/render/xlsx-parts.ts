// Building blocks of the XLSX report: a sheet with title, frozen and repeated header rows, filters and print setup
// (A4 landscape, fit to one page wide), rows whose height follows their wrapped text, number formats.
import type ExcelJS from 'exceljs';
import { fmtDate } from '../format.ts';
import { reportTitle } from './markdown.ts';
import type { ConsolidatedReport, FigureRow, ValueKind } from '../types.ts';
import { zoneOffsetMs } from '../../../core/locale.ts';

export const SHEETS = {
  figures: 'Tổng hợp chỉ tiêu',
  form: 'Biểu tổng hợp',
  agencies: 'Theo đơn vị',
  tasks: 'Nhiệm vụ',
  texts: 'Ý kiến đơn vị',
  submissions: 'Tình hình nộp',
} as const;
/** Row of the column headers in every sheet (rows 1–2 are the title and the period). */
export const HEADER_ROW = 3;

export const FMT_INT = '#,##0';
export const FMT_DEC = '#,##0.00';
export const FMT_PCT = '0.0%';
export const FMT_TIME = 'hh:mm dd/mm/yyyy'; // the order chat and the pages write a moment in (core/locale)

export interface Col {
  header: string;
  width: number;
  fmt?: string;
  wrap?: boolean;
}

/** Points per line of 11 pt text, and the characters of Vietnamese text that fit in one unit of column width. */
const LINE_PT = 15;
const CHARS_PER_UNIT = 1.0;

/** Lines a text takes in a wrapped cell of `width` (Excel width units), counted by words so none is cut. */
export function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT) - 1);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let n = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used > 0 && used + 1 + len > perLine) {
        n += 1 + Math.floor(len / perLine);
        used = len % perLine;
      } else used += (used > 0 ? 1 : 0) + len;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Height (points) of a row so that the wrapped text of every cell shows whole, without overlapping the next row. */
export function rowHeight(values: readonly unknown[], cols: readonly Col[], bold = false): number {
  let lines = 1;
  values.forEach((v, i) => {
    const c = cols[i];
    if (!c || v === null || v === undefined || typeof v !== 'string') return;
    if (c.wrap || bold) lines = Math.max(lines, linesFor(v, bold ? c.width * 0.9 : c.width));
  });
  return lines * LINE_PT + 3;
}

/** Appends a row and sets its height from its wrapped text. */
export function addRow(ws: ExcelJS.Worksheet, cols: readonly Col[], values: unknown[]): ExcelJS.Row {
  const row = ws.addRow(values);
  row.height = rowHeight(values, cols);
  return row;
}

const THIN = { style: 'thin' } as const;
export const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export interface SheetOptions {
  xSplit: number;
  /** Header rows after the column headers (a target row): frozen and printed on every page too. */
  extraHeaderRows?: number;
}

export function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, r: ConsolidatedReport, cols: Col[], o: SheetOptions) {
  const lastHeader = HEADER_ROW + (o.extraHeaderRows ?? 0);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: o.xSplit, ySplit: lastHeader }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${lastHeader}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${name}&RTrang &P/&N` },
  });
  ws.columns = cols.map((c) => ({
    width: c.width,
    style: { ...(c.fmt ? { numFmt: c.fmt } : {}), alignment: { vertical: 'top', wrapText: c.wrap ?? false } },
  }));
  ws.getCell(1, 1).value = `${name.toUpperCase()} — ${reportTitle(r)}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value =
    `Chế độ báo cáo ${r.regime.code}; kỳ ${r.period.label}, hạn nộp ${fmtDate(r.period.deadline)}; lập ngày ${fmtDate(r.generatedAt)}`;
  ws.getCell(2, 1).font = { italic: true };
  const head = ws.getRow(HEADER_ROW);
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = BORDER;
  });
  head.height = Math.max(
    32,
    rowHeight(
      cols.map((c) => c.header),
      cols,
      true,
    ),
  );
  if (!o.extraHeaderRows) ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: cols.length } };
  return ws;
}

/** Percent figures become fractions for the "0.0%" format; other kinds stay as they are. */
export const scale = (kind: ValueKind, v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : kind === 'percent' ? v / 100 : v;

export function numFmt(f: FigureRow): string {
  if (f.kind === 'percent') return FMT_PCT;
  const all = [f.aggregate, f.aggregateTarget, ...f.values.map((v) => v.value), ...f.values.map((v) => v.change?.previous ?? null)];
  return all.every((v) => v === null || Number.isInteger(v)) ? FMT_INT : FMT_DEC;
}

/** Excel has no time zones: a cell holds the wall-clock reading in the configured zone. */
export const localTime = (d: Date | null): Date | null => (d ? new Date(d.getTime() + zoneOffsetMs(d)) : null);
