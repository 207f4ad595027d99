// Chart of one agency's figure over periods (from its report history): a line with labelled points, oldest period
// first, and the target as a dashed rule. Same pipeline as the by-agency chart (Vega-Lite → SVG → resvg PNG).
import type { TopLevelSpec } from 'vega-lite';
import { AppError, ErrorCode } from '../../../core/errors.ts';
import { fmtNum, fmtValue } from '../format.ts';
import type { AgencyHistory } from '../history.ts';
import { CHART_FONT, specToSvg, svgToPng, wrapText } from './chart.ts';

export interface TrendPoint {
  period: string; // label, e.g. "quý IV năm 2026"
  value: number;
  label: string;
}

/** The figure to chart: by item id, or by 1-based position among the latest period's figures; default the first. */
export function trendInput(h: AgencyHistory, item?: number, regimeCode?: string) {
  const entries = h.entries.filter((e) => !regimeCode || e.regimeCode === regimeCode);
  const latest = entries[0];
  const figures = latest?.values.filter((v) => v.itemKind === 'figure') ?? [];
  const chosen = item === undefined ? figures[0] : (figures.find((v) => v.itemId === item) ?? figures[item - 1]);
  if (!latest || !chosen)
    throw new AppError(ErrorCode.NotFound, 'Chưa có chỉ tiêu số liệu nào trong lịch sử báo cáo để vẽ biểu đồ.', {
      en: 'The report history has no figures to chart yet.',
    });
  const points: TrendPoint[] = entries
    .filter((e) => e.regimeCode === latest.regimeCode)
    .slice(0, 12)
    .reverse()
    .flatMap((e) => {
      const v = e.values.find((x) => x.itemId === chosen.itemId);
      return v && v.value !== null ? [{ period: e.periodLabel, value: v.value, label: fmtNum(v.value) }] : [];
    });
  return { agency: h.agency.name, label: chosen.label, unit: chosen.unit, target: chosen.target, points };
}

export async function renderTrendChartPng(h: AgencyHistory, item?: number, regimeCode?: string): Promise<{ png: Buffer; svg: string }> {
  const c = trendInput(h, item, regimeCode);
  if (c.points.length === 0)
    throw new AppError(ErrorCode.NotFound, `Chỉ tiêu "${c.label}" chưa có số liệu kỳ nào để vẽ biểu đồ.`, {
      en: `"${c.label}" has no figures in any period yet, so there is no chart.`,
    });
  const x = { field: 'period', type: 'ordinal' as const, sort: null, title: null, axis: { labelAngle: 0, labelLimit: 160 } };
  const layer: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      data: { values: c.points },
      mark: { type: 'line', point: { size: 60, filled: true }, color: '#4C78A8', strokeWidth: 2.5 },
      encoding: { x, y: { field: 'value', type: 'quantitative', title: c.unit ? `Giá trị (${c.unit})` : 'Giá trị' } },
    },
    {
      data: { values: c.points },
      mark: { type: 'text', dy: -12, fontSize: 12 },
      encoding: { x, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  if (c.target !== null) {
    layer.push(
      {
        data: { values: [{ target: c.target }] },
        mark: { type: 'rule', color: '#C62828', strokeDash: [6, 4], size: 2 },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: c.target, text: `Mục tiêu: ${fmtValue(c.target, c.unit)}` }] },
        mark: { type: 'text', color: '#C62828', align: 'left', baseline: 'bottom', x: 4, dy: -4, fontWeight: 'bold' },
        encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  const svg = await specToSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: wrapText(c.label, 60),
      subtitle: wrapText(`${c.agency} · diễn biến qua các kỳ báo cáo`, 90),
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 12,
      limit: 0,
    },
    width: Math.max(360, 110 * c.points.length),
    height: 280,
    background: 'white',
    padding: 12,
    layer,
    config: { font: CHART_FONT, axis: { labelFontSize: 12, titleFontSize: 12 }, view: { stroke: null } },
  });
  return { png: svgToPng(svg), svg };
}
