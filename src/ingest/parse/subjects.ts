// The subject of a numeric target: what is measured. Vietnamese plans write targets in a few shapes:
//   "Tỷ lệ hộ gia đình có máy tính đạt 10-15%"            subject before a linking verb (đạt, là, khoảng)
//   "90% cán bộ, công chức … được đào tạo"                 value first: the measured group follows → "Tỷ lệ cán bộ …"
//   "Cung cấp 44% dịch vụ công mức độ 3 và 17% dịch vụ …"   a verb, then value-first objects, one per value
//   "Đài … duy trì 1 kênh truyền hình"                     a clause, then a count → "Số kênh truyền hình Đài … duy trì"
//   "- Ngân sách Trung ương: 60 tỷ đồng"                   label, colon, value
import type { IndicatorKind } from '../../core/types.ts';
import { capitalizeFirst, collapse } from './vn.ts';

export interface SubjectResult {
  subject: string;
  verb: string | null; // the verb governing a value-first list ("Cung cấp"), inherited by the next value
  valueFirst: boolean;
  synthetic: boolean; // only the unit's noun was available ("Số trang in")
}

export interface PrevValue {
  subject: string;
  verb: string | null;
  valueFirst: boolean;
  end: number;
}

// Linking words between a subject and its value ("… đạt khoảng", "… dự kiến là", "… có ít nhất").
const LINK_TAIL =
  /(?:^|\s)(?:(?:dự kiến\s+)?(?:là|đạt)(?:\s+được)?(?:\s+(?:từ|khoảng|trên|ít nhất|tối thiểu))?|khoảng|từ|trên|ít nhất|tối thiểu|có ít nhất|dự kiến)\s*$/iu;
// Time phrases and discourse markers that open a clause but are not part of what is measured.
const TIME_LEAD =
  /^(?:(?:(?:giai đoạn\s+)?(?:đến|trong|vào|tới)\s+)?năm\s+\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|trong đó|đồng thời|ngoài ra)\s*[,:]?\s*/iu;
const VERB_HEAD =
  /^(?:cung cấp|kết nối|ngầm hóa|cáp quang hóa|phát triển|duy trì|đạt|có|tiếp tục|thực hiện|xây dựng|đầu tư|hỗ trợ|đào tạo|bồi dưỡng|trang bị|lắp đặt|triển khai|nâng cấp|mở rộng|áp dụng|phủ sóng|tổ chức|phát sóng|tiếp sóng|hoàn thành|ít nhất|bảo đảm|đảm bảo)(?!\p{L})/iu;
const DROP_VERB = /^(?:đạt(?: được)?|có(?: ít nhất)?|ít nhất|là|dự kiến(?: là)?)$/iu;
const ADVERB_LEAD = /^(?:tiếp tục|thực hiện|từng bước|đẩy mạnh)\s+(?=\p{L})/iu;
const MEASURE = String.raw`(?:tỷ lệ|mật độ|tốc độ tăng trưởng|tốc độ|thời lượng|sản lượng|doanh thu|số lượng|tổng số|bán kính|năng lực)`;
const ENSURE_MEASURE = new RegExp(String.raw`(?:^|,\s*|\s)(?:đảm bảo|bảo đảm|nâng)\s+(${MEASURE}\s.*)$`, 'iu');
const HAS_MEASURE = new RegExp(String.raw`^(.{3,}?)\s+có\s+(${MEASURE}(?:\s.*)?)$`, 'iu');
// Where the noun phrase after a value-first target ends.
const AFTER_END =
  /[.;:](?!\d)|,\s+(?=[^,;]*?\s(?:đạt|là)\s)|,\s+(?=(?:có|trong đó|đồng thời)\s)|\s+và\s+(?=\d)|,\s+(?=\d)|\s+(?:để|nhằm|qua|thông qua|phục vụ|bảo đảm|đảm bảo)\s|\s+\(/iu;

function lowerFirst(s: string): string {
  const w = s.split(' ');
  // Keep proper names ("Đài Phát thanh …", "Khu Công nghệ …"): two capitalised words in a row.
  if (w.length > 1 && /^\p{Lu}/u.test(w[0] ?? '') && /^\p{Lu}/u.test(w[1] ?? '')) return s;
  return s.replace(/^(\P{L}*)(\p{Lu})/u, (_m, p: string, c: string) => p + c.toLowerCase());
}

function clip(s: string, max = 140): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;(]+$/, '');
}

function stripLead(s: string): string {
  let t = collapse(s)
    .replace(/^[\s,;:.\-–+)]+/, '')
    .replace(/^(?:và|hoặc)\s+/iu, '');
  for (let i = 0; i < 3; i++) {
    const m = TIME_LEAD.exec(t);
    if (!m || m[0] === '') break;
    t = t.slice(m[0].length);
  }
  return t.replace(/^\(\s*/, '').replace(/[\s,;(]+$/, '');
}

function isTimeOnly(s: string): boolean {
  return s === '' || (TIME_LEAD.test(s) && stripLead(s) === '');
}

export function unitNoun(unit: string): string {
  return unit.replace(/^(?:nghìn tỷ|tỷ|triệu|nghìn)\s+/u, '');
}

/** The noun phrase right after a value ("44% dịch vụ công mức độ 3 và …" → "dịch vụ công mức độ 3"). */
function nounAfter(sentence: string, end: number): string {
  const rest = sentence.slice(end, end + 400);
  if (/^\s*[,;.]/.test(rest)) return '';
  const m = AFTER_END.exec(rest);
  const np = collapse(m ? rest.slice(0, m.index) : rest).replace(/^(?:các|những|tổng)\s+/iu, '');
  return clip(np.replace(/[\s,]+$/, ''));
}

function valueFirst(sentence: string, end: number, verb: string | null, unit: string, kind: IndicatorKind): SubjectResult {
  const noun = nounAfter(sentence, end);
  let v = verb ? collapse(verb).replace(ADVERB_LEAD, '') : '';
  if (DROP_VERB.test(v)) v = '';
  const prep = /\s+(?:cho|đến|tới|trong|tại)$/iu.exec(v);
  if (prep) v = v.slice(0, prep.index);
  const lv = v ? lowerFirst(v) : '';
  let subject = '';
  let synthetic = false;
  if (kind === 'percent') subject = noun ? `Tỷ lệ ${lowerFirst(noun)}${lv ? ` được ${lv}` : ''}` : lv;
  else if (kind === 'count') {
    const n = unitNoun(unit);
    if (!noun && !lv) synthetic = true;
    subject = prep ? `Số ${n}${noun ? ` ${noun}` : ''} được ${lv}` : `Số ${n}${lv ? ` ${lv}` : ''}${noun ? ` ${noun}` : ''}`;
  } else subject = collapse(`${lv} ${noun}`);
  return { subject: capitalizeFirst(collapse(subject)), verb, valueFirst: true, synthetic };
}

/** Where a value stands in its sentence and what came before it, for `subjectOf`. */
export interface ValueAt {
  /** The value's span [start, end) in the sentence. */
  start: number;
  end: number;
  /** Where the previous value of the sentence ended (0 for the first), and that value's result. */
  prevEnd: number;
  prev: PrevValue | null;
  unit: string;
  kind: IndicatorKind;
  /** The subject a parenthesised breakdown belongs to. */
  parenOwner: string | null;
  /** The word just before the value ("đạt"). */
  preWord?: string;
}

/** The subject of the value at `v` in `sentence`. */
export function subjectOf(sentence: string, v: ValueAt): SubjectResult {
  const { start, end, prevEnd, prev, unit, kind, parenOwner, preWord = '' } = v;
  let span = sentence.slice(prevEnd, start);
  span = span.slice(span.lastIndexOf(';') + 1);
  const segs = span.split(':');
  const rawHead = segs[segs.length - 1] ?? '';
  const preColon =
    segs.length > 1
      ? stripLead(segs[segs.length - 2] ?? '')
          .replace(LINK_TAIL, '')
          .trim()
      : '';
  let head = stripLead(rawHead);
  const link = LINK_TAIL.exec(head);
  const linked = !!link || /^đạt$/iu.test(preWord.trim());
  if (link) head = head.slice(0, link.index).trim();
  const plain = (s: string): SubjectResult => ({
    subject: capitalizeFirst(clip(collapse(s))),
    verb: null,
    valueFirst: false,
    synthetic: false,
  });

  if (head === '' || DROP_VERB.test(head) || (VERB_HEAD.test(head) && head.split(' ').length <= 2 && !linked && preColon)) {
    if (preColon && !isTimeOnly(preColon)) {
      const label = head && !DROP_VERB.test(head) ? `${preColon} ${lowerFirst(head)}` : preColon;
      return plain(parenOwner ? `${parenOwner}: ${lowerFirst(label)}` : label);
    }
    // "…, 18 triệu văn hóa phẩm": another value of the same list.
    if (head === '' && prev && /^[\s,]*(?:và\s*)?$/u.test(rawHead)) {
      return prev.valueFirst ? valueFirst(sentence, end, prev.verb, unit, kind) : { ...prev, synthetic: false };
    }
    return valueFirst(sentence, end, head || null, unit, kind);
  }
  // "44% dịch vụ công mức độ 3 và 17% …": the words before belong to the previous value.
  if (prev?.valueFirst && /(?:,|\svà)\s*$/u.test(rawHead)) return valueFirst(sentence, end, prev.verb, unit, kind);
  const ensure = ENSURE_MEASURE.exec(head);
  if (ensure) head = ensure[1] as string;
  else if (!linked && VERB_HEAD.test(head)) {
    // A rate after a clause: "…, đảm bảo trung bình có 25 máy tính/phòng" is measured on the clause's object.
    if (kind === 'ratio') head = head.replace(/,\s*(?:đảm bảo|bảo đảm)\s.*$/iu, '');
    return valueFirst(sentence, end, head, unit, kind);
  }
  // "kinh tế số chiếm 20% GRDP" measures a share: "Tỷ trọng kinh tế số trong GRDP".
  const share = /^(.+?)\s+chiếm(?:\s+(?:khoảng|tỷ trọng))?$/iu.exec(head);
  if (share && kind === 'percent') {
    const noun = nounAfter(sentence, end);
    return plain(`Tỷ trọng ${lowerFirst(share[1] as string)}${noun ? ` trong ${noun}` : ''}`);
  }
  const has = HAS_MEASURE.exec(head);
  if (has) head = `${has[2] as string} ${lowerFirst(has[1] as string)}`;
  if (!linked && kind === 'count' && !ensure) {
    // A clause ending in a verb, then a count: "Mỗi quận xây dựng thêm 01 - 02 trung tâm sách".
    const noun = nounAfter(sentence, end);
    return plain(`Số ${unitNoun(unit)}${noun ? ` ${noun}` : ''} ${lowerFirst(head)}`);
  }
  return plain(head);
}
