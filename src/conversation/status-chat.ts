// "tình hình báo cáo [cơ quan]" in chat: coordinators and admins see every agency; officials their own.
import type { App } from '../app.ts';
import { excerpt } from '../core/text.ts';
import type { OutboundMessage } from '../core/types.ts';
import { agencyDetail, currentPeriods, formatPeriodStatus, periodStatus, STATUS_HINT } from '../reporting/status.ts';
import { findAgency } from '../users/agency.ts';
import type { BotUser } from '../users/users.ts';
import { notRegistered } from './replies.ts';

export async function statusReply(app: App, user: BotUser | null, rest: string, now: Date): Promise<OutboundMessage[]> {
  if (!user) return [notRegistered()];
  const db = app.db;
  if (user.role === 'official') {
    const own = user.agency;
    const asksOther = rest && own && app.registry.resolve(rest).key !== own.baseKey;
    if (!own || asksOther) {
      return [
        {
          text: `Chỉ điều phối viên và quản trị viên xem được tình hình báo cáo của các cơ quan khác; bạn là cán bộ của ${own?.name ?? 'một cơ quan'}, nên chỉ xem được báo cáo của cơ quan mình.`,
        },
      ];
    }
    const ids = await currentPeriods(db, now, own.id);
    if (!ids.length) return [{ text: `Chưa có kỳ báo cáo nào cho ${own.name}.` }];
    return Promise.all(ids.map(async (id) => ({ text: await agencyDetail(db, id, own.id) })));
  }
  if (rest) {
    const agency = await findAgency(app, rest, user.province);
    if (!agency) return [{ text: `Không tìm thấy cơ quan "${excerpt(rest)}"${user.province ? ` ở ${user.province}` : ''}.` }];
    const ids = await currentPeriods(db, now, agency.id);
    if (!ids.length) return [{ text: `${agency.name} không có kỳ báo cáo nào.` }];
    return Promise.all(ids.map(async (id) => ({ text: await agencyDetail(db, id, agency.id) })));
  }
  const ids = await currentPeriods(db, now, undefined, user.province);
  if (!ids.length) return [{ text: 'Chưa có kỳ báo cáo nào được mở.' }];
  const out: OutboundMessage[] = [];
  for (const id of ids) out.push({ text: formatPeriodStatus(await periodStatus(db, id, now), now) });
  out.push({ text: STATUS_HINT });
  return out;
}
