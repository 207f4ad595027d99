// How a created invite is printed: who it is for, the role, the agency and the province (a coordinator's scope
// reads from it), when it expires, and how to use it, with the Telegram deep link when the bot's name is known.
import { deepLink } from '../channels/telegram/deep-link.ts';
import { formatDateTime } from '../core/locale.ts';
import type { BulkInvite } from './bulk-invites.ts';
import type { InviteCreated } from './invites.ts';
import { ROLE_LABELS } from './users.ts';

/** "Cà Mau", or for staff without a province what that means (they see every province). */
export function provinceText(inv: Pick<InviteCreated, 'province' | 'role'>): string {
  if (inv.province) return inv.province;
  return inv.role === 'official' ? 'không rõ' : 'mọi tỉnh (không giới hạn)';
}

export function inviteLines(inv: InviteCreated, bot: string | null): string[] {
  const who = inv.name ? `Người nhận: ${inv.name}; v` : 'V';
  const agency = inv.agency ? `; cơ quan: ${inv.agency.name} (${inv.agency.key})` : '';
  return [
    `Mã mời: ${inv.code}`,
    ...(inv.change ? [`Lưu ý: ${inv.change}; mã mời gắn với cơ quan hiện nay.`] : []),
    `${who}ai trò: ${ROLE_LABELS[inv.role]} (${inv.role})${agency}; tỉnh: ${provinceText(inv)}; hết hạn: ${formatDateTime(inv.expiresAt)}`,
    `Người nhận gửi "/start ${inv.code}" (hoặc "đăng ký ${inv.code}") cho trợ lý trên Telegram, Zalo, Slack hoặc console.`,
    ...(bot ? [`Trên Telegram chỉ cần bấm: ${deepLink(bot, inv.code)}`] : []),
  ];
}

export const BULK_HEADERS = ['Dòng', 'Họ tên', 'Cơ quan', 'Tỉnh', 'Vai trò', 'Kênh', 'Mã mời', 'Liên kết Telegram', 'Hết hạn'];

/** One line per invite of a list: the deep link only for people who will use Telegram. */
export function bulkRows(invites: BulkInvite[], bot: string | null): string[][] {
  return invites.map((b) => [
    String(b.row),
    b.invite.name ?? '',
    b.invite.agency?.name ?? '',
    provinceText(b.invite),
    ROLE_LABELS[b.invite.role],
    b.channel ?? '',
    b.invite.code,
    bot && b.channel === 'telegram' ? deepLink(bot, b.invite.code) : '',
    formatDateTime(b.invite.expiresAt),
  ]);
}
