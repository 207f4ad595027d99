// The words of `cli period open|lock|unlock|approve|reopen|list`.
import { catalog } from '../../core/i18n.ts';

export const PERIOD_TEXT = catalog({
  vi: {
    group: 'Kỳ báo cáo: mở, khóa, mở lại cho một cơ quan',
    open: 'Mở một kỳ báo cáo (tính hạn nộp và ngày khóa)',
    keyExample: 'ví dụ 2026-Q4, 2026-H2, 2026, 2026-11',
    opened: (key: string, code: string, from: string, to: string, deadline: string, locks: string, state: string) =>
      `Kỳ ${key} của ${code}: ${from}–${to}, hạn nộp ${deadline}, khóa từ ${locks}; ${state}.`,
    lock: 'Khóa kỳ báo cáo (không ai sửa được nữa, trừ cơ quan được mở lại)',
    unlock: 'Bỏ khóa kỳ báo cáo',
    approve: 'Phê duyệt kỳ báo cáo (khóa hẳn)',
    state: (key: string, code: string, state: string) => `Kỳ ${key} của ${code}: ${state}.`,
    reopen: 'Mở lại kỳ đã khóa cho một cơ quan (đến khi cơ quan gửi lại)',
    reopenAgency: 'cơ quan được mở lại',
    reopened: (key: string, agency: string) => `Đã mở lại kỳ ${key} cho ${agency}; cơ quan sửa và gửi lại được đến khi gửi.`,
    list: 'Các kỳ của một chế độ báo cáo',
    noPeriods: (code: string) => `Chế độ ${code} chưa mở kỳ nào. Mở kỳ: npm run cli -- period open ${code} <kỳ, ví dụ 2026-Q4>`,
    periodLine: (key: string, deadline: string, locks: string, state: string) => `${key}: hạn nộp ${deadline}, khóa ${locks}; ${state}`,
  },
  en: {
    group: 'Reporting periods: open, lock, reopen for one agency',
    open: 'Open a reporting period (works out its deadline and lock date)',
    keyExample: 'e.g. 2026-Q4, 2026-H2, 2026, 2026-11',
    opened: (key: string, code: string, from: string, to: string, deadline: string, locks: string, state: string) =>
      `Period ${key} of ${code}: ${from}–${to}, due ${deadline}, locked from ${locks}; ${state}.`,
    lock: 'Lock a reporting period (nobody can change it any more, except a reopened agency)',
    unlock: 'Unlock a reporting period',
    approve: 'Approve a reporting period (locked for good)',
    state: (key: string, code: string, state: string) => `Period ${key} of ${code}: ${state}.`,
    reopen: 'Reopen a locked period for one agency (until the agency sends again)',
    reopenAgency: 'the agency to reopen it for',
    reopened: (key: string, agency: string) => `Reopened period ${key} for ${agency}; the agency can edit and send again until it sends.`,
    list: 'The periods of a reporting regime',
    noPeriods: (code: string) =>
      `Regime ${code} has no period open yet. Open one: npm run cli -- period open ${code} <period, e.g. 2026-Q4>`,
    periodLine: (key: string, deadline: string, locks: string, state: string) => `${key}: due ${deadline}, locks ${locks}; ${state}`,
  },
});
