// "trang chủ" and "tình hình báo cáo" in chat, in the person's language.
import { catalog } from '../core/i18n.ts';

export const HOME_TEXT = catalog({
  vi: {
    me: (who: string) => `Bạn đã đăng ký: ${who}.`,
    noPeriods: (agency: string) => `Chưa có kỳ báo cáo nào cho ${agency}.`,
    sentAt: (at: string) => `đã gửi lúc ${at}`,
    notSent: 'chưa gửi',
    locked: '; kỳ đã khóa',
    period: (period: string, code: string, due: string, answered: number, items: number, state: string, locked: string) =>
      `Báo cáo ${period} (${code}): hạn ${due}. Đã trả lời ${answered}/${items} câu, ${state}${locked}.`,
    report: 'Báo cáo',
    othersOnly: (own: string | null) =>
      `Chỉ điều phối viên và quản trị viên xem được tình hình báo cáo của các cơ quan khác; bạn là cán bộ của ${own ?? 'một cơ quan'}, nên chỉ xem được báo cáo của cơ quan mình.`,
    noAgency: (name: string, province: string | null) => `Không tìm thấy cơ quan "${name}"${province ? ` ở ${province}` : ''}.`,
    agencyNoPeriods: (agency: string) => `${agency} không có kỳ báo cáo nào.`,
    nonOpen: 'Chưa có kỳ báo cáo nào được mở.',
  },
  en: {
    me: (who: string) => `You are registered: ${who}.`,
    noPeriods: (agency: string) => `There is no reporting period for ${agency} yet.`,
    sentAt: (at: string) => `sent at ${at}`,
    notSent: 'not sent',
    locked: '; the period is locked',
    period: (period: string, code: string, due: string, answered: number, items: number, state: string, locked: string) =>
      `Report for ${period} (${code}): due ${due}. ${answered}/${items} questions answered, ${state}${locked}.`,
    report: 'Report',
    othersOnly: (own: string | null) =>
      `Only coordinators and administrators see other agencies' reports; you are an officer of ${own ?? 'an agency'}, so you see your own agency's report only.`,
    noAgency: (name: string, province: string | null) => `No agency "${name}" found${province ? ` in ${province}` : ''}.`,
    agencyNoPeriods: (agency: string) => `${agency} has no reporting period.`,
    nonOpen: 'No reporting period has been opened yet.',
  },
});
