// Reminders in the recipient's language: the same moment, deadline and agencies, in Vietnamese (unchanged) and in
// English for a person who chose it ("/lang en"); the regime's and agencies' names stay as written.
import { describe, expect, it } from 'vitest';
import { calendarFromConfig } from '../../src/scheduler/time.ts';
import { renderMessages, type OutboxPayload, type RenderData } from '../../src/scheduler/messages.ts';

const cal = calendarFromConfig({
  TZ_REPORTS: 'Asia/Ho_Chi_Minh',
  QUIET_START: '07:30',
  QUIET_END: '21:00',
  WORK_DAYS: '1,2,3,4,5',
  HOLIDAYS: '',
});
const base: RenderData = {
  regimeName: 'Kế hoạch chuyển đổi số năm 2026',
  periodKey: '2026-Q4',
  deadline: new Date('2027-01-08T16:59:59.999Z'), // end of Friday 08/01/2027 in Viet Nam
  agencyName: 'Sở Tài chính',
  submitted: ['Sở Tài chính'],
  missing: ['Sở Y tế', 'UBND xã Tân Thành'],
};
const at = new Date('2027-01-05T02:00:00Z'); // Tuesday 05/01/2027, 09:00 in Viet Nam
const say = (kind: OutboxPayload['kind'], d: RenderData = base, now = at) =>
  renderMessages({ kind, periodId: 1, regimeId: 1 }, d, now, cal)
    .map((m) => m.text + (m.choices ? ` [${m.choices.map((c) => c.label).join(' | ')}]` : ''))
    .join('\n');

describe('a reminder in each language', () => {
  it('English, for every kind of message', () => {
    const en = { ...base, locale: 'en' as const };
    expect(say('prompt', en)).toBe(
      'The reporting period is open: the report “Kế hoạch chuyển đổi số năm 2026” for Q4 2026. Due 08/01/2027. You can report now. [Report now | Remind me later]',
    );
    expect(say('reminder', en)).toBe(
      'Reminder: Sở Tài chính has not sent the report “Kế hoạch chuyển đổi số năm 2026” for Q4 2026 yet (3 days left, due 08/01/2027). [Report now | Remind me later]',
    );
    expect(say('overdue', en, new Date('2027-01-11T02:00:00Z'))).toBe(
      'Sở Tài chính is overdue with the report “Kế hoạch chuyển đổi số năm 2026” for Q4 2026 (due 08/01/2027). Please send it soon. [Report now | Remind me later]',
    );
    expect(say('digest', en)).toBe(
      [
        'Summary of the report “Kế hoạch chuyển đổi số năm 2026” for Q4 2026 (due 08/01/2027): 1/3 agencies have sent.',
        'Not sent (2): Sở Y tế; UBND xã Tân Thành.',
        'Sent (1): Sở Tài chính.',
      ].join('\n'),
    );
  });

  it("a deadline on a day off names its weekday in the person's language", () => {
    const sunday = { ...base, deadline: new Date('2027-01-10T16:59:59.999Z') };
    expect(say('reminder', { ...sunday, locale: 'en' })).toContain('(5 days left, due Sunday 10/01/2027)');
    expect(say('reminder', sunday)).toContain('(còn 5 ngày, hạn Chủ nhật 10/01/2027)');
  });

  it('Vietnamese when no language is given, as before', () => {
    expect(say('reminder')).toBe(
      'Nhắc việc: Sở Tài chính chưa gửi báo cáo “Kế hoạch chuyển đổi số năm 2026” quý IV/2026 (còn 3 ngày, hạn 08/01/2027). [Báo cáo ngay | Nhắc lại sau]',
    );
  });
});
