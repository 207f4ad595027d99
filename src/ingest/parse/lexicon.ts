// The words directives use to name a party by its role rather than by its name, as data: which nouns name a body or a
// person by role, which phrases give it a duty, which verbs a committee's head acts with, and which words end a role
// phrase. The parser's patterns for them (owners.ts: ROLE_BODY, ROLE_DUTY, HEAD_ACTS; partners.ts: ROLE_PARTNER) are
// built here from these lists by named functions, so a new role word is one line in one list.

/** A word that counts only when none of `notBefore` follows it ("cơ quan", but not "cơ quan chủ trì"). */
export interface Term {
  word: string;
  notBefore?: readonly string[];
}
type Entry = string | Term;

/**
 * Nouns of a body or person named by role at the head of a "Trách nhiệm của …" article ("… của cơ quan có chức năng
 * quản lý đất đai cấp xã", "… của văn thư cơ quan", "… của Trưởng Ban Chỉ đạo"); any case.
 */
export const HEADING_ROLES: readonly string[] = [
  'cơ quan',
  'đơn vị',
  'tổ chức',
  'bộ phận',
  'phòng',
  'ban',
  'văn phòng',
  'trung tâm',
  'hội đồng',
  'tổ',
  'chi nhánh',
  'chủ đầu tư',
  'doanh nghiệp',
  'nhà đầu tư',
  'nhà thầu',
  'người',
  'cán bộ',
  'công chức',
  'văn thư',
  'thủ trưởng',
  'lãnh đạo',
  'trưởng ban',
  'phó trưởng ban',
  'ủy viên',
  'uỷ viên',
  'thành viên',
];

/**
 * Nouns of a body or person that a sentence gives a duty ("Đơn vị thoát nước có trách nhiệm …", "Chủ đầu tư phải …");
 * "cơ quan chủ trì / phối hợp" of a coordination rule name no one.
 */
export const DUTY_ROLES: readonly Entry[] = [
  'đơn vị',
  { word: 'cơ quan', notBefore: ['chủ trì', 'phối hợp'] },
  'chủ đầu tư',
  'nhà đầu tư',
  'người đứng đầu',
  'bộ phận',
  'nhà thầu',
  'chủ sở hữu',
  'chủ quản lý',
  'quỹ',
  'thành viên',
  'trưởng ban',
  'phó trưởng ban',
  'ủy viên',
  // national decrees' procedures: "Cấp có thẩm quyền xử lý kỷ luật phải …", "Hội đồng kỷ luật có nhiệm vụ …"
  'cấp có thẩm quyền',
  'hội đồng',
  'người chủ trì',
];

/** Words that end a duty sentence's role phrase: a clause begins ("… khi", "… theo", "… phối hợp"). */
export const DUTY_ROLE_ENDS: readonly string[] = ['phối hợp', 'ngay', 'sau', 'khi', 'không', 'theo', 'thì', 'nếu', 'để'];

/**
 * Phrases that give the role its duty. "phải là / có năng lực / có trình độ / có kinh nghiệm / đáp ứng" state a
 * qualification ("Các thành viên Hội đồng phải là …"), not a duty.
 */
export const DUTY_PHRASES: readonly Entry[] = [
  'có trách nhiệm',
  'chịu trách nhiệm',
  { word: 'phải', notBefore: ['là', 'có năng lực', 'có trình độ', 'có kinh nghiệm', 'đáp ứng'] },
  ...['', 'các ', 'những '].flatMap((q) => [`có ${q}nghĩa vụ`, `có ${q}nhiệm vụ`]),
];

/** Verbs a committee's or council's head acts with ("Trưởng Ban Chỉ đạo quyết định …", "Chủ tịch Hội đồng triệu tập …"). */
export const HEAD_VERBS: readonly string[] = ['quyết định', 'chủ trì', 'điều hành', 'chỉ đạo', 'phân công', 'ký', 'triệu tập'];

/** Nouns of a partner named by role, in lower case ("đơn vị điện lực", "chủ đầu tư công trình", "lực lượng chức năng"). */
export const PARTNER_ROLES: readonly string[] = [
  'cơ quan',
  'đơn vị',
  'lực lượng',
  'chủ đầu tư',
  'nhà đầu tư',
  'nhà thầu',
  'chính quyền địa phương',
];

/** Words that end a partner's role phrase: a link word, or the verb of what it does. */
export const PARTNER_ROLE_ENDS: readonly string[] = [
  ...['và', 'hoặc', 'để', 'nhằm', 'trong', 'theo', 'tại', 'về', 'khi', 'có', 'được', 'trên', 'của', 'cho'],
  ...['thực hiện', 'triển khai', 'tổ chức', 'kiểm tra', 'lập', 'xử lý', 'giải quyết', 'quản lý', 'rà soát', 'xây dựng'],
  ...['cung cấp', 'tham mưu', 'đề xuất', 'báo cáo', 'thẩm định', 'giám sát', 'bảo đảm', 'đảm bảo', 'điều tra'],
  ...['định kỳ', 'thường xuyên', 'kịp thời', 'phát hiện', 'ngăn chặn', 'chặt chẽ', 'tiến hành'],
];

// ---- patterns built from the lists ----

/** Not followed by a letter: the word ends here ("ký" but not "ký hiệu"). */
const END = '(?!\\p{L})';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word whose every syllable may start with either case ("Trưởng Ban", "trưởng ban"), spaces as written. */
function anyCaseStart(word: string): string {
  return word
    .split(' ')
    .map((w) => {
      const [first, rest] = [w[0]!, escape(w.slice(1))];
      const up = first.toUpperCase();
      return up === first.toLowerCase() ? escape(first) + rest : `[${up}${first.toLowerCase()}]${rest}`;
    })
    .join(' ');
}

/** The alternation of entries, each through `form`, with its own "not followed by" words. */
function alternation(entries: readonly Entry[], form: (w: string) => string = escape): string {
  return entries
    .map((e) => {
      const t = typeof e === 'string' ? { word: e } : e;
      const not = t.notBefore?.length ? `(?!\\s+(?:${t.notBefore.map(escape).join('|')})${END})` : '';
      return form(t.word) + not;
    })
    .join('|');
}

/** "Trách nhiệm của <role> …": the heading names a body or person by role (a letter follows the role noun). */
export const roleHeading = (): RegExp => new RegExp(`^(?:${alternation(HEADING_ROLES)})[\\s,]+\\p{L}`, 'iu');

/**
 * "<role …> có trách nhiệm / phải / có nghĩa vụ …" at the start of a sentence; group 1 is the role phrase (the role
 * noun and up to 12 words, none of them DUTY_ROLE_ENDS, no punctuation).
 */
export function roleDuty(): RegExp {
  const words = `(?:\\s+(?!(?:${DUTY_ROLE_ENDS.map(escape).join('|')})${END})[^\\s,;.:()]+){0,12}?`;
  const duty = alternation(DUTY_PHRASES);
  return new RegExp(`^\\s*((?:[Cc]ác\\s+)?(?:${alternation(DUTY_ROLES, anyCaseStart)})${words})\\s+(?:${duty})${END}`, 'u');
}

/** "(Phó) Trưởng Ban … / Chủ tịch Hội đồng … / Ủy viên thường trực … <HEAD_VERBS>"; group 1 is who acts. */
export function headActs(): RegExp {
  const who =
    '(?:Phó\\s+)?(?:Trưởng\\s+Ban|Chủ tịch\\s+Hội đồng)(?:\\s+[^\\s,;.:()]+){0,5}?|Ủy viên\\s+[Tt]hường trực(?:\\s+[^\\s,;.:()]+){0,5}?';
  return new RegExp(`^\\s*(${who})\\s+(?:${HEAD_VERBS.map(escape).join('|')})${END}`, 'u');
}

/** "(các) <partner role> <up to 6 words, none of PARTNER_ROLE_ENDS>": group 1 the role noun, group 2 the rest. */
export function rolePartner(): RegExp {
  const ends = PARTNER_ROLE_ENDS.map(escape).join('|');
  return new RegExp(`^(?:các\\s+)?(${PARTNER_ROLES.map(escape).join('|')})((?:\\s+(?!(?:${ends})${END})[^\\s,;.:()]+){0,6})`, 'u');
}
