// Charts of a report as horizontal bar charts with a dashed target rule: by default every item as % of its target
// (chart-overview.ts); for one row, actual vs target by agency. Numbers in Vietnamese (1.000; 85,5), titles wrapped.
// Vega-Lite spec → Vega → SVG (headless, renderer 'none') → PNG with resvg and the DejaVu fonts (Vietnamese glyphs).
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { AppError, ErrorCode } from '../../../core/errors.ts';
import { fmtNum, fmtValue } from '../format.ts';
import type { ConsolidatedReport } from '../types.ts';
import { overviewInput } from './chart-overview.ts';

export const CHART_FONT = 'DejaVu Sans';
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`);

import type { ChartInput } from './chart-input.ts';

export type { ChartDatum, ChartInput } from './chart-input.ts';

/** Vietnamese number format for Vega's d3-format: "1.234,5". */
export const VI_LOCALE: vega.Locale = {
  number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] },
};

/** Splits a title into lines of at most `width` characters, at spaces. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

/** The row to draw: by number ("chi tiết <n>") or key; by default every item against its target (the overview). */
export function chartInput(r: ConsolidatedReport, itemId?: number | string): ChartInput {
  const overview = itemId === undefined ? overviewInput(r) : null;
  if (overview) return overview;
  const fig =
    itemId === undefined
      ? (r.figures.find((f) => f.answered > 0) ?? r.figures[0])
      : r.figures.find((f) => f.no === Number(itemId) || f.key === itemId);
  const task = fig ? undefined : itemId === undefined ? r.tasks[0] : r.tasks.find((t) => t.no === Number(itemId) || t.key === itemId);
  if (fig) {
    const unit = fig.unit;
    // One rule per chart: the target every agency shares (none when targets differ or the target is province-wide).
    const target = fig.aggregateTargetBasis === 'mục tiêu chung của tỉnh' ? null : fig.target.value;
    const subtitle = [`${r.period.label} · ${fig.answered}/${fig.expected} đơn vị có số liệu`];
    if (fig.aggregate !== null)
      subtitle.push(
        `Tổng hợp theo ${fig.methodLabel}: ${fmtValue(fig.aggregate, unit)}${target !== null ? ` · mục tiêu mỗi đơn vị: ${fmtValue(target, unit)}` : ''}`,
      );
    return {
      title: `${fig.no}. ${fig.label}`,
      subtitle,
      unit,
      target,
      data: fig.values
        .filter((v) => v.value !== null)
        .map((v) => ({ agency: v.agencyName, value: v.value as number, label: fmtNum(v.value) })),
    };
  }
  if (task) {
    return {
      title: `${task.no}. ${task.label}`,
      subtitle: [`${r.period.label} · % khối lượng hoàn thành theo đơn vị`],
      unit: '%',
      target: 100,
      data: task.statuses
        .filter((s) => s.percentDone !== null)
        .map((s) => ({ agency: s.agencyName, value: s.percentDone as number, label: fmtNum(s.percentDone, 0) })),
    };
  }
  const last = r.figures.length + r.tasks.length;
  throw new AppError(
    ErrorCode.NotFound,
    last ? `Không có mục số ${String(itemId)} để vẽ biểu đồ (chọn từ 1 đến ${last}).` : 'Báo cáo chưa có chỉ tiêu nào để vẽ biểu đồ.',
    { en: last ? `No item number ${String(itemId)} to chart (choose 1 to ${last}).` : 'The report has no figures to chart yet.' },
  );
}

export function chartSpec(c: ChartInput): TopLevelSpec {
  // Data come sorted (largest first); keep that order in every layer.
  const y = { field: 'agency', type: 'nominal' as const, sort: null, title: null, axis: { labelLimit: 380 } };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      data: { values: c.data },
      mark: { type: 'bar', height: { band: 0.75 } },
      encoding: {
        y,
        x: {
          field: 'value',
          type: 'quantitative',
          title: c.axisTitle ?? (c.unit ? `Giá trị (${c.unit})` : 'Giá trị'),
          axis: { format: ',~f' },
        },
        color:
          c.target !== null
            ? { condition: { test: `datum.value >= ${c.target}`, value: '#2E7D32' }, value: '#4C78A8' }
            : { value: '#4C78A8' },
      },
    },
    {
      data: { values: c.data },
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
      encoding: { y, x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  if (c.target !== null) {
    layers.push(
      {
        data: { values: [{ target: c.target }] },
        mark: { type: 'rule', color: '#C62828', strokeDash: [6, 4], size: 2 },
        encoding: { x: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: c.target, text: `Mục tiêu: ${fmtValue(c.target, c.unit)}` }] },
        mark: { type: 'text', color: '#C62828', align: 'left', baseline: 'bottom', dx: 4, y: -4, fontWeight: 'bold' },
        encoding: { x: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // Wrapped, never cut: ~70 characters of 15 px DejaVu Sans fit the 620 px plot plus the labels.
    title: {
      text: wrapText(c.title, 70),
      subtitle: c.subtitle.flatMap((s) => wrapText(s, 105)),
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 12,
      limit: 0,
    },
    width: 620,
    height: { step: 24 },
    background: 'white',
    padding: 12,
    layer: layers,
    config: { font: CHART_FONT, axis: { labelFontSize: 12, titleFontSize: 12 }, view: { stroke: null } },
  };
}

/** Vega-Lite spec → SVG, headless. */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse({ ...compiled, config: { ...compiled.config, locale: VI_LOCALE } }), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** SVG → PNG with the DejaVu fonts (falls back to system fonts); 1.5× for small charts, 1:1 for tall ones. */
export function svgToPng(svg: string): Buffer {
  const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1] ?? 0);
  const zoom = height > 1200 ? 1 : 1.5;
  const haveDejaVu = FONT_FILES.every((f) => existsSync(f));
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: zoom },
    font: haveDejaVu
      ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT }
      : { loadSystemFonts: true, defaultFontFamily: CHART_FONT },
  });
  return Buffer.from(resvg.render().asPng());
}

export async function renderChartSvg(r: ConsolidatedReport, itemId?: number | string): Promise<string> {
  const input = chartInput(r, itemId);
  if (!input.keepOrder) input.data.sort((a, b) => b.value - a.value);
  if (input.data.length === 0) {
    throw new AppError(ErrorCode.NotFound, `Mục "${input.title}" chưa có đơn vị nào báo cáo số liệu nên chưa vẽ được biểu đồ.`, {
      en: `No agency has reported a figure for "${input.title}" yet, so there is no chart.`,
    });
  }
  return specToSvg(chartSpec(input));
}

export async function renderChartPng(r: ConsolidatedReport, itemId?: number | string): Promise<{ png: Buffer; svg: string }> {
  const svg = await renderChartSvg(r, itemId);
  return { png: svgToPng(svg), svg };
}
