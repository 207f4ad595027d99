// Building blocks of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout) with the `docx` library:
// Times New Roman 13–14, A4 with 2/1.5/3 cm margins, borderless header tables, short rules, bordered data tables.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
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

// Advance widths (1/1000 em) of Times New Roman (= Liberation Serif) for the base letters; accents add no width.
const UPPER_BOLD = [
  722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
];
const UPPER = [
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
];
const LOWER_BOLD = [
  500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
];
const LOWER = [
  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
];

/** Estimated width of a line of Times New Roman text, in twips (`size` in half-points, as in `RunStyle`). */
export function textWidth(text: string, size: number, bold = false): number {
  const base = text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let em = 0;
  for (const ch of base) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) em += (bold ? UPPER_BOLD : UPPER)[c - 65] ?? 722;
    else if (c >= 97 && c <= 122) em += (bold ? LOWER_BOLD : LOWER)[c - 97] ?? 500;
    else if (c >= 48 && c <= 57) em += 500;
    else if (ch === ' ' || ch === '.' || ch === ',') em += 250;
    else em += 333;
  }
  return (em / 1000) * (size / 2) * 20;
}

/** The largest of `sizes` (half-points, largest first) at which `text` fits on one line of `width` twips, 4 % to spare. */
export function fitSize(text: string, width: number, sizes: readonly number[], bold = false): number {
  return sizes.find((s) => textWidth(text, s, bold) * 1.04 <= width) ?? (sizes[sizes.length - 1] as number);
}

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
    spacing: { before: 100, after: 60 },
  });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A two-column table without borders and without cell margins (header block, signature block): fixed layout, so
 * Word and LibreOffice keep the widths whatever the text.
 */
export function layoutTable(rows: [Paragraph[], Paragraph[]][], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
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

/** 1 mm left and right: narrow columns (STT) keep their text on one line. */
const CELL_MARGINS = { left: 57, right: 57 };

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
          margins: CELL_MARGINS,
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
              margins: CELL_MARGINS,
              borders,
            }),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}
