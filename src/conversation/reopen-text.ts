// "mở lại <cơ quan>" and "khóa kỳ / phê duyệt kỳ / mở lại kỳ" refusals and replies in chat, in the person's language.
import { catalog } from '../core/i18n.ts';
import type { PeriodAction } from '../reporting/period-lock.ts';

const VI_WORD: Record<PeriodAction, string> = { lock: 'khóa', approve: 'phê duyệt', unlock: 'mở lại' };
const EN_WORD: Record<PeriodAction, string> = { lock: 'lock', approve: 'approve', unlock: 'reopen' };

export const REOPEN_TEXT = catalog({
  vi: {
    word: (a: PeriodAction) => VI_WORD[a],
    staffOnly: (a: PeriodAction) =>
      `Chỉ điều phối viên hoặc quản trị viên mới ${VI_WORD[a]} được cả kỳ báo cáo. Bạn vẫn gõ "báo cáo" để xem hoặc gửi báo cáo của cơ quan mình khi kỳ còn mở.`,
    officialCannot: (role: string, agency: string | null) =>
      `Chỉ điều phối viên hoặc quản trị viên mới mở lại được kỳ báo cáo đã khóa; bạn là ${role}. Nếu cần sửa số liệu${agency ? ` của ${agency}` : ''}, hãy nhờ điều phối viên gõ "mở lại ${agency ?? '<tên cơ quan>'}".`,
    usage: 'Gõ "mở lại <tên cơ quan> [kỳ]", ví dụ "mở lại Sở Tài chính quý 4". Không ghi kỳ thì mở lại kỳ gần nhất đã khóa của cơ quan đó.',
    noAgency: (name: string, province: string | null) =>
      `Không tìm thấy cơ quan "${name}"${province ? ` ở ${province}` : ''} trong các cơ quan có chế độ báo cáo.`,
    noSuchPeriod: (agency: string, period: string) => `${agency} không có kỳ báo cáo ${period}.`,
    noPeriods: (agency: string) => `${agency} chưa có kỳ báo cáo nào.`,
    olderHint: (name: string, key: string) => ` Để mở lại kỳ trước đã khóa, ghi rõ kỳ, ví dụ "mở lại ${name} ${key}".`,
    notLocked: (period: string, code: string, agency: string, until: string, hint: string) =>
      `Kỳ báo cáo ${period} (${code}) chưa khóa với ${agency}: cơ quan vẫn sửa được đến ${until}, không cần mở lại.${hint}`,
    reopened: (period: string, code: string, agency: string) =>
      `Đã mở lại kỳ báo cáo ${period} (${code}) cho ${agency}. Cán bộ của cơ quan gõ "báo cáo" để sửa và "gửi" để gửi lại; sau khi gửi lại, kỳ khóa lại với cơ quan này. Việc mở lại đã được ghi vào nhật ký.`,
  },
  en: {
    word: (a: PeriodAction) => EN_WORD[a],
    staffOnly: (a: PeriodAction) =>
      `Only a coordinator or an administrator can ${EN_WORD[a]} a whole reporting period. You can still type "báo cáo" to see or send your agency's report while the period is open.`,
    officialCannot: (role: string, agency: string | null) =>
      `Only a coordinator or an administrator can reopen a locked reporting period; you are a ${role}. To change the figures${agency ? ` of ${agency}` : ''}, ask a coordinator to type "mở lại ${agency ?? '<agency name>'}".`,
    usage:
      'Type "mở lại <agency name> [period]", for example "mở lại Sở Tài chính quý 4". Without a period, the agency’s latest locked period is reopened.',
    noAgency: (name: string, province: string | null) =>
      `No agency "${name}"${province ? ` in ${province}` : ''} among the agencies with a reporting regime.`,
    noSuchPeriod: (agency: string, period: string) => `${agency} has no ${period} reporting period.`,
    noPeriods: (agency: string) => `${agency} has no reporting period yet.`,
    olderHint: (name: string, key: string) => ` To reopen an earlier locked period, name it, for example "mở lại ${name} ${key}".`,
    notLocked: (period: string, code: string, agency: string, until: string, hint: string) =>
      `The ${period} reporting period (${code}) is not locked for ${agency}: the agency can still change it until ${until}, no need to reopen.${hint}`,
    reopened: (period: string, code: string, agency: string) =>
      `Reopened the ${period} reporting period (${code}) for ${agency}. Its officers type "báo cáo" to change it and "gửi" to send it again; once sent again, the period locks again for this agency. The reopening is in the audit log.`,
  },
});
