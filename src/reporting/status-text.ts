// How far a period's reports are, as a coordinator reads it in chat (and an official for their own agency), in
// the person's language.
import { catalog, type Locale } from '../core/i18n.ts';
import type { AgencyState } from './status-types.ts';

const VI_STATE: Record<AgencyState, string> = {
  on_time: 'đã gửi đúng hạn',
  late: 'đã gửi trễ',
  draft: 'đang nhập, chưa gửi',
  not_started: 'chưa báo cáo',
};
const EN_STATE: Record<AgencyState, string> = {
  on_time: 'sent on time',
  late: 'sent late',
  draft: 'being entered, not sent',
  not_started: 'not started',
};

/** An agency's reporting state in the person's language: the one wording chat, dashboard and CLI share. */
export const agencyStateText = (s: AgencyState, locale?: Locale | null): string => (locale === 'en' ? EN_STATE : VI_STATE)[s];

export const STATUS_TEXT = catalog({
  vi: {
    state: (s: AgencyState) => VI_STATE[s],
    sentAt: (at: string, by: string | null, late: number | null) => ` lúc ${at}${by ? ` (${by})` : ''}${late ? `, trễ ${late} ngày` : ''}`,
    overdue: ' (đã quá hạn)',
    notDue: ' (chưa đến hạn)',
    officials: (names: string) => `; cán bộ: ${names}`,
    noOfficial: '; chưa có cán bộ đăng ký',
    row: (agency: string, state: string, answered: number, items: number, who: string) =>
      `• ${agency}: ${state}; ${answered}/${items} câu có số liệu${who}`,
    rateNotDue: (sent: number, n: number, pct: string, complete: string) =>
      `Đã gửi ${sent}/${n} cơ quan (${pct}%), chưa đến hạn; đầy đủ ${complete}%.`,
    rate: (sent: number, n: number, complete: string, onTime: string) =>
      `Đã gửi ${sent}/${n} cơ quan; đầy đủ ${complete}%; đúng hạn ${onTime}%.`,
    head: (period: string, regime: string, code: string, deadline: string) =>
      `Tình hình báo cáo ${period} — ${regime} (${code}). Hạn nộp ${deadline}.`,
    hint: 'Gõ "tình hình báo cáo <tên cơ quan>" để xem số liệu của một cơ quan, "mở lại <tên cơ quan>" để cho cơ quan sửa tiếp khi kỳ đã khóa.',
    sent: (at: string, by: string | null) => `đã gửi lúc ${at}${by ? ` (${by})` : ''}`,
    reopened: (at: string) => `được mở lại lúc ${at}, chưa gửi lại`,
    entering: 'chưa gửi (đang nhập)',
    notReported: 'chưa báo cáo',
    agencyHead: (agency: string, period: string, code: string, state: string, deadline: string) =>
      `${agency} — báo cáo ${period} (${code}), hạn nộp ${deadline}: ${state}.`,
    note: (note: string) => ` — ghi chú: ${note}`,
  },
  en: {
    state: (s: AgencyState) => EN_STATE[s],
    sentAt: (at: string, by: string | null, late: number | null) => ` at ${at}${by ? ` (${by})` : ''}${late ? `, ${late} days late` : ''}`,
    overdue: ' (overdue)',
    notDue: ' (not due yet)',
    officials: (names: string) => `; officers: ${names}`,
    noOfficial: '; no officer registered',
    row: (agency: string, state: string, answered: number, items: number, who: string) =>
      `• ${agency}: ${state}; ${answered}/${items} questions answered${who}`,
    rateNotDue: (sent: number, n: number, pct: string, complete: string) =>
      `${sent}/${n} agencies have sent (${pct}%), not due yet; ${complete}% complete.`,
    rate: (sent: number, n: number, complete: string, onTime: string) =>
      `${sent}/${n} agencies have sent; ${complete}% complete; ${onTime}% on time.`,
    head: (period: string, regime: string, code: string, deadline: string) =>
      `Reports for ${period} — ${regime} (${code}). Due ${deadline}.`,
    hint: 'Type "tình hình báo cáo <agency name>" to see one agency’s figures, "mở lại <agency name>" to let an agency change a locked report.',
    sent: (at: string, by: string | null) => `sent at ${at}${by ? ` (${by})` : ''}`,
    reopened: (at: string) => `reopened at ${at}, not sent again`,
    entering: 'not sent (being entered)',
    notReported: 'not started',
    agencyHead: (agency: string, period: string, code: string, state: string, deadline: string) =>
      `${agency} — ${period} report (${code}), due ${deadline}: ${state}.`,
    note: (note: string) => ` — note: ${note}`,
  },
});
