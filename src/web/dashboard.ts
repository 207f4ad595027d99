// The coordinator dashboard: per open period of the coordinator's province, the reporting rate (reports received /
// expected, as DHIS2 defines it) and the on-time rate (received by the deadline / expected), each agency's state
// with its last activity; "remind all non-submitters now" (through the outbox, once per person and period);
// downloads through the consolidated-report renderers. Every action needs the CSRF token and is audited.
import type { FastifyInstance } from 'fastify';
import type { App } from '../app.ts';
import { formatNumber } from '../reporting/numbers.ts';
import { formatDate, formatDateTime, periodLabel } from '../reporting/periods.ts';
import { buildConsolidatedReport, renderReport } from '../reporting/report/index.ts';
import { currentPeriods, periodStatus, type PeriodStatus } from '../reporting/status.ts';
import type { BotUser } from '../users/users.ts';
import { dashboardCsrf, isStaffRole, sessionCookie, useLoginLink } from './dashboard-auth.ts';
import { agencyActionRoutes, agencyButtons, periodState, submissionLocks, type Locks } from './dashboard-actions.ts';
import { dashboardContext, type DashboardDeps } from './dashboard-context.ts';
import { trendSvg } from './dashboard-trend.ts';
import { officialDashboard, STATE } from './dashboard-official.ts';
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

function periodBlock({ s, regimeId, locks, trend, state }: Block, csrf: string, now: Date): string {
  const r = rates(s);
  const overdue = now > s.period.deadline;
  const rows = s.rows
    .map((a) => {
      const late = !a.submittedAt && overdue ? ' (quá hạn)' : '';
      const cls = !a.submittedAt && overdue ? ' class="late"' : '';
      const when = a.submittedAt ? formatDateTime(a.submittedAt) : '—';
      // an approved period is closed for everyone: no action per agency until the period is reopened
      const buttons = s.period.status === 'approved' ? '' : agencyButtons(s.period.id, a, locks.get(a.agencyId), csrf);
      return `<tr${cls}><td>${esc(a.agencyName)}</td><td>${STATE[a.state]}${late}${buttons}</td><td>${a.answered}/${a.items}</td><td>${when}</td></tr>`;
    })
    .join('');
  const dl = (f: string) => `<a href="/dashboard/export?period=${s.period.id}&amp;format=${f}">${f.toUpperCase()}</a>`;
  return `<section class="item"><h2>${esc(s.regime.name)} — ${esc(periodLabel(s.period.key))}</h2>
<p class="meta">Hạn nộp ${formatDate(s.period.deadline)} · ${r.expected} cơ quan phải báo cáo</p>
${state}
<p><b>Tỷ lệ báo cáo: ${pct(r.reporting)}</b> (${s.submitted}/${r.expected}) · <b>Đúng hạn: ${pct(r.onTime)}</b> · Đầy đủ số liệu: ${pct(s.completeness)}</p>
<table><thead><tr><th>Cơ quan</th><th>Tình trạng</th><th>Số câu</th><th>Gửi lúc</th></tr></thead><tbody>${rows}</tbody></table>
${trend}
<form method="post" action="/dashboard/remind"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="regimeId" value="${regimeId}">
<button type="submit">Nhắc ngay các cơ quan chưa gửi</button></form>
<p><a href="/dashboard/values?period=${s.period.id}">Số liệu so với mục tiêu và kỳ trước</a></p>
<p>Tải về: ${['xlsx', 'csv', 'docx', 'png'].map(dl).join(' · ')}</p></section>`;
}

async function scopedStatuses(app: App, user: BotUser, now: Date) {
  const ids = await currentPeriods(app.db, now, undefined, user.role === 'admin' && !user.province ? null : user.province);
  const out: { s: PeriodStatus; period: Awaited<ReturnType<typeof app.db.period.findUniqueOrThrow>> }[] = [];
  for (const id of ids) {
    const p = await app.db.period.findUniqueOrThrow({ where: { id }, include: { regime: true } });
    if (user.province && p.regime.province && p.regime.province !== user.province) continue;
    out.push({ s: await periodStatus(app.db, id, now), period: p });
  }
  return out;
}

export function dashboardRoutes(f: FastifyInstance, app: App, deps: DashboardDeps): void {
  const ctx = dashboardContext(app);
  const { now, page, who, staffOnly, audit } = ctx;
  const secure = (app.config.WEB_BASE_URL ?? '').startsWith('https://');

  f.get<{ Querystring: { t?: string } }>('/dashboard/login', async (req, reply) => {
    const r = await useLoginLink(app, req.query.t, now());
    if (!r.ok) return page(reply, 403, errorPage(r.reason));
    return reply.header('set-cookie', sessionCookie(r.cookie, secure)).redirect('/dashboard', 303);
  });

  f.get<{ Querystring: { msg?: string } }>('/dashboard', async (req, reply) => {
    const s = await who(req);
    if (!s) return page(reply, 401, errorPage('Bạn chưa đăng nhập. Gõ “bảng điều khiển” trong cuộc trò chuyện để nhận đường dẫn.'));
    if (!isStaffRole(s.user)) return page(reply, 200, layout('Báo cáo của cơ quan', await officialDashboard(app, s.user, now())));
    const csrf = dashboardCsrf(app.config.WEB_SECRET!, s.cookie);
    const blocks: string[] = [];
    for (const { s: st, period: p } of await scopedStatuses(app, s.user, now())) {
      const [locks, trend, state] = await Promise.all([
        submissionLocks(app, p.id),
        trendSvg(app, p.regimeId, st),
        periodState(app, p, csrf),
      ]);
      blocks.push(periodBlock({ s: st, regimeId: p.regimeId, locks, trend, state }, csrf, now()));
    }
    const msg = req.query.msg ? `<p class="ok">${esc(req.query.msg.slice(0, 300))}</p>` : '';
    const body = `<main><h1>Bảng điều khiển báo cáo</h1><p class="sub">${esc(s.user.name ?? '')}${s.user.province ? ` — ${esc(s.user.province)}` : ''}</p>${msg}${blocks.join('') || '<p>Không có kỳ báo cáo nào đang mở.</p>'}</main>`;
    return page(reply, 200, layout('Bảng điều khiển báo cáo', body));
  });

  f.post('/dashboard/remind', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    if (!s) return reply;
    const b = (req.body ?? {}) as Record<string, string>;
    const regimeId = Number(b.regimeId);
    const regime = Number.isInteger(regimeId) ? await app.db.regime.findUnique({ where: { id: regimeId } }) : null;
    if (!regime || (s.user.province && regime.province && regime.province !== s.user.province))
      return page(reply, 403, errorPage('Không có chế độ báo cáo này trong phạm vi của bạn.'));
    const r = deps.scheduler ? await deps.scheduler.sendNow([regime.id], now()) : { officials: 0, agencies: 0, periods: 0 };
    await audit(s.user.id, 'dashboard.remind', String(regime.id), r);
    const msg = r.officials
      ? `Đã xếp ${r.officials} tin nhắc tới cán bộ của ${r.agencies} cơ quan chưa gửi báo cáo.`
      : 'Không có cán bộ nào cần nhắc: các cơ quan đã gửi, đã được xếp nhắc hoặc vừa được nhắc trong một giờ qua, hoặc chưa có người dùng.';
    return ctx.back(reply, msg);
  });

  agencyActionRoutes(f, app, deps, ctx);

  f.get<{ Querystring: { period?: string } }>('/dashboard/values', async (req, reply) => {
    const s = await who(req);
    if (!s) return page(reply, 401, errorPage('Bạn chưa đăng nhập.'));
    if (!isStaffRole(s.user)) return staffOnly(reply);
    const p = await app.db.period.findUnique({ where: { id: Number(req.query.period) || -1 }, include: { regime: true } });
    if (!p || (s.user.province && p.regime.province && p.regime.province !== s.user.province))
      return page(reply, 404, errorPage('Không tìm thấy kỳ báo cáo trong phạm vi của bạn.'));
    const report = await buildConsolidatedReport(app.db, { regime: p.regimeId, period: p.key, now: now(), includeDrafts: true });
    const title = `${p.regime.name} — ${periodLabel(p.key)}`;
    const body = `<main><p><a href="/dashboard">← Bảng điều khiển</a></p><h1>${esc(title)}</h1>${valuesHtml(report)}</main>`;
    return page(reply, 200, layout(title, body));
  });

  f.get<{ Querystring: { period?: string; format?: string } }>('/dashboard/export', async (req, reply) => {
    const s = await who(req);
    if (!s) return page(reply, 401, errorPage('Bạn chưa đăng nhập.'));
    if (!isStaffRole(s.user)) return staffOnly(reply);
    const p = await app.db.period.findUnique({ where: { id: Number(req.query.period) || -1 }, include: { regime: true } });
    if (!p || (s.user.province && p.regime.province && p.regime.province !== s.user.province))
      return page(reply, 404, errorPage('Không tìm thấy kỳ báo cáo trong phạm vi của bạn.'));
    const format = req.query.format ?? 'xlsx';
    if (!['xlsx', 'csv', 'docx', 'png'].includes(format)) return page(reply, 400, errorPage('Định dạng không được hỗ trợ.'));
    const report = await buildConsolidatedReport(app.db, { regime: p.regimeId, period: p.key, now: now() });
    const file = await renderReport(report, format);
    await audit(s.user.id, 'dashboard.export', String(p.id), { format });
    return reply
      .header('content-type', file.mime ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
      .send(file.data);
  });
}
