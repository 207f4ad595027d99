// CSV: one flat table (a province-wide row then one row per agency for each item, then the text answers), UTF-8
// with BOM so Excel shows Vietnamese correctly, RFC 4180 quoting and CRLF line ends. Two dialects: 'vn' (default)
// opens right in an Excel set to Vietnamese — ";" between fields, "85,5" — and 'standard' ("," and "85.5") for re-use.
import { figureStatus, textStatus } from '../format.ts';
import { SECTION_LABEL } from './xlsx-forms.ts';
import type { ConsolidatedReport } from '../types.ts';

export const CSV_FORMATS = ['vn', 'standard'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

interface Dialect {
  sep: string;
  decimal: string;
}
const DIALECTS: Record<CsvFormat, Dialect> = { vn: { sep: ';', decimal: ',' }, standard: { sep: ',', decimal: '.' } };

export const CSV_HEADERS = [
  'STT',
  'Loại',
  'Nội dung',
  'Đơn vị tính',
  'Mục tiêu',
  'Đơn vị báo cáo',
  'Giá trị',
  'Trạng thái',
  '% hoàn thành',
  '% so với mục tiêu',
  'Kỳ trước',
  'Thay đổi',
  'Cách tổng hợp',
  'Ghi chú',
  'Bất thường',
] as const;

export const AGGREGATE_ROW = 'Tổng hợp';

type Cell = string | number | null | undefined;

/**
 * RFC 4180: quote fields holding the separator, a quote, CR or LF (or leading/trailing spaces); double the quotes.
 * Numbers without grouping, with the dialect's decimal mark.
 */
export function csvField(v: Cell, format: CsvFormat = 'standard'): string {
  if (v === null || v === undefined) return '';
  const { sep, decimal } = DIALECTS[format];
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6).replace('.', decimal) : '') : v;
  const special = s.includes(sep) || /["\r\n]|^\s|\s$/.test(s) || (format === 'standard' && s.includes(','));
  return special ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(cells: readonly Cell[], format: CsvFormat = 'standard'): string {
  return cells.map((c) => csvField(c, format)).join(DIALECTS[format].sep);
}

/** One record in the standard dialect. */
export const csvLine = (cells: readonly Cell[]): string => csvRecord(cells, 'standard');

const pct = (ratio: number | null): number | null => (ratio === null ? null : Math.round(ratio * 1000) / 10);

type Row = readonly Cell[];
type Figure = ConsolidatedReport['figures'][number];
type Task = ConsolidatedReport['tasks'][number];

/** A figure's aggregate row, then one row per agency. */
function figureRecords(f: Figure): Row[] {
  const total: Row = [
    f.no,
    'Chỉ tiêu',
    f.label,
    f.unit,
    f.aggregateTarget ?? f.target.text,
    AGGREGATE_ROW,
    f.aggregate,
    `${f.answered}/${f.expected} đơn vị báo cáo`,
    null,
    pct(f.pctOfTarget),
    f.change?.previous,
    f.change?.abs,
    f.methodLabel,
    f.aggregateTargetBasis ? `So với: ${f.aggregateTargetBasis}` : null,
    f.flagged ? `${f.flagged} đơn vị` : null,
  ];
  const each = f.values.map((v): Row => [
    f.no,
    'Chỉ tiêu',
    f.label,
    f.unit,
    v.target,
    v.agencyName,
    v.value,
    figureStatus(v),
    null,
    pct(v.pctOfTarget),
    v.change?.previous,
    v.change?.abs,
    null,
    v.note,
    v.outlier ? 'Có' : null,
  ]);
  return [total, ...each];
}

/** A task's summary row (mean % done), then one row per agency. */
function taskRecords(t: Task): Row[] {
  const pctDone = t.pctDone === null ? null : Math.round(t.pctDone * 10) / 10;
  const total: Row = [
    t.no,
    'Nhiệm vụ',
    t.label,
    null,
    t.target.text,
    AGGREGATE_ROW,
    null,
    `${t.counts.hoan_thanh}/${t.statuses.length} hoàn thành`,
    pctDone,
    null,
    null,
    null,
    'trung bình % hoàn thành',
    null,
    null,
  ];
  const each = t.statuses.map((s): Row => {
    return [
      t.no,
      'Nhiệm vụ',
      t.label,
      null,
      t.target.text,
      s.agencyName,
      null,
      s.statusLabel,
      s.percentDone,
      null,
      null,
      null,
      null,
      s.note,
      null,
    ];
  });
  return [total, ...each];
}

/** One row per agency's free-text answer. */
function textRecords(x: ConsolidatedReport['texts'][number]): Row[] {
  return x.answers.map((a): Row => {
    const note = a.text ?? (a.state ? a.note : null);
    return [
      null,
      'Ý kiến',
      x.label,
      null,
      null,
      a.agencyName,
      null,
      textStatus(a),
      null,
      null,
      null,
      null,
      SECTION_LABEL[x.section],
      note,
      null,
    ];
  });
}

export function renderCsv(r: ConsolidatedReport, format: CsvFormat = 'vn'): Buffer {
  const rows: Row[] = [CSV_HEADERS, ...r.figures.flatMap(figureRecords), ...r.tasks.flatMap(taskRecords), ...r.texts.flatMap(textRecords)];
  const lines = rows.map((cells) => csvRecord(cells, format));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
