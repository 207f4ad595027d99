// "khóa kỳ [mã chế độ] [kỳ]", "phê duyệt kỳ …", "mở lại kỳ …" in chat: a coordinator (or admin) of the province
// locks, approves or reopens a regime's period as a whole, exactly as the dashboard's buttons do (the same service,
// audited with the channel). The regime and period are read as in "báo cáo tổng hợp"; everyone else is told why not.
import type { App } from '../app.ts';
import { findPeriodByKeyOrThrow } from './repo/chat-reads.ts';
import { isAppError } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { changePeriodLock, type PeriodAction } from '../reporting/period-lock.ts';
import { resolveReportRef } from '../reporting/report/resolve.ts';
import { splitReportArgs } from '../reporting/report/chat-commands.ts';
import { assertInScope, isStaff, regimeScopeWhere } from '../users/scope.ts';
import type { BotUser } from '../users/users.ts';
import { notRegistered } from './replies.ts';
import { REOPEN_TEXT } from './reopen-text.ts';

const VERBS: [RegExp, PeriodAction][] = [
  [/^khoa ky\b/, 'lock'],
  [/^(?:phe duyet|duyet) ky\b/, 'approve'],
  [/^(?:mo lai|mo khoa) ky\b/, 'unlock'],
];

/** "khóa kỳ cds-20 quý 4" → the action and the rest ("cds-20 quý 4"), or null when the text is not one of these. */
export function periodLockRequest(text: string): { action: PeriodAction; rest: string } | null {
  const t = text.trim().replace(/[.!;]+$/g, '');
  const f = fold(t);
  for (const [re, action] of VERBS) {
    const m = re.exec(f);
    // fold keeps the length of the words it strips marks from, so the rest is cut at the same place
    if (m) return { action, rest: t.split(/\s+/).slice(m[0].split(/\s+/).length).join(' ') };
  }
  return null;
}

export async function periodLockReply(
  app: App,
  user: BotUser | null,
  req: { action: PeriodAction; rest: string },
  channel: ChannelName,
  now: Date,
): Promise<OutboundMessage[]> {
  if (!user) return [notRegistered()];
  const t = REOPEN_TEXT(user.locale);
  if (!isStaff(user)) return [{ text: t.staffOnly(req.action) }];
  try {
    const ref = await resolveReportRef(app.db, {
      ...splitReportArgs(req.rest),
      now,
      scope: {
        where: regimeScopeWhere(user),
        check: (r) => assertInScope(user, r.province, { vi: `Chế độ báo cáo "${r.code}"`, en: `Reporting regime "${r.code}"` }, now),
      },
    });
    const period = await findPeriodByKeyOrThrow(app.db, ref.regimeId, ref.periodKey);
    return [{ text: await changePeriodLock(app, period.id, req.action, user.id, channel, user.locale) }];
  } catch (e) {
    // the example in "which regime?" is the report's command; here it is this one ("khóa kỳ …"), said the same in both languages
    if (isAppError(e))
      return [
        {
          text: e.messageIn(user.locale).replace(/"(báo cáo tổng hợp|consolidated report) /g, `"${REOPEN_TEXT('vi').word(req.action)} kỳ `),
        },
      ];
    throw e;
  }
}
