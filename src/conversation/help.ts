// "trợ giúp": every command the person's role may use. The commands routed in bot.ts are listed here; the
// modules' chat commands (reports, reminders) carry their own entry (ExtraCommand.help), next to the role check
// they run, so the help cannot list a command the person would be refused, nor leave one out.
import type { OutboundMessage } from '../core/types.ts';
import { isStaff } from '../users/scope.ts';
import type { BotUser } from '../users/users.ts';

/** Who may use a command: not yet registered, everyone, any registered person, an official, a person of an agency, staff. */
export type Audience = 'guest' | 'anyone' | 'registered' | 'official' | 'agency' | 'staff';

export interface CommandHelp {
  /** What to type, as shown in quotes: "nhắc ngay [mã chế độ]". */
  usage: string;
  what: string;
  who: Audience;
}

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
  { usage: '/start <mã>', what: 'đăng ký bằng mã mời để báo cáo', who: 'guest' },
  { usage: 'thêm', what: 'xem tiếp kết quả của câu hỏi trước', who: 'anyone' },
  { usage: 'lọc <tỉnh, năm, số hiệu văn bản, cơ quan>', what: 'chỉ tìm trong phạm vi đó; "bỏ lọc" để bỏ', who: 'anyone' },
  { usage: 'báo cáo', what: 'nhập số liệu kỳ báo cáo đang mở của cơ quan bạn', who: 'agency' },
  { usage: 'báo cáo <tên cơ quan>', what: 'báo cáo thay một cơ quan', who: 'staff' },
  { usage: 'tiếp tục', what: 'làm tiếp báo cáo đang dở', who: 'agency' },
  { usage: 'tình hình báo cáo', what: 'xem báo cáo của cơ quan bạn đến đâu', who: 'official' },
  { usage: 'tình hình báo cáo [tên cơ quan]', what: 'xem cơ quan nào đã báo cáo', who: 'staff' },
  { usage: 'mở lại <tên cơ quan> [kỳ]', what: 'cho một cơ quan sửa tiếp khi kỳ đã khóa', who: 'staff' },
  { usage: 'khóa kỳ [mã chế độ] [kỳ]', what: 'khóa cả kỳ báo cáo: cán bộ không gửi, không sửa được nữa', who: 'staff' },
  { usage: 'phê duyệt kỳ [mã chế độ] [kỳ]', what: 'phê duyệt (chốt) số liệu cả kỳ báo cáo', who: 'staff' },
  { usage: 'mở lại kỳ [mã chế độ] [kỳ]', what: 'bỏ khóa hoặc bỏ phê duyệt cả kỳ báo cáo', who: 'staff' },
  { usage: 'trang chủ', what: 'thông tin của bạn và các kỳ báo cáo', who: 'registered' },
  { usage: 'tôi là ai', what: 'xem bạn đã đăng ký với vai trò, cơ quan nào', who: 'registered' },
  { usage: 'liên kết', what: 'lấy mã để dùng tài khoản này trên kênh khác', who: 'registered' },
];

/** The commands `user` may use, in the order given (built-in first, then the modules'). */
export function commandsFor(user: BotUser | null, extra: (CommandHelp | undefined)[] = []): CommandHelp[] {
  return [...BUILTIN_HELP, ...extra.filter((h): h is CommandHelp => !!h)].filter((h) => mayUse(h.who, user));
}

export function helpReply(user: BotUser | null, extra: (CommandHelp | undefined)[] = []): OutboundMessage {
  const lines = commandsFor(user, extra).map((h) => `• "${h.usage}" — ${h.what}`);
  const admin =
    user?.role === 'admin'
      ? [
          'Trên máy chủ: "npm run cli -- user invite" tạo mã mời, "npm run cli -- period open <chế độ> <kỳ>" mở kỳ báo cáo, "npm run cli -- --help" xem mọi lệnh.',
        ]
      : [];
  return {
    text: [
      'Tôi có thể:',
      '• trả lời câu hỏi về văn bản chỉ đạo, nhiệm vụ, chỉ tiêu, cơ quan chủ trì (gõ câu hỏi)',
      ...lines,
      ...(user?.agency ? ['Trong khi báo cáo, gõ "trợ giúp" để xem các lệnh của biểu mẫu.'] : []),
      ...admin,
    ].join('\n'),
  };
}
