// CSV: one flat table (a province-wide row then one row per agency for each item), UTF-8 with BOM so Excel shows
// Vietnamese correctly, RFC 4180 quoting and CRLF line ends. Numbers are plain (decimal point) for re-use.
import type { ConsolidatedReport } from '../types.ts';

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

/** RFC 4180: quote fields holding a comma, quote, CR or LF (or leading/trailing spaces); double the quotes. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '') : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

const pct = (ratio: number | null): number | null => (ratio === null ? null : Math.round(ratio * 1000) / 10);

export function renderCsv(r: ConsolidatedReport): Buffer {
  const lines: string[] = [csvLine(CSV_HEADERS)];
  for (const f of r.figures) {
    const target = f.aggregateTarget ?? f.target.text;
    lines.push(
      csvLine([
        f.no,
        'Chỉ tiêu',
        f.label,
        f.unit,
        target,
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
      ]),
    );
    for (const v of f.values) {
      lines.push(
        csvLine([
          f.no,
          'Chỉ tiêu',
          f.label,
          f.unit,
          v.target,
          v.agencyName,
          v.value,
          v.skipped ? 'Bỏ qua' : v.value === null ? 'Chưa báo cáo' : v.draft ? 'Chưa gửi' : 'Đã báo cáo',
          null,
          pct(v.pctOfTarget),
          v.change?.previous,
          v.change?.abs,
          null,
          v.note,
          v.outlier ? 'Có' : null,
        ]),
      );
    }
  }
  for (const t of r.tasks) {
    lines.push(
      csvLine([
        t.no,
        'Nhiệm vụ',
        t.label,
        null,
        t.target.text,
        AGGREGATE_ROW,
        null,
        `${t.counts.hoan_thanh}/${t.statuses.length} hoàn thành`,
        t.pctDone === null ? null : Math.round(t.pctDone * 10) / 10,
        null,
        null,
        null,
        'trung bình % hoàn thành',
        null,
        null,
      ]),
    );
    for (const s of t.statuses) {
      lines.push(
        csvLine([
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
        ]),
      );
    }
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
