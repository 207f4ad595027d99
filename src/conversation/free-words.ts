// What people type around the fixed commands: greetings, thanks, "hủy" with nothing open, "tiếp tục", and the
// coordinator's free words for the commands that exist ("ai chưa nộp" is "tình hình báo cáo", "xuất báo cáo tổng hợp
// quý 4" is "báo cáo tổng hợp quý 4"). Each shape is a named pattern over the folded text (no tones, lower case).
import { fold } from '../core/text.ts';
import { SNOOZE_HEAD } from './phrases.ts';

export type FreeWords =
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'bye' }
  | { kind: 'cancel' }
  | { kind: 'continue' }
  | { kind: 'aboutBot' } // "bạn bao nhiêu tuổi", "bạn là ai": about the assistant, not about the documents
  | { kind: 'fragment'; word: string } // "sở", "ubnd": a head noun alone
  | { kind: 'command'; text: string } // the same message in the words of a fixed command
  | { kind: 'remindOne'; agency: string }; // "nhắc Sở Y tế": staff remind one agency's officers ("nhắc cơ quan …")

const POLITE = String.raw`(?:\s+(?:nhe|nha|a|ah|ak|voi|di|vay|ban|bot|em|anh|chi|ad|tro ly|nhieu|qua|lam|ban nhieu))*`;
const GREETING = new RegExp(String.raw`^(?:xin\s+)?(?:chao|hello|hi|helo|alo|hey|chao buoi (?:sang|trua|chieu|toi))${POLITE}$`);
const THANKS = new RegExp(String.raw`^(?:ok(?:e|ay)?\s+)?(?:cam on|cam un|thank(?:s| you)?|tks|thanks|thank u)${POLITE}$`);
const BYE = new RegExp(String.raw`^(?:tam biet|bye|goodbye|bai bai|hen gap lai)${POLITE}$`);
// Not "dung" alone: "đúng" folds to it.
const CANCEL = new RegExp(String.raw`^(?:huy|huy bo|thoi|dung lai|thoat|huy bao cao|thoi khong can|khong can nua)${POLITE}$`);
const CONTINUE = new RegExp(
  String.raw`^(?:tiep tuc|lam tiep|bao cao tiep|tiep tuc bao cao|lam tiep bao cao|toi dang lam do(?: bao cao)?|dang lam do(?: bao cao)?)${POLITE}$`,
);
// "ai chưa nộp", "cơ quan nào chưa gửi báo cáo quý 4", "dv nào nộp muộn", "bao nhiêu đơn vị nộp rồi", "ds đơn vị đã nộp bc"
const WHO = String.raw`(?:ai|co quan nao|don vi nao|dv nao|so nao|nhung (?:ai|don vi|co quan|so)|bao nhieu (?:don vi|co quan|dv|so)|ds(?: don vi| dv| co quan)?|danh sach(?: don vi| co quan)?|may (?:so|don vi))`;
// The reporting verb right after "chưa/đã" ("ai đã giao nhiệm vụ báo cáo …" is a question about a document).
const STATUS = new RegExp(
  String.raw`^${WHO}\b.*\b(?:chua|da|con chua)\s+(?:nop|gui|bao cao|bc)\b|^${WHO}\b.*\b(?:nop|gui)(?:\s+(?:bao cao|bc))?\s+(?:roi|muon|tre|tre han|dung han)\b`,
);
// "trạng thái kỳ", "tình trạng kỳ báo cáo hiện tại", "kỳ báo cáo đang mở", "đang có kỳ báo cáo nào": the open period's
// state. Not with a period ("trạng thái kỳ quý 3"): the status command shows the current one only.
const PERIOD_STATE =
  /^(?:(?:xem|cho xem|kiem tra)\s+)?(?:(?:trang thai|tinh trang|tien do)\s+(?:cua\s+)?(?:cac\s+)?(?:ky|ky bao cao|bao cao|nop bao cao)|ky bao cao|dang co ky bao cao nao|co ky bao cao nao)(?:\s+(?:hien tai|hien nay|nay|dang mo|nao dang mo|the nao|ra sao|nhu the nao))?(?:\s+(?:chua|khong))?$/;
// "xuất báo cáo tổng hợp quý 4", "tổng hợp số liệu quý 3", "lấy báo cáo tổng hợp"
const SUMMARY = /^(?:xuat|lay|gui|cho xem|xem)?\s*(?:(?:bao cao|bc)\s+)?tong hop(?:\s+(?:so lieu|bao cao|bc))?(?<rest>(?:\s+.*)?)$/;
// "nhắc Sở Y tế", "nhắc tất cả đv chưa nộp", "gửi nhắc nhở cho UBND huyện", "nhắc lại mấy sở chưa nộp đi"
// Not "nhắc ngay …": that is the command itself, with or without a regime code.
const REMIND = /^(?:gui\s+)?(?:nhac lai|nhac nho|nhac)(?!\s+ngay\b)(?:\s+(?:cho|toi|den))?(?<rest>(?:\s+.*)?)$/;
// "Sở Y tế đã báo cáo quý 3 chưa", "so tai chinh da nop bc chua"
const DID_REPORT = /^(?<who>.+?)\s+(?:da|co)\s+(?:nop|gui|bao cao|bc)\b.*\bchua$/;
// "tôi nộp báo cáo quý này chưa", "đơn vị mình đã gửi bc chưa": the asker's own report
const SELF_DID =
  /^(?:toi|minh|em|chung toi|(?:don vi|so|ben|co quan) (?:toi|minh|em|chung toi))\s+(?:da\s+)?(?:nop|gui|bao cao|bc)\b.*\bchua$/;
// "hạn chót nộp báo cáo quý này là ngày nào", "khi nào phải gửi bc quý 4": when the open period's report is due. A
// period of reporting is named ("quý này", "kỳ này", "quý 4", "6 tháng đầu năm"), not a document's report.
const DUE_WORD = String.raw`(?:han chot|han cuoi|han nop|thoi han|truoc ngay nao|ngay nao|khi nao|bao gio)`;
const REPORT_PERIOD = String.raw`(?:bao cao|bc)\s+(?:quy (?:nay|\d|i{1,3}|iv)|ky (?:nay|bao cao)|6 thang (?:dau|cuoi) nam)\b`;
const DUE = new RegExp(String.raw`\b${DUE_WORD}\b.*\b(?:nop|gui)\s+${REPORT_PERIOD}|\b(?:nop|gui)\s+${REPORT_PERIOD}.*\b${DUE_WORD}\b`);
// "hạn nộp báo cáo là khi nào", "khi nào phải nộp bc", "hạn chót gửi báo cáo": the asker's own report, nothing else
// named (a document's report, "hạn nộp báo cáo kế hoạch 37", is a question about that document).
const DUE_BARE = new RegExp(
  String.raw`^(?:(?:${DUE_WORD}|han)\s+(?:phai\s+)?(?:nop|gui)?\s*(?:bao cao|bc)(?:\s+(?:la\s+)?(?:ngay nao|khi nao|bao gio|hom nao|luc nao))?|(?:khi nao|bao gio|ngay nao|han nao)\s+(?:thi\s+)?(?:phai\s+)?(?:nop|gui)\s+(?:bao cao|bc))${POLITE}$`,
);
const EVERYONE =
  /^(?:(?:tat ca|cac|may|nhung|het)\s+)?(?:(?:dv|don vi|co quan|so|noi|ben)\s+)?(?:(?:chua|con chua)\s+(?:nop|gui|bao cao|bc)\s*)?(?:di|nhe|nha|voi)?$/;

const ABOUT_BOT =
  /^(?:ban|may|em|bot|tro ly|chatbot)\s+(?:la ai|ten (?:la )?gi|bao nhieu tuoi|may tuoi|o dau|co nguoi yeu|co ny|thich|an com|khoe|co khoe|biet gi|lam duoc gi|song o dau|la nguoi|la may|co that|dep|xau|ngu)\b/;
const FRAGMENT = /^(?:so|ban|bo|ubnd|uy ban|co quan|don vi|phong|nganh|cap)$/;

const clean = (t: string) =>
  fold(t)
    .replace(/[.!?,;:…]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The free-words reading of a message, or null when it is none of these (a question, an answer, a command). */
export function freeWords(text: string): FreeWords | null {
  const f = clean(text);
  if (!f) return null;
  if (GREETING.test(f)) return { kind: 'greeting' };
  if (THANKS.test(f)) return { kind: 'thanks' };
  if (BYE.test(f)) return { kind: 'bye' };
  if (CANCEL.test(f)) return { kind: 'cancel' };
  if (CONTINUE.test(f)) return { kind: 'continue' };
  if (ABOUT_BOT.test(f)) return { kind: 'aboutBot' };
  if (FRAGMENT.test(f)) return { kind: 'fragment', word: text.trim() };
  if (STATUS.test(f) || PERIOD_STATE.test(f) || SELF_DID.test(f) || DUE.test(f) || DUE_BARE.test(f))
    return { kind: 'command', text: 'tình hình báo cáo' };
  // "tổng hợp …" alone may be a topic; with a verb ("xuất", "lấy") or a period ("quý 3") it asks for the report.
  const summary = SUMMARY.exec(f);
  if (summary && (/^(?:xuat|lay|gui|cho xem|xem|bao cao|bc)\b/.test(f) || /\b(?:quy|thang|nam|ky)\b/.test(f))) {
    return { kind: 'command', text: `báo cáo tổng hợp${summary.groups!.rest ?? ''}`.trim() };
  }
  const did = DID_REPORT.exec(f);
  if (did) return { kind: 'command', text: `tình hình báo cáo ${words(text, did.groups!.who!)}` };
  // "nhắc lại sau 2 giờ": the person's own snooze, not a coordinator reminding an agency "sau 2 giờ"
  const remind = SNOOZE_HEAD.test(f) ? null : REMIND.exec(f);
  if (remind) {
    const rest = (remind.groups!.rest ?? '').trim();
    if (EVERYONE.test(rest)) return { kind: 'command', text: 'nhắc ngay' };
    return { kind: 'remindOne', agency: words(text, rest) };
  }
  return null;
}

/** The words of the original text (diacritics kept) that a folded slice stands for, matched word by word. */
function words(text: string, foldedPart: string): string {
  const orig = text
    .trim()
    .replace(/[.!?,;:…]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const part = foldedPart.split(' ');
  for (let i = 0; i + part.length <= orig.length; i++) {
    if (orig.slice(i, i + part.length).every((w, k) => fold(w) === part[k])) return orig.slice(i, i + part.length).join(' ');
  }
  return foldedPart;
}
