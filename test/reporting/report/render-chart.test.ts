import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb } from '../../helpers/db.ts';
import { renderChartSvg } from '../../../src/reporting/report/render/chart.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { smallReport } from './small-report.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport());
});
afterAll(async () => t.close());

/** Every line of text of the SVG (a wrapped title is one <text> with a <tspan> per line). */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].flatMap((m) => {
    const inner = m[1] ?? '';
    return inner.includes('<tspan') ? [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((x) => x[1] ?? '') : [inner];
  });
/** The lines of the chart title. */
const titleLines = (svg: string) => texts(/role-title-text[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '');
const bars = (svg: string) =>
  (/<g class="mark-rect role-mark layer_0_marks"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '').match(/<path /g)?.length ?? 0;

describe('the default chart', () => {
  it('shows every item with a target as % of it (tasks as % done), in report order, against a 100% rule', async () => {
    const svg = await renderChartSvg(r);
    const words = texts(svg);
    expect(bars(svg)).toBe(3); // items 1, 2 (targets) and the task 4; item 3 has no target
    const labels = words.filter((w) => /^\d\. /.test(w));
    expect(labels).toEqual(['1. Tỷ lệ hồ sơ giải quyết trực tuyến', '2. Số điểm Wi-Fi công cộng', '4. Triển khai nền tảng họp trực tuyến']);
    expect(words).toEqual(expect.arrayContaining(['100%', '72,5%', '53,3%', 'Mục tiêu: 100%']));
    expect(words.join('\n')).toContain('1 chỉ tiêu chưa có mục tiêu để so sánh nên không thể hiện');
  });

  it('wraps a long title instead of cutting it', async () => {
    const name = 'Kế hoạch thực hiện Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 trên địa bàn tỉnh Cà Mau';
    const svg = await renderChartSvg({ ...r, regime: { ...r.regime, name } });
    const lines = titleLines(svg);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(`Kết quả thực hiện so với mục tiêu — ${name}`);
    expect(texts(svg).some((w) => w.includes('…'))).toBe(false);
  });

  it('falls back to the completeness of each agency when no item has a target', async () => {
    const none = { ...r, tasks: [], figures: r.figures.map((f) => ({ ...f, pctOfTarget: null })) };
    const svg = await renderChartSvg(none);
    expect(bars(svg)).toBe(4);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Sở Tài chính', 'UBND huyện Năm Căn', '75%', '25%']));
    expect(titleLines(svg)[0]).toContain('Mức độ đầy đủ số liệu theo đơn vị');
  });

  it('writes axis numbers the Vietnamese way (2.000, not 2,000)', async () => {
    const money = r.figures[2]!;
    const big = { ...money, values: money.values.map((v) => ({ ...v, value: v.value === null ? null : v.value * 100 })) };
    const words = texts(await renderChartSvg({ ...r, figures: [r.figures[0]!, r.figures[1]!, big] }, 3));
    expect(words).toContain('2.000');
    expect(words).toContain('12.000');
    expect(words.some((w) => /^\d{1,3}(,\d{3})+$/.test(w))).toBe(false);
  });
});
