// What the dashboard says, in the signed-in person's language (the sign-in pages, before anyone is known, in the
// browser's). The consolidated report files it downloads stay in Vietnamese: they are the province's documents.
import { catalog } from '../core/i18n.ts';
import { upperFirst } from '../core/text.ts';
import type { AgencyState } from '../reporting/status.ts';
import { agencyStateText } from '../reporting/status-text.ts';

// the chat's wording of an agency's state, as a table cell
const STATE_VI = (s: AgencyState) => upperFirst(agencyStateText(s, 'vi'));
const STATE_EN = (s: AgencyState) => upperFirst(agencyStateText(s, 'en'));

export const DASH_TEXT = catalog({
  vi: {
    title: 'Bảng điều khiển báo cáo',
    agencyTitle: 'Báo cáo của cơ quan',
    back: '← Bảng điều khiển',
    state: STATE_VI,
    overdue: ' (quá hạn)',
    deadline: (date: string) => `Hạn nộp ${date}`,
    toReport: (n: number) => `${n} cơ quan phải báo cáo`,
    rates: (reporting: string, sent: number, expected: number, onTime: string, complete: string) =>
      `<b>Tỷ lệ báo cáo: ${reporting}</b> (${sent}/${expected}) · <b>Đúng hạn: ${onTime}</b> · Đầy đủ số liệu: ${complete}`,
    colAgency: 'Cơ quan',
    colState: 'Tình trạng',
    colAnswered: 'Số câu',
    colSentAt: 'Gửi lúc',
    colRegime: 'Chế độ',
    colPeriod: 'Kỳ',
    remindAll: 'Nhắc ngay các cơ quan chưa gửi',
    valuesLink: 'Số liệu so với mục tiêu và kỳ trước',
    download: 'Tải về:',
    noOpenPeriods: 'Không có kỳ báo cáo nào đang mở.',
    openForm: 'Mở biểu mẫu',
    noSubmissions: 'Cơ quan chưa có báo cáo nào.',
    sent: 'Đã gửi',
    draft: 'Nháp',
    noOpenForAgency: 'Không có kỳ báo cáo nào đang mở cho cơ quan của bạn.',
    pastRounds: 'Các kỳ đã báo cáo',
    trend: 'Tỷ lệ báo cáo qua các kỳ',
    // the values page
    colIndicator: 'Chỉ tiêu',
    colAggregate: 'Tổng hợp',
    colTarget: 'Mục tiêu',
    colPctTarget: '% mục tiêu',
    colChange: 'So với kỳ trước',
    colReported: 'Đã báo cáo',
    unusual: 'Số liệu bất thường',
    none: 'Không có.',
    // the period's and each agency's state and buttons
    markApproved: ' · đã phê duyệt',
    markLocked: ' · đã khóa',
    remind: 'Nhắc',
    reopen: 'Mở lại',
    lock: 'Khóa',
    approve: 'Phê duyệt',
    periodApproved: (by: string) => `đã phê duyệt${by}`,
    periodLocked: (by: string) => `đã khóa${by}`,
    lockPeriod: 'Khóa kỳ',
    approvePeriod: 'Phê duyệt kỳ',
    unlockPeriod: 'Mở lại kỳ',
    periodState: (state: string) => `Trạng thái kỳ: <b>${state}</b>`,
    // what an action did
    remindedAll: (officials: number, agencies: number) =>
      `Đã xếp ${officials} tin nhắc tới cán bộ của ${agencies} cơ quan chưa gửi báo cáo.`,
    nobodyToRemind:
      'Không có cán bộ nào cần nhắc: các cơ quan đã gửi, đã được xếp nhắc hoặc vừa được nhắc trong một giờ qua, hoặc chưa có người dùng.',
    remindedAgency: (officials: number, agency: string) => `Đã xếp ${officials} tin nhắc tới cán bộ của ${agency}.`,
    nobodyInAgency: (agency: string) =>
      `Không có cán bộ nào của ${agency} cần nhắc: đã gửi, đã được xếp nhắc hoặc vừa được nhắc trong một giờ qua, hoặc chưa có người dùng.`,
    reopened: (period: string, agency: string) => `Đã mở lại báo cáo ${period} cho ${agency}.`,
    submissionLocked: (approved: boolean, period: string, agency: string) =>
      `${approved ? 'Đã phê duyệt' : 'Đã khóa'} báo cáo ${period} của ${agency}: không sửa được từ trò chuyện hay trang web cho đến khi mở lại.`,
    // refusals
    notSignedIn: 'Bạn chưa đăng nhập.',
    notSignedInHow: 'Bạn chưa đăng nhập. Gõ “bảng điều khiển” trong cuộc trò chuyện để nhận đường dẫn.',
    csrf: 'Phiên làm việc không hợp lệ; xin tải lại trang.',
    staffOnly: 'Chỉ điều phối viên và quản trị viên làm được việc này; bảng điều khiển của bạn chỉ hiện cơ quan của bạn.',
    regimeNotInScope: 'Không có chế độ báo cáo này trong phạm vi của bạn.',
    periodNotInScope: 'Không tìm thấy kỳ báo cáo trong phạm vi của bạn.',
    targetNotInScope: 'Không tìm thấy kỳ báo cáo hoặc cơ quan trong phạm vi của bạn.',
    badFormat: 'Định dạng không được hỗ trợ.',
    badAction: 'Thao tác không hợp lệ.',
    badLogin: 'Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn. Gõ “bảng điều khiển” để nhận đường dẫn mới.',
    usedLogin: 'Đường dẫn đăng nhập này đã được dùng. Gõ “bảng điều khiển” để nhận đường dẫn mới.',
    // the chat command
    notForYou: 'Bảng điều khiển dành cho điều phối viên, quản trị viên và cán bộ đã gắn với một cơ quan.',
    notEnabled: 'Bảng điều khiển chưa được bật (cần WEB_BASE_URL và WEB_SECRET). Xin báo quản trị viên.',
    loginLink: (ownAgencyOnly: boolean, link: string) =>
      `Đường dẫn đăng nhập bảng điều khiển (dùng một lần, trong 15 phút${ownAgencyOnly ? ', chỉ hiện cơ quan của bạn' : ''}):\n${link}`,
  },
  en: {
    title: 'Reporting dashboard',
    agencyTitle: 'Your agency’s reports',
    back: '← Dashboard',
    state: STATE_EN,
    overdue: ' (overdue)',
    deadline: (date: string) => `Due ${date}`,
    toReport: (n: number) => `${n} ${n === 1 ? 'agency' : 'agencies'} to report`,
    rates: (reporting: string, sent: number, expected: number, onTime: string, complete: string) =>
      `<b>Reporting rate: ${reporting}</b> (${sent}/${expected}) · <b>On time: ${onTime}</b> · Figures complete: ${complete}`,
    colAgency: 'Agency',
    colState: 'Status',
    colAnswered: 'Answered',
    colSentAt: 'Sent at',
    colRegime: 'Reporting regime',
    colPeriod: 'Period',
    remindAll: 'Remind every agency that has not sent, now',
    valuesLink: 'Figures against targets and last period',
    download: 'Download:',
    noOpenPeriods: 'No reporting period is open.',
    openForm: 'Open the form',
    noSubmissions: 'Your agency has not reported yet.',
    sent: 'Sent',
    draft: 'Draft',
    noOpenForAgency: 'No reporting period is open for your agency.',
    pastRounds: 'Periods reported',
    trend: 'Reporting rate over the periods',
    colIndicator: 'Indicator',
    colAggregate: 'Total',
    colTarget: 'Target',
    colPctTarget: '% of target',
    colChange: 'Change since last period',
    colReported: 'Reported',
    unusual: 'Unusual figures',
    none: 'None.',
    markApproved: ' · approved',
    markLocked: ' · locked',
    remind: 'Remind',
    reopen: 'Reopen',
    lock: 'Lock',
    approve: 'Approve',
    periodApproved: (by: string) => `approved${by}`,
    periodLocked: (by: string) => `locked${by}`,
    lockPeriod: 'Lock the period',
    approvePeriod: 'Approve the period',
    unlockPeriod: 'Reopen the period',
    periodState: (state: string) => `Period: <b>${state}</b>`,
    remindedAll: (officials: number, agencies: number) =>
      `Queued ${officials} ${officials === 1 ? 'reminder' : 'reminders'} to the officials of ${agencies} ${agencies === 1 ? 'agency' : 'agencies'} that have not sent.`,
    nobodyToRemind:
      'Nobody to remind: the agencies have sent, a reminder is already queued or went out in the last hour, or they have no users yet.',
    remindedAgency: (officials: number, agency: string) =>
      `Queued ${officials} ${officials === 1 ? 'reminder' : 'reminders'} to the officials of ${agency}.`,
    nobodyInAgency: (agency: string) =>
      `Nobody at ${agency} to remind: it has sent, a reminder is already queued or went out in the last hour, or it has no users yet.`,
    reopened: (period: string, agency: string) => `Reopened the ${period} report of ${agency}.`,
    submissionLocked: (approved: boolean, period: string, agency: string) =>
      `${approved ? 'Approved' : 'Locked'} the ${period} report of ${agency}: it cannot be changed in chat or on the web until it is reopened.`,
    notSignedIn: 'You are not signed in.',
    notSignedInHow: 'You are not signed in. Type “dashboard” in the chat to get a link.',
    csrf: 'The session is not valid; please reload the page.',
    staffOnly: 'Only coordinators and admins can do this; your dashboard shows your own agency only.',
    regimeNotInScope: 'This reporting regime is not within your scope.',
    periodNotInScope: 'No such reporting period within your scope.',
    targetNotInScope: 'No such reporting period or agency within your scope.',
    badFormat: 'This format is not supported.',
    badAction: 'This action is not valid.',
    badLogin: 'The sign-in link is not valid or has expired. Type “dashboard” in the chat to get a new one.',
    usedLogin: 'This sign-in link has already been used. Type “dashboard” in the chat to get a new one.',
    notForYou: 'The dashboard is for coordinators, admins and officials attached to an agency.',
    notEnabled: 'The dashboard is not enabled (it needs WEB_BASE_URL and WEB_SECRET). Please tell an admin.',
    loginLink: (ownAgencyOnly: boolean, link: string) =>
      `Dashboard sign-in link (single use, valid for 15 minutes${ownAgencyOnly ? ', shows your agency only' : ''}):\n${link}`,
  },
});
