// Recognises what people type: form commands, yes/no, "báo cáo", "/start <mã>", "thêm". Tone-insensitive.
import { fold } from '../core/text.ts';

export type FormCommand =
  | { cmd: 'help' }
  | { cmd: 'cancel' }
  | { cmd: 'review' }
  | { cmd: 'back' }
  | { cmd: 'skip' }
  | { cmd: 'edit'; n: number; value?: string }
  | { cmd: 'submit' };

/** Words a question opens with even without its "?" ("ai chủ trì …", "bao nhiêu …"), folded: an answer rarely does. */
export const QUESTION_OPENING =
  /^(?:ai|co quan nao|don vi nao|so nao|bao nhieu|khi nao|o dau|tai sao|vi sao|lam sao|the nao|nhu the nao|cho (?:toi )?hoi|hoi)\b/;
/** Words a search opens with ("mục tiêu …", "tìm …"): outside a form they make a question too. */
export const SEARCH_OPENING = /^(?:muc tieu|chi tieu|nhiem vu|van ban|tim|tra cuu)\b/;

const norm = (t: string) =>
  fold(t)
    .replace(/[.!;]+$/g, '')
    .trim();

const WORDS: [FormCommand['cmd'], string[]][] = [
  ['help', ['tro giup', 'giup', 'giup do', 'help', '/help', 'huong dan', '?']],
  ['cancel', ['huy', 'huy bo', 'thoat', 'dung', 'dung lai', 'tam dung', '/cancel', 'cancel', 'pause']],
  ['review', ['xem', 'xem lai', 'tom tat', '/review', 'review', 'summary']],
  ['back', ['quay lai', 'tro lai', 'lui', 'lui lai', '/back', 'back', 'previous']],
  ['skip', ['bo qua', 'skip', '/skip']],
  ['submit', ['xong', 'gui', 'nop', 'gui bao cao', 'nop bao cao', 'hoan tat', '/submit', 'submit', 'send', 'send report']],
];

const EDIT_WITH_VALUE =
  /^(?:sửa|sua|chỉnh sửa|chinh sua|\/?edit)\s*(?:số|so|câu|cau|mục|muc|chỉ tiêu|chi tieu|question)?\s*(\d{1,3})\s*(?:[:=]|thành|thanh|là|la|to)?\s+(\S.*)$/iu;

export function formCommand(text: string): FormCommand | null {
  const f = norm(text);
  const edit = /^(?:sua|chinh sua|\/?edit)\s*(?:so|cau|muc|chi tieu|question)?\s*(\d{1,3})$/.exec(f);
  if (edit) return { cmd: 'edit', n: Number(edit[1]) };
  // "sửa 1 46", "sửa câu 3: 2 tỷ 5", "sửa 2 thành 17.000": the new answer in the same message
  const withValue = EDIT_WITH_VALUE.exec(text.trim());
  if (withValue && /^(?:sua|chinh sua|\/?edit)\b/.test(f)) return { cmd: 'edit', n: Number(withValue[1]), value: withValue[2]!.trim() };
  for (const [cmd, words] of WORDS) if (words.includes(f)) return { cmd } as FormCommand;
  return null;
}

const YES = [
  'co',
  'dung',
  'dung roi',
  'dong y',
  'xac nhan',
  'ok',
  'yes',
  'gui',
  'gui bao cao',
  'nop',
  'vang',
  'u',
  'chac chan',
  'chinh xac',
  'dung, giu so nay',
  'giu so nay',
  'y',
  'right',
  'correct',
  'confirm',
  'sure',
];
const NO = ['khong', 'ko', 'chua', 'chua gui', 'nhap lai', 'sai', 'no', 'thoi', 'n', 'not yet', 'wrong'];

export function isYes(text: string, choice?: string): boolean {
  return choice === 'yes' || YES.includes(norm(text));
}

export function isNo(text: string, choice?: string): boolean {
  return choice === 'no' || NO.includes(norm(text));
}

/** "báo cáo", "báo cáo Sở Tài chính", "báo cáo so-tc-2026": returns the rest (possibly empty) or null. */
export function startReport(text: string): string | null {
  const t = text.trim().replace(/[.!;]+$/g, '');
  if (!/^(?:bao cao|\/report|\/baocao)(?:\s+.+)?$/.test(fold(t))) return null;
  if (/^bao cao ngay$/.test(fold(t))) return ''; // the reminder's "Báo cáo ngay" button
  return t
    .split(/\s+/)
    .slice(t.startsWith('/') ? 1 : 2)
    .join(' '); // keep the rest as spelled
}

/** "tình hình báo cáo [cơ quan]": the rest (possibly empty) or null. */
export function statusRequest(text: string): string | null {
  const t = text.trim().replace(/[.!;?]+$/g, '');
  if (!/^(?:tinh hinh bao cao|\/status)(?:\s+.+)?$/.test(fold(t))) return null;
  return t
    .split(/\s+/)
    .slice(t.startsWith('/') ? 1 : 4)
    .join(' ');
}

/** "/start ABCD2345", "đăng ký ABCD2345", "dang ky ABCD2345", "/start": the code ('' when none) or null. */
export function registration(text: string): string | null {
  const m = /^(?:\/start|dang ky|dang ki)(?:@\S+)?(?:\s+([a-z0-9-]{4,20}))?$/.exec(norm(text));
  return m ? (m[1] ?? '').toUpperCase() : null;
}

export const isMore = (text: string) => ['them', 'xem them', 'tiep', 'tiep theo', '/more'].includes(norm(text));
export const isLinkRequest = (text: string) => ['lien ket', 'lien ket kenh', 'lien ket tai khoan', '/link'].includes(norm(text));
/** Slack's App Home tab asks with "/home"; people can type "trang chủ". */
export const isHome = (text: string) => ['/home', 'trang chu', '/trangchu'].includes(norm(text));
export const isWhoAmI = (text: string) => ['toi la ai', '/me', 'thong tin cua toi'].includes(norm(text));

/** Channels without buttons send the option's number: "1" → the first choice id. */
export function numbered(text: string, ids: string[]): string | undefined {
  const m = /^\s*(\d)\s*\.?\s*$/.exec(text);
  return m ? ids[Number(m[1]) - 1] : undefined;
}

/** Button ids other modules attach to messages (reminders, home): the engine reads them as these texts. */
export const CHOICE_REPORT = 'bao_cao';
export const CHOICE_SNOOZE = 'nhac_lai_sau';
/** "Trả lời từng câu tại đây" under the page offer of a long form: the chat form goes on from where it is. */
export const CHOICE_IN_CHAT = 'tra_loi_tai_day';
const CHOICE_TEXT: Record<string, string> = { [CHOICE_REPORT]: 'báo cáo', [CHOICE_SNOOZE]: 'nhắc lại sau', [CHOICE_IN_CHAT]: 'tiếp tục' };

/** A button that stands for a typed command ("Báo cáo", "Nhắc lại sau"): valid whatever was asked before. */
export const isCommandChoice = (choice: string): boolean => Object.prototype.hasOwnProperty.call(CHOICE_TEXT, choice);

/** The text a pressed button stands for, so a button works even when its label is not known (after a restart). */
export function choiceText(text: string, choice?: string): string {
  return (choice && isCommandChoice(choice) && CHOICE_TEXT[choice]) || text;
}

/** "lọc tỉnh Cà Mau năm 2020" → { set: 'tỉnh Cà Mau năm 2020' }; "bỏ lọc" → { clear }; "lọc" alone → { show }. */
export function filterCommand(text: string): { set: string } | { clear: true } | { show: true } | null {
  const f = norm(text);
  if (/^(bo loc|xoa loc|huy loc|\/boloc)$/.test(f)) return { clear: true };
  if (/^(loc|\/loc)$/.test(f)) return { show: true };
  const m = /^(?:loc|\/loc)\s*:?\s+(.+)$/i.exec(f);
  return m
    ? {
        set: text
          .trim()
          .replace(/^\/?lọc|^\/?loc/i, '')
          .replace(/^\s*:?\s*/, ''),
      }
    : null;
}

// "nhắc lại" alone (or "nhắc lại câu hỏi") is left to the conversation: only "nhắc lại sau …", "nhắc lại
// ngày mai / tuần sau", "hoãn nhắc …" and "snooze …" are snooze requests.
/** The snooze request's head (src/scheduler/snooze.ts reads the rest); group 1 is what follows it. */
export const SNOOZE_HEAD =
  /^(?:(?:nhac lai|nhac toi)(?= sau\b| (?:ngay )?mai\b| sang mai\b| tuan (?:sau|toi)\b)|hoan nhac\b|snooze\b)\s*(?:sau\b)?\s*(.*)$/;
