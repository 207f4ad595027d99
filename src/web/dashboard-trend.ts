// The reporting rate (reports received / agencies expected, as DHIS2 defines it) of a regime's last periods, drawn
// as an inline SVG bar chart: rendered here, nothing fetched, readable at 360 px. The expected agencies are the
// regime's current list (the one the current period's status uses).
import type { App } from '../app.ts';
import { formatNumber } from '../reporting/numbers.ts';
import { periodLabel } from '../reporting/periods.ts';
import type { PeriodStatus } from '../reporting/status.ts';
import { esc } from './form-page.ts';

const MAX_PERIODS = 8;

export async function trendSvg(app: App, regimeId: number, current: PeriodStatus): Promise<string> {
  const expected = current.rows.length;
  const periods = await app.db.period.findMany({
    where: { regimeId, startsAt: { lte: app.clock.now() } },
    orderBy: { startsAt: 'desc' },
    take: MAX_PERIODS,
    select: { id: true, key: true },
  });
  if (!expected || periods.length < 2) return '';
  const counts = await app.db.submission.groupBy({
    by: ['periodId'],
    where: { periodId: { in: periods.map((p) => p.id) }, status: 'submitted' },
    _count: { _all: true },
  });
  const byPeriod = new Map(counts.map((c) => [c.periodId, c._count._all]));
  const points = periods
    .reverse()
    .map((p) => ({ label: periodLabel(p.key), rate: Math.min(100, ((byPeriod.get(p.id) ?? 0) / expected) * 100) }));
  const w = 320;
  const h = 150;
  const top = 14;
  const base = 120;
  const slot = w / points.length;
  const bars = points
    .map((pt, i) => {
      const bh = ((base - top) * pt.rate) / 100;
      const x = i * slot + slot * 0.2;
      const text = `${formatNumber(pt.rate, 0)}%`;
      const short = pt.label
        .replace(/^quý /, 'Q')
        .replace(/^tháng /, 'T')
        .replace(/^năm /, '');
      return `<g><title>${esc(pt.label)}: ${text}</title><rect x="${x.toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${bh.toFixed(1)}" fill="#0b5cad"></rect><text x="${(x + slot * 0.3).toFixed(1)}" y="${(base - bh - 3).toFixed(1)}" text-anchor="middle" font-size="11">${text}</text><text x="${(x + slot * 0.3).toFixed(1)}" y="${base + 14}" text-anchor="middle" font-size="10">${esc(short)}</text></g>`;
    })
    .join('');
  return `<figure class="trend"><figcaption>Tỷ lệ báo cáo qua các kỳ</figcaption><svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="Tỷ lệ báo cáo qua các kỳ"><line x1="0" y1="${base}" x2="${w}" y2="${base}" stroke="#999"></line>${bars}</svg></figure>`;
}
