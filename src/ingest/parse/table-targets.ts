// Targets printed as a table: "Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 | Năm 2030". Each numeric cell is one
// target of its row's subject, in its column's year and the row's unit ("≥ 50", "trên 60", "30 - 35", "1.350,5").
import type { Comparator, ParsedIndicator } from '../../core/types.ts';
import { parseViNumber, unitKind } from './indicators.ts';
import type { Outline } from './sections.ts';
import { capitalizeFirst, collapse, foldKeep } from './vn.ts';

interface Cols {
  subject: number;
  unit: number;
  years: { col: number; year: number }[];
}

function columnsOf(row: string[]): Cols | null {
  const f = row.map((c) => foldKeep(c).replace(/\s+/g, ' ').trim());
  const subject = f.findIndex((c) => /^(?:ten |noi dung )?chi tieu\b/.test(c));
  const unit = f.findIndex((c) => /^(?:don vi(?: tinh)?|dvt)\b/.test(c));
  const years = f
    .map((c, col) => ({ col, m: /^(?:nam\s+|den nam\s+)?((?:19|20)\d{2})$/.exec(c) }))
    .filter((x) => x.m)
    .map((x) => ({ col: x.col, year: Number(x.m![1]) }));
  return subject >= 0 && years.length > 0 ? { subject, unit, years } : null;
}

const CELL =
  /^(?<op>≥|>=|≤|<=|>|<|trên|hơn|ít nhất|tối thiểu|không dưới|dưới|không quá|tối đa)?\s*(?<a>\d[\d.,]*)\s*(?:(?:-|–|đến)\s*(?<b>\d[\d.,]*))?\s*(?<pct>%)?$/iu;

function comparatorOf(op: string, range: boolean): Comparator {
  if (range) return 'range';
  const o = foldKeep(op);
  if (/^(?:>|tren|hon)$/.test(o)) return 'gt';
  if (/^(?:≥|>=|it nhat|toi thieu|khong duoi)$/.test(o)) return 'gte';
  if (/^(?:<|duoi)$/.test(o)) return 'lt';
  if (/^(?:≤|<=|khong qua|toi da)$/.test(o)) return 'lte';
  return 'eq';
}

export function tableIndicators(outline: Outline): ParsedIndicator[] {
  const out: ParsedIndicator[] = [];
  outline.info.forEach((info, section) => {
    for (const rows of info.tables) {
      let cols: Cols | null = null;
      for (const row of rows) {
        if (!cols) {
          cols = columnsOf(row);
          continue;
        }
        const subject = capitalizeFirst(collapse(row[cols.subject] ?? ''));
        const unitCell = cols.unit >= 0 ? collapse(row[cols.unit] ?? '') : '';
        if (!subject) continue;
        for (const { col, year } of cols.years) {
          const cell = collapse(row[col] ?? '');
          const m = CELL.exec(cell);
          if (!m?.groups) continue; // group rows ("II | Chính quyền số") and notes carry no value
          const a = parseViNumber(m.groups.a ?? '');
          const b = m.groups.b ? parseViNumber(m.groups.b) : null;
          if (a === null) continue;
          const [unit, kind] = unitKind(unitCell || (m.groups.pct ? '%' : ''));
          const valueText = unit === '%' ? `${cell.replace(/\s*%$/, '')}%` : unit ? `${cell} ${unit}` : cell;
          out.push({
            section,
            subject,
            text: `${subject} (${unitCell || unit}): năm ${year} ${cell}`,
            valueText,
            valueMin: a,
            valueMax: b ?? a,
            comparator: comparatorOf(m.groups.op ?? '', b !== null),
            unit: unit || null,
            kind: unit ? kind : 'other',
            year,
          });
        }
      }
    }
  });
  return out;
}
