// The default chart of a report: every item as % of its target (figures) or % done (tasks) on one bar chart with
// the 100 % rule; when no item has a target, the completeness of each agency's report instead.
import { fmtNum } from '../format.ts';
import type { ConsolidatedReport } from '../types.ts';
import type { ChartInput } from './chart-input.ts';

/** More bars than this make an unreadable picture; the rest are named in the subtitle. */
export const MAX_BARS = 60;

const short = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

export function overviewInput(r: ConsolidatedReport): ChartInput | null {
  const bars = [
    ...r.figures
      .filter((f) => f.pctOfTarget !== null)
      .map((f) => ({ agency: `${f.no}. ${short(f.label, 56)}`, value: (f.pctOfTarget as number) * 100 })),
    ...r.tasks.filter((t) => t.pctDone !== null).map((t) => ({ agency: `${t.no}. ${short(t.label, 56)}`, value: t.pctDone as number })),
  ];
  if (bars.length) {
    const without = r.figures.filter((f) => f.pctOfTarget === null).length;
    const subtitle = [`${r.period.label} · chỉ tiêu: % so với mục tiêu; nhiệm vụ: % khối lượng hoàn thành (trung bình các đơn vị)`];
    const notes: string[] = [];
    if (without) notes.push(`${without} chỉ tiêu chưa có mục tiêu để so sánh nên không thể hiện`);
    if (bars.length > MAX_BARS) notes.push(`hiển thị ${MAX_BARS}/${bars.length} mục đầu tiên`);
    if (notes.length) subtitle.push(`(${notes.join('; ')})`);
    return {
      title: `Kết quả thực hiện so với mục tiêu — ${r.regime.name}`,
      subtitle,
      unit: '%',
      target: 100,
      keepOrder: true,
      axisTitle: '% so với mục tiêu (nhiệm vụ: % hoàn thành)',
      data: bars.slice(0, MAX_BARS).map((b) => ({ ...b, label: `${fmtNum(b.value, 1)}%` })),
    };
  }
  if (!r.agencies.length) return null;
  return {
    title: `Mức độ đầy đủ số liệu theo đơn vị — ${r.regime.name}`,
    subtitle: [`${r.period.label} · số mục đã báo cáo / số mục phải báo cáo (chưa có mục tiêu để so sánh kết quả)`],
    unit: '%',
    target: 100,
    axisTitle: '% số mục đã báo cáo',
    data: r.agencies.slice(0, MAX_BARS).map((a) => ({
      agency: short(a.name, 48),
      value: a.completeness * 100,
      label: `${fmtNum(a.completeness * 100, 1)}%`,
    })),
  };
}
