// The dashboard's actions on a period as a whole (lock, approve, reopen: as "khóa kỳ" … in chat) and on one agency
// of it: remind it now (through the outbox, once while a reminder is waiting), reopen it, lock or approve its submission. Coordinators and admins of the province only, with the
// page's CSRF token; each audited with channel web.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { App } from '../app.ts';
import { isAppError } from '../core/errors.ts';
import { changePeriodLock } from '../reporting/period-lock.ts';
import { lockedBy, lockNames, periodStateText, reopenAgency } from '../reporting/period-service.ts';
import { periodLabel } from '../reporting/periods.ts';
import type { AgencyStatusRow } from '../reporting/status.ts';
import { setSubmissionLock } from '../reporting/submission-lock.ts';
import { inScope } from '../users/scope.ts';
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

type PeriodRow = Parameters<typeof lockNames>[1] & { id: number };

/** The period's state in words (who locked or approved it, when) and its Khóa kỳ / Phê duyệt kỳ / Mở lại kỳ buttons. */
export async function periodState(app: App, p: PeriodRow, csrf: string): Promise<string> {
  const names = await lockNames(app.db, p, null);
  const state =
    p.status === 'approved'
      ? `đã phê duyệt${lockedBy(names, p.approvedBy, p.approvedAt)}`
      : p.status === 'locked'
        ? `đã khóa${lockedBy(names, p.lockedById, p.lockedAt)}`
        : periodStateText(p, app.clock.now());
  const act = (v: string, label: string) =>
    `<form method="post" action="/dashboard/period"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="periodId" value="${p.id}"><input type="hidden" name="action" value="${v}"><button class="choice" type="submit">${label}</button></form>`;
  const buttons =
    p.status === 'open'
      ? act('lock', 'Khóa kỳ') + act('approve', 'Phê duyệt kỳ')
      : p.status === 'locked'
        ? act('approve', 'Phê duyệt kỳ') + act('unlock', 'Mở lại kỳ')
        : act('unlock', 'Mở lại kỳ');
  return `<p class="period-state">Trạng thái kỳ: <b>${esc(state)}</b></p><div class="period-actions">${buttons}</div>`;
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

  /** "Khóa kỳ" / "Phê duyệt kỳ" / "Mở lại kỳ": the chat's "khóa kỳ …" etc., through the same service, audited. */
  f.post('/dashboard/period', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    if (!s) return reply;
    const b = (req.body ?? {}) as Record<string, string>;
    const p = await app.db.period.findUnique({ where: { id: Number(b.periodId) || -1 }, include: { regime: true } });
    if (!p || !inScope(s.user, p.regime.province, ctx.now()))
      return ctx.page(reply, 404, errorPage('Không tìm thấy kỳ báo cáo trong phạm vi của bạn.'));
    if (b.action !== 'lock' && b.action !== 'approve' && b.action !== 'unlock')
      return ctx.page(reply, 400, errorPage('Thao tác không hợp lệ.'));
    try {
      return ctx.back(reply, await changePeriodLock(app, p.id, b.action, s.user.id, 'web'));
    } catch (e) {
      if (isAppError(e)) return ctx.back(reply, e.userMessage);
      throw e;
    }
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
