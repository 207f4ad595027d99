// A deadline as written ("Quý II/2026", "trước ngày 30/6/2026", "2026-2030", "hằng năm") read into a date range.
// The words stay the truth; the range lets the bot sort and filter ("nhiệm vụ sắp đến hạn"). Recurring and relative
// deadlines ("hằng năm", "trong 07 ngày làm việc kể từ …") have no range and say which they are.

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
  m = /(?:^|\D)((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)/u.exec(w);
  if (m) return { start: iso(Number(m[1]), 1, 1), end: iso(Number(m[2]), 12, 31), recurring: false };
  m = /(?:trước|chậm nhất|hạn|ngày)\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?![\d/])/u.exec(w);
  if (m && year) {
    const d = date(Number(m[1]), Number(m[2]), year);
    return d ? { start: null, end: d, recurring: /h[àằ]ng năm/u.test(w) } : null;
  }
  m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/u.exec(w);
  if (m) {
    const y = Number(m[1]);
    const open = /các năm tiếp theo|trở đi|hằng năm tiếp theo/u.test(w);
    return { start: before ? null : iso(y, 1, 1), end: open ? null : iso(y, 12, 31), recurring: false };
  }
  return null;
}
