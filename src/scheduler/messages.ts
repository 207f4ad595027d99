// What the bot says when it reaches out first (Vietnamese, short, with the two choices).
import type { Choice, OutboundMessage } from '../core/types.ts';
import { dayDiff, deadlineDay, fmtDate, isWorkingDay, localDay, weekdayVi, workingDayOnOrBefore, type Calendar } from './time.ts';
import { CHOICE_REPORT, CHOICE_SNOOZE } from '../conversation/phrases.ts';
import { periodLabel } from '../reporting/periods.ts';
import type { OutboxKind } from '../core/types.ts';

export type { OutboxKind } from '../core/types.ts';

/** Stored in Outbox.payload: enough to render the message again at send time. */
export interface OutboxPayload {
  kind: OutboxKind;
  periodId: number;
  regimeId: number;
  agencyId?: number | null;
  /** Days before the deadline for a reminder (0 = on the day). */
  offset?: number;
  /** Queued by "nhắc ngay" / `reminders send-now` rather than by the calendar. */
  manual?: boolean;
}

// The engine reads these button ids as "báo cáo" and "nhắc lại sau".
export { CHOICE_REPORT, CHOICE_SNOOZE };
export const REMINDER_CHOICES: Choice[] = [
  { id: CHOICE_REPORT, label: 'Báo cáo ngay' },
  { id: CHOICE_SNOOZE, label: 'Nhắc lại sau' },
];

export interface RenderData {
  regimeName: string;
  periodKey: string;
  deadline: Date;
  agencyName?: string | null;
  /** Digest only: agency names that have / have not submitted. */
  submitted?: string[];
  missing?: string[];
}

/**
 * "báo cáo “Kế hoạch ứng dụng CNTT”", but a regime named "Báo cáo …" is not quoted after another "báo cáo" (it read
 * "báo cáo “Báo cáo ứng dụng CNTT …” kỳ 2026-Q4").
 */
export function reportName(regimeName: string): string {
  return /^báo cáo\s/iu.test(regimeName) ? `b${regimeName.slice(1)}` : `báo cáo “${regimeName}”`;
}

function nameList(names: string[], max = 15): string {
  if (names.length <= max) return names.join('; ');
  return `${names.slice(0, max).join('; ')} và ${names.length - max} cơ quan khác`;
}

/** How far the deadline is, for a reminder sent on local day `today`. */
function reminderWhen(today: string, dday: string, dueText: string, cal: Calendar): string {
  const left = dayDiff(today, dday);
  if (left < 0) return `hạn ${dueText} đã qua`;
  if (left === 0) return `hôm nay (${dueText}) là hạn cuối`;
  // The deadline is a day off: the same-day reminder went out on the working day before; say why it is urgent.
  if (!isWorkingDay(dday, cal) && today === workingDayOnOrBefore(dday, cal)) {
    return `hạn nộp là ${dueText}, ngày nghỉ: hôm nay là ngày làm việc cuối cùng trước hạn`;
  }
  return `còn ${left} ngày, hạn ${dueText}`;
}

export function renderMessages(p: OutboxPayload, d: RenderData, now: Date, cal: Calendar): OutboundMessage[] {
  const tz = cal.tz;
  const dday = deadlineDay(d.deadline, tz);
  // A deadline on a day off names its weekday, so an early reminder ("hạn Chủ nhật 10/01/2027") explains itself.
  const due = fmtDate(new Date(d.deadline.getTime() - 1), tz);
  const dueText = isWorkingDay(dday, cal) ? due : `${weekdayVi(dday)} ${due}`;
  const report = `${reportName(d.regimeName)} ${periodLabel(d.periodKey)}`;
  const who = d.agencyName ?? 'Cơ quan của anh/chị';
  switch (p.kind) {
    case 'prompt':
      return [{ text: `Đã mở kỳ ${report}. Hạn gửi: ${dueText}. Anh/chị có thể báo cáo ngay bây giờ.`, choices: REMINDER_CHOICES }];
    case 'reminder': {
      const when = reminderWhen(localDay(now, tz), dday, dueText, cal);
      return [{ text: `Nhắc việc: ${who} chưa gửi ${report} (${when}).`, choices: REMINDER_CHOICES }];
    }
    case 'overdue':
      return [{ text: `${who} đã quá hạn gửi ${report} (hạn ${dueText}). Đề nghị anh/chị gửi báo cáo sớm.`, choices: REMINDER_CHOICES }];
    case 'digest': {
      const sub = d.submitted ?? [];
      const miss = d.missing ?? [];
      const total = sub.length + miss.length;
      const lines = [`Tổng hợp ${report} (hạn ${dueText}): ${sub.length}/${total} cơ quan đã gửi.`];
      lines.push(miss.length ? `Chưa gửi (${miss.length}): ${nameList(miss)}.` : 'Tất cả cơ quan đã gửi báo cáo.');
      if (sub.length) lines.push(`Đã gửi (${sub.length}): ${nameList(sub)}.`);
      return [{ text: lines.join('\n') }];
    }
  }
}
