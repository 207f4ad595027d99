// What "số liệu đã báo cáo" answers say ("tỷ lệ … quý 3 là bao nhiêu", "tiến độ của Sở Tài chính"), in the
// person's language; the item labels and the figures stay as reported.
import { catalog, countOf } from '../../core/i18n.ts';

export const PROGRESS_TEXT = catalog({
  vi: {
    otherAgency: (own: string | null, named: string) =>
      `Bạn là cán bộ của ${own ?? 'một cơ quan'}, nên chỉ xem được số liệu cơ quan mình đã báo cáo; số liệu của ${named} do điều phối viên theo dõi. ` +
      `Để xem các nhiệm vụ văn bản giao cho ${named}, gõ "nhiệm vụ của ${named}".`,
    nothingToSee: 'Chưa có chỉ tiêu báo cáo nào bạn được xem số liệu. Gõ "báo cáo" để báo cáo kỳ đang mở.',
    noItemsOf: (named: string) => `${named} không có chỉ tiêu nào trong các chế độ báo cáo bạn theo dõi.`,
    ownScope: (agency: string) => ` trong các chỉ tiêu của ${agency} (bạn xem được số liệu của cơ quan mình)`,
    noMatch: (typed: string, scope: string, list: string) =>
      `Không tìm thấy chỉ tiêu báo cáo nào khớp "${typed}"${scope}. Các chỉ tiêu đang theo dõi, ví dụ:\n${list}`,
    noPeriod: 'Chưa có kỳ báo cáo nào cho các chỉ tiêu này.',
    target: (t: string, year: number | null) => ` (mục tiêu ${t}${year ? ` năm ${year}` : ''})`,
    noFigure: 'chưa có số liệu',
    unclear: 'chưa rõ',
    sent: (on: string | null) => `đã gửi${on ? ` ${on}` : ''}`,
    draft: 'bản nháp, chưa gửi',
    more: (n: number, named: string | null) =>
      `\n… và ${n} chỉ tiêu khác: hỏi tên chỉ tiêu, hoặc gõ "tình hình báo cáo${named ? ` ${named}` : ''}" để xem đủ.`,
    head: (period: string) => `Số liệu đã báo cáo, ${period}:`,
  },
  en: {
    otherAgency: (own: string | null, named: string) =>
      `You are an officer of ${own ?? 'an agency'}, so you see only your own agency's reported figures; those of ${named} are followed by the coordinators. ` +
      `To see the tasks the documents give ${named}, type "nhiệm vụ của ${named}".`,
    nothingToSee: 'There is no reported indicator you may see yet. Type "báo cáo" to report for the open period.',
    noItemsOf: (named: string) => `${named} has no indicator in the reporting regimes you follow.`,
    ownScope: (agency: string) => ` among the indicators of ${agency} (you see your own agency's figures)`,
    noMatch: (typed: string, scope: string, list: string) =>
      `No reported indicator matches "${typed}"${scope}. The indicators followed include:\n${list}`,
    noPeriod: 'There is no reporting period for these indicators yet.',
    target: (t: string, year: number | null) => ` (target ${t}${year ? ` in ${year}` : ''})`,
    noFigure: 'no figure yet',
    unclear: 'unclear',
    sent: (on: string | null) => `sent${on ? ` ${on}` : ''}`,
    draft: 'draft, not sent',
    more: (n: number, named: string | null) =>
      `\n… and ${countOf(n, 'other indicator')}: ask for an indicator by name, or type "tình hình báo cáo${named ? ` ${named}` : ''}" to see them all.`,
    head: (period: string) => `Reported figures, ${period}:`,
  },
});
