// Building blocks of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout) with the `docx` library:
// Times New Roman 13–14, A4 with 2/1.5/3 cm margins, borderless header tables, short rules, bordered data tables.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';

export const FONT = 'Times New Roman';
/** Half-points: 13 pt and 14 pt. */
export const SIZE_13 = 26;
export const SIZE_14 = 28;
export const SIZE_12 = 24;
export const SIZE_11 = 22;
/** Text width of an A4 page with 3 cm left and 1.5 cm right margins, in twips. */
export const TEXT_WIDTH = 11906 - 1701 - 850;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: s.size ?? SIZE_14, bold: s.bold, italics: s.italics });
}

export function para(
  text: string | TextRun[],
  opts: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number } = {},
): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text, opts)] : text,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 567 } : undefined,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 276 },
  });
}

export function centered(text: string, s: RunStyle = {}): Paragraph {
  return para(text, { ...s, align: AlignmentType.CENTER, after: 0 });
}

/** The short horizontal rule under the issuing body, the national motto and the title. */
export function shortRule(widthTwips: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - widthTwips) / 2));
  return new Paragraph({
    children: [],
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 20, after: 60 },
  });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A two-column table without borders (header block, signature block). */
export function layoutTable(rows: [Paragraph[], Paragraph[]][], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: noBorders,
    rows: rows.map(
      ([l, r]) =>
        new TableRow({
          children: [
            new TableCell({
              children: l,
              width: { size: leftWidth, type: WidthType.DXA },
              borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
            }),
            new TableCell({
              children: r,
              width: { size: rightWidth, type: WidthType.DXA },
              borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
            }),
          ],
        }),
    ),
  });
}

export type CellValue = string | number | null | undefined;

export interface DataColumn {
  header: string;
  /** Relative width. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

function cellPara(text: string, bold: boolean, align: DataColumn['align']): Paragraph {
  const alignment = align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new Paragraph({ children: [run(text, { size: SIZE_12, bold })], alignment, spacing: { before: 40, after: 40 } });
}

/** A bordered data table with a bold, repeated header row; 12 pt text. */
export function dataTable(cols: DataColumn[], rows: CellValue[][], opts: { boldRows?: Set<number> } = {}): Table {
  const total = cols.reduce((a, c) => a + c.weight, 0);
  const widths = cols.map((c) => Math.floor((TEXT_WIDTH * c.weight) / total));
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  const header = new TableRow({
    tableHeader: true,
    children: cols.map(
      (c, i) =>
        new TableCell({
          children: [cellPara(c.header, true, 'center')],
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          borders,
          shading: { fill: 'EDEDED' },
        }),
    ),
  });
  const body = rows.map(
    (r, ri) =>
      new TableRow({
        children: cols.map(
          (c, i) =>
            new TableCell({
              children: [cellPara(r[i] === null || r[i] === undefined ? '' : String(r[i]), opts.boldRows?.has(ri) ?? false, c.align)],
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders,
            }),
        ),
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...body] });
}
