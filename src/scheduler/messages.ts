// What the bot says when it reaches out first (short, with the two choices), in the recipient's language.
import type { Choice, OutboundMessage } from '../core/types.ts';
import { DEFAULT_LOCALE, catalog, periodLabelIn, type Locale } from '../core/i18n.ts';
import {
  dayDiff,
  deadlineDay,
  fmtDate,
  isWorkingDay,
  localDay,
  weekdayEn,
  weekdayVi,
  workingDayOnOrBefore,
  type Calendar,
} from './time.ts';
import { CHOICE_REPORT, CHOICE_SNOOZE } from '../conversation/phrases.ts';
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
export interface RenderData {
  regimeName: string;
  periodKey: string;
  deadline: Date;
  agencyName?: string | null;
  /** Digest only: agency names that have / have not submitted. */
  submitted?: string[];
  missing?: string[];
  /** The recipient's language (Vietnamese when not given). */
  locale?: Locale;
}

/**
 * "báo cáo “Kế hoạch ứng dụng CNTT”", but a regime named "Báo cáo …" is not quoted after another "báo cáo" (it read
 * "báo cáo “Báo cáo ứng dụng CNTT …” kỳ 2026-Q4").
 */
export function reportName(regimeName: string): string {
  return /^báo cáo\s/iu.test(regimeName) ? `b${regimeName.slice(1)}` : `báo cáo “${regimeName}”`;
}

type When = { left: number; due: string; lastWorkingDay: boolean };

/** Everything a reminder says, in each language (the regime's and agencies' names stay as they are written). */
const M = catalog({
  vi: {
    report: 'Báo cáo ngay',
    snooze: 'Nhắc lại sau',
    yourAgency: 'Cơ quan của anh/chị',
    reportOf: (regime: string, period: string) => `${reportName(regime)} ${period}`,
    when: (w: When) =>
      w.left < 0
        ? `hạn ${w.due} đã qua`
        : w.left === 0
          ? `hôm nay (${w.due}) là hạn cuối`
          : w.lastWorkingDay
            ? `hạn nộp là ${w.due}, ngày nghỉ: hôm nay là ngày làm việc cuối cùng trước hạn`
            : `còn ${w.left} ngày, hạn ${w.due}`,
    prompt: (report: string, due: string) => `Đã mở kỳ ${report}. Hạn gửi: ${due}. Anh/chị có thể báo cáo ngay bây giờ.`,
    reminder: (who: string, report: string, when: string) => `Nhắc việc: ${who} chưa gửi ${report} (${when}).`,
    overdue: (who: string, report: string, due: string) => `${who} đã quá hạn gửi ${report} (hạn ${due}). Đề nghị anh/chị gửi báo cáo sớm.`,
    digest: (report: string, due: string, sent: number, total: number) =>
      `Tổng hợp ${report} (hạn ${due}): ${sent}/${total} cơ quan đã gửi.`,
    missing: (n: number, names: string) => `Chưa gửi (${n}): ${names}.`,
    allSent: 'Tất cả cơ quan đã gửi báo cáo.',
    sent: (n: number, names: string) => `Đã gửi (${n}): ${names}.`,
    andOthers: (n: number) => `và ${n} cơ quan khác`,
  },
  en: {
    report: 'Report now',
    snooze: 'Remind me later',
    yourAgency: 'Your agency',
    reportOf: (regime: string, period: string) => `the report “${regime}” for ${period}`,
    when: (w: When) =>
      w.left < 0
        ? `the deadline ${w.due} has passed`
        : w.left === 0
          ? `today (${w.due}) is the deadline`
          : w.lastWorkingDay
            ? `due ${w.due}, a day off: today is the last working day before it`
            : `${w.left} day${w.left === 1 ? '' : 's'} left, due ${w.due}`,
    prompt: (report: string, due: string) => `The reporting period is open: ${report}. Due ${due}. You can report now.`,
    reminder: (who: string, report: string, when: string) => `Reminder: ${who} has not sent ${report} yet (${when}).`,
    overdue: (who: string, report: string, due: string) => `${who} is overdue with ${report} (due ${due}). Please send it soon.`,
    digest: (report: string, due: string, sent: number, total: number) =>
      `Summary of ${report} (due ${due}): ${sent}/${total} agencies have sent.`,
    missing: (n: number, names: string) => `Not sent (${n}): ${names}.`,
    allSent: 'Every agency has sent its report.',
    sent: (n: number, names: string) => `Sent (${n}): ${names}.`,
    andOthers: (n: number) => `and ${n} other agencies`,
  },
});

/** The two buttons of a reminder; the engine reads their ids as "báo cáo" and "nhắc lại sau" in any language. */
export function reminderChoices(locale: Locale = DEFAULT_LOCALE): Choice[] {
  const m = M(locale);
  return [
    { id: CHOICE_REPORT, label: m.report },
    { id: CHOICE_SNOOZE, label: m.snooze },
  ];
}
export const REMINDER_CHOICES: Choice[] = reminderChoices('vi');

function nameList(names: string[], locale: Locale, max = 15): string {
  if (names.length <= max) return names.join('; ');
  return `${names.slice(0, max).join('; ')} ${M(locale).andOthers(names.length - max)}`;
}

/** How far the deadline is, for a reminder sent on local day `today`. */
function reminderWhen(today: string, dday: string, dueText: string, cal: Calendar, locale: Locale): string {
  // The deadline is a day off: the same-day reminder went out on the working day before; say why it is urgent.
  const lastWorkingDay = !isWorkingDay(dday, cal) && today === workingDayOnOrBefore(dday, cal);
  return M(locale).when({ left: dayDiff(today, dday), due: dueText, lastWorkingDay });
}

export function renderMessages(p: OutboxPayload, d: RenderData, now: Date, cal: Calendar): OutboundMessage[] {
  const tz = cal.tz;
  const locale = d.locale ?? DEFAULT_LOCALE;
  const m = M(locale);
  const choices = reminderChoices(locale);
  const dday = deadlineDay(d.deadline, tz);
  // A deadline on a day off names its weekday, so an early reminder ("hạn Chủ nhật 10/01/2027") explains itself.
  const due = fmtDate(new Date(d.deadline.getTime() - 1), tz);
  const dueText = isWorkingDay(dday, cal) ? due : `${locale === 'en' ? weekdayEn(dday) : weekdayVi(dday)} ${due}`;
  const report = m.reportOf(d.regimeName, periodLabelIn(locale, d.periodKey));
  const who = d.agencyName ?? m.yourAgency;
  switch (p.kind) {
    case 'prompt':
      return [{ text: m.prompt(report, dueText), choices }];
    case 'reminder':
      return [{ text: m.reminder(who, report, reminderWhen(localDay(now, tz), dday, dueText, cal, locale)), choices }];
    case 'overdue':
      return [{ text: m.overdue(who, report, dueText), choices }];
    case 'digest': {
      const sub = d.submitted ?? [];
      const miss = d.missing ?? [];
      const lines = [m.digest(report, dueText, sub.length, sub.length + miss.length)];
      lines.push(miss.length ? m.missing(miss.length, nameList(miss, locale)) : m.allSent);
      if (sub.length) lines.push(m.sent(sub.length, nameList(sub, locale)));
      return [{ text: lines.join('\n') }];
    }
  }
}
