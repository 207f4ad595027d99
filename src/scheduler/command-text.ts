// What the scheduler's chat commands say (snooze, "lịch nhắc", "nhắc ngay", pausing a regime, leave), in the
// person's language.
import { catalog, countOf } from '../core/i18n.ts';

export const COMMAND_TEXT = catalog({
  vi: {
    notRegistered: 'Anh/chị chưa đăng ký với hệ thống. Hãy gửi “/start <mã mời>” do cán bộ điều phối cấp.',
    staffOnly: 'Lệnh này chỉ dành cho cán bộ điều phối hoặc quản trị.',
    regimes: (codes: string) => `Các chế độ báo cáo hiện có: ${codes}.`,
    noRegimes: 'Chưa có chế độ báo cáo nào.',
    noRegime: (typed: string, list: string) => `Không tìm thấy chế độ báo cáo “${typed}”. ${list}`,
    otherProvince: (code: string, province: string | null, mine: string, list: string) =>
      `Chế độ báo cáo “${code}” thuộc ${province}; bạn chỉ thao tác được với chế độ báo cáo của ${mine}. ${list}`,
    snoozeUnclear: 'Tôi chưa hiểu yêu cầu hoãn nhắc.',
    snoozeTooLong: 'Chỉ có thể hoãn nhắc tối đa 30 ngày.',
    snoozeWhen: 'Tôi chưa hiểu thời gian nhắc lại. Ví dụ: “nhắc lại sau 2 giờ”, “nhắc lại sau 30 phút”, “nhắc lại ngày mai”, “snooze 30m”.',
    nothingToSnooze: 'Hiện anh/chị không có lời nhắc nào cần hoãn.',
    snoozed: (at: string) => `Đã hoãn. Tôi sẽ nhắc lại lúc ${at}.`,
    regimePaused: (name: string, code: string) => `Chế độ “${name}” đang tạm dừng nhắc. Gửi “tiếp tục ${code}” trước.`,
    nobodyToRemind:
      'Không có cán bộ nào cần nhắc: các cơ quan đã gửi báo cáo, đã được xếp nhắc hoặc vừa được nhắc trong một giờ qua, hoặc chưa có người dùng.',
    noOpenPeriod: 'Không có kỳ báo cáo nào đang mở.',
    soon: 'Tin sẽ được gửi trong vài phút.',
    outsideHours: (at: string) => `Hiện ngoài giờ gửi tin; tin sẽ gửi lúc ${at}.`,
    queued: (officials: number, agencies: number, when: string) =>
      `Đã xếp ${officials} tin nhắc tới cán bộ của ${agencies} cơ quan chưa gửi báo cáo. ${when}`,
    whichAgency: 'Nhắc cơ quan nào? Ví dụ: “nhắc Sở Y tế”.',
    noAgency: (typed: string, province: string | null) =>
      `Không tìm thấy cơ quan “${typed}”${province ? ` ở ${province}` : ''}. Gõ “tình hình báo cáo” để xem các cơ quan.`,
    nobodyInAgency: (agency: string) =>
      `Không có cán bộ nào của ${agency} cần nhắc: cơ quan đã gửi báo cáo, không phải báo cáo kỳ nào đang mở, vừa được nhắc trong một giờ qua, hoặc chưa có người dùng.`,
    queuedAgency: (officials: number, agency: string, when: string) => `Đã xếp ${officials} tin nhắc tới cán bộ của ${agency}. ${when}`,
    paused: (name: string, code: string) => `Đã tạm dừng nhắc báo cáo “${name}”. Gửi “tiếp tục ${code}” để bật lại.`,
    resumed: (name: string) => `Đã bật lại nhắc báo cáo “${name}”.`,
    leaveSyntax: 'Cú pháp: “tạm nghỉ <số người dùng> đến <ngày>”, ví dụ “tạm nghỉ 12 đến 15/11/2026”.',
    leaveEnd: 'Xin cho biết ngày kết thúc, ví dụ: “tạm nghỉ 12 đến 15/11/2026”.',
    badDay: (typed: string) => `Ngày “${typed}” không hợp lệ. Ví dụ: 15/11/2026.`,
    noUser: (n: string) => `Không tìm thấy người dùng số ${n}.`,
    userN: (n: number) => `người dùng số ${n}`,
    onLeave: (who: string, until: string) => `Đã tạm dừng nhắc cho ${who} đến hết ngày ${until}.`,
    back: (who: string) => `Đã bỏ tạm nghỉ của ${who}: nhắc việc gửi lại bình thường.`,
  },
  en: {
    notRegistered: 'You are not registered. Send “/start <invite code>” with the code a coordinator gave you.',
    staffOnly: 'This command is for coordinators and administrators only.',
    regimes: (codes: string) => `The reporting regimes: ${codes}.`,
    noRegimes: 'There is no reporting regime yet.',
    noRegime: (typed: string, list: string) => `No reporting regime “${typed}”. ${list}`,
    otherProvince: (code: string, province: string | null, mine: string, list: string) =>
      `The reporting regime “${code}” belongs to ${province}; you act only on the regimes of ${mine}. ${list}`,
    snoozeUnclear: 'I do not understand the postponement.',
    snoozeTooLong: 'A reminder can be postponed by 30 days at most.',
    snoozeWhen: 'I do not understand when to remind you. For example “nhắc lại sau 2 giờ”, “nhắc lại ngày mai”, “snooze 30m”.',
    nothingToSnooze: 'You have no reminder to postpone now.',
    snoozed: (at: string) => `Postponed. I will remind you at ${at}.`,
    regimePaused: (name: string, code: string) => `The reminders of “${name}” are paused. Send “tiếp tục ${code}” first.`,
    nobodyToRemind:
      'Nobody to remind: the agencies have sent, are already queued or were reminded in the last hour, or have no registered officer.',
    noOpenPeriod: 'No reporting period is open.',
    soon: 'They go out in a few minutes.',
    outsideHours: (at: string) => `It is outside the sending hours; they go out at ${at}.`,
    queued: (officials: number, agencies: number, when: string) =>
      `Queued ${countOf(officials, 'reminder')} for the officers of the agencies yet to send (${agencies}). ${when}`,
    whichAgency: 'Remind which agency? For example “nhắc Sở Y tế”.',
    noAgency: (typed: string, province: string | null) =>
      `No agency “${typed}”${province ? ` in ${province}` : ''}. Type “tình hình báo cáo” to see the agencies.`,
    nobodyInAgency: (agency: string) =>
      `Nobody of ${agency} to remind: it has sent, reports in no open period, was reminded in the last hour, or has no registered officer.`,
    queuedAgency: (officials: number, agency: string, when: string) =>
      `Queued ${countOf(officials, 'reminder')} for the officers of ${agency}. ${when}`,
    paused: (name: string, code: string) => `Paused the reminders of “${name}”. Send “tiếp tục ${code}” to resume them.`,
    resumed: (name: string) => `Resumed the reminders of “${name}”.`,
    leaveSyntax: 'Type “tạm nghỉ <user number> đến <day>”, for example “tạm nghỉ 12 đến 15/11/2026”.',
    leaveEnd: 'Please give the last day, for example “tạm nghỉ 12 đến 15/11/2026”.',
    badDay: (typed: string) => `“${typed}” is not a valid day. For example 15/11/2026.`,
    noUser: (n: string) => `No user number ${n}.`,
    userN: (n: number) => `user number ${n}`,
    onLeave: (who: string, until: string) => `No reminders to ${who} until the end of ${until}.`,
    back: (who: string) => `${who} is back from leave: reminders go out as usual.`,
  },
});
