// Why an agency can no longer write a period's answers, in the person's language (lockState says it).
import { catalog } from '../core/i18n.ts';

export const LOCK_TEXT = catalog({
  vi: {
    who: (names: string | null) =>
      `Chỉ điều phối viên hoặc quản trị viên mới mở lại được cho cơ quan của bạn; nếu cần sửa, hãy liên hệ ${names ?? 'điều phối viên'}.`,
    at: (when: string) => `lúc ${when}`,
    approved: (period: string, by: string, who: string) => `Báo cáo ${period} đã được phê duyệt${by} nên không sửa được nữa. ${who}`,
    agencyApproved: (period: string, by: string, who: string) =>
      `Báo cáo ${period} của cơ quan bạn đã được phê duyệt${by} nên không sửa được nữa. ${who}`,
    agencyLocked: (period: string, by: string, who: string) => `Báo cáo ${period} của cơ quan bạn đã bị điều phối viên khóa${by}. ${who}`,
    locked: (period: string, by: string, who: string) => `Kỳ báo cáo ${period} đã bị điều phối viên khóa${by}. ${who}`,
    expired: (period: string, since: string, deadline: string, who: string) =>
      `Kỳ báo cáo ${period} đã khóa từ ${since} vì đã quá hạn nộp (hạn nộp ${deadline}). ${who}`,
    // a period's state in words (the dashboard, `cli period show`)
    stateApproved: 'đã phê duyệt (khóa hẳn)',
    stateLocked: 'đã khóa (điều phối viên khóa)',
    stateExpired: (since: string) => `đã khóa từ ${since} vì quá hạn; cơ quan nào cần báo cáo thì điều phối viên mở lại cho cơ quan đó`,
    stateLate: (deadline: string) => `đang mở, đã quá hạn nộp ${deadline} (báo cáo lúc này tính là trễ)`,
    stateOpen: (deadline: string) => `đang mở, hạn nộp ${deadline}`,
  },
  en: {
    who: (names: string | null) =>
      `Only a coordinator or an administrator can reopen it for your agency; to change it, contact ${names ?? 'a coordinator'}.`,
    at: (when: string) => `at ${when}`,
    approved: (period: string, by: string, who: string) => `The ${period} report is approved${by}, so it can no longer be changed. ${who}`,
    agencyApproved: (period: string, by: string, who: string) =>
      `Your agency's ${period} report is approved${by}, so it can no longer be changed. ${who}`,
    agencyLocked: (period: string, by: string, who: string) => `Your agency's ${period} report was locked by a coordinator${by}. ${who}`,
    locked: (period: string, by: string, who: string) => `The ${period} reporting period was locked by a coordinator${by}. ${who}`,
    expired: (period: string, since: string, deadline: string, who: string) =>
      `The ${period} reporting period is locked since ${since}, as its deadline has passed (due ${deadline}). ${who}`,
    stateApproved: 'approved (closed for good)',
    stateLocked: 'locked (by a coordinator)',
    stateExpired: (since: string) =>
      `locked since ${since} for being overdue; a coordinator reopens it for any agency that still needs to report`,
    stateLate: (deadline: string) => `open, past its deadline of ${deadline} (a report now counts as late)`,
    stateOpen: (deadline: string) => `open, due ${deadline}`,
  },
});
