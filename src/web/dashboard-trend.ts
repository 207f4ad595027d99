// The reporting rate (reports received / agencies expected, as DHIS2 defines it) of a regime's last periods, drawn
// as an inline SVG bar chart: rendered here, nothing fetched, readable at 360 px.
import type { App } from '../app.ts';
import { findTrendPeriods, findTrendSubmissions } from './repo/dashboard-reads.ts';
import { formatNumber } from '../reporting/numbers.ts';
import { periodLabelIn, periodShortLabelIn, type Locale } from '../core/i18n.ts';
import type { PeriodStatus } from '../reporting/status.ts';
import { esc } from './form-page.ts';
import { DASH_TEXT } from './dashboard-text.ts';

const MAX_PERIODS = 8;

/**
 * Each period's reporting rate against the agencies expected in THAT period (Period.expectedAgencies, recorded when
 * it opened and kept up to date while it was open); the period on screen uses the status's rows. A period opened
 * before that record existed falls back to today's list. A report sent by an agency since merged counts for its
 * successor when only the successor is expected.
 */
export async function trendSvg(app: App, regimeId: number, current: PeriodStatus, locale: Locale): Promise<string> {
  const today = current.rows.map((r) => r.agencyId);
  const periods = await findTrendPeriods(app.db, regimeId, app.clock.now(), MAX_PERIODS);
  if (!today.length || periods.length < 2) return '';
  const subs = await findTrendSubmissions(
    app.db,
    periods.map((p) => p.id),
  );
  const points = periods.reverse().map((p) => {
    const expected = new Set(p.id === current.period.id || !p.expectedAgencies ? today : (JSON.parse(p.expectedAgencies) as number[]));
    const reported = new Set(
      subs
        .filter((x) => x.periodId === p.id)
        .map((x) => (expected.has(x.agencyId) ? x.agencyId : x.agency.successorId))
        .filter((id): id is number => id !== null && expected.has(id)),
    );
    return {
      label: periodLabelIn(locale, p.key),
      short: periodShortLabelIn(locale, p.key),
      rate: expected.size ? (reported.size / expected.size) * 100 : 0,
    };
  });
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
      return `<g><title>${esc(pt.label)}: ${text}</title><rect x="${x.toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${bh.toFixed(1)}" fill="#0b5cad"></rect><text x="${(x + slot * 0.3).toFixed(1)}" y="${(base - bh - 3).toFixed(1)}" text-anchor="middle" font-size="11">${text}</text><text x="${(x + slot * 0.3).toFixed(1)}" y="${base + 14}" text-anchor="middle" font-size="10">${esc(pt.short)}</text></g>`;
    })
    .join('');
  return `<figure class="trend"><figcaption>${DASH_TEXT(locale).trend}</figcaption><svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${DASH_TEXT(locale).trend}"><line x1="0" y1="${base}" x2="${w}" y2="${base}" stroke="#999"></line>${bars}</svg></figure>`;
}
