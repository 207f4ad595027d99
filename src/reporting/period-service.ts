// Periods of a regime: open, lock, approve, reopen one agency; and whether an agency may still write.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { createPeriod, findAgencyPeriodRows, findPeriodByKey, updatePeriod } from './repo/periods.ts';
import { findReopeners, findUserNames } from './repo/people.ts';
import { upsertSubmission } from './repo/submissions.ts';
import { currentAgency } from '../users/agency.ts';
import { formatDate, formatDateTime, parsePeriodKey, periodCalendar, periodLabel } from './periods.ts';
import { DEFAULT_LOCALE, periodLabelIn, type Locale } from '../core/i18n.ts';
import { LOCK_TEXT } from './lock-text.ts';
import { expectedAgencies, getRegime } from './regimes.ts';

export interface LockInfo {
  reason: 'approved' | 'locked' | 'expired';
  message: string; // why, in Vietnamese, with who can reopen
}

type PeriodRow = {
  key: string;
  status: string;
  deadline: Date;
  locksAt: Date;
  lockedAt?: Date | null;
  lockedById?: number | null;
  approvedAt?: Date | null;
  approvedBy?: number | null;
};
type SubmissionRow = {
  reopenedAt: Date | null;
  lockedAt?: Date | null;
  lockedById?: number | null;
  approvedAt?: Date | null;
  approvedById?: number | null;
} | null;

/** The people who locked or approved what lockState may cite, by user id (lockNames). */
export type LockNames = Map<number, string>;

/** What a refusal names: who can reopen, who locked (by id), and the language it is said in. */
export interface LockWording {
  reopeners?: string[];
  names?: LockNames;
  locale?: Locale;
}

/** Null when the agency may still write answers for the period; otherwise why not (who, when) and who can reopen. */
export function lockState(period: PeriodRow, submission: SubmissionRow, now: Date, wording: LockWording = {}): LockInfo | null {
  const { reopeners = [], names = new Map(), locale = DEFAULT_LOCALE } = wording;
  const t = LOCK_TEXT(locale);
  const who = t.who(reopeners.length ? reopeners.join(', ') : null);
  const label = periodLabelIn(locale, period.key);
  const by = (id: number | null | undefined, at: Date | null | undefined) => lockedBy(names, id, at, locale);
  if (period.status === 'approved')
    return { reason: 'approved', message: t.approved(label, by(period.approvedBy, period.approvedAt), who) };
  // One agency's report locked or approved from the dashboard: closed even in an open period, until reopened.
  if (submission?.approvedAt)
    return { reason: 'approved', message: t.agencyApproved(label, by(submission.approvedById, submission.approvedAt), who) };
  if (submission?.lockedAt)
    return { reason: 'locked', message: t.agencyLocked(label, by(submission.lockedById, submission.lockedAt), who) };
  // An agency reopened since the period was locked writes until it sends again; one reopened before is locked too.
  const reopened = submission?.reopenedAt && !(period.lockedAt && submission.reopenedAt < period.lockedAt);
  if (reopened) return null;
  if (period.status === 'locked') return { reason: 'locked', message: t.locked(label, by(period.lockedById, period.lockedAt), who) };
  if (now.getTime() >= period.locksAt.getTime())
    return { reason: 'expired', message: t.expired(label, formatDate(period.locksAt), formatDate(period.deadline), who) };
  return null;
}

/** " (Lê Văn Cường, lúc 09:00 12/01/2027)": who locked or approved, and when, as far as recorded. */
export function lockedBy(
  names: LockNames,
  id: number | null | undefined,
  at: Date | null | undefined,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const parts = [id != null ? names.get(id) : undefined, at ? LOCK_TEXT(locale).at(formatDateTime(at)) : undefined].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Names of the people lockState may cite for this period and submission. */
export async function lockNames(db: Db, period: PeriodRow, submission: SubmissionRow): Promise<LockNames> {
  const ids = [period.lockedById, period.approvedBy, submission?.lockedById, submission?.approvedById].filter(
    (x): x is number => typeof x === 'number',
  );
  if (!ids.length) return new Map();
  const rows = await findUserNames(db, ids);
  return new Map(rows.map((u) => [u.id, u.name ?? `người dùng #${u.id}`]));
}

/** "đang mở, nộp đến 10/01/2027" / "đã khóa từ 09/11/2026 vì quá hạn" / "đã phê duyệt": a period's state in words. */
export function periodStateText(p: PeriodRow, now: Date, locale: Locale = DEFAULT_LOCALE): string {
  const t = LOCK_TEXT(locale);
  if (p.status === 'approved') return t.stateApproved;
  if (p.status === 'locked') return t.stateLocked;
  if (now.getTime() >= p.locksAt.getTime()) return t.stateExpired(formatDate(p.locksAt));
  if (now.getTime() > p.deadline.getTime()) return t.stateLate(formatDate(p.deadline));
  return t.stateOpen(formatDate(p.deadline));
}

export async function openPeriod(app: Pick<App, 'db'>, regimeCode: string, key: string) {
  const regime = await getRegime(app.db, regimeCode);
  const ref = parsePeriodKey(key);
  const cal = periodCalendar(ref.key, regime);
  const existing = await findPeriodByKey(app.db, regime.id, ref.key);
  if (existing) return existing;
  const p = await createPeriod(app.db, {
    regimeId: regime.id,
    key: ref.key,
    startsAt: cal.startsAt,
    endsAt: cal.endsAt,
    deadline: cal.deadline,
    locksAt: cal.locksAt,
    status: 'open',
    expectedAgencies: await expectedAgencies(app.db, regime.id),
  });
  await addAuditLog(app.db, {
    action: 'period.open',
    entity: 'Period',
    entityId: String(p.id),
    channel: 'cli',
    newValue: JSON.stringify({ regime: regime.code, key: ref.key }),
  });
  return p;
}

export async function getPeriod(db: Db, regimeCode: string, key: string) {
  const regime = await getRegime(db, regimeCode);
  const ref = parsePeriodKey(key);
  const p = await findPeriodByKey(db, regime.id, ref.key);
  if (!p)
    throw new AppError(
      ErrorCode.NotFound,
      `Chế độ ${regime.code} chưa mở kỳ ${ref.key}. Mở kỳ: npm run cli -- period open ${regime.code} ${ref.key}`,
      { en: `Regime ${regime.code} has not opened period ${ref.key}. To open it: npm run cli -- period open ${regime.code} ${ref.key}` },
    );
  return { regime, period: p };
}

export async function setPeriodStatus(
  db: Db,
  regimeCode: string,
  key: string,
  status: 'open' | 'locked' | 'approved',
  by: number | null = null,
  opts: { channel?: string; now?: Date } = {},
) {
  const { period } = await getPeriod(db, regimeCode, key);
  const now = opts.now ?? new Date();
  // when and by whom, for the refusals; unlocking clears both (the audit log keeps the history)
  const data =
    status === 'open'
      ? { lockedAt: null, lockedById: null, approvedAt: null, approvedBy: null }
      : status === 'locked'
        ? { lockedAt: now, lockedById: by }
        : { approvedAt: now, approvedBy: by };
  const p = await updatePeriod(db, period.id, { status, ...data });
  await addAuditLog(db, {
    at: now,
    userId: by,
    channel: opts.channel ?? 'cli',
    action: `period.${status === 'open' ? 'unlock' : status === 'locked' ? 'lock' : 'approve'}`,
    entity: 'Period',
    entityId: String(p.id),
    oldValue: JSON.stringify({ status: period.status }),
    newValue: JSON.stringify({ status }),
  });
  return p;
}

/** Lets one agency write again in a locked period until it submits again. */
export async function reopenAgency(
  app: Pick<App, 'db' | 'registry' | 'clock'>,
  regimeCode: string,
  key: string,
  agencyName: string,
  by: number | null = null,
  channel = 'cli',
) {
  const { regime, period } = await getPeriod(app.db, regimeCode, key);
  if (period.status === 'approved') {
    throw new AppError(
      ErrorCode.Locked,
      `Báo cáo ${periodLabel(period.key)} (${regime.code}) đã được phê duyệt; cần bỏ phê duyệt trước (gõ "mở lại kỳ ${regime.code} ${period.key}" hoặc nút "Mở lại kỳ" trên bảng điều khiển) rồi mới mở lại cho từng cơ quan.`,
      {
        en: `The ${periodLabelIn('en', period.key)} report (${regime.code}) is approved; withdraw the approval first (type "mở lại kỳ ${regime.code} ${period.key}" or the "Mở lại kỳ" button on the dashboard), then reopen it for an agency.`,
      },
    );
  }
  // A former name ("Sở TT&TT") means the agency that carries its duties today.
  const agency = (await currentAgency(app, agencyName, agencyName.includes('@') ? null : regime.province)).row;
  const now = app.clock.now();
  const sub = await upsertSubmission(
    app.db,
    period.id,
    agency.id,
    { reopenedAt: now, lockedAt: null, approvedAt: null },
    { status: 'draft', reopenedAt: now },
  );
  await addAuditLog(app.db, {
    at: now,
    userId: by,
    channel,
    action: 'period.reopen',
    entity: 'Submission',
    entityId: String(sub.id),
    newValue: JSON.stringify({ period: period.key, agency: agency.key }),
  });
  return { period, agency, submission: sub };
}

/** Names of the people who can reopen (coordinators and admins), for refusals. */
export async function reopenerNames(db: Db, province: string | null): Promise<string[]> {
  const rows = await findReopeners(db, province);
  return rows.map((u) => u.name ?? `người dùng #${u.id}`);
}

export interface AgencyPeriod {
  periodId: number;
  regimeCode: string;
  regimeName: string;
  key: string;
  deadline: Date;
  locksAt: Date;
  status: string;
}

/** Periods whose regime asks this agency something, the ones still writable first (nearest deadline first). */
export async function periodsForAgency(db: Db, agencyId: number, now: Date): Promise<AgencyPeriod[]> {
  // one joined statement (Prisma's include ran three): every period with its regime and this agency's submission
  // a paused regime only holds its reminders: its officials still report ("tạm dừng" is not "close")
  const raw = await findAgencyPeriodRows(db, agencyId);
  const id = (x: unknown) => (x == null ? null : Number(x)); // raw integers may come back as BigInt
  const rows = raw.map((p) => ({
    ...p,
    id: Number(p.id),
    lockedById: id(p.lockedById),
    approvedBy: id(p.approvedBy),
    regime: { code: p.regimeCode, name: p.regimeName },
    submissions:
      p.s_id == null
        ? []
        : [
            {
              reopenedAt: p.s_reopenedAt,
              lockedAt: p.s_lockedAt,
              lockedById: id(p.s_lockedById),
              approvedAt: p.s_approvedAt,
              approvedById: id(p.s_approvedById),
            },
          ],
  }));
  const list = rows.map((p) => ({
    periodId: p.id,
    regimeCode: p.regime.code,
    regimeName: p.regime.name,
    key: p.key,
    deadline: p.deadline,
    locksAt: p.locksAt,
    status: p.status,
    writable: lockState(p, p.submissions[0] ?? null, now) === null,
  }));
  list.sort(
    (a, b) =>
      Number(b.writable) - Number(a.writable) ||
      (a.writable ? a.deadline.getTime() - b.deadline.getTime() : b.deadline.getTime() - a.deadline.getTime()),
  );
  return list.map(({ writable: _w, ...p }) => p);
}
