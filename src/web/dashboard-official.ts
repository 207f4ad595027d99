// An official's dashboard: their own agency only — its open rounds (state, progress, a link to the form) and its
// past submissions. No rate across agencies, no download, no action: those show other agencies' data.
import type { App } from '../app.ts';
import { loadFormContext } from '../conversation/context.ts';
import { formatDate, formatDateTime, periodLabel } from '../reporting/periods.ts';
import { currentPeriods, periodStatus, type AgencyState } from '../reporting/status.ts';
import type { BotUser } from '../users/users.ts';
import { esc } from './form-page.ts';
import { formLinkFor } from './links.ts';

export const STATE: Record<AgencyState, string> = {
  on_time: 'Đã gửi đúng hạn',
  late: 'Đã gửi trễ',
  draft: 'Đang nhập (nháp)',
  not_started: 'Chưa bắt đầu',
};

async function openRounds(app: App, user: BotUser, agencyId: number, now: Date): Promise<string[]> {
  const out: string[] = [];
  for (const id of await currentPeriods(app.db, now, agencyId, user.province)) {
    const s = await periodStatus(app.db, id, now);
    const row = s.rows.find((r) => r.agencyId === agencyId);
    if (!row) continue;
    const late = !row.submittedAt && now > s.period.deadline ? ' (quá hạn)' : '';
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
        ? `<p><a class="button" href="${esc(new URL(link).pathname + new URL(link).search)}">Mở biểu mẫu</a></p>`
        : '';
    out.push(`<section class="item"><h2>${esc(s.regime.name)} — ${esc(periodLabel(s.period.key))}</h2>
<p class="meta">Hạn nộp ${formatDate(s.period.deadline)}</p>
<table><thead><tr><th>Tình trạng</th><th>Số câu</th><th>Gửi lúc</th></tr></thead>
<tbody><tr><td>${STATE[row.state]}${late}</td><td>${row.answered}/${row.items}</td><td>${row.submittedAt ? formatDateTime(row.submittedAt) : '—'}</td></tr></tbody></table>${open}</section>`);
  }
  return out;
}

async function pastSubmissions(app: App, agencyId: number): Promise<string> {
  const subs = await app.db.submission.findMany({
    where: { agencyId },
    include: { period: { include: { regime: true } } },
    orderBy: { period: { startsAt: 'desc' } },
    take: 24,
  });
  if (!subs.length) return '<p>Cơ quan chưa có báo cáo nào.</p>';
  const rows = subs
    .map(
      (s) =>
        `<tr><td>${esc(s.period.regime.name)}</td><td>${esc(periodLabel(s.period.key))}</td><td>${s.status === 'submitted' ? 'Đã gửi' : 'Nháp'}</td><td>${s.submittedAt ? formatDateTime(s.submittedAt) : '—'}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Chế độ</th><th>Kỳ</th><th>Tình trạng</th><th>Gửi lúc</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The page body for an official (their agency's rounds and submissions). */
export async function officialDashboard(app: App, user: BotUser, now: Date): Promise<string> {
  const agency = user.agency!;
  const rounds = await openRounds(app, user, agency.id, now);
  return `<main><h1>Báo cáo của cơ quan</h1><p class="sub">${esc(user.name ?? '')} — ${esc(agency.name)}</p>
${rounds.join('') || '<p>Không có kỳ báo cáo nào đang mở cho cơ quan của bạn.</p>'}
<section class="item"><h2>Các kỳ đã báo cáo</h2>${await pastSubmissions(app, agency.id)}</section></main>`;
}
