// The words of questions: what asks for a list, a deadline, an owner, a figure or a document's metadata; the
// document types; the filler words that never carry the topic. Read by parseQuestion (query.ts).
import { docTypesWith, typeWords } from '../core/doc-types.ts';

export const HELP = /^\/?(help|tro giup|huong dan|giup do|giup|menu|start|\?)$/;
/** Asks for a list of documents: "Cà Mau có những văn bản nào", "văn bản mới nhất", "có mấy quyết định". */
/** "theo văn bản", "như văn bản ghi": asked for the agencies as the text names them (not a topic). */
export const AS_WRITTEN = / (theo|nhu|dung nhu) (van ban ghi|nguyen van|van ban) /;
export const DOC_WORD = new RegExp(`\\b(${typeWords('listed', ['van ban', 'vb'])})\\b`);
export const LIST_WORD = /\b(nhung|cac|nao|gi|moi nhat|cu nhat|gan day|gan nhat|liet ke|danh sach|tat ca|bao nhieu|may)\b/;
export const LIST_FILLER = new Set([
  'co',
  'cac',
  'nhung',
  'cai',
  'nao',
  'gi',
  'may',
  'la',
  'duoc',
  'hien',
  'nay',
  'da',
  'cua',
  'o',
  'tai',
  'tinh',
  'thanh',
  'pho',
]);
/** About deadlines: "đến hạn", "quá hạn", "phải xong", "hạn chót", "trước ngày nào". */
export const DEADLINE =
  /\b(den han|het han|qua han|tre han|sap den han|sap het han|han chot|han cuoi|phai xong|phai hoan thanh|chua xong|moc thoi gian|truoc ngay nao|thoi han nao|han nao)\b/;
/** The words of a deadline question that say when, not what ("quý này", "tháng 12", "có việc gì"). */
export const DEADLINE_WORDS =
  /\b(den han|het han|qua han|tre han|sap den han|sap het han|han chot|han cuoi|phai xong|phai hoan thanh|chua xong|moc thoi gian|truoc ngay nao|thoi han nao|han nao|trong|quy nay|quy hien tai|thang \d{1,2}|6 thang (dau|cuoi) nam|co|viec|nhiem vu|nv|con|sap|roi|k|ko|khong|theo|truoc|nam|da|phai|xong|gi|nao)\b/g;
/**
 * When a named document's report is due ("hạn nộp báo cáo kết quả thực hiện kế hoạch 37 là ngày nào", "kh 37 báo cáo
 * trước ngày nào", "thời hạn báo cáo …"): what that document says about reporting, not the day it was issued.
 */
export const REPORT_DUE =
  /\b(?:han|thoi han|han chot|han cuoi)(?: nop| gui)? (?:bao cao|bc)\b|\b(?:nop|gui) (?:bao cao|bc)\b.*\b(?:ngay nao|khi nao|bao gio|han nao)\b|\b(?:khi nao|bao gio|ngay nao) (?:thi )?(?:phai )?(?:nop|gui) (?:bao cao|bc)\b|\b(?:bao cao|bc)\b.*\btruoc ngay nao\b|\b(?:bao cao|bc)(?: dinh ky)?(?: vao)? (?:khi nao|ngay nao|bao gio|luc nao)\b/;
/**
 * The words of such a question that ask by when, and those naming any report ("kết quả / tiến độ thực hiện"), not
 * what the passage is about ("báo cáo" stays: the document's sentence on reporting is sought).
 */
export const REPORT_DUE_WORDS =
  /\b(han|thoi han|han chot|han cuoi|nop|gui|phai|thi|la|vao|ngay nao|khi nao|bao gio|luc nao|han nao|truoc ngay nao|ket qua|tien do|tinh hinh|thuc hien|trien khai)\b/g;
/** About a document itself: who signed it, when it was issued or takes effect ("1578 do ai ký?", "kh 37 ban hành ngày nào"). */
export const META =
  /\b(ai ky|nguoi ky|do ai ky|ky ngay|ky khi nao|ky ban hanh|ban hanh ngay|ban hanh khi nao|ban hanh luc nao|ngay ban hanh|ngay ky|ngay nao|khi nao ban hanh|hieu luc)\b/;
/**
 * Where to send something ("hồ sơ gửi về đâu", "vướng mắc thì phản ánh về đâu", "nộp báo cáo cho cơ quan nào"):
 * asks for the agency a text names after "gửi/nộp/phản ánh … về", not a task's lead.
 */
export const RECIPIENT =
  /\b(gui|nop|phan anh|chuyen|bao cao)\b(?: \S+){0,8}? (ve dau|o dau|den dau|toi dau|cho ai|ve cho ai|(?:ve|cho|den|toi) (?:co quan|don vi|so|noi|bo phan) nao)\b/;
/**
 * The words of such a question that ask where (or by when: "gửi về đâu, hạn chót ngày nào"), not about what; "gửi",
 * "nộp" too ("hồ sơ gửi về đâu" is about the hồ sơ).
 */
export const RECIPIENT_WORDS =
  /\b(gui|nop|ngay nao|khi nao|bao gio|han chot|han cuoi|truoc ngay nao|thoi han nao|han nao|ve dau|o dau|den dau|toi dau|ve cho ai|cho ai|(?:ve|cho|den|toi) (?:co quan|don vi|so|noi|bo phan) nao)\b/g;
/** How many tasks or targets a named document has ("kế hoạch 37 có bao nhiêu nhiệm vụ"): its summary answers, no figure. */
export const DOC_COUNT = /\b(bao nhieu|may) (nhiem vu|chi tieu|muc tieu|viec|dieu|phu luc)\b/;
export const WHO = /\b(ai|so nao|bo nao|co quan nao|don vi nao|nganh nao|ben nao|cap nao|noi nao|bo phan nao|so gi|co quan gi|don vi gi)\b/;
export const OWNER_PHRASE =
  /\b(co quan|don vi|so|ben) (chu tri|phu trach|chiu trach nhiem|dau moi)\b|\b(chu tri|phu trach|dau moi) la\b|\bgiao cho\b/;
export const TASK_WORDS =
  /\b(phai lam gi|lam gi|lam nhung gi|nhiem vu|duoc giao|giao gi|giao nhung gi|trach nhiem|viec gi|phai thuc hien|can lam|nhung viec|chu tri nhung|phu trach nhung|phu trach gi|chu tri gi|nhung gi)\b/;
export const INDICATOR =
  /\b((?<!chuong trinh )muc tieu(?! quoc gia)|chi tieu|ty le|bao nhieu|kinh phi|doanh thu|mat do|von dau tu|ngan sach|phan tram|dat muc)\b/;
/** The types a question filters on, each with its folded words as a pattern ("kế hoạch" → /\bke hoach\b/). */
export const TYPES: [RegExp, string][] = docTypesWith('filter').map((t) => [new RegExp(`\\b${t.words}\\b`), t.name]);
/** Type words asked for in a list request ("có bao nhiêu chỉ thị"): the list's filter, not a topic. */
export const LISTED_TYPE = new RegExp(`\\b(${typeWords('listed')})\\b`, 'g');
const FILLERS = [
  'cho toi biet',
  'cho toi hoi',
  'toi muon biet',
  'xin hoi',
  'cho hoi',
  'cho biet',
  'hay cho',
  'vui long',
  'la ai',
  'la gi',
  'la bao nhieu',
  'trong bao lau',
  'bao lau',
  'bao gio',
  'luc nao',
  'bao nhieu',
  'nhu the nao',
  'the nao',
  'ra sao',
  'nhung gi',
  'phai lam gi',
  'lam nhung gi',
  'lam gi',
  'duoc giao gi',
  'giao gi',
  'giao nhung gi',
  'nhiem vu cua',
  'nhiem vu gi',
  'nhiem vu',
  'chiu trach nhiem',
  'trach nhiem cua',
  'trach nhiem',
  'chu tri',
  'phu trach',
  'dau moi',
  'duoc giao',
  'giao cho',
  'so nao',
  'bo nao',
  'co quan nao',
  'don vi nao',
  'nganh nao',
  'ben nao',
  'cap nao',
  'noi nao',
  'bo phan nao',
  'so gi',
  'co quan gi',
  'don vi gi',
  'muc tieu',
  'chi tieu',
  'phai',
  'can',
  'ai',
  'gi',
  'nao',
  'vay',
  'a',
  'nhi',
  'khong',
  'hoi',
  'anh chi oi',
  'anh chi',
  'cho em hoi',
  'em muon biet',
  'chut',
  'oi',
  'kinh gui',
  'xin chao',
  'cam on',
  'tra giup',
  'tinh',
  'thanh pho',
  'co quan',
  'don vi',
  'viec',
  'cong tac',
  'nhung',
  've',
  'o',
  'noi dung',
  'quy dinh',
  'yeu cau',
  'dat',
  'dat muc',
  'thuc hien',
];
export const FILLER_RE = new RegExp(`(?<= |^)(${FILLERS.sort((a, b) => b.length - a.length).join('|')})(?= |$)`, 'g');

/**
 * "văn bản" is the document asked for ("văn bản nào nói về …", "… theo văn bản"), except between two words it joins
 * ("giảm văn bản giấy"), where it is what is asked about.
 */
export function dropVanBan(s: string): string {
  return s.replace(/(^|(\S+) )van ban(?= (\S+)|$)/g, (m, pre: string, before?: string, after?: string) =>
    before && after && !/^(nao|gi|ve|noi|so|quy|ghi|\d+)$/.test(after) ? m : pre,
  );
}
