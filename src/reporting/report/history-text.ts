// The sentences of "lịch sử báo cáo" (an agency's reports across periods), in the reader's language.
import { catalog, countOf } from '../../core/i18n.ts';
import type { ReportWords } from './report-words.ts';
import type { Timeliness } from './types.ts';

/** What a period's state is computed from. */
export interface PeriodState {
  timeliness: Timeliness;
  daysLate: number | null;
  state: 'submitted' | 'draft' | 'none';
  stillDue: boolean;
}

/** "Trễ hạn 3 ngày", "Đang nhập, chưa gửi (còn hạn)", … (also kept with the history as `timelinessLabel`). */
function viState(e: PeriodState, w: ReportWords): string {
  if (e.timeliness === 'late') return `${w.timeliness('late')} ${e.daysLate} ngày`;
  if (e.timeliness !== 'not_submitted') return w.timeliness(e.timeliness);
  return `${e.state === 'draft' ? 'Đang nhập, chưa gửi' : 'Chưa nộp'}${e.stillDue ? ' (còn hạn)' : ''}`;
}

/** "Late, 3 days", "Being entered, not sent (still due)", … */
function enState(e: PeriodState, w: ReportWords): string {
  if (e.timeliness === 'late') return `Late, ${countOf(e.daysLate ?? 0, 'day')}`;
  if (e.timeliness !== 'not_submitted') return w.timeliness(e.timeliness);
  return `${e.state === 'draft' ? 'Being entered, not sent' : 'Not sent'}${e.stillDue ? ' (still due)' : ''}`;
}

export const HISTORY_TEXT = catalog({
  vi: {
    title: (agency: string) => `📚 Lịch sử báo cáo — ${agency}`,
    none: 'Đơn vị chưa có kỳ báo cáo nào.',
    timeliness: viState,
    sent: (date: string) => `gửi ${date}`,
    due: (date: string) => `hạn ${date}`,
    items: (answered: number, expected: number) => `${answered}/${expected} mục`,
    skipped: (n: number) => `, ${n} bỏ qua`,
    locked: ' · đã khóa',
    approved: ' · đã duyệt',
    earlier: (n: number) => `… và ${n} kỳ trước đó`,
    figures: (period: string) => `Số liệu ${period}:`,
    trend: 'Diễn biến (cũ → mới):',
    more: "… (còn nữa; gõ 'lịch sử báo cáo <mã chế độ>' để xem từng chế độ)",
  },
  en: {
    title: (agency: string) => `📚 Report history — ${agency}`,
    none: 'The agency has no reporting period yet.',
    timeliness: enState,
    sent: (date: string) => `sent ${date}`,
    due: (date: string) => `due ${date}`,
    items: (answered: number, expected: number) => `${answered}/${expected} items`,
    skipped: (n: number) => `, ${n} skipped`,
    locked: ' · locked',
    approved: ' · approved',
    earlier: (n: number) => `… and ${countOf(n, 'earlier period')}`,
    figures: (period: string) => `Figures of ${period}:`,
    trend: 'Trend (old → new):',
    more: "… (more; type 'report history <regime code>' to see one regime)",
  },
});

export interface HistoryWords {
  T: ReturnType<typeof HISTORY_TEXT>;
  w: ReportWords;
}
