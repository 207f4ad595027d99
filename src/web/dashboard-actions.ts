// The dashboard's actions on one agency of a period: remind it now (through the outbox, once while a reminder is
// waiting), reopen it, lock or approve its submission. Coordinators and admins of the province only, with the
// page's CSRF token; each audited with channel web.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { App } from '../app.ts';
import { reopenAgency } from '../reporting/period-service.ts';
import { periodLabel } from '../reporting/periods.ts';
import type { AgencyStatusRow } from '../reporting/status.ts';
import { setSubmissionLock } from '../reporting/submission-lock.ts';
import type { DashboardContext, DashboardDeps, Session } from './dashboard-context.ts';
import { errorPage, esc } from './form-page.ts';

type Lock = { lockedAt: Date | null; approvedAt: Date | null };
export type Locks = Map<number, Lock>;

/** Submissions of the period locked or approved one by one, by agency. */
export async function submissionLocks(app: App, periodId: number): Promise<Locks> {
  const rows = await app.db.submission.findMany({
    where: { periodId, OR: [{ lockedAt: { not: null } }, { approvedAt: { not: null } }] },
    select: { agencyId: true, lockedAt: true, approvedAt: true },
  });
  return new Map(rows.map((r) => [r.agencyId, r]));
}

const button = (action: string, label: string, periodId: number, agencyId: number, csrf: string, extra = '') =>
  `<form method="post" action="/dashboard/${action}"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="periodId" value="${periodId}"><input type="hidden" name="agencyId" value="${agencyId}">${extra}<button class="choice" type="submit">${label}</button></form>`;

/** The row's state marks and buttons: remind (not submitted), reopen (submitted or locked), lock, approve. */
export function agencyButtons(periodId: number, a: AgencyStatusRow, lock: Lock | undefined, csrf: string): string {
  const mark = lock?.approvedAt ? ' · đã phê duyệt' : lock?.lockedAt ? ' · đã khóa' : '';
  const act = (v: string) => `<input type="hidden" name="action" value="${v}">`;
  const out = [mark];
  if (!a.submittedAt && !lock) out.push(button('remind-agency', 'Nhắc', periodId, a.agencyId, csrf));
  if (a.submittedAt || lock) out.push(button('reopen', 'Mở lại', periodId, a.agencyId, csrf));
  if (!lock?.lockedAt && !lock?.approvedAt) out.push(button('submission', 'Khóa', periodId, a.agencyId, csrf, act('lock')));
  if (a.submittedAt && !lock?.approvedAt) out.push(button('submission', 'Phê duyệt', periodId, a.agencyId, csrf, act('approve')));
  return out.join('');
}

export function agencyActionRoutes(f: FastifyInstance, app: App, deps: DashboardDeps, ctx: DashboardContext): void {
  /** The period and agency named by the form, within the person's province; null after a 404. */
  const target = async (s: Session, body: unknown, reply: FastifyReply) => {
    const b = (body ?? {}) as Record<string, string>;
    const p = await app.db.period.findUnique({ where: { id: Number(b.periodId) || -1 }, include: { regime: true } });
    const agency = await app.db.agency.findUnique({ where: { id: Number(b.agencyId) || -1 } });
    const expected = p && agency && (await app.db.regimeItem.count({ where: { regimeId: p.regimeId, agencyId: agency.id } }));
    if (!p || !agency || !expected || (s.user.province && p.regime.province && p.regime.province !== s.user.province)) {
      ctx.page(reply, 404, errorPage('Không tìm thấy kỳ báo cáo hoặc cơ quan trong phạm vi của bạn.'));
      return null;
    }
    return { p, agency, action: b.action };
  };

  f.post('/dashboard/remind-agency', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    const t = s && (await target(s, req.body, reply));
    if (!s || !t) return reply;
    const r = deps.scheduler ? await deps.scheduler.sendNow([t.p.regimeId], ctx.now(), [t.agency.id]) : { officials: 0 };
    await ctx.audit(s.user.id, 'dashboard.remind.agency', String(t.p.id), { agencyId: t.agency.id, officials: r.officials });
    return ctx.back(
      reply,
      r.officials
        ? `Đã xếp ${r.officials} tin nhắc tới cán bộ của ${t.agency.name}.`
        : `Không có cán bộ nào của ${t.agency.name} cần nhắc: đã gửi, đã được xếp nhắc hoặc vừa được nhắc trong một giờ qua, hoặc chưa có người dùng.`,
    );
  });

  /** "Mở lại": the chat's reopen, audited as period.reopen from the web; it also lifts a lock or approval. */
  f.post('/dashboard/reopen', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    const t = s && (await target(s, req.body, reply));
    if (!s || !t) return reply;
    try {
      await reopenAgency(app, t.p.regime.code, t.p.key, t.agency.key, s.user.id, 'web');
    } catch (e) {
      return ctx.back(reply, (e as Error).message);
    }
    return ctx.back(reply, `Đã mở lại báo cáo ${periodLabel(t.p.key)} cho ${t.agency.name}.`);
  });

  f.post('/dashboard/submission', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    const t = s && (await target(s, req.body, reply));
    if (!s || !t) return reply;
    if (t.action !== 'lock' && t.action !== 'approve') return ctx.page(reply, 400, errorPage('Thao tác không hợp lệ.'));
    try {
      await setSubmissionLock(app, t.p.id, t.agency.id, t.action, s.user.id, 'web');
    } catch (e) {
      return ctx.back(reply, (e as Error).message);
    }
    const done = t.action === 'lock' ? 'Đã khóa' : 'Đã phê duyệt';
    return ctx.back(
      reply,
      `${done} báo cáo ${periodLabel(t.p.key)} của ${t.agency.name}: không sửa được từ trò chuyện hay trang web cho đến khi mở lại.`,
    );
  });
}
