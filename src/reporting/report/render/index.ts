// One entry for channels and the CLI: a report in a given format as a file to send or write.
import type { OutFile } from '../../../core/types.ts';
import { AppError, ErrorCode } from '../../../core/errors.ts';
import { slugify as slug } from '../../../core/text.ts';
import type { ConsolidatedReport } from '../types.ts';
import { renderCsv, type CsvFormat } from './csv.ts';
import type { DocxMeta } from './docx.ts';
import { renderMarkdown } from './markdown.ts';

export { renderChatSummary, renderItemDetail, CHAT_LIMIT } from './chat.ts';
export { CSV_FORMATS, renderCsv, type CsvFormat } from './csv.ts';
export type { DocxMeta } from './docx.ts';
export { renderMarkdown, reportTitle } from './markdown.ts';

// The renderers of files (vega and vega-lite with resvg for charts, docx, exceljs) are loaded when a file is first
// asked for: a start that never sends one (the console, a chat answering questions) does not pay for them.
type Chart = typeof import('./chart.ts');
export const renderChartPng = async (...a: Parameters<Chart['renderChartPng']>) => (await import('./chart.ts')).renderChartPng(...a);
export const renderChartSvg = async (...a: Parameters<Chart['renderChartSvg']>) => (await import('./chart.ts')).renderChartSvg(...a);
export const renderDocx = async (...a: Parameters<typeof import('./docx.ts').renderDocx>) => (await import('./docx.ts')).renderDocx(...a);
export const renderXlsx = async (...a: Parameters<typeof import('./xlsx.ts').renderXlsx>) => (await import('./xlsx.ts')).renderXlsx(...a);
export const renderTrendChartPng = async (...a: Parameters<typeof import('./trend-chart.ts').renderTrendChartPng>) =>
  (await import('./trend-chart.ts')).renderTrendChartPng(...a);

export const REPORT_FORMATS = ['xlsx', 'csv', 'docx', 'png', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  md: 'text/markdown; charset=utf-8',
};

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

export interface RenderOptions {
  /** Row number (or key) for the PNG chart; default the first figure with values. */
  item?: number | string;
  docx?: DocxMeta;
  /** 'vn' (default): ";" and "85,5" for a Vietnamese-locale Excel; 'standard': "," and "85.5". */
  csvFormat?: CsvFormat;
}

/** "Bao-cao-tong-hop_KH-CDS-2026_quy-IV-2026.xlsx" (ASCII, so every channel and file system keeps it). */
export function reportFileName(r: ConsolidatedReport, format: ReportFormat, item?: number | string): string {
  const code = r.regime.code.replace(/[^A-Za-z0-9._-]+/g, '-');
  const what = format === 'png' ? `Bieu-do${item !== undefined ? `-muc-${slug(String(item))}` : ''}` : 'Bao-cao-tong-hop';
  const period = slug(r.period.label)
    .replace(/^quy-(i{1,3}|iv)-(?:nam-)?/, (_m, q: string) => `quy-${q.toUpperCase()}-`)
    .replace(/-nam-/, '-');
  return `${what}_${code}_${period}.${format}`;
}

export async function renderReport(r: ConsolidatedReport, format: string, opts: RenderOptions = {}): Promise<OutFile> {
  if (!isReportFormat(format)) {
    throw new AppError(ErrorCode.InvalidInput, `Định dạng "${format}" không được hỗ trợ. Chọn một trong: ${REPORT_FORMATS.join(', ')}.`, {
      en: `Format "${format}" is not supported. Choose one of: ${REPORT_FORMATS.join(', ')}.`,
    });
  }
  let data: Buffer;
  switch (format) {
    case 'xlsx':
      data = await renderXlsx(r);
      break;
    case 'csv':
      data = renderCsv(r, opts.csvFormat);
      break;
    case 'docx':
      data = await renderDocx(r, opts.docx);
      break;
    case 'png':
      data = (await renderChartPng(r, opts.item)).png;
      break;
    case 'md':
      data = Buffer.from(renderMarkdown(r), 'utf8');
      break;
  }
  return { name: reportFileName(r, format, opts.item), mime: MIME[format], data };
}
