// The bot's fixed sentences outside the form (welcome, registration, refusals, small talk), in both languages.
import { catalog } from '../core/i18n.ts';

export const REPLY_TEXT = catalog({
  vi: {
    welcome:
      'Xin chào! Tôi là trợ lý văn bản chỉ đạo: hỏi tôi về văn bản, nhiệm vụ, chỉ tiêu (ví dụ "Sở nào chủ trì xây dựng cơ sở dữ liệu?"). Để báo cáo tiến độ, hãy đăng ký bằng mã mời: gõ "/start <mã>" hoặc "đăng ký <mã>".',
    notRegistered: 'Bạn chưa đăng ký nên chưa báo cáo được. Xin mã mời từ quản trị viên rồi gõ "/start <mã>" (hoặc "đăng ký <mã>").',
    linked: (who: string) => `Đã liên kết tài khoản này với ${who}. Bạn có thể báo cáo từ bất kỳ kênh nào đã liên kết.`,
    nextOfficial: 'Gõ "báo cáo" để bắt đầu báo cáo kỳ đang mở, hoặc đặt câu hỏi về văn bản.',
    nextCoordinator: 'Gõ "tình hình báo cáo" để xem các cơ quan đã báo cáo chưa.',
    nextAdmin: 'Bạn có quyền quản trị.',
    registered: (who: string, next: string) => `Đăng ký thành công: ${who}. ${next}`,
    alreadyRegistered: (who: string) => `Bạn đã đăng ký: ${who}. Gõ "trợ giúp" để xem các lệnh.`,
    linkCode: (code: string, who: string, until: string) =>
      `Mã liên kết: ${code} cho ${who} (dùng một lần, hết hạn lúc ${until}). Gửi "/start ${code}" từ tài khoản ở kênh khác (Telegram, Zalo, Slack) để dùng chung tài khoản này.`,
    otherAgency: (role: string, own: string | null, other: string) =>
      `Bạn là ${role} của ${own ?? 'một cơ quan khác'} nên chỉ báo cáo được cho ${own ?? 'cơ quan của mình'}; ${other} phải do cán bộ của ${other} báo cáo (hoặc điều phối viên báo cáo thay).`,
    noPeriod: (agency: string) => `Hiện không có kỳ báo cáo nào đang mở cho ${agency}. Khi có kỳ mới, tôi sẽ nhắc bạn.`,
    agencyNotFound: (name: string, province: string | null) =>
      `Không tìm thấy ${name}${province ? ` ở ${province}` : ''} trong các cơ quan có chế độ báo cáo.`,
    noAgency: (who: string) =>
      `Tài khoản của bạn (${who}) không gắn với cơ quan nào; gõ "báo cáo <tên cơ quan>" để báo cáo thay một cơ quan.`,
    noKnowledge:
      'Hiện tôi chưa có tri thức về văn bản để trả lời câu hỏi này (chưa nhập văn bản hoặc chưa bật tra cứu). Gõ "trợ giúp" để xem tôi làm được gì.',
    tooLong: (n: string, max: string) =>
      `Tin nhắn quá dài (${n} ký tự), tôi chưa đọc. Xin gửi ngắn hơn ${max} ký tự; ghi chú dài xin chia thành vài tin.`,
    more: '(… còn nữa; xin hỏi hẹp hơn hoặc gõ "thêm".)',
    staleChoice: 'Lựa chọn không còn hiệu lực (nút của một câu hỏi trước). Gõ "báo cáo" để tiếp tục báo cáo, hoặc đặt câu hỏi.',
    throttledSender: (until: string) => `Bạn đã nhập sai mã nhiều lần. Xin thử lại sau ${until}, hoặc xin mã mới từ quản trị viên.`,
    throttledAll: (until: string) => `Hệ thống tạm ngừng nhận mã đăng ký đến ${until} vì có quá nhiều mã sai. Xin thử lại sau.`,
    internalError: 'Xin lỗi, đã có lỗi khi xử lý tin nhắn. Các câu trả lời đã ghi trước đó vẫn được lưu; vui lòng gửi lại.',
    hello: (name: string) => `Chào bạn${name ? ` ${name}` : ''}!`,
    helloOfficial:
      'Gõ "báo cáo" để báo cáo kỳ đang mở (hoặc "tiếp tục" để làm tiếp), hoặc hỏi tôi về văn bản, nhiệm vụ, chỉ tiêu. Gõ "trợ giúp" để xem ví dụ.',
    helloOther: 'Hãy hỏi tôi về văn bản, nhiệm vụ, chỉ tiêu. Gõ "trợ giúp" để xem ví dụ.',
    thanks: 'Không có gì ạ. Cần gì bạn cứ nhắn.',
    bye: 'Chào bạn, hẹn gặp lại!',
    nothingToCancel: 'Hiện không có việc gì đang làm dở để hủy. Gõ "báo cáo" để bắt đầu báo cáo, hoặc đặt câu hỏi về văn bản.',
    aboutBot:
      'Tôi là trợ lý văn bản chỉ đạo: tôi chỉ trả lời về các văn bản đã nạp (nhiệm vụ, cơ quan chủ trì, chỉ tiêu, thời hạn) và nhận báo cáo tiến độ. Gõ "trợ giúp" để xem ví dụ.',
    fragment: (word: string) =>
      `Bạn muốn hỏi gì về "${word}"? Ví dụ: "Sở Tài chính phải làm gì", "ai chủ trì chuyển đổi số", hoặc gõ "trợ giúp".`,
    resumeHello: 'Chào bạn! Bạn đang làm dở báo cáo:',
    resumeThanks: 'Không có gì ạ. Tiếp tục báo cáo:',
    resume: 'Tiếp tục báo cáo:',
    offerEnglish: 'Gõ "/lang en" để dùng tiếng Anh.',
    backToForm: 'Quay lại báo cáo:',
    typeMore: '\n(Gõ "thêm" để xem tiếp.)',
    noMore: 'Không còn kết quả nào nữa cho câu hỏi trước.',
    filterCleared: 'Đã bỏ lọc: câu hỏi tìm trong mọi văn bản.',
    filterNow: (f: string) => `Đang lọc: ${f}. Gõ "bỏ lọc" để bỏ.`,
    noFilter: 'Chưa đặt bộ lọc. Ví dụ: "lọc tỉnh Cà Mau năm 2020", "lọc 37/KH-STTTT", "lọc Sở Tài chính".',
    filterSet: (f: string) => `Đã lọc: ${f}. Các câu hỏi sau chỉ tìm trong phạm vi này; gõ "bỏ lọc" để bỏ.`,
  },
  en: {
    welcome:
      'Hello! I am the directive assistant: ask me about directives, tasks and targets (in Vietnamese, for example "Sở nào chủ trì xây dựng cơ sở dữ liệu?"). To report progress, register with your invite code: type "/start <code>".',
    notRegistered: 'You are not registered, so you cannot report yet. Ask an administrator for an invite code, then type "/start <code>".',
    linked: (who: string) => `This account is now linked with ${who}. You can report from any linked channel.`,
    nextOfficial: 'Type "báo cáo" (report) to start the open period’s report, or ask about the documents.',
    nextCoordinator: 'Type "tình hình báo cáo" (report status) to see which agencies have reported.',
    nextAdmin: 'You have administrator rights.',
    registered: (who: string, next: string) => `Registered: ${who}. ${next}`,
    alreadyRegistered: (who: string) => `You are registered: ${who}. Type "trợ giúp" (help) for the commands.`,
    linkCode: (code: string, who: string, until: string) =>
      `Link code: ${code} for ${who} (single use, expires at ${until}). Send "/start ${code}" from your account on another channel (Telegram, Zalo, Slack) to share this account.`,
    otherAgency: (role: string, own: string | null, other: string) =>
      `You are a ${role} of ${own ?? 'another agency'}, so you report only for ${own ?? 'your own agency'}; ${other} is reported by its own officers (or by a coordinator on their behalf).`,
    noPeriod: (agency: string) => `No reporting period is open for ${agency} now. I will remind you when one opens.`,
    agencyNotFound: (name: string, province: string | null) =>
      `${name}${province ? ` in ${province}` : ''} is not among the agencies with a reporting regime.`,
    noAgency: (who: string) => `Your account (${who}) belongs to no agency; type "báo cáo <agency name>" to report on an agency's behalf.`,
    noKnowledge:
      'I have no documents to answer this from yet (none imported, or search is off). Type "trợ giúp" (help) to see what I can do.',
    tooLong: (n: string, max: string) =>
      `That message is too long (${n} characters); I have not read it. Please send under ${max} characters; split a long note into several messages.`,
    more: '(… more; please ask more narrowly, or type "thêm" for more.)',
    staleChoice: 'That button belongs to an earlier question. Type "báo cáo" to go on with the report, or ask a question.',
    throttledSender: (until: string) => `Too many wrong codes. Please try again after ${until}, or ask an administrator for a new code.`,
    throttledAll: (until: string) =>
      `Registration codes are paused until ${until}, as too many wrong codes were tried. Please try again later.`,
    internalError: 'Sorry, something went wrong handling that message. The answers saved before are kept; please send it again.',
    hello: (name: string) => `Hello${name ? ` ${name}` : ''}!`,
    helloOfficial:
      'Type "báo cáo" (report) for the open period’s report (or "tiếp tục" to go on), or ask me about directives, tasks and targets. Type "trợ giúp" (help) for examples.',
    helloOther: 'Ask me about directives, tasks and targets. Type "trợ giúp" (help) for examples.',
    thanks: 'You are welcome. Message me whenever you need.',
    bye: 'Goodbye, see you soon!',
    nothingToCancel: 'Nothing is in progress to cancel. Type "báo cáo" (report) to start a report, or ask about the documents.',
    aboutBot:
      'I am the directive assistant: I answer only from the imported documents (tasks, lead agencies, targets, deadlines) and collect progress reports. Type "trợ giúp" (help) for examples.',
    fragment: (word: string) =>
      `What would you like to know about "${word}"? For example "Sở Tài chính phải làm gì", "ai chủ trì chuyển đổi số", or type "trợ giúp" (help).`,
    resumeHello: 'Hello! You have a report in progress:',
    resumeThanks: 'You are welcome. Back to the report:',
    resume: 'Back to the report:',
    offerEnglish: 'Your app is set to English: type "/lang en" and I will reply in English.',
    backToForm: 'Back to the report:',
    typeMore: '\n(Type "thêm" for more.)',
    noMore: 'No more results for the last question.',
    filterCleared: 'Filter removed: questions search every document.',
    filterNow: (f: string) => `Filter: ${f}. Type "bỏ lọc" to remove it.`,
    noFilter: 'No filter set. For example "lọc tỉnh Cà Mau năm 2020", "lọc 37/KH-STTTT", "lọc Sở Tài chính".',
    filterSet: (f: string) => `Filter set: ${f}. The next questions search only there; type "bỏ lọc" to remove it.`,
  },
});
