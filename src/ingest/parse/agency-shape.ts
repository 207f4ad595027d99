// Agencies recognised by the shape of their name, not by the registry: "Văn phòng đăng ký đất đai",
// "Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Ngân hàng Nhà nước Khu vực 10", "Thuế tỉnh Nghệ An".
// A name starts with a head noun of a body and runs on until a word that cannot belong to a name (a verb or
// function word written in lower case), a punctuation mark, or "và"/"," followed by the head of another body.
// The vocabulary is data: heads, words that end a name, and heads that need a capitalised word after them.

/** Folded head nouns of bodies, longest first when tried. "specific" heads need a name after them. */
const HEADS = [
  'ban quản lý',
  'ban chỉ đạo',
  'ban chỉ huy',
  'ban dân tộc',
  'ban',
  'sở',
  'bộ chỉ huy quân sự',
  'bộ chỉ huy bộ đội biên phòng',
  'bộ chỉ huy',
  'bộ',
  'công an',
  'thuế',
  'kho bạc nhà nước',
  'ngân hàng nhà nước',
  'ngân hàng chính sách xã hội',
  'ngân hàng',
  'bảo hiểm xã hội',
  // the 2025 mergers of a province's newspaper and radio-television station: "Báo và Phát thanh, Truyền hình Cần Thơ"
  'báo và phát thanh, truyền hình',
  'báo',
  'đài phát thanh',
  'đài',
  'trung tâm',
  'văn phòng',
  'chi cục',
  'cục',
  'hải quan',
  'chi nhánh',
  'ủy ban nhân dân',
  'uỷ ban nhân dân',
  'ubnd',
  'hội đồng nhân dân',
  'hđnd',
  'ủy ban mặt trận tổ quốc',
  'uỷ ban mặt trận tổ quốc',
  'ủy ban mttq',
  'mặt trận tổ quốc',
  'tập đoàn',
  'tổng công ty',
  'công ty',
  'liên minh hợp tác xã',
  'liên đoàn lao động',
  'liên đoàn',
  'hội liên hiệp',
  'liên hiệp các hội',
  'hội',
  'tỉnh đoàn',
  'thành đoàn',
  'đoàn thanh niên',
  'viện kiểm sát',
  'viện',
  'tòa án',
  'toà án',
  'thanh tra',
  'bệnh viện',
  'trường',
  'phòng',
  'quỹ',
  'thi hành án',
  'tỉnh ủy',
  'tỉnh uỷ',
  'thành ủy',
  'thành uỷ',
  'đảng ủy',
  'đảng uỷ',
  'vườn quốc gia',
  'cảng vụ',
  'kiểm toán nhà nước',
].sort((a, b) => b.length - a.length);

// Heads that are ordinary words too: a name follows only when the next word is capitalised ("Ban Tuyên giáo",
// not "ban hành"; "Hội Nông dân", not "hội nghị"; "Phòng Kinh tế", not "phòng chống").
const NEEDS_CAPITAL = new Set([
  'ban',
  'sở',
  'bộ',
  'báo',
  'đài',
  'hội',
  'viện',
  'trường',
  'phòng',
  'quỹ',
  'cục',
  'chi nhánh',
  'thuế',
  'công ty',
]);

// Lower-case words that end a name: verbs of duty, function words, qualifiers of a clause. Compared with their
// tones (folded, "đăng" of "đăng ký" and "đang" would be one word).
const STOP = new Set(
  (
    'chủ trì|phối hợp|có|chịu|thực hiện|tham mưu|xây dựng|triển khai|hướng dẫn|tổ chức|theo dõi|kiểm tra|tổng hợp|' +
    'báo cáo|cung cấp|đề xuất|trình|lập|gửi|ban hành|là|được|không|phải|cần|sẽ|đã|đang|tiếp nhận|giải quyết|rà soát|' +
    'bố trí|đảm bảo|bảo đảm|nghiên cứu|chỉ đạo|quản lý|theo|trong|về|để|nhằm|với|cho|tại|của|thuộc|trên|khi|nếu|thì|' +
    'và các|hoặc|cùng|như|sau|trước|từ|đến|đối với|trách nhiệm|làm|tiếp tục|đẩy mạnh|ưu tiên|phân công|giao|yêu cầu|' +
    'đề nghị|tuyên truyền|căn cứ|phát hiện|xử lý|thông báo|tham gia|hỗ trợ|năm|ngày|tháng|quý|gồm|bao gồm|ở|do|bởi|' +
    'này|xác định|điều hành|phân cấp|ủy quyền|thẩm định|phê duyệt|quyết định|thống nhất|điều chỉnh|bổ sung|' +
    'sửa đổi|thực thi|vận hành|khai thác|cập nhật|kết nối|chia sẻ|đồng thời|kịp thời|thường xuyên|khẩn trương|' +
    'chủ động|tích cực|nghiêm túc|tập trung|quan tâm|chuẩn bị|dự thảo|xem xét|đánh giá|sơ kết|tổng kết|phối kết hợp|' +
    'được giao|làm đầu mối|là cơ quan|mà|nên|vì|rồi|đó|kể cả|trừ|bằng|qua|thông qua|gắn với|liên quan|có liên quan|' +
    'tiếp|phụ trách|cấp phép|cấp giấy|chấp thuận|công bố|niêm yết|tiếp công dân|đôn đốc|giám sát|thanh tra|tiến hành|thẩm tra|phổ biến|vận động|tập huấn|bồi dưỡng|định kỳ|đột xuất|ra'
  ).split('|'),
);
// After ",": lower-case words that continue a list-like name ("Ủy ban nhân dân các xã, phường").
const LIST_TAIL = new Set(['phường', 'xã', 'thị trấn', 'đặc khu', 'ngành', 'huyện', 'thị xã', 'đoàn thể']);
const MAX_WORDS = 20;

export interface ShapeMatch {
  end: number; // index in the original text where the name ends
  words: number;
}

const WORD = /[\p{L}\p{N}&]+(?:[-./][\p{L}\p{N}]+)*/uy;

/** The head noun of a body at `pos` (compared with its tones, lower-cased), or null. */
function headAt(text: string, pos: number): string | null {
  const low = text.slice(pos, pos + 40).toLowerCase();
  for (const h of HEADS) {
    if (!low.startsWith(h)) continue;
    const next = low[h.length];
    if (next === undefined || !/[\p{L}\p{N}]/u.test(next)) return h;
  }
  return null;
}

/**
 * The agency name starting at `pos` of `text` (original) / `folded` (foldKeep of it, same length), recognised by
 * shape; null when the words there do not make a body's name.
 */
export function shapeAt(text: string, folded: string, pos: number): ShapeMatch | null {
  // "cơ quan Thuế", "cơ quan Thi hành án dân sự", "lực lượng Công an": a lower-case kind before a capitalised name.
  const co = /^(?:[Cc]ơ quan|lực lượng)\s+(?=\p{Lu})/u.exec(text.slice(pos, pos + 14));
  if (co) {
    const inner = shapeAt(text, folded, pos + co[0].length) ?? capitalRun(text, pos + co[0].length);
    return inner ? { end: inner.end, words: inner.words + 2 } : null;
  }
  const head = headAt(text, pos);
  if (!head) return null;
  if (!/^\p{Lu}/u.test(text.slice(pos, pos + 1))) return null; // a name is capitalised: "Sở", "Ban", "Thuế"
  let p = pos + head.length;
  let words = head.split(' ').length;
  let lastEnd = p;
  let named = false; // at least one word after the head
  const headWordsOnly = () => !named;
  for (;;) {
    const ws = /^[ \t]*/.exec(text.slice(p, p + 10))?.[0].length ?? 0;
    let q = p + ws;
    const ch = text[q];
    if (ch === undefined) break;
    // Separators: "," and "và" continue the name only before a capitalised word that is not another body's head.
    let joiner = '';
    if (ch === ',' || ch === '-' || ch === '–') {
      joiner = ch;
      q += 1 + (/^\s*/.exec(text.slice(q + 1, q + 5))?.[0].length ?? 0);
    } else if (folded.startsWith('va ', q)) {
      joiner = 'va';
      q += 3;
    }
    WORD.lastIndex = q;
    const m = WORD.exec(text);
    if (!m || m.index !== q) break;
    const w = m[0];
    const fw = folded.slice(q, q + w.length);
    const capital = /^[\p{Lu}\d]/u.test(w);
    const lw = text.slice(q, q + 40).toLowerCase();
    if (joiner) {
      if (joiner === ',' && !capital && [...LIST_TAIL].some((t) => lw.startsWith(t) && !/\p{L}/u.test(lw[t.length] ?? ''))) {
        p = q + w.length;
        lastEnd = p;
        continue;
      }
      // "… các khu công nghệ cao và khu công nghiệp": "và" repeating a word of the name stays inside it.
      const repeats =
        joiner === 'va' && !capital && new RegExp(`(?:^|\\s)${w.toLowerCase()}(?:\\s|$)`, 'u').test(text.slice(pos, p).toLowerCase());
      if (repeats) {
        p = q + w.length;
        lastEnd = p;
        continue;
      }
      if (!capital || (headAt(text, q) && joiner !== '-' && joiner !== '–') || !named) break; // "Văn phòng HĐND - UBND cấp xã" is one office
      if (joiner === '-' && !/^\p{Lu}/u.test(w)) break;
    } else {
      if (NEEDS_CAPITAL.has(head) && headWordsOnly() && !capital) return null;
      if (!capital) {
        const parts = (lw.match(/^[\p{L}]+(?: [\p{L}]+)?(?: [\p{L}]+)?/u)?.[0] ?? w).split(' ');
        const stop = [3, 2, 1].some((n) => parts.length >= n && STOP.has(parts.slice(0, n).join(' ')));
        if (stop) break;
      } else if (named && headAt(text, q) && !/^(?:tinh|thanh pho|xa|phuong)\b/.test(fw)) break; // "Sở Tài chính Sở Nội vụ"
    }
    p = q + w.length;
    lastEnd = p;
    named = true;
    if (++words > MAX_WORDS) break;
  }
  if (!named && NEEDS_CAPITAL.has(head)) return null;
  return { end: lastEnd, words };
}

/** A run of capitalised words ("Thi hành án", "Điều tra"), for names after a lower-case "cơ quan". */
function capitalRun(text: string, pos: number): ShapeMatch | null {
  const m = /^\p{Lu}[\p{L}]*(?:\s+[\p{L}]+){0,4}/u.exec(text.slice(pos, pos + 60));
  if (!m) return null;
  const words = m[0].split(/\s+/);
  const keep: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const low = words.slice(i, i + 3).map((x) => x.toLowerCase());
    const stop = [3, 2, 1].some((n) => low.length >= n && STOP.has(low.slice(0, n).join(' ')));
    if (keep.length && (stop || /^(?:và|các|hoặc|cùng)$/u.test(w))) break;
    keep.push(w);
  }
  const s = keep.join(' ');
  return { end: pos + s.length, words: keep.length };
}
