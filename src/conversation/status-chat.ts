// "tình hình báo cáo [cơ quan]" in chat: coordinators and admins see every agency; officials their own.
import type { App } from '../app.ts';
import { excerpt } from '../core/text.ts';
import type { OutboundMessage } from '../core/types.ts';
import { agencyDetail, currentPeriods, formatPeriodStatus, periodStatus, statusHint } from '../reporting/status.ts';
import { HOME_TEXT } from './home-text.ts';
import { findAgency } from '../users/agency.ts';
import type { BotUser } from '../users/users.ts';
import { notRegistered } from './replies.ts';

export async function statusReply(app: App, user: BotUser | null, rest: string, now: Date): Promise<OutboundMessage[]> {
  if (!user) return [notRegistered()];
  const db = app.db;
  const { locale } = user;
  const t = HOME_TEXT(locale);
  if (user.role === 'official') {
    const own = user.agency;
    const asksOther = rest && own && app.registry.resolve(rest).key !== own.baseKey;
    if (!own || asksOther) {
      return [{ text: t.othersOnly(own?.name ?? null) }];
    }
    const ids = await currentPeriods(db, now, own.id);
    if (!ids.length) return [{ text: t.noPeriods(own.name) }];
    return Promise.all(ids.map(async (id) => ({ text: await agencyDetail(db, id, own.id, locale) })));
  }
  if (rest) {
    const agency = await findAgency(app, rest, user.province);
    if (!agency) return [{ text: t.noAgency(excerpt(rest), user.province) }];
    const ids = await currentPeriods(db, now, agency.id);
    if (!ids.length) return [{ text: t.agencyNoPeriods(agency.name) }];
    return Promise.all(ids.map(async (id) => ({ text: await agencyDetail(db, id, agency.id, locale) })));
  }
  const ids = await currentPeriods(db, now, undefined, user.province);
  if (!ids.length) return [{ text: t.nonOpen }];
  const out: OutboundMessage[] = [];
  for (const id of ids) out.push({ text: formatPeriodStatus(await periodStatus(db, id, now), now, locale) });
  out.push({ text: statusHint(locale) });
  return out;
}
