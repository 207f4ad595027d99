// What locking, approving or reopening a whole period says (chat and dashboard), in the person's language.
import { catalog, countOf } from '../core/i18n.ts';

export const PERIOD_LOCK_TEXT = catalog({
  vi: {
    label: (period: string, code: string) => `kỳ báo cáo ${period} (${code})`,
    alreadyApproved: (label: string, since: string, lock: boolean) =>
      `${label} đã được phê duyệt từ trước${since}, không cần ${lock ? 'khóa' : 'phê duyệt'} nữa.`,
    alreadyLocked: (label: string, since: string) => `${label} đã khóa từ trước${since}.`,
    expired: (at: string) => ` Kỳ đã tự khóa từ ${at} vì quá hạn: cơ quan nào cần sửa thì gõ "mở lại <tên cơ quan>".`,
    notLocked: (label: string, expired: string) => `${label} không bị khóa hay phê duyệt nên không cần mở lại.${expired}`,
    reopenHow: (code: string, key: string) => `Gõ "mở lại kỳ ${code} ${key}" hoặc bấm "Mở lại kỳ" trên bảng điều khiển để mở lại.`,
    locked: (label: string, at: string, how: string) =>
      `Đã khóa ${label} lúc ${at}: cán bộ không gửi hay sửa được nữa, cả trong trò chuyện và trên trang web, trừ cơ quan được mở lại ("mở lại <tên cơ quan>"). ${how} Việc khóa đã được ghi vào nhật ký.`,
    approved: (label: string, at: string, how: string) =>
      `Đã phê duyệt ${label} lúc ${at}: số liệu được chốt, không cơ quan nào sửa được nữa. ${how} Việc phê duyệt đã được ghi vào nhật ký.`,
    openUntil: (until: string) => `cán bộ gửi và sửa được đến ${until}`,
    openExpired: (at: string) =>
      `kỳ đã quá hạn khóa (${at}), nên cơ quan nào cần sửa thì vẫn phải được mở lại riêng ("mở lại <tên cơ quan>")`,
    reopened: (label: string, until: string) => `Đã mở lại ${label}: ${until}. Việc mở lại đã được ghi vào nhật ký.`,
    others: (n: number) => ` và ${n} cơ quan khác`,
    missingApproved: 'số liệu của các cơ quan này không có trong kỳ đã phê duyệt',
    missingLocked: 'các cơ quan này không gửi được nữa, trừ khi được mở lại',
    missing: (out: number, all: number, named: string, then: string) =>
      `\nLưu ý: ${out}/${all} cơ quan chưa gửi báo cáo (${named}): ${then}.`,
  },
  en: {
    label: (period: string, code: string) => `the ${period} reporting period (${code})`,
    alreadyApproved: (label: string, since: string, lock: boolean) =>
      `${label} was approved already${since}; no need to ${lock ? 'lock' : 'approve'} it.`,
    alreadyLocked: (label: string, since: string) => `${label} was locked already${since}.`,
    expired: (at: string) =>
      ` It locked itself on ${at} as its time was over: an agency that needs to change its report is reopened with "mở lại <agency name>".`,
    notLocked: (label: string, expired: string) => `${label} is neither locked nor approved, so there is nothing to reopen.${expired}`,
    reopenHow: (code: string, key: string) => `Type "mở lại kỳ ${code} ${key}" or press "Mở lại kỳ" on the dashboard to reopen it.`,
    locked: (label: string, at: string, how: string) =>
      `Locked ${label} at ${at}: officers can no longer send or change reports, in chat or on the web, except agencies reopened ("mở lại <agency name>"). ${how} The locking is in the audit log.`,
    approved: (label: string, at: string, how: string) =>
      `Approved ${label} at ${at}: the figures are final, no agency can change them. ${how} The approval is in the audit log.`,
    openUntil: (until: string) => `officers can send and change reports until ${until}`,
    openExpired: (at: string) =>
      `its locking date has passed (${at}), so an agency that needs changes is still reopened on its own ("mở lại <agency name>")`,
    reopened: (label: string, until: string) => `Reopened ${label}: ${until}. The reopening is in the audit log.`,
    others: (n: number) => ` and ${countOf(n, 'other agency', 'other agencies')}`,
    missingApproved: 'their figures are not in the approved period',
    missingLocked: 'they can no longer send unless reopened',
    missing: (out: number, all: number, named: string, then: string) => `\nNote: ${out}/${all} agencies have not sent (${named}): ${then}.`,
  },
});
