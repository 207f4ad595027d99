// "/home" (Slack's App Home tab, "trang chủ" anywhere): who I am and my open reports, with a button to report.
import type { App } from '../app.ts';
import { findHomePeriods } from './repo/chat-reads.ts';
import type { OutboundMessage } from '../core/types.ts';
import { lockState } from '../reporting/period-service.ts';
import { formatDate, formatDateTime } from '../reporting/periods.ts';
import { periodLabelIn } from '../core/i18n.ts';
import { HOME_TEXT } from './home-text.ts';
import { describeUser, type BotUser } from '../users/users.ts';
import { CHOICE_REPORT } from './phrases.ts';
import { notRegistered } from './replies.ts';
import { statusReply } from './status-chat.ts';

const SHOWN_PERIODS = 5;

export async function homeReply(app: App, user: BotUser | null, now: Date): Promise<OutboundMessage[]> {
  if (!user) return [notRegistered()];
  const t = HOME_TEXT(user.locale);
  const me: OutboundMessage = { text: t.me(describeUser(user, user.locale)) };
  if (user.role !== 'official') return [me, ...(await statusReply(app, user, '', now))];
  const agency = user.agency;
  if (!agency) return [me];
  const periods = await findHomePeriods(app.db, agency.id, now, SHOWN_PERIODS);
  if (!periods.length) return [me, { text: t.noPeriods(agency.name) }];
  let anyOpen = false;
  const lines = periods.map((p): OutboundMessage => {
    const sub = p.submissions[0] ?? null;
    const answered = (sub?.answers ?? []).filter((a) => a.value !== null || a.status !== null || a.skipped).length;
    const open = lockState(p, sub, now) === null;
    anyOpen ||= open;
    const state = sub?.status === 'submitted' && sub.submittedAt ? t.sentAt(formatDateTime(sub.submittedAt)) : t.notSent;
    const label = periodLabelIn(user.locale, p.key);
    return { text: t.period(label, p.regime.code, formatDate(p.deadline), answered, p.regime.items.length, state, open ? '' : t.locked) };
  });
  const last = lines.length - 1;
  if (anyOpen) lines[last] = { ...lines[last]!, choices: [{ id: CHOICE_REPORT, label: t.report }] };
  return [me, ...lines];
}
