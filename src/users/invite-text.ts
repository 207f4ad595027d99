// How a created invite is printed: who it is for, the role, the agency and the province (a coordinator's scope
// reads from it), when it expires, and how to use it, with the Telegram deep link when the bot's name is known; in
// the admin's language (Vietnamese unless the CLI runs in English).
import { deepLink } from '../channels/telegram/deep-link.ts';
import { catalog, DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { formatDateTime } from '../core/locale.ts';
import type { BulkInvite } from './bulk-invites.ts';
import type { InviteCreated } from './invites.ts';
import { roleLabel } from './users.ts';

const TEXT = catalog({
  vi: {
    unknownProvince: 'không rõ',
    everyProvince: 'mọi tỉnh (không giới hạn)',
    code: (code: string) => `Mã mời: ${code}`,
    change: (change: string) => `Lưu ý: ${change}; mã mời gắn với cơ quan hiện nay.`,
    who: (name: string | null, role: string, agency: string, province: string, expires: string) =>
      `${name ? `Người nhận: ${name}; v` : 'V'}ai trò: ${role}${agency ? `; cơ quan: ${agency}` : ''}; tỉnh: ${province}; hết hạn: ${expires}`,
    howTo: (code: string) => `Người nhận gửi "/start ${code}" (hoặc "đăng ký ${code}") cho trợ lý trên Telegram, Zalo, Slack hoặc console.`,
    tap: (link: string) => `Trên Telegram chỉ cần bấm: ${link}`,
  },
  en: {
    unknownProvince: 'unknown',
    everyProvince: 'every province (no limit)',
    code: (code: string) => `Invite code: ${code}`,
    change: (change: string) => `Note: ${change}; the invite is tied to the current agency.`,
    who: (name: string | null, role: string, agency: string, province: string, expires: string) =>
      `${name ? `Invitee: ${name}; r` : 'R'}ole: ${role}${agency ? `; agency: ${agency}` : ''}; province: ${province}; expires: ${expires}`,
    howTo: (code: string) =>
      `The invitee sends "/start ${code}" (or "đăng ký ${code}") to the assistant on Telegram, Zalo, Slack or the console.`,
    tap: (link: string) => `On Telegram, just tap: ${link}`,
  },
});

/** "Cà Mau", or for staff without a province what that means (they see every province). */
export function provinceText(inv: Pick<InviteCreated, 'province' | 'role'>, locale?: Locale): string {
  if (inv.province) return inv.province;
  return inv.role === 'official' ? TEXT(locale).unknownProvince : TEXT(locale).everyProvince;
}

export function inviteLines(inv: InviteCreated, bot: string | null, locale?: Locale): string[] {
  const T = TEXT(locale);
  const role = `${roleLabel(inv.role, locale)} (${inv.role})`;
  const agency = inv.agency ? `${inv.agency.name} (${inv.agency.key})` : '';
  return [
    T.code(inv.code),
    ...(inv.change ? [T.change(inv.change)] : []),
    T.who(inv.name, role, agency, provinceText(inv, locale), formatDateTime(inv.expiresAt)),
    T.howTo(inv.code),
    ...(bot ? [T.tap(deepLink(bot, inv.code))] : []),
  ];
}

const HEADERS: Record<Locale, readonly string[]> = {
  vi: ['Dòng', 'Họ tên', 'Cơ quan', 'Tỉnh', 'Vai trò', 'Kênh', 'Mã mời', 'Liên kết Telegram', 'Hết hạn'],
  en: ['Row', 'Name', 'Agency', 'Province', 'Role', 'Channel', 'Invite code', 'Telegram link', 'Expires'],
};

/** The columns of the table (and CSV) of a list of invites. */
export const bulkHeaders = (locale?: Locale): string[] => [...HEADERS[locale ?? DEFAULT_LOCALE]];

/** One line per invite of a list: the deep link only for people who will use Telegram. */
export function bulkRows(invites: BulkInvite[], bot: string | null, locale?: Locale): string[][] {
  return invites.map((b) => [
    String(b.row),
    b.invite.name ?? '',
    b.invite.agency?.name ?? '',
    provinceText(b.invite, locale),
    roleLabel(b.invite.role, locale),
    b.channel ?? '',
    b.invite.code,
    bot && b.channel === 'telegram' ? deepLink(bot, b.invite.code) : '',
    formatDateTime(b.invite.expiresAt),
  ]);
}
