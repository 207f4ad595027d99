// Locking, approving or reopening a regime's period as a whole, from chat ("khóa kỳ", "phê duyệt kỳ", "mở lại kỳ")
// and from the dashboard: the same checks and the same Vietnamese answers for both, audited with the channel.
// Once locked, lockState refuses officials' changes with who locked it and when; an agency reopened afterwards
// ("mở lại <cơ quan>") writes until it sends again. Approved closes it for everyone until it is reopened.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { lockedBy, lockNames, setPeriodStatus } from './period-service.ts';
import { formatDate, formatDateTime, periodLabel } from './periods.ts';
import { periodStatus } from './status.ts';

export type PeriodAction = 'lock' | 'approve' | 'unlock';

const STATUS: Record<PeriodAction, 'locked' | 'approved' | 'open'> = { lock: 'locked', approve: 'approved', unlock: 'open' };

/** Applies the action to the period (by id) and says what it did, or throws why not (in Vietnamese). */
export async function changePeriodLock(
  app: Pick<App, 'db' | 'clock'>,
  periodId: number,
  action: PeriodAction,
  by: number,
  channel: string,
): Promise<string> {
  const p = await app.db.period.findUniqueOrThrow({ where: { id: periodId }, include: { regime: true } });
  const now = app.clock.now();
  const label = `kỳ báo cáo ${periodLabel(p.key)} (${p.regime.code})`;
  const names = await lockNames(app.db, p, null);
  const since = p.status === 'approved' ? lockedBy(names, p.approvedBy, p.approvedAt) : lockedBy(names, p.lockedById, p.lockedAt);
  if (p.status === 'approved' && action !== 'unlock')
    throw new AppError(
      ErrorCode.Conflict,
      `${cap(label)} đã được phê duyệt từ trước${since}, không cần ${action === 'lock' ? 'khóa' : 'phê duyệt'} nữa.`,
    );
  if (p.status === 'locked' && action === 'lock') throw new AppError(ErrorCode.Conflict, `${cap(label)} đã khóa từ trước${since}.`);
  if (p.status === 'open' && action === 'unlock') {
    const expired =
      now >= p.locksAt ? ` Kỳ đã tự khóa từ ${formatDate(p.locksAt)} vì quá hạn: cơ quan nào cần sửa thì gõ "mở lại <tên cơ quan>".` : '';
    throw new AppError(ErrorCode.Conflict, `${cap(label)} không bị khóa hay phê duyệt nên không cần mở lại.${expired}`);
  }
  await setPeriodStatus(app.db, p.regime.code, p.key, STATUS[action], by, { channel, now });
  const reopen = `Gõ "mở lại kỳ ${p.regime.code} ${p.key}" hoặc bấm "Mở lại kỳ" trên bảng điều khiển để mở lại.`;
  if (action === 'lock')
    return `Đã khóa ${label} lúc ${formatDateTime(now)}: cán bộ không gửi hay sửa được nữa, cả trong trò chuyện và trên trang web, trừ cơ quan được mở lại ("mở lại <tên cơ quan>"). ${reopen} Việc khóa đã được ghi vào nhật ký.${await missing(app, p.id, now, 'lock')}`;
  if (action === 'approve')
    return `Đã phê duyệt ${label} lúc ${formatDateTime(now)}: số liệu được chốt, không cơ quan nào sửa được nữa. ${reopen} Việc phê duyệt đã được ghi vào nhật ký.${await missing(app, p.id, now, 'approve')}`;
  const until =
    now < p.locksAt
      ? `cán bộ gửi và sửa được đến ${formatDate(p.locksAt)}`
      : `kỳ đã quá hạn khóa (${formatDate(p.locksAt)}), nên cơ quan nào cần sửa thì vẫn phải được mở lại riêng ("mở lại <tên cơ quan>")`;
  return `Đã mở lại ${label}: ${until}. Việc mở lại đã được ghi vào nhật ký.`;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Agencies expected to report that have not sent, named (the first five): whoever closes the period sees what it lacks. */
async function missing(app: Pick<App, 'db'>, periodId: number, now: Date, action: 'lock' | 'approve'): Promise<string> {
  const s = await periodStatus(app.db, periodId, now);
  const out = s.rows.filter((r) => r.state === 'draft' || r.state === 'not_started').map((r) => r.agencyName);
  if (!out.length) return '';
  const named = out.length > 6 ? `${out.slice(0, 5).join(', ')} và ${out.length - 5} cơ quan khác` : out.join(', ');
  const then =
    action === 'approve'
      ? 'số liệu của các cơ quan này không có trong kỳ đã phê duyệt'
      : 'các cơ quan này không gửi được nữa, trừ khi được mở lại';
  return `\nLưu ý: ${out.length}/${s.rows.length} cơ quan chưa gửi báo cáo (${named}): ${then}.`;
}
