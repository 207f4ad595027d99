// "mở lại <cơ quan> [kỳ]" in chat: a coordinator (or admin) lets one agency write again in a locked period,
// with an audit record naming who did it from which channel. Everyone else is told why they cannot.
import type { App } from '../app.ts';
import { findPeriodsWithSubmissionOf } from './repo/chat-reads.ts';
import { isAppError } from '../core/errors.ts';
import { excerpt, fold } from '../core/text.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { lockState, periodsForAgency, reopenAgency } from '../reporting/period-service.ts';
import { formatDate, parsePeriodKey, periodKeyAt } from '../reporting/periods.ts';
import { periodLabelIn } from '../core/i18n.ts';
import { REOPEN_TEXT } from './reopen-text.ts';
import { findAgency } from '../users/agency.ts';
import { roleLabel, type BotUser } from '../users/users.ts';
import { notRegistered } from './replies.ts';

/** "mở lại Sở Tài chính quý 4": the rest after the verb, or null when the text is not a reopen request. */
export function reopenRequest(text: string): string | null {
  const t = text.trim().replace(/[.!;]+$/g, '');
  if (!/^(?:mo lai|\/reopen)(?:\s+.*)?$/.test(fold(t))) return null;
  return t
    .split(/\s+/)
    .slice(t.startsWith('/') ? 1 : 2)
    .join(' ');
}

/** Splits "Sở Tài chính quý 4/2026" into the agency and the period words at the end ("quý 4", "2026-Q4", "quý IV năm 2026"). */
export function splitAgencyPeriod(rest: string, now: Date): { agency: string; periodKey: string | null } {
  const words = rest.trim().split(/\s+/);
  for (let i = Math.max(1, words.length - 4); i < words.length; i++) {
    const key = periodKeyOf(words.slice(i).join(' '), now);
    if (key) return { agency: words.slice(0, i).join(' '), periodKey: key };
  }
  return { agency: rest.trim(), periodKey: null };
}

/** A period key from what a person writes; a quarter or half without a year is the latest one that has started. */
function periodKeyOf(text: string, now: Date): string | null {
  try {
    return parsePeriodKey(text).key;
  } catch {
    const f = fold(text).replace(/\s+/g, ' ').trim();
    const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
    const q = /^(?:quy|q) ?([1-4]|iv|i{1,3})$/.exec(f);
    if (!q) return null;
    const n = roman[q[1]!] ?? Number(q[1]);
    const year = Number(periodKeyAt(now, 'year'));
    const current = Number(periodKeyAt(now, 'quarter').slice(-1));
    return `${n <= current ? year : year - 1}-Q${n}`;
  }
}

export async function reopenReply(
  app: App,
  user: BotUser | null,
  rest: string,
  channel: ChannelName,
  now: Date,
): Promise<OutboundMessage[]> {
  const say = (text: string) => [{ text }];
  if (!user) return [notRegistered()];
  const { locale } = user;
  const t = REOPEN_TEXT(locale);
  if (user.role === 'official') return say(t.officialCannot(roleLabel('official', locale), user.agency?.name ?? null));
  if (!rest.trim()) return say(t.usage);
  const { agency: name, periodKey } = splitAgencyPeriod(rest, now);
  const agency = await findAgency(app, name, user.province);
  if (!agency) return say(t.noAgency(excerpt(name), user.province));
  const periods = (await periodsForAgency(app.db, agency.id, now)).filter((p) => !periodKey || p.key === periodKey);
  if (!periods.length) return say(periodKey ? t.noSuchPeriod(agency.name, periodLabelIn(locale, periodKey)) : t.noPeriods(agency.name));
  const rows = await findPeriodsWithSubmissionOf(
    app.db,
    periods.map((p) => p.periodId),
    agency.id,
  );
  const isLocked = (id: number) => {
    const row = rows.find((r) => r.id === id)!;
    return lockState(row, row.submissions[0] ?? null, now) !== null;
  };
  // without a period named: the latest period (the one being reported on), never silently an older one
  const target = periodKey ? periods[0]! : [...periods].sort((a, b) => b.deadline.getTime() - a.deadline.getTime())[0]!;
  if (!isLocked(target.periodId)) {
    const older = periodKey ? [] : periods.filter((p) => p.periodId !== target.periodId && isLocked(p.periodId));
    const hint = older.length ? t.olderHint(name, older[0]!.key) : '';
    return say(t.notLocked(periodLabelIn(locale, target.key), target.regimeCode, agency.name, formatDate(target.locksAt), hint));
  }
  try {
    await reopenAgency(app, target.regimeCode, target.key, agency.key, user.id, channel);
  } catch (e) {
    if (isAppError(e)) return say(e.messageIn(locale));
    throw e;
  }
  return say(t.reopened(periodLabelIn(locale, target.key), target.regimeCode, agency.name));
}
