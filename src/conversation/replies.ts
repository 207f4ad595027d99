// Fixed replies of the bot outside the form: welcome, registration, refusals.
import type { OutboundMessage } from '../core/types.ts';
import { formatDateTime } from '../reporting/periods.ts';
import { describeUser, ROLE_LABELS, type BotUser } from '../users/users.ts';

export const welcome = (): OutboundMessage => ({
  text: 'Xin chào! Tôi là trợ lý văn bản chỉ đạo: hỏi tôi về văn bản, nhiệm vụ, chỉ tiêu (ví dụ "Sở nào chủ trì xây dựng cơ sở dữ liệu?"). Để báo cáo tiến độ, hãy đăng ký bằng mã mời: gõ "/start <mã>" hoặc "đăng ký <mã>".',
});

export const notRegistered = (): OutboundMessage => ({
  text: 'Bạn chưa đăng ký nên chưa báo cáo được. Xin mã mời từ quản trị viên rồi gõ "/start <mã>" (hoặc "đăng ký <mã>").',
});

export function registered(user: BotUser, linked: boolean): OutboundMessage {
  if (linked) return { text: `Đã liên kết tài khoản này với ${describeUser(user)}. Bạn có thể báo cáo từ bất kỳ kênh nào đã liên kết.` };
  const next =
    user.role === 'official'
      ? 'Gõ "báo cáo" để bắt đầu báo cáo kỳ đang mở, hoặc đặt câu hỏi về văn bản.'
      : user.role === 'coordinator'
        ? 'Gõ "tình hình báo cáo" để xem các cơ quan đã báo cáo chưa.'
        : 'Bạn có quyền quản trị.';
  return { text: `Đăng ký thành công: ${describeUser(user)}. ${next}` };
}

export const alreadyRegistered = (user: BotUser): OutboundMessage => ({
  text: `Bạn đã đăng ký: ${describeUser(user)}. Gõ "trợ giúp" để xem các lệnh.`,
});

/** Names the account the code joins (role, agency, province): whoever uses it acts as that person. */
export const linkCode = (code: string, expiresAt: Date, user: BotUser): OutboundMessage => ({
  text: `Mã liên kết: ${code} cho ${describeUser(user)} (dùng một lần, hết hạn lúc ${formatDateTime(expiresAt)}). Gửi "/start ${code}" từ tài khoản ở kênh khác (Telegram, Zalo, Slack) để dùng chung tài khoản này.`,
});

export function otherAgency(user: BotUser, other: string): OutboundMessage {
  return {
    text: `Bạn là ${ROLE_LABELS[user.role]} của ${user.agency?.name ?? 'một cơ quan khác'} nên chỉ báo cáo được cho ${user.agency?.name ?? 'cơ quan của mình'}; ${other} phải do cán bộ của ${other} báo cáo (hoặc điều phối viên báo cáo thay).`,
  };
}

export const noPeriod = (agency: string): OutboundMessage => ({
  text: `Hiện không có kỳ báo cáo nào đang mở cho ${agency}. Khi có kỳ mới, tôi sẽ nhắc bạn.`,
});

export const noKnowledge = (): OutboundMessage => ({
  text: 'Hiện tôi chưa có tri thức về văn bản để trả lời câu hỏi này (chưa nhập văn bản hoặc chưa bật tra cứu). Gõ "trợ giúp" để xem tôi làm được gì.',
});

/** Longest message read (Telegram's own limit is 4,096); a longer one is refused, not echoed or stored. */
export const MAX_MESSAGE_CHARS = 4000;
/** Longest reply text in one message; longer ones are cut at a line (channels split what is left into parts). */
export const MAX_REPLY_CHARS = 12_000;

export const tooLong = (n: number): OutboundMessage => ({
  text: `Tin nhắn quá dài (${n.toLocaleString('vi-VN')} ký tự), tôi chưa đọc. Xin gửi ngắn hơn ${MAX_MESSAGE_CHARS.toLocaleString('vi-VN')} ký tự; ghi chú dài xin chia thành vài tin.`,
});

/** Caps a reply's text at MAX_REPLY_CHARS, at a line break where there is one, saying that it was cut. */
export function capped(m: OutboundMessage): OutboundMessage {
  if (m.text.length <= MAX_REPLY_CHARS) return m;
  const cut = m.text.slice(0, MAX_REPLY_CHARS);
  const nl = cut.lastIndexOf('\n');
  return { ...m, text: `${nl > MAX_REPLY_CHARS / 2 ? cut.slice(0, nl) : cut}\n(… còn nữa; xin hỏi hẹp hơn hoặc gõ "thêm".)` };
}

export const staleChoice = (): OutboundMessage => ({
  text: 'Lựa chọn không còn hiệu lực (nút của một câu hỏi trước). Gõ "báo cáo" để tiếp tục báo cáo, hoặc đặt câu hỏi.',
});

export const codesThrottled = (until: Date, scope: 'sender' | 'global'): OutboundMessage => ({
  text:
    scope === 'sender'
      ? `Bạn đã nhập sai mã nhiều lần. Xin thử lại sau ${formatDateTime(until)}, hoặc xin mã mới từ quản trị viên.`
      : `Hệ thống tạm ngừng nhận mã đăng ký đến ${formatDateTime(until)} vì có quá nhiều mã sai. Xin thử lại sau.`,
});

export const internalError = (): OutboundMessage => ({
  text: 'Xin lỗi, đã có lỗi khi xử lý tin nhắn. Các câu trả lời đã ghi trước đó vẫn được lưu; vui lòng gửi lại.',
});

/** "chào": who they are and what to do next; a registered official is reminded of "báo cáo". */
export function greeting(user: BotUser | null): OutboundMessage {
  if (!user) return welcome();
  const name = user.name ? ` ${user.name}` : '';
  const ask = 'hỏi tôi về văn bản, nhiệm vụ, chỉ tiêu. Gõ "trợ giúp" để xem ví dụ.';
  const next = user.agency ? `Gõ "báo cáo" để báo cáo kỳ đang mở (hoặc "tiếp tục" để làm tiếp), hoặc ${ask}` : `Hãy ${ask}`;
  return { text: `Chào bạn${name}! ${next}` };
}

export const thanks = (): OutboundMessage => ({ text: 'Không có gì ạ. Cần gì bạn cứ nhắn.' });
export const bye = (): OutboundMessage => ({ text: 'Chào bạn, hẹn gặp lại!' });
export const nothingToCancel = (): OutboundMessage => ({
  text: 'Hiện không có việc gì đang làm dở để hủy. Gõ "báo cáo" để bắt đầu báo cáo, hoặc đặt câu hỏi về văn bản.',
});
export const remindOne = (agency: string): OutboundMessage => ({
  text: `Chưa có lệnh nhắc riêng một cơ quan (${agency}). Gõ "nhắc ngay" để nhắc cán bộ của mọi cơ quan chưa gửi báo cáo, hoặc "tình hình báo cáo ${agency}" để xem cơ quan này đã báo cáo đến đâu.`,
});

export const aboutBot = (): OutboundMessage => ({
  text: 'Tôi là trợ lý văn bản chỉ đạo: tôi chỉ trả lời về các văn bản đã nạp (nhiệm vụ, cơ quan chủ trì, chỉ tiêu, thời hạn) và nhận báo cáo tiến độ. Gõ "trợ giúp" để xem ví dụ.',
});
export const fragment = (word: string): OutboundMessage => ({
  text: `Bạn muốn hỏi gì về "${word}"? Ví dụ: "Sở Tài chính phải làm gì", "ai chủ trì chuyển đổi số", hoặc gõ "trợ giúp".`,
});
