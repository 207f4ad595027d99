// The dashboard's values page for one period: every figure against its target with the change since last period,
// and the unusual values flagged (from the consolidated report, so the numbers are the report's own).
import { formatNumber, formatValue } from '../reporting/numbers.ts';
import type { ConsolidatedReport } from '../reporting/report/types.ts';
import type { Locale } from '../core/i18n.ts';
import { esc } from './form-page.ts';
import { DASH_TEXT } from './dashboard-text.ts';

type Spec = { valueKind: string; unit: string | null };
const num = (n: number | null, s: Spec) =>
  n == null ? '—' : esc(s.valueKind === 'other' ? formatNumber(n) : formatValue(n, s as Parameters<typeof formatValue>[1]));

export function valuesHtml(r: ConsolidatedReport, locale: Locale): string {
  const t = DASH_TEXT(locale);
  const rows = r.figures
    .map((f) => {
      const spec: Spec = { valueKind: f.kind, unit: f.unit };
      const change = f.change
        ? `${f.change.abs >= 0 ? '+' : ''}${esc(formatNumber(f.change.abs))}${f.change.pct != null ? ` (${f.change.pct >= 0 ? '+' : ''}${formatNumber(f.change.pct, 0)}%)` : ''}`
        : '—';
      const target = f.target.text ? esc(f.target.text) : num(f.aggregateTarget, spec);
      const pct = f.pctOfTarget != null ? `${formatNumber(f.pctOfTarget, 0)}%` : '—';
      const flag = f.flagged ? ` <b class="late">⚑ ${f.flagged}</b>` : '';
      return `<tr${f.flagged ? ' class="late"' : ''}><td>${f.no}. ${esc(f.label)}${flag}</td><td>${num(f.aggregate, spec)}</td><td>${target}</td><td>${pct}</td><td>${change}</td><td>${f.answered}/${f.expected}</td></tr>`;
    })
    .join('');
  const flagged = r.flagged
    .map(
      (e) =>
        `<li>${esc(e.agencyName)} — ${e.rowNo}. ${esc(e.label)}: ${e.value == null ? '—' : esc(formatNumber(e.value))} (${esc(e.reason)})</li>`,
    )
    .join('');
  const head = [t.colIndicator, t.colAggregate, t.colTarget, t.colPctTarget, t.colChange, t.colReported]
    .map((h) => `<th>${h}</th>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
<h2>${t.unusual}</h2>${flagged ? `<ul>${flagged}</ul>` : `<p>${t.none}</p>`}`;
}
