// A deadline as written ("Quý II/2026", "trước ngày 30/6/2026", "2026-2030", "hằng năm") read into a date range.
// The words stay the truth; the range lets the bot sort and filter ("nhiệm vụ sắp đến hạn"). Recurring and relative
// deadlines ("hằng năm", "trong 07 ngày làm việc kể từ …") have no range and say which they are. `deadlineOf`
// finds the words in a duty's text.
import { collapse } from './vn.ts';

export interface DeadlineRange {
  start: string | null; // ISO date, inclusive
  end: string | null; // ISO date, inclusive
  recurring: boolean; // "hằng năm", "định kỳ hằng quý", "thường xuyên"
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const okYear = (y: number) => y >= 1990 && y <= 2100;

function date(d: number, m: number, y: number): string | null {
  if (!okYear(y) || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return iso(y, m, d);
}

/** The date range a deadline's words give, or null when they give none. `year` fills "trước ngày 15/12". */
export function deadlineRange(words: string | null, year: number | null = null): DeadlineRange | null {
  if (!words) return null;
  const w = words.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  if (/h[àằ]ng (?:năm|quý|tháng|tuần)|định kỳ|thường xuyên|đột xuất/u.test(w) && !/\d{1,2}\/\d{4}|năm \d{4}/u.test(w))
    return { start: null, end: null, recurring: true };
  let m = /(\d{1,2})\s*(?:\/|-|tháng\s*)(\d{1,2})\s*(?:\/|-|năm\s*)(\d{4})/u.exec(w);
  const before = /trước|chậm nhất|hạn|đến/u.test(w);
  const between = /từ ngày\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+đến ngày\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/u.exec(w);
  if (between) {
    const y2 = Number(between[6] ?? between[3] ?? year ?? 0);
    const y1 = Number(between[3] ?? y2);
    const s = date(Number(between[1]), Number(between[2]), y1);
    const e = date(Number(between[4]), Number(between[5]), y2);
    return s || e ? { start: s, end: e, recurring: false } : null;
  }
  if (m) {
    const d = date(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { start: before ? null : d, end: d, recurring: false } : null;
  }
  m = /quý\s+(i{1,3}|iv|[1-4])\s*(?:\/|năm\s*)(\d{4})/u.exec(w);
  if (m) {
    const q = ROMAN[m[1] as string] ?? Number(m[1]);
    const y = Number(m[2]);
    return { start: iso(y, 3 * q - 2, 1), end: iso(y, 3 * q, lastDay(y, 3 * q)), recurring: false };
  }
  m = /(6|sáu) tháng (đầu|cuối) năm\s*(\d{4})/u.exec(w);
  if (m) {
    const y = Number(m[3]);
    return m[2] === 'đầu'
      ? { start: iso(y, 1, 1), end: iso(y, 6, 30), recurring: false }
      : { start: iso(y, 7, 1), end: iso(y, 12, 31), recurring: false };
  }
  m = /tháng\s+(\d{1,2})\s*(?:\/|năm\s*)(\d{4})/u.exec(w);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    return { start: before ? null : iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), recurring: false };
  }
  m =
    /(?:^|\D)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)/u.exec(w) ??
    /từ năm\s+((?:19|20)\d{2})\s*(?:,\s*)?đến(?:\s+hết)?\s+năm\s+((?:19|20)\d{2})(?!\d)/u.exec(w);
  if (m) return { start: iso(Number(m[1]), 1, 1), end: iso(Number(m[2]), 12, 31), recurring: false };
  m = /(?:trước|chậm nhất|hạn|ngày)\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?![\d/])/u.exec(w);
  if (m && year) {
    const d = date(Number(m[1]), Number(m[2]), year);
    return d ? { start: null, end: d, recurring: /h[àằ]ng năm/u.test(w) } : null;
  }
  m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/u.exec(w);
  if (m) {
    const y = Number(m[1]);
    const open = /các năm tiếp theo|trở đi|hằng năm tiếp theo|từ năm\s+\d{4}/u.test(w);
    return { start: before ? null : iso(y, 1, 1), end: open ? null : iso(y, 12, 31), recurring: false };
  }
  return null;
}

// The shapes a deadline is written in, tried in order; "hằng năm" (RECURRENCE) only where it qualifies the action
// itself. All global, so that a match passed over lets the search go on.
const DEADLINE_PATS: RegExp[] = [
  // Relative limits of procedures: "trong thời hạn 07 ngày làm việc kể từ ngày nhận được kiến nghị", "trong vòng 02
  // (hai) ngày làm việc".
  /(?:trong(?:\s+thời hạn|\s+thời gian|\s+vòng)?|chậm nhất(?:\s+là)?(?:\s+trong)?|không quá)\s+(?:không quá\s+)?\d{1,3}(?:\s*\(\p{Ll}[^)]{0,20}\))?\s+(?:ngày(?:\s+làm việc)?|tháng|giờ(?:\s+làm việc)?)(?:\s*\([^)]{0,40}\))?(?:,?\s+k[ểê] từ\s+(?:ngày|khi)\s+[^,;.()]{3,80})?/iu,
  /từ ngày\s+\d{1,2}\/\d{1,2}(?:\/\d{4})?\s+đến ngày\s+\d{1,2}\/\d{1,2}(?:\/\d{4})?/iu,
  /(?:trước|chậm nhất|hoàn thành trong|trong)\s+(?:ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|tháng\s+\d{1,2}(?:\/|\s+năm\s+)\d{4}|quý\s+[IV]+(?:\/|\s+năm\s+)\d{4}|năm\s+\d{4})/iu,
  /(?:trước|chậm nhất(?: là)?)\s+ngày\s+\d{1,2}\/\d{1,2}(?![\d/])(?:\s+h[àằ]ng\s+năm)?/iu,
  /quý\s+[IV]+\s*\/\s*\d{4}/iu,
  // "từ năm 2026", "năm 2025 và các năm tiếp theo": from a year on.
  /từ năm\s+\d{4}(?:\s+trở đi)?|năm\s+\d{4}\s+và\s+các\s+năm\s+tiếp\s+theo/iu,
  /(?:trước mắt là|trong)\s+giai đoạn\s+\d{4}\s*[-–]\s*\d{4}/iu,
  // "đến năm 2030", "trước ngày 30 tháng 01 năm sau": a year to reach, a day of the year after the one reported on;
  // not a plan's horizon ("Quy hoạch … thời kỳ 2021 - 2030, tầm nhìn đến năm 2050").
  /(?<!(?:tầm nhìn|định hướng)\s+)đến(?:\s+hết)?\s+năm\s+\d{4}(?!\d)/iu,
  /(?:trước|chậm nhất(?: là)?)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm sau/iu,
  /định kỳ\s+\d{1,2}(?:\s*\([^)]{1,15}\))?\s+(?:ngày|tháng|quý|năm)(?:\s+(?:một|01|1)\s+lần)?/iu,
  /(?:định kỳ\s+)?h[àằ]ng\s+(?:năm|quý|tháng)/giu,
  // "Thường xuyên kiểm tra …", "Định kỳ tổng hợp, báo cáo …" opening a duty or a clause of it (not "chi thường
  // xuyên", "giáo dục thường xuyên", "báo cáo định kỳ", which name a kind of spending, schooling or report;
  // nor "bảo đảm hiệu quả, thường xuyên, liên tục", a quality), before the verb it qualifies.
  /(?<=^|[,;:]\s{0,2})(?:thường xuyên|định kỳ(?:\s+hoặc\s+đột xuất)?)(?=\s+\p{Ll})/iu,
  // "… phối hợp với các đơn vị liên quan thường xuyên tổ chức kiểm tra": inside a sentence, right before its verb.
  /(?<=\p{Ll}\s)(?<!(?:chi|giáo dục|kinh phí|hoạt động|công việc|nhiệm vụ|được|một cách)\s)thường xuyên(?=\s+(?:tổ chức|kiểm tra|rà soát|theo dõi|cập nhật|tuyên truyền|phối hợp|báo cáo|giám sát|đôn đốc|thực hiện|triển khai)(?!\p{L}))/iu,
].map((re) => (re.global ? re : new RegExp(re.source, `${re.flags}g`)));
const RECURRENCE = DEADLINE_PATS.findIndex((re) => re.source.startsWith('(?:định kỳ\\s+)?h')); // "(định kỳ) hằng năm"

/**
 * The deadline a duty's words give. A date before `issued` (the document's own date) is a condition of the duty
 * ("đất sử dụng ổn định trước ngày 01/7/2004"), not its deadline, and is passed over.
 */
export function deadlineOf(text: string, issued: string | null = null): string | null {
  const past = (words: string) => {
    const end = issued ? deadlineRange(words, Number(issued.slice(0, 4)))?.end : null;
    return !!end && end < issued!;
  };
  for (const [i, re] of DEADLINE_PATS.entries()) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "kế hoạch hàng năm", "được phê duyệt hàng năm", "05 năm và hàng năm" qualify a noun or a past approval;
      // only a recurrence of the action itself ("Hàng năm, …", "bố trí vốn … hàng năm") is a deadline.
      if (
        i === RECURRENCE &&
        !/^định kỳ/iu.test(m[0]) &&
        /(?:kế hoạch|phê duyệt|duyệt|và|,)\s*$/iu.test(text.slice(Math.max(0, m.index - 30), m.index))
      )
        continue;
      if (past(m[0])) continue;
      return collapse(m[0]);
    }
  }
  return null;
}
