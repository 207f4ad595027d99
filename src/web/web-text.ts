// What the web form, its Telegram entry and the chat's offer of it say, in the person's language. A page whose
// person is not known yet (a forged or expired link) speaks the browser's language (Accept-Language), Vietnamese
// when it names neither. Figures stay written the Vietnamese way (85,5 and 1.728) in both, as the form reads them.
import { catalog, isLocale, type Locale } from '../core/i18n.ts';

export const WEB_TEXT = catalog({
  vi: {
    cannotOpen: 'Không mở được trang',
    unit: (u: string) => `Đơn vị: ${u}`,
    target: (t: string) => `Mục tiêu: ${t}`,
    previous: (p: string | null) => `Kỳ trước: ${p ?? 'chưa có'}`,
    statusPick: '— Tình trạng —',
    percentHint: '% hoàn thành (nếu đang triển khai)',
    noteHint: 'Ghi chú',
    sent: 'Báo cáo đã gửi. Mọi sửa đổi được lưu ngay và ghi vào nhật ký, không cần gửi lại.',
    draftHint: 'Mỗi thay đổi được lưu nháp ngay. Bấm “Gửi báo cáo” khi xong.',
    submit: 'Gửi báo cáo',
    agencyPeriod: (agency: string, period: string) => `${agency} — kỳ ${period}`,
    // what the page's script says (form.js reads them from the page; {status} is the HTTP status)
    serverError: 'Lỗi máy chủ ({status}). Xin thử lại.',
    reasonHint: 'Lý do (có thể để trống)',
    save: 'Lưu',
    saved: 'Đã lưu.',
    saving: 'Đang lưu…',
    // refusals
    forged: 'Đường dẫn không hợp lệ. Xin mở lại biểu mẫu từ tin nhắn của trợ lý.',
    expired: 'Đường dẫn đã hết hạn. Gõ "báo cáo" trong cuộc trò chuyện để nhận đường dẫn mới.',
    person: 'Đường dẫn này không dành cho bạn hoặc bạn không còn báo cáo cho cơ quan này.',
    csrf: 'Phiên làm việc không hợp lệ; xin tải lại trang.',
    used: 'Lần mở này đã được dùng. Xin bấm lại nút “Mở biểu mẫu” trong cuộc trò chuyện.',
    noItem: 'Thiếu câu hỏi.',
    notYourItem: 'Câu hỏi này không thuộc biểu mẫu của bạn.',
    // the Telegram Web App entry
    tgTitle: 'Biểu mẫu báo cáo',
    tgOpening: 'Đang mở biểu mẫu…',
    tgOutside: 'Hãy mở trang này từ nút “Mở biểu mẫu” trong Telegram.',
    tgFailed: 'Không mở được biểu mẫu.',
    tgOffline: 'Không kết nối được máy chủ. Xin thử lại.',
    // the chat's offer of the page
    offerHead: (n: number) => `Biểu mẫu có ${n} câu: bạn có thể điền tất cả trên một trang`,
    offerTail: 'hoặc trả lời từng câu ngay tại đây.',
    offerButton: 'Mở biểu mẫu',
    offerTelegram: (head: string, tail: string) => `${head} (nút “Mở biểu mẫu”), ${tail}`,
    offerLink: (head: string, tail: string, hours: number, link: string) =>
      `${head}, ${tail}\nMở biểu mẫu (dùng trong ${hours} giờ, chỉ dành cho bạn): ${link}`,
  },
  en: {
    cannotOpen: 'The page could not be opened',
    unit: (u: string) => `Unit: ${u}`,
    target: (t: string) => `Target: ${t}`,
    previous: (p: string | null) => `Last period: ${p ?? 'none'}`,
    statusPick: '— Status —',
    percentHint: '% done (if in progress)',
    noteHint: 'Note',
    sent: 'The report has been sent. Every change is saved at once and logged; there is no need to send it again.',
    draftHint: 'Every change is saved as a draft at once. Press “Send report” when you are done.',
    submit: 'Send report',
    agencyPeriod: (agency: string, period: string) => `${agency} — ${period}`,
    serverError: 'Server error ({status}). Please try again.',
    reasonHint: 'Reason (may be left empty)',
    save: 'Save',
    saved: 'Saved.',
    saving: 'Saving…',
    forged: 'This link is not valid. Please open the form again from the assistant’s message.',
    expired: 'This link has expired. Type "báo cáo" (report) in the chat to get a new one.',
    person: 'This link is not for you, or you no longer report for this agency.',
    csrf: 'The session is not valid; please reload the page.',
    used: 'This launch has already been used. Please press “Open the form” in the chat again.',
    noItem: 'The question is missing.',
    notYourItem: 'This question is not part of your form.',
    tgTitle: 'Report form',
    tgOpening: 'Opening the form…',
    tgOutside: 'Please open this page from the “Open the form” button in Telegram.',
    tgFailed: 'The form could not be opened.',
    tgOffline: 'Could not reach the server. Please try again.',
    offerHead: (n: number) => `The form has ${n} questions: you can fill them all in on one page`,
    offerTail: 'or answer them one by one here.',
    offerButton: 'Open the form',
    offerTelegram: (head: string, tail: string) => `${head} (the “Open the form” button), ${tail}`,
    offerLink: (head: string, tail: string, hours: number, link: string) =>
      `${head}, ${tail}\nOpen the form (valid for ${hours} hours, for you only): ${link}`,
  },
});

/** The strings the form page's script shows, handed to it in the page. */
export const scriptText = (locale: Locale) => {
  const t = WEB_TEXT(locale);
  return { serverError: t.serverError, reasonHint: t.reasonHint, save: t.save, saved: t.saved, saving: t.saving };
};

/**
 * The language of a browser's request, for a page whose person is not known: the first of Vietnamese or English in
 * Accept-Language's order of preference (weights honoured), Vietnamese when it names neither.
 */
export function browserLocale(acceptLanguage: unknown): Locale {
  if (typeof acceptLanguage !== 'string') return 'vi';
  const tags = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.q > 0 && isLocale(t.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (tags[0]?.lang as Locale | undefined) ?? 'vi';
}
