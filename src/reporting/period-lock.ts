// Locking, approving or reopening a regime's period as a whole, from chat ("khóa kỳ", "phê duyệt kỳ", "mở lại kỳ")
// and from the dashboard: the same checks and the same Vietnamese answers for both, audited with the channel.
// Once locked, lockState refuses officials' changes with who locked it and when; an agency reopened afterwards
// ("mở lại <cơ quan>") writes until it sends again. Approved closes it for everyone until it is reopened.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { lockedBy, lockNames, setPeriodStatus } from './period-service.ts';
import { findPeriodWithRegimeOrThrow } from './repo/periods.ts';
import { formatDate, formatDateTime } from './periods.ts';
import { DEFAULT_LOCALE, periodLabelIn, type Locale } from '../core/i18n.ts';
import { PERIOD_LOCK_TEXT } from './period-lock-text.ts';
import { upperFirst } from '../core/text.ts';
import { periodStatus } from './status.ts';

export type PeriodAction = 'lock' | 'approve' | 'unlock';

const STATUS: Record<PeriodAction, 'locked' | 'approved' | 'open'> = { lock: 'locked', approve: 'approved', unlock: 'open' };

/** Applies the action to the period (by id) and says what it did, or throws why not (in the person's language). */
export async function changePeriodLock(
  app: Pick<App, 'db' | 'clock'>,
  periodId: number,
  action: PeriodAction,
  by: number,
  channel: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  const t = PERIOD_LOCK_TEXT(locale);
  const p = await findPeriodWithRegimeOrThrow(app.db, periodId);
  const now = app.clock.now();
  const label = t.label(periodLabelIn(locale, p.key), p.regime.code);
  const names = await lockNames(app.db, p, null);
  const since =
    p.status === 'approved' ? lockedBy(names, p.approvedBy, p.approvedAt, locale) : lockedBy(names, p.lockedById, p.lockedAt, locale);
  if (p.status === 'approved' && action !== 'unlock')
    throw new AppError(ErrorCode.Conflict, t.alreadyApproved(upperFirst(label), since, action === 'lock'));
  if (p.status === 'locked' && action === 'lock') throw new AppError(ErrorCode.Conflict, t.alreadyLocked(upperFirst(label), since));
  if (p.status === 'open' && action === 'unlock') {
    const expired = now >= p.locksAt ? t.expired(formatDate(p.locksAt)) : '';
    throw new AppError(ErrorCode.Conflict, t.notLocked(upperFirst(label), expired));
  }
  await setPeriodStatus(app.db, p.regime.code, p.key, STATUS[action], by, { channel, now });
  const reopen = t.reopenHow(p.regime.code, p.key);
  if (action === 'lock') return t.locked(label, formatDateTime(now), reopen) + (await missing(app, p.id, now, 'lock', locale));
  if (action === 'approve') return t.approved(label, formatDateTime(now), reopen) + (await missing(app, p.id, now, 'approve', locale));
  return t.reopened(label, now < p.locksAt ? t.openUntil(formatDate(p.locksAt)) : t.openExpired(formatDate(p.locksAt)));
}

/** Agencies expected to report that have not sent, named (the first five): whoever closes the period sees what it lacks. */
async function missing(app: Pick<App, 'db'>, periodId: number, now: Date, action: 'lock' | 'approve', locale: Locale): Promise<string> {
  const t = PERIOD_LOCK_TEXT(locale);
  const s = await periodStatus(app.db, periodId, now);
  const out = s.rows.filter((r) => r.state === 'draft' || r.state === 'not_started').map((r) => r.agencyName);
  if (!out.length) return '';
  const named = out.length > 6 ? `${out.slice(0, 5).join(', ')}${t.others(out.length - 5)}` : out.join(', ');
  return t.missing(out.length, s.rows.length, named, action === 'approve' ? t.missingApproved : t.missingLocked);
}
