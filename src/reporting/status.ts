// Coordinator's view of one period: who submitted on time, late, or not at all; completeness and timeliness.
import type { Db } from '../db/client.ts';
import { findPeriodStatusTree, findPeriodWithRegimeOrThrow, findStartedPeriods } from './repo/periods.ts';
import { findAgencyOrThrow, findAgencyPeople, findUser } from './repo/people.ts';
import { findAgencyItems } from './repo/regime-items.ts';
import { findSubmissionWithAnswers } from './repo/submissions.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { isAnswerState } from '../core/types.ts';
import { compareVi } from '../core/text.ts';
import { ANSWER_WORDS, answerText } from './answer-text.ts';
import { STATUS_TEXT } from './status-text.ts';
import { DEFAULT_LOCALE, periodLabelIn, type Locale } from '../core/i18n.ts';
import { formatNumber } from './numbers.ts';
import { daysLate, formatDate, formatDateTime } from './periods.ts';

import type { AgencyState } from './status-types.ts';
export type { AgencyState } from './status-types.ts';

export interface AgencyStatusRow {
  agencyId: number;
  agencyKey: string;
  agencyName: string;
  items: number;
  answered: number; // items with a value or a status
  state: AgencyState;
  submittedAt: Date | null;
  submittedBy: string | null; // name of who pressed "gửi"
  officials: string[]; // registered officials of the agency, whom to call when it is late
  daysLate: number;
}

export interface PeriodStatus {
  regime: { code: string; name: string };
  period: { id: number; key: string; deadline: Date; locksAt: Date; status: string };
  rows: AgencyStatusRow[];
  completeness: number; // % of all items answered
  timeliness: number; // % of agencies that submitted by the deadline
  submitted: number;
}

export async function periodStatus(db: Db, periodId: number, now: Date): Promise<PeriodStatus> {
  const period = await findPeriodStatusTree(db, periodId);
  if (!period) throw new AppError(ErrorCode.NotFound, 'Không tìm thấy kỳ báo cáo.', { en: 'No such reporting period.' });
  const byAgency = new Map<number, AgencyStatusRow>();
  for (const it of period.regime.items) {
    const row = byAgency.get(it.agencyId) ?? {
      agencyId: it.agencyId,
      agencyKey: it.agency.key,
      agencyName: it.agency.name,
      items: 0,
      answered: 0,
      state: 'not_started' as AgencyState,
      submittedAt: null,
      submittedBy: null as string | null,
      officials: [] as string[],
      daysLate: 0,
    };
    row.items++;
    byAgency.set(it.agencyId, row);
  }
  const itemIds = new Set(period.regime.items.map((i) => i.id));
  const people = await findAgencyPeople(db, [...byAgency.keys()]);
  const nameOf = (id: number | null) => (id == null ? null : (people.find((u) => u.id === id)?.name ?? null));
  for (const u of people)
    if (u.role === 'official' && u.agencyId != null) byAgency.get(u.agencyId)?.officials.push(u.name ?? `cán bộ #${u.id} (chưa có tên)`);
  for (const sub of period.submissions) {
    const row = byAgency.get(sub.agencyId);
    if (!row) continue;
    row.answered = sub.answers.filter((a) => itemIds.has(a.itemId) && (a.value != null || a.status != null)).length;
    if (sub.status === 'submitted' && sub.submittedAt) {
      row.submittedAt = sub.submittedAt;
      row.submittedBy = nameOf(sub.submittedById);
      row.daysLate = daysLate(period.deadline, sub.submittedAt);
      row.state = row.daysLate > 0 ? 'late' : 'on_time';
    } else if (sub.answers.length) row.state = 'draft';
  }
  const rows = [...byAgency.values()].sort((a, b) => compareVi(a.agencyName, b.agencyName));
  const total = rows.reduce((s, r) => s + r.items, 0);
  const answered = rows.reduce((s, r) => s + r.answered, 0);
  const onTime = rows.filter((r) => r.state === 'on_time').length;
  void now;
  return {
    regime: { code: period.regime.code, name: period.regime.name },
    period: { id: period.id, key: period.key, deadline: period.deadline, locksAt: period.locksAt, status: period.status },
    rows,
    completeness: total ? (answered / total) * 100 : 0,
    timeliness: rows.length ? (onTime / rows.length) * 100 : 0,
    submitted: rows.filter((r) => r.submittedAt).length,
  };
}

export function formatPeriodStatus(s: PeriodStatus, now: Date, locale: Locale = DEFAULT_LOCALE): string {
  const t = STATUS_TEXT(locale);
  const overdue = now.getTime() > s.period.deadline.getTime();
  const lines = s.rows.map((r) => {
    let st = t.state(r.state);
    if (r.submittedAt) st += t.sentAt(formatDateTime(r.submittedAt), r.submittedBy ?? null, r.daysLate || null);
    else st += overdue ? t.overdue : t.notDue;
    const who = r.submittedAt ? '' : r.officials.length ? t.officials(r.officials.join(', ')) : t.noOfficial;
    return t.row(r.agencyName, st, r.answered, r.items, who);
  });
  const n = s.rows.length;
  const pct = (x: number) => formatNumber(x, 0);
  // Before the deadline an on-time rate ("đúng hạn 29%") reads as lateness: say how many have sent, and that it is not due.
  const rate =
    !overdue && s.submitted < n
      ? t.rateNotDue(s.submitted, n, pct(n ? (s.submitted / n) * 100 : 0), pct(s.completeness))
      : t.rate(s.submitted, n, pct(s.completeness), pct(s.timeliness));
  return [t.head(periodLabelIn(locale, s.period.key), s.regime.name, s.regime.code, formatDate(s.period.deadline)), rate, ...lines].join(
    '\n',
  );
}

/** What a coordinator can type next, under the status in chat. */
export const statusHint = (locale: Locale = DEFAULT_LOCALE): string => STATUS_TEXT(locale).hint;

/** One agency's answers for a period, for drilling in. */
export async function agencyDetail(db: Db, periodId: number, agencyId: number, locale: Locale = DEFAULT_LOCALE): Promise<string> {
  const t = STATUS_TEXT(locale);
  const period = await findPeriodWithRegimeOrThrow(db, periodId);
  const agency = await findAgencyOrThrow(db, agencyId);
  const items = await findAgencyItems(db, period.regimeId, agencyId);
  const sub = await findSubmissionWithAnswers(db, periodId, agencyId);
  const by = sub?.submittedById != null ? await findUser(db, sub.submittedById) : null;
  const state =
    sub?.status === 'submitted' && sub.submittedAt
      ? t.sent(formatDateTime(sub.submittedAt), by?.name ?? null)
      : sub?.reopenedAt
        ? t.reopened(formatDateTime(sub.reopenedAt))
        : sub
          ? t.entering
          : t.notReported;
  const head = t.agencyHead(agency.name, periodLabelIn(locale, period.key), period.regime.code, state, formatDate(period.deadline));
  const lines = items.map((it, i) => {
    const a = sub?.answers.find((x) => x.itemId === it.id);
    const v = answerText(it, a, undefined, locale);
    const note = a?.note && !isAnswerState(a.status) ? ANSWER_WORDS(locale).note(a.note) : null;
    return `${i + 1}. ${it.label}: ${v}${note ? t.note(note) : ''}`;
  });
  return [head, ...lines].join('\n');
}

/** The most recent started period of each regime (optionally only where an agency answers, or of a province). */
export async function currentPeriods(db: Db, now: Date, agencyId?: number, province?: string | null): Promise<number[]> {
  const periods = await findStartedPeriods(db, now, agencyId, province);
  const seen = new Set<number>();
  return periods.filter((p) => !seen.has(p.regimeId) && seen.add(p.regimeId)).map((p) => p.id);
}
