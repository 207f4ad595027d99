// "trợ giúp": every command the person's role may use. The commands routed in bot.ts are listed here; the
// modules' chat commands (reports, reminders) carry their own entry (ExtraCommand.help), next to the role check
// they run, so the help cannot list a command the person would be refused, nor leave one out.
import { catalog } from '../core/i18n.ts';
import type { Audience, CommandHelp } from '../core/interfaces.ts';
import type { OutboundMessage } from '../core/types.ts';
import { isStaff } from '../users/scope.ts';
import type { BotUser } from '../users/users.ts';

export function mayUse(who: Audience, user: BotUser | null): boolean {
  switch (who) {
    case 'guest':
      return !user;
    case 'anyone':
      return true;
    case 'registered':
      return !!user;
    case 'official':
      return user?.role === 'official';
    case 'agency':
      return !!user?.agency;
    case 'staff':
      return isStaff(user);
  }
}

/** The commands bot.ts routes itself (src/conversation/phrases.ts, status-chat.ts, reopen-chat.ts, period-chat.ts, home.ts). */
export const BUILTIN_HELP: CommandHelp[] = [
  { usage: '/start <mã>', what: 'đăng ký bằng mã mời để báo cáo', en: 'register with an invite code to report', who: 'guest' },
  { usage: 'thêm', what: 'xem tiếp kết quả của câu hỏi trước', en: 'more results of the last question', who: 'anyone' },
  {
    usage: 'lọc <tỉnh, năm, số hiệu văn bản, cơ quan>',
    what: 'chỉ tìm trong phạm vi đó; "bỏ lọc" để bỏ',
    en: 'search only there; "bỏ lọc" removes the filter',
    who: 'anyone',
  },
  {
    usage: 'báo cáo',
    what: 'nhập số liệu kỳ báo cáo đang mở của cơ quan bạn',
    en: "enter your agency's figures for the open period",
    who: 'agency',
  },
  { usage: 'báo cáo <tên cơ quan>', what: 'báo cáo thay một cơ quan', en: 'report on behalf of an agency', who: 'staff' },
  { usage: 'tiếp tục', what: 'làm tiếp báo cáo đang dở', en: 'go on with the report you left', who: 'agency' },
  { usage: 'tình hình báo cáo', what: 'xem báo cáo của cơ quan bạn đến đâu', en: "how far your agency's report is", who: 'official' },
  { usage: 'tình hình báo cáo [tên cơ quan]', what: 'xem cơ quan nào đã báo cáo', en: 'which agencies have reported', who: 'staff' },
  {
    usage: 'mở lại <tên cơ quan> [kỳ]',
    what: 'cho một cơ quan sửa tiếp khi kỳ đã khóa',
    en: 'let an agency edit again after the period locked',
    who: 'staff',
  },
  {
    usage: 'khóa kỳ [mã chế độ] [kỳ]',
    what: 'khóa cả kỳ báo cáo: cán bộ không gửi, không sửa được nữa',
    en: 'lock the whole period: officials can no longer send or edit',
    who: 'staff',
  },
  {
    usage: 'phê duyệt kỳ [mã chế độ] [kỳ]',
    what: 'phê duyệt (chốt) số liệu cả kỳ báo cáo',
    en: 'approve (finalise) the figures of the whole period',
    who: 'staff',
  },
  {
    usage: 'mở lại kỳ [mã chế độ] [kỳ]',
    what: 'bỏ khóa hoặc bỏ phê duyệt cả kỳ báo cáo',
    en: 'unlock or un-approve the whole period',
    who: 'staff',
  },
  { usage: 'trang chủ', what: 'thông tin của bạn và các kỳ báo cáo', en: 'your details and the reporting periods', who: 'registered' },
  {
    usage: 'tôi là ai',
    what: 'xem bạn đã đăng ký với vai trò, cơ quan nào',
    en: 'the role and agency you registered with',
    who: 'registered',
  },
  {
    usage: '/lang en',
    what: 'trả lời bằng tiếng Anh ("/lang vi": tiếng Việt)',
    en: 'reply in English ("/lang vi": Vietnamese)',
    who: 'registered',
  },
  {
    usage: 'liên kết',
    what: 'lấy mã để dùng tài khoản này trên kênh khác',
    en: 'a code to use this account on another channel',
    who: 'registered',
  },
];

/** The commands `user` may use, in the order given (built-in first, then the modules'). */
export function commandsFor(user: BotUser | null, extra: (CommandHelp | undefined)[] = []): CommandHelp[] {
  return [...BUILTIN_HELP, ...extra.filter((h): h is CommandHelp => !!h)].filter((h) => mayUse(h.who, user));
}

const M = catalog({
  vi: {
    intro: 'Tôi có thể:',
    ask: '• trả lời câu hỏi về văn bản chỉ đạo, nhiệm vụ, chỉ tiêu, cơ quan chủ trì (gõ câu hỏi)',
    inForm: 'Trong khi báo cáo, gõ "trợ giúp" để xem các lệnh của biểu mẫu.',
    admin:
      'Trên máy chủ: "npm run cli -- user invite" tạo mã mời, "npm run cli -- period open <chế độ> <kỳ>" mở kỳ báo cáo, "npm run cli -- --help" xem mọi lệnh.',
  },
  en: {
    intro: 'I can (commands are typed in Vietnamese, as shown):',
    ask: '• answer questions about directives, tasks, targets and the agencies that lead them (type your question, in Vietnamese)',
    inForm: 'While reporting, type "trợ giúp" for the form\'s commands.',
    admin:
      'On the server: "npm run cli -- user invite" creates an invite code, "npm run cli -- period open <regime> <period>" opens a period, "npm run cli -- --help" lists every command.',
  },
});

export function helpReply(user: BotUser | null, extra: (CommandHelp | undefined)[] = []): OutboundMessage {
  const locale = user?.locale ?? 'vi';
  const m = M(locale);
  const lines = commandsFor(user, extra).map((h) => `• "${h.usage}" — ${locale === 'en' ? h.en : h.what}`);
  return {
    text: [m.intro, m.ask, ...lines, ...(user?.agency ? [m.inForm] : []), ...(user?.role === 'admin' ? [m.admin] : [])].join('\n'),
  };
}
