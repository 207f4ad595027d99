// "lịch nhắc" / `reminders list`: messages waiting in the Outbox and the next calendar milestones.
import type { Db } from '../db/client.ts';
import { findQueuedOutbox } from './repo/outbox-plan.ts';
import { findOpenPeriodsByDeadline, findSubmittedIn, findUserIdsWhere, findUserLabels } from './repo/recipients.ts';
import { fmtDateTime, nextAllowedSlot, type Calendar } from './time.ts';
import { milestones, reportingAgencies } from './planner.ts';
import { catalog, countOf, DEFAULT_LOCALE, periodLabelIn, type Locale } from '../core/i18n.ts';

export interface UpcomingMilestone {
  regime: string;
  period: string;
  stage: 'open' | 'remind' | 'overdue';
  offset?: number;
  at: Date;
  early?: boolean;
  lateAgencies: number;
  paused: boolean;
}

export interface Upcoming {
  pendingTotal: number;
  pending: { id: number; kind: string; at: Date; user: string; note: string | null }[];
  milestones: UpcomingMilestone[];
}

/** Limits what a coordinator sees to their province: regimes by `regimes`, queued messages by their recipient. */
export interface UpcomingScope {
  regimes: object;
  users: object;
}

export async function upcoming(db: Db, cal: Calendar, offsets: number[], now: Date, limit = 10, scope?: UpcomingScope): Promise<Upcoming> {
  const recipients = scope ? (await findUserIdsWhere(db, scope.users)).map((u) => u.id) : null;
  const queued = await findQueuedOutbox(db, recipients);
  // A reminder to an agency that has submitted since it was queued is dropped when due: it is not "waiting".
  const payloads = queued.map((r) => readPayload(r.payload));
  const periodIds = [...new Set(payloads.map((p) => p?.periodId).filter((x): x is number => typeof x === 'number'))];
  const done = periodIds.length ? await findSubmittedIn(db, periodIds) : [];
  const submitted = new Set(done.map((d) => `${d.periodId}:${d.agencyId}`));
  const live = queued.filter((r, i) => r.kind === 'digest' || !submitted.has(`${payloads[i]?.periodId}:${payloads[i]?.agencyId}`));
  const pendingTotal = live.length;
  const rows = live.slice(0, limit);
  const users = await findUserLabels(
    db,
    rows.map((r) => r.userId).filter((x): x is number => x !== null),
  );
  const byId = new Map(users.map((u) => [u.id, u]));
  const pending = rows.map((r) => {
    const u = r.userId !== null ? byId.get(r.userId) : undefined;
    const who = u ? `${u.name ?? `#${u.id}`}${u.agency ? ` (${u.agency.name})` : ''}` : '?';
    const at = r.dueAt < now ? nextAllowedSlot(now, cal) : nextAllowedSlot(r.dueAt, cal);
    return { id: r.id, kind: r.kind, at, user: who, note: r.lastError };
  });
  const periods = await findOpenPeriodsByDeadline(db, now, scope?.regimes);
  const next: UpcomingMilestone[] = [];
  for (const p of periods) {
    const m = milestones(p, cal, offsets).find((x) => x.at > now);
    if (!m) continue;
    const submitted = new Set(p.submissions.map((s) => s.agencyId));
    const late = (await reportingAgencies(db, p.regime)).filter((a) => !submitted.has(a.id)).length;
    next.push({
      regime: p.regime.name,
      period: p.key,
      stage: m.stage,
      offset: m.offset,
      early: m.early,
      at: nextAllowedSlot(m.at, cal),
      lateAgencies: late,
      paused: p.regime.paused,
    });
  }
  return { pendingTotal, pending, milestones: next };
}

function readPayload(json: string): { periodId?: number; agencyId?: number | null } | null {
  try {
    return JSON.parse(json) as { periodId?: number; agencyId?: number | null };
  } catch {
    return null;
  }
}

const KIND: Record<Locale, Record<string, string>> = {
  vi: { prompt: 'mở kỳ', reminder: 'nhắc hạn', overdue: 'quá hạn', digest: 'tổng hợp' },
  en: { prompt: 'period open', reminder: 'deadline reminder', overdue: 'overdue', digest: 'digest' },
};
const NOTE: Record<Locale, Record<string, string>> = {
  vi: {
    'user on leave': 'đang nghỉ phép',
    'user busy in a conversation': 'đang trò chuyện',
    'regime paused': 'chế độ tạm dừng',
    snoozed: 'đã hoãn',
  },
  en: {
    'user on leave': 'on leave',
    'user busy in a conversation': 'in a conversation',
    'regime paused': 'regime paused',
    snoozed: 'snoozed',
  },
};

const UPCOMING_TEXT = catalog({
  vi: {
    open: 'mở kỳ',
    overdue: 'thông báo quá hạn và tổng hợp',
    earlyBy: (days: number) => `nhắc trước hạn ${days} ngày (dời sớm vì ngày nghỉ)`,
    earlyLast: 'nhắc ngày làm việc cuối trước hạn (hạn rơi vào ngày nghỉ)',
    before: (days: number) => `nhắc trước hạn ${days} ngày`,
    onDay: 'nhắc vào ngày hạn cuối',
    none: 'Không có lịch nhắc nào sắp tới (không có kỳ báo cáo nào đang mở).',
    head: 'Lịch nhắc sắp tới:',
    paused: ' [đang tạm dừng]',
    milestone: (regime: string, period: string, stage: string, at: string, late: number, paused: string) =>
      `- “${regime}” ${period}: ${stage} lúc ${at} (${late} cơ quan chưa gửi)${paused}`,
    waiting: (n: number) => `Tin đang chờ gửi: ${n}`,
    more: (n: number) => `… và ${n} tin khác.`,
  },
  en: {
    open: 'period opens',
    overdue: 'overdue notice and digest',
    earlyBy: (days: number) => `reminder ${days} days before the deadline (moved earlier for a day off)`,
    earlyLast: 'reminder on the last working day before the deadline (which falls on a day off)',
    before: (days: number) => `reminder ${days} days before the deadline`,
    onDay: 'reminder on the deadline',
    none: 'No reminders ahead (no reporting period is open).',
    head: 'Reminders ahead:',
    paused: ' [paused]',
    milestone: (regime: string, period: string, stage: string, at: string, late: number, paused: string) =>
      `- “${regime}” ${period}: ${stage} at ${at} (${countOf(late, 'agency', 'agencies')} yet to send)${paused}`,
    waiting: (n: number) => `Messages waiting: ${n}`,
    more: (n: number) => `… and ${n} more.`,
  },
});

function stage(m: UpcomingMilestone, locale: Locale): string {
  const t = UPCOMING_TEXT(locale);
  if (m.stage === 'open') return t.open;
  if (m.stage === 'overdue') return t.overdue;
  if (m.early) return m.offset ? t.earlyBy(m.offset) : t.earlyLast;
  return m.offset ? t.before(m.offset) : t.onDay;
}

export function formatUpcoming(u: Upcoming, tz: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = UPCOMING_TEXT(locale);
  const lines: string[] = [];
  if (!u.milestones.length && !u.pendingTotal) return t.none;
  if (u.milestones.length) {
    lines.push(t.head);
    for (const m of u.milestones) {
      const period = periodLabelIn(locale, m.period);
      lines.push(t.milestone(m.regime, period, stage(m, locale), fmtDateTime(m.at, tz), m.lateAgencies, m.paused ? t.paused : ''));
    }
  }
  if (u.pendingTotal) {
    lines.push(t.waiting(u.pendingTotal));
    for (const p of u.pending) {
      const note = p.note && NOTE[locale][p.note] ? ` — ${NOTE[locale][p.note]}` : '';
      lines.push(`- ${fmtDateTime(p.at, tz)} ${KIND[locale][p.kind] ?? p.kind} → ${p.user}${note}`);
    }
    if (u.pendingTotal > u.pending.length) lines.push(t.more(u.pendingTotal - u.pending.length));
  }
  return lines.join('\n');
}
