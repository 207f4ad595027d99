// The coordinator dashboard: per open period of the coordinator's province, the reporting rate (reports received /
// expected, as DHIS2 defines it) and the on-time rate (received by the deadline / expected), each agency's state
// with its last activity; "remind all non-submitters now" (through the outbox, once per person and period);
// downloads through the consolidated-report renderers. Every action needs the CSRF token and is audited.
import type { FastifyInstance } from 'fastify';
import type { App } from '../app.ts';
import { findPeriodWithRegimeOrThrow } from '../reporting/repo/periods.ts';
import { findRegimeById } from '../reporting/repo/regimes.ts';
import { findPeriodWithRegime } from './repo/dashboard-reads.ts';
import { formatNumber } from '../reporting/numbers.ts';
import { formatDate, formatDateTime } from '../reporting/periods.ts';
import { periodLabelIn, type Locale } from '../core/i18n.ts';
import { buildConsolidatedReport, renderReport } from '../reporting/report/index.ts';
import { currentPeriods, periodStatus, type PeriodStatus } from '../reporting/status.ts';
import type { BotUser } from '../users/users.ts';
import { dashboardCsrf, isStaffRole, sessionCookie, useLoginLink } from './dashboard-auth.ts';
import { agencyActionRoutes, agencyButtons, periodState, submissionLocks, type Locks } from './dashboard-actions.ts';
import { dashboardContext, type DashboardDeps } from './dashboard-context.ts';
import { trendSvg } from './dashboard-trend.ts';
import { officialDashboard } from './dashboard-official.ts';
import { DASH_TEXT } from './dashboard-text.ts';
import { browserLocale } from './web-text.ts';
import { errorPage, esc, layout } from './form-page.ts';
import { valuesHtml } from './dashboard-values.ts';

export type { DashboardDeps } from './dashboard-context.ts';

const pct = (n: number) => `${formatNumber(n, 0)}%`;

function rates(s: PeriodStatus) {
  const expected = s.rows.length;
  const onTime = s.rows.filter((r) => r.state === 'on_time').length;
  return { expected, reporting: expected ? (s.submitted / expected) * 100 : 0, onTime: expected ? (onTime / expected) * 100 : 0 };
}

interface Block {
  s: PeriodStatus;
  regimeId: number;
  locks: Locks;
  trend: string;
  state: string; // the period's state and its lock buttons
}

function periodBlock({ s, regimeId, locks, trend, state }: Block, csrf: string, now: Date, locale: Locale): string {
  const t = DASH_TEXT(locale);
  const r = rates(s);
  const overdue = now > s.period.deadline;
  const rows = s.rows
    .map((a) => {
      const late = !a.submittedAt && overdue ? t.overdue : '';
      const cls = !a.submittedAt && overdue ? ' class="late"' : '';
      const when = a.submittedAt ? formatDateTime(a.submittedAt) : '—';
      // an approved period is closed for everyone: no action per agency until the period is reopened
      const buttons = s.period.status === 'approved' ? '' : agencyButtons(s.period.id, a, locks.get(a.agencyId), csrf, locale);
      return `<tr${cls}><td>${esc(a.agencyName)}</td><td>${t.state(a.state)}${late}${buttons}</td><td>${a.answered}/${a.items}</td><td>${when}</td></tr>`;
    })
    .join('');
  const dl = (f: string) => `<a href="/dashboard/export?period=${s.period.id}&amp;format=${f}">${f.toUpperCase()}</a>`;
  return `<section class="item"><h2>${esc(s.regime.name)} — ${esc(periodLabelIn(locale, s.period.key))}</h2>
<p class="meta">${t.deadline(formatDate(s.period.deadline))} · ${t.toReport(r.expected)}</p>
${state}
<p>${t.rates(pct(r.reporting), s.submitted, r.expected, pct(r.onTime), pct(s.completeness))}</p>
<table><thead><tr><th>${t.colAgency}</th><th>${t.colState}</th><th>${t.colAnswered}</th><th>${t.colSentAt}</th></tr></thead><tbody>${rows}</tbody></table>
${trend}
<form method="post" action="/dashboard/remind"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="regimeId" value="${regimeId}">
<button type="submit">${t.remindAll}</button></form>
<p><a href="/dashboard/values?period=${s.period.id}">${t.valuesLink}</a></p>
<p>${t.download} ${['xlsx', 'csv', 'docx', 'png'].map(dl).join(' · ')}</p></section>`;
}

async function scopedStatuses(app: App, user: BotUser, now: Date) {
  const ids = await currentPeriods(app.db, now, undefined, user.role === 'admin' && !user.province ? null : user.province);
  const out: { s: PeriodStatus; period: Awaited<ReturnType<typeof findPeriodWithRegimeOrThrow>> }[] = [];
  for (const id of ids) {
    const p = await findPeriodWithRegimeOrThrow(app.db, id);
    if (user.province && p.regime.province && p.regime.province !== user.province) continue;
    out.push({ s: await periodStatus(app.db, id, now), period: p });
  }
  return out;
}

export function dashboardRoutes(f: FastifyInstance, app: App, deps: DashboardDeps): void {
  const ctx = dashboardContext(app);
  const { now, page, who, staffOnly, refuse, notSignedIn, audit } = ctx;
  const secure = (app.config.WEB_BASE_URL ?? '').startsWith('https://');

  f.get<{ Querystring: { t?: string } }>('/dashboard/login', async (req, reply) => {
    const r = await useLoginLink(app, req.query.t, now());
    if (!r.ok) {
      const lang = r.user?.locale ?? browserLocale(req.headers['accept-language']);
      return page(reply, 403, errorPage(DASH_TEXT(lang)[r.reason], lang));
    }
    return reply.header('set-cookie', sessionCookie(r.cookie, secure)).redirect('/dashboard', 303);
  });

  f.get<{ Querystring: { msg?: string } }>('/dashboard', async (req, reply) => {
    const s = await who(req);
    if (!s) return notSignedIn(req, reply, true);
    const locale = s.user.locale;
    const t = DASH_TEXT(locale);
    if (!isStaffRole(s.user)) return page(reply, 200, layout(t.agencyTitle, await officialDashboard(app, s.user, now()), '', locale));
    const csrf = dashboardCsrf(app.config.WEB_SECRET!, s.cookie);
    const blocks: string[] = [];
    for (const { s: st, period: p } of await scopedStatuses(app, s.user, now())) {
      const [locks, trend, state] = await Promise.all([
        submissionLocks(app, p.id),
        trendSvg(app, p.regimeId, st, locale),
        periodState(app, p, csrf, locale),
      ]);
      blocks.push(periodBlock({ s: st, regimeId: p.regimeId, locks, trend, state }, csrf, now(), locale));
    }
    const msg = req.query.msg ? `<p class="ok">${esc(req.query.msg.slice(0, 300))}</p>` : '';
    const body = `<main><h1>${t.title}</h1><p class="sub">${esc(s.user.name ?? '')}${s.user.province ? ` — ${esc(s.user.province)}` : ''}</p>${msg}${blocks.join('') || `<p>${t.noOpenPeriods}</p>`}</main>`;
    return page(reply, 200, layout(t.title, body, '', locale));
  });

  f.post('/dashboard/remind', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    if (!s) return reply;
    const b = (req.body ?? {}) as Record<string, string>;
    const regimeId = Number(b.regimeId);
    const regime = Number.isInteger(regimeId) ? await findRegimeById(app.db, regimeId) : null;
    if (!regime || (s.user.province && regime.province && regime.province !== s.user.province))
      return refuse(reply, 403, s, 'regimeNotInScope');
    const r = deps.scheduler ? await deps.scheduler.sendNow([regime.id], now()) : { officials: 0, agencies: 0, periods: 0 };
    await audit(s.user.id, 'dashboard.remind', String(regime.id), r);
    const t = DASH_TEXT(s.user.locale);
    const msg = r.officials ? t.remindedAll(r.officials, r.agencies) : t.nobodyToRemind;
    return ctx.back(reply, msg);
  });

  agencyActionRoutes(f, app, deps, ctx);

  f.get<{ Querystring: { period?: string } }>('/dashboard/values', async (req, reply) => {
    const s = await who(req);
    if (!s) return notSignedIn(req, reply);
    if (!isStaffRole(s.user)) return staffOnly(reply, s);
    const p = await findPeriodWithRegime(app.db, Number(req.query.period) || -1);
    if (!p || (s.user.province && p.regime.province && p.regime.province !== s.user.province))
      return refuse(reply, 404, s, 'periodNotInScope');
    const report = await buildConsolidatedReport(app.db, { regime: p.regimeId, period: p.key, now: now(), includeDrafts: true });
    const locale = s.user.locale;
    const title = `${p.regime.name} — ${periodLabelIn(locale, p.key)}`;
    const body = `<main><p><a href="/dashboard">${DASH_TEXT(locale).back}</a></p><h1>${esc(title)}</h1>${valuesHtml(report, locale)}</main>`;
    return page(reply, 200, layout(title, body, '', locale));
  });

  f.get<{ Querystring: { period?: string; format?: string } }>('/dashboard/export', async (req, reply) => {
    const s = await who(req);
    if (!s) return notSignedIn(req, reply);
    if (!isStaffRole(s.user)) return staffOnly(reply, s);
    const p = await findPeriodWithRegime(app.db, Number(req.query.period) || -1);
    if (!p || (s.user.province && p.regime.province && p.regime.province !== s.user.province))
      return refuse(reply, 404, s, 'periodNotInScope');
    const format = req.query.format ?? 'xlsx';
    if (!['xlsx', 'csv', 'docx', 'png'].includes(format)) return refuse(reply, 400, s, 'badFormat');
    const report = await buildConsolidatedReport(app.db, { regime: p.regimeId, period: p.key, now: now() });
    const file = await renderReport(report, format);
    await audit(s.user.id, 'dashboard.export', String(p.id), { format });
    return reply
      .header('content-type', file.mime ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
      .send(file.data);
  });
}
