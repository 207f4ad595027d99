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
  },
});
