// An official's dashboard: their own agency only — its open rounds (state, progress, a link to the form) and its
// past submissions. No rate across agencies, no download, no action: those show other agencies' data.
import type { App } from '../app.ts';
import { findPastSubmissions } from './repo/dashboard-reads.ts';
import { loadFormContext } from '../conversation/repo/context.ts';
import { periodLabelIn, type Locale } from '../core/i18n.ts';
import { formatDate, formatDateTime } from '../reporting/periods.ts';
import { currentPeriods, periodStatus } from '../reporting/status.ts';
import type { BotUser } from '../users/users.ts';
import { esc } from './form-page.ts';
import { formLinkFor } from './links.ts';
import { DASH_TEXT } from './dashboard-text.ts';

async function openRounds(app: App, user: BotUser, agencyId: number, now: Date): Promise<string[]> {
  const out: string[] = [];
  const locale = user.locale;
  const t = DASH_TEXT(locale);
  for (const id of await currentPeriods(app.db, now, agencyId, user.province)) {
    const s = await periodStatus(app.db, id, now);
    const row = s.rows.find((r) => r.agencyId === agencyId);
    if (!row) continue;
    const late = !row.submittedAt && now > s.period.deadline ? t.overdue : '';
    // a locked round says why (who locked it, when) instead of offering the form
    const ctx = await loadFormContext(app.db, {
      periodId: id,
      agencyId,
      user,
      channel: 'console',
      now,
      outlierFactor: app.config.REPORT_OUTLIER_FACTOR,
    });
    const link = ctx.lock ? null : formLinkFor(app.config, { userId: user.id, periodId: id, agencyId }, now);
    const open = ctx.lock
      ? `<p class="lock">${esc(ctx.lock.message)}</p>`
      : link
        ? `<p><a class="button" href="${esc(new URL(link).pathname + new URL(link).search)}">${t.openForm}</a></p>`
        : '';
    out.push(`<section class="item"><h2>${esc(s.regime.name)} — ${esc(periodLabelIn(locale, s.period.key))}</h2>
<p class="meta">${t.deadline(formatDate(s.period.deadline))}</p>
<table><thead><tr><th>${t.colState}</th><th>${t.colAnswered}</th><th>${t.colSentAt}</th></tr></thead>
<tbody><tr><td>${t.state(row.state)}${late}</td><td>${row.answered}/${row.items}</td><td>${row.submittedAt ? formatDateTime(row.submittedAt) : '—'}</td></tr></tbody></table>${open}</section>`);
  }
  return out;
}

async function pastSubmissions(app: App, agencyId: number, locale: Locale): Promise<string> {
  const t = DASH_TEXT(locale);
  const subs = await findPastSubmissions(app.db, agencyId);
  if (!subs.length) return `<p>${t.noSubmissions}</p>`;
  const rows = subs
    .map(
      (s) =>
        `<tr><td>${esc(s.period.regime.name)}</td><td>${esc(periodLabelIn(locale, s.period.key))}</td><td>${s.status === 'submitted' ? t.sent : t.draft}</td><td>${s.submittedAt ? formatDateTime(s.submittedAt) : '—'}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>${t.colRegime}</th><th>${t.colPeriod}</th><th>${t.colState}</th><th>${t.colSentAt}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The page body for an official (their agency's rounds and submissions). */
export async function officialDashboard(app: App, user: BotUser, now: Date): Promise<string> {
  const agency = user.agency!;
  const rounds = await openRounds(app, user, agency.id, now);
  const t = DASH_TEXT(user.locale);
  return `<main><h1>${t.agencyTitle}</h1><p class="sub">${esc(user.name ?? '')} — ${esc(agency.name)}</p>
${rounds.join('') || `<p>${t.noOpenForAgency}</p>`}
<section class="item"><h2>${t.pastRounds}</h2>${await pastSubmissions(app, agency.id, user.locale)}</section></main>`;
}
