// The dashboard's actions on a period as a whole (lock, approve, reopen: as "khóa kỳ" … in chat) and on one agency
// of it: remind it now (through the outbox, once while a reminder is waiting), reopen it, lock or approve its submission. Coordinators and admins of the province only, with the
// page's CSRF token; each audited with channel web.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { App } from '../app.ts';
import { countAgencyItems, findAgencyById, findLockedSubmissions, findPeriodWithRegime } from './repo/dashboard-reads.ts';
import { isAppError } from '../core/errors.ts';
import { periodLabelIn, type Locale } from '../core/i18n.ts';
import { changePeriodLock } from '../reporting/period-lock.ts';
import { lockedBy, lockNames, periodStateText, reopenAgency } from '../reporting/period-service.ts';
import type { AgencyStatusRow } from '../reporting/status.ts';
import { setSubmissionLock } from '../reporting/submission-lock.ts';
import { inScope } from '../users/scope.ts';
import type { DashboardContext, DashboardDeps, Session } from './dashboard-context.ts';
import { esc } from './form-page.ts';
import { DASH_TEXT } from './dashboard-text.ts';

/** A refused action's reason in the person's language (the services' errors carry both). */
const failure = (e: unknown, locale: Locale) => (isAppError(e) ? e.messageIn(locale) : (e as Error).message);

type Lock = { lockedAt: Date | null; approvedAt: Date | null };
export type Locks = Map<number, Lock>;

/** Submissions of the period locked or approved one by one, by agency. */
export async function submissionLocks(app: App, periodId: number): Promise<Locks> {
  const rows = await findLockedSubmissions(app.db, periodId);
  return new Map(rows.map((r) => [r.agencyId, r]));
}

const button = (action: string, label: string, periodId: number, agencyId: number, csrf: string, extra = '') =>
  `<form method="post" action="/dashboard/${action}"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="periodId" value="${periodId}"><input type="hidden" name="agencyId" value="${agencyId}">${extra}<button class="choice" type="submit">${label}</button></form>`;

/** The row's state marks and buttons: remind (not submitted), reopen (submitted or locked), lock, approve. */
export function agencyButtons(periodId: number, a: AgencyStatusRow, lock: Lock | undefined, csrf: string, locale: Locale): string {
  const t = DASH_TEXT(locale);
  const mark = lock?.approvedAt ? t.markApproved : lock?.lockedAt ? t.markLocked : '';
  const act = (v: string) => `<input type="hidden" name="action" value="${v}">`;
  const out = [mark];
  if (!a.submittedAt && !lock) out.push(button('remind-agency', t.remind, periodId, a.agencyId, csrf));
  if (a.submittedAt || lock) out.push(button('reopen', t.reopen, periodId, a.agencyId, csrf));
  if (!lock?.lockedAt && !lock?.approvedAt) out.push(button('submission', t.lock, periodId, a.agencyId, csrf, act('lock')));
  if (a.submittedAt && !lock?.approvedAt) out.push(button('submission', t.approve, periodId, a.agencyId, csrf, act('approve')));
  return out.join('');
}

type PeriodRow = Parameters<typeof lockNames>[1] & { id: number };

/** The period's state in words (who locked or approved it, when) and its Khóa kỳ / Phê duyệt kỳ / Mở lại kỳ buttons. */
export async function periodState(app: App, p: PeriodRow, csrf: string, locale: Locale): Promise<string> {
  const t = DASH_TEXT(locale);
  const names = await lockNames(app.db, p, null);
  const state =
    p.status === 'approved'
      ? t.periodApproved(lockedBy(names, p.approvedBy, p.approvedAt, locale))
      : p.status === 'locked'
        ? t.periodLocked(lockedBy(names, p.lockedById, p.lockedAt, locale))
        : periodStateText(p, app.clock.now(), locale);
  const act = (v: string, label: string) =>
    `<form method="post" action="/dashboard/period"><input type="hidden" name="csrf" value="${esc(csrf)}"><input type="hidden" name="periodId" value="${p.id}"><input type="hidden" name="action" value="${v}"><button class="choice" type="submit">${label}</button></form>`;
  const buttons =
    p.status === 'open'
      ? act('lock', t.lockPeriod) + act('approve', t.approvePeriod)
      : p.status === 'locked'
        ? act('approve', t.approvePeriod) + act('unlock', t.unlockPeriod)
        : act('unlock', t.unlockPeriod);
  return `<p class="period-state">${t.periodState(esc(state))}</p><div class="period-actions">${buttons}</div>`;
}

export function agencyActionRoutes(f: FastifyInstance, app: App, deps: DashboardDeps, ctx: DashboardContext): void {
  /** The period and agency named by the form, within the person's province; null after a 404. */
  const target = async (s: Session, body: unknown, reply: FastifyReply) => {
    const b = (body ?? {}) as Record<string, string>;
    const p = await findPeriodWithRegime(app.db, Number(b.periodId) || -1);
    const agency = await findAgencyById(app.db, Number(b.agencyId) || -1);
    const expected = p && agency && (await countAgencyItems(app.db, p.regimeId, agency.id));
    if (!p || !agency || !expected || (s.user.province && p.regime.province && p.regime.province !== s.user.province)) {
      ctx.refuse(reply, 404, s, 'targetNotInScope');
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
    const say = DASH_TEXT(s.user.locale);
    return ctx.back(reply, r.officials ? say.remindedAgency(r.officials, t.agency.name) : say.nobodyInAgency(t.agency.name));
  });

  /** "Mở lại": the chat's reopen, audited as period.reopen from the web; it also lifts a lock or approval. */
  f.post('/dashboard/reopen', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    const t = s && (await target(s, req.body, reply));
    if (!s || !t) return reply;
    try {
      await reopenAgency(app, t.p.regime.code, t.p.key, t.agency.key, s.user.id, 'web');
    } catch (e) {
      return ctx.back(reply, failure(e, s.user.locale));
    }
    return ctx.back(reply, DASH_TEXT(s.user.locale).reopened(periodLabelIn(s.user.locale, t.p.key), t.agency.name));
  });

  /** "Khóa kỳ" / "Phê duyệt kỳ" / "Mở lại kỳ": the chat's "khóa kỳ …" etc., through the same service, audited. */
  f.post('/dashboard/period', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    if (!s) return reply;
    const b = (req.body ?? {}) as Record<string, string>;
    const p = await findPeriodWithRegime(app.db, Number(b.periodId) || -1);
    if (!p || !inScope(s.user, p.regime.province, ctx.now())) return ctx.refuse(reply, 404, s, 'periodNotInScope');
    if (b.action !== 'lock' && b.action !== 'approve' && b.action !== 'unlock') return ctx.refuse(reply, 400, s, 'badAction');
    try {
      return ctx.back(reply, await changePeriodLock(app, p.id, b.action, s.user.id, 'web', s.user.locale));
    } catch (e) {
      if (isAppError(e)) return ctx.back(reply, e.messageIn(s.user.locale));
      throw e;
    }
  });

  f.post('/dashboard/submission', async (req, reply) => {
    const s = await ctx.staffAction(req, reply);
    const t = s && (await target(s, req.body, reply));
    if (!s || !t) return reply;
    if (t.action !== 'lock' && t.action !== 'approve') return ctx.refuse(reply, 400, s, 'badAction');
    const locale = s.user.locale;
    try {
      await setSubmissionLock(app, t.p.id, t.agency.id, t.action, s.user.id, 'web');
    } catch (e) {
      return ctx.back(reply, failure(e, locale));
    }
    return ctx.back(reply, DASH_TEXT(locale).submissionLocked(t.action === 'approve', periodLabelIn(locale, t.p.key), t.agency.name));
  });
}
