// "mở lại <cơ quan> [kỳ]" in chat: a coordinator (or admin) lets one agency write again in a locked period,
// with an audit record naming who did it from which channel. Everyone else is told why they cannot.
import type { App } from '../app.ts';
import { isAppError } from '../core/errors.ts';
import { excerpt, fold } from '../core/text.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { lockState, periodsForAgency, reopenAgency } from '../reporting/period-service.ts';
import { formatDate, parsePeriodKey, periodKeyAt, periodLabel } from '../reporting/periods.ts';
import { findAgency } from '../users/agency.ts';
import { ROLE_LABELS, type BotUser } from '../users/users.ts';
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
  if (user.role === 'official') {
    return say(
      `Chỉ điều phối viên hoặc quản trị viên mới mở lại được kỳ báo cáo đã khóa; bạn là ${ROLE_LABELS.official}. Nếu cần sửa số liệu ${user.agency ? `của ${user.agency.name}` : ''}, hãy nhờ điều phối viên gõ "mở lại ${user.agency?.name ?? '<tên cơ quan>'}".`.replace(
        /\s+,/g,
        ',',
      ),
    );
  }
  if (!rest.trim())
    return say(
      'Gõ "mở lại <tên cơ quan> [kỳ]", ví dụ "mở lại Sở Tài chính quý 4". Không ghi kỳ thì mở lại kỳ gần nhất đã khóa của cơ quan đó.',
    );
  const { agency: name, periodKey } = splitAgencyPeriod(rest, now);
  const agency = await findAgency(app, name, user.province);
  if (!agency)
    return say(
      `Không tìm thấy cơ quan "${excerpt(name)}"${user.province ? ` ở ${user.province}` : ''} trong các cơ quan có chế độ báo cáo.`,
    );
  const periods = (await periodsForAgency(app.db, agency.id, now)).filter((p) => !periodKey || p.key === periodKey);
  if (!periods.length)
    return say(periodKey ? `${agency.name} không có kỳ báo cáo ${periodLabel(periodKey)}.` : `${agency.name} chưa có kỳ báo cáo nào.`);
  const rows = await app.db.period.findMany({
    where: { id: { in: periods.map((p) => p.periodId) } },
    include: { submissions: { where: { agencyId: agency.id } } },
  });
  const isLocked = (id: number) => {
    const row = rows.find((r) => r.id === id)!;
    return lockState(row, row.submissions[0] ?? null, now) !== null;
  };
  // without a period named: the latest period (the one being reported on), never silently an older one
  const target = periodKey ? periods[0]! : [...periods].sort((a, b) => b.deadline.getTime() - a.deadline.getTime())[0]!;
  if (!isLocked(target.periodId)) {
    const older = periodKey ? [] : periods.filter((p) => p.periodId !== target.periodId && isLocked(p.periodId));
    const hint = older.length ? ` Để mở lại kỳ trước đã khóa, ghi rõ kỳ, ví dụ "mở lại ${name} ${older[0]!.key}".` : '';
    return say(
      `Kỳ báo cáo ${periodLabel(target.key)} (${target.regimeCode}) chưa khóa với ${agency.name}: cơ quan vẫn sửa được đến ${formatDate(target.locksAt)}, không cần mở lại.${hint}`,
    );
  }
  try {
    await reopenAgency(app, target.regimeCode, target.key, agency.key, user.id, channel);
  } catch (e) {
    if (isAppError(e)) return say(e.userMessage);
    throw e;
  }
  return say(
    `Đã mở lại kỳ báo cáo ${periodLabel(target.key)} (${target.regimeCode}) cho ${agency.name}. Cán bộ của cơ quan gõ "báo cáo" để sửa và "gửi" để gửi lại; sau khi gửi lại, kỳ khóa lại với cơ quan này. Việc mở lại đã được ghi vào nhật ký.`,
  );
}
