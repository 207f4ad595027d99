// Vietnamese normalisation shared by the index and the query side: fold tones, đ → d, expand abbreviations.
import { fold } from '../core/text.ts';
import { ROMAN_PATTERN, romanValue } from './roman.ts';

/**
 * Abbreviations written in directives and typed by officials, as folded text → folded long form.
 * Both sides are rewritten to the long form, so "CNTT" finds "công nghệ thông tin" and the reverse.
 * Longer keys first (applied in this order), so "cntt&tt" wins over "cntt".
 */
const ABBREVIATIONS: [string, string][] = [
  ['cntt&tt', 'cong nghe thong tin va truyen thong'],
  ['cntt-tt', 'cong nghe thong tin va truyen thong'],
  ['cbccvc', 'can bo cong chuc vien chuc'],
  ['stttt', 'so thong tin va truyen thong'],
  ['tt&tt', 'thong tin va truyen thong'],
  ['tt va tt', 'thong tin va truyen thong'],
  ['tttt', 'thong tin va truyen thong'],
  ['kh&dt', 'ke hoach va dau tu'],
  ['kh va dt', 'ke hoach va dau tu'],
  ['khdt', 'ke hoach va dau tu'],
  ['skhdt', 'so ke hoach va dau tu'],
  ['gd&dt', 'giao duc va dao tao'],
  ['gd va dt', 'giao duc va dao tao'],
  ['gddt', 'giao duc va dao tao'],
  ['kh&cn', 'khoa hoc va cong nghe'],
  ['khcn', 'khoa hoc va cong nghe'],
  ['ld-tb&xh', 'lao dong thuong binh va xa hoi'],
  ['ldtbxh', 'lao dong thuong binh va xa hoi'],
  ['tn&mt', 'tai nguyen va moi truong'],
  ['tnmt', 'tai nguyen va moi truong'],
  ['vh-tt&dl', 'van hoa the thao va du lich'],
  ['vhttdl', 'van hoa the thao va du lich'],
  ['qlvb&dh', 'quan ly van ban va dieu hanh'],
  ['qlvbdh', 'quan ly van ban va dieu hanh'],
  ['qlvb', 'quan ly van ban'],
  ['ttpvhcc', 'trung tam phuc vu hanh chinh cong'],
  ['kstthc', 'kiem soat thu tuc hanh chinh'],
  ['ctmtqg', 'chuong trinh muc tieu quoc gia'],
  ['mtqg', 'muc tieu quoc gia'],
  ['nn&ptnt', 'nong nghiep va phat trien nong thon'],
  ['nnptnt', 'nong nghiep va phat trien nong thon'],
  ['ptnt', 'phat trien nong thon'],
  ['kt-xh', 'kinh te xa hoi'],
  ['ktxh', 'kinh te xa hoi'],
  ['cntt', 'cong nghe thong tin'],
  ['nsnn', 'ngan sach nha nuoc'],
  ['dbqh', 'dai bieu quoc hoi'],
  ['qh', 'quoc hoi'],
  ['vpcp', 'van phong chinh phu'],
  ['bhxh', 'bao hiem xa hoi'],
  ['bhyt', 'bao hiem y te'],
  ['gtvt', 'giao thong van tai'],
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['ubmttq', 'uy ban mat tran to quoc'],
  ['mttq', 'mat tran to quoc'],
  ['ccvc', 'cong chuc vien chuc'],
  ['cbcc', 'can bo cong chuc'],
  ['bcvt', 'buu chinh vien thong'],
  ['csdl', 'co so du lieu'],
  ['cpdt', 'chinh phu dien tu'],
  ['cqdt', 'chinh quyen dien tu'],
  ['ttdt', 'thong tin dien tu'],
  ['tmdt', 'thuong mai dien tu'],
  ['dvc', 'dich vu cong'],
  ['dvctt', 'dich vu cong truc tuyen'],
  ['attt', 'an toan thong tin'],
  ['tp', 'thanh pho'],
  ['kh', 'ke hoach'],
  ['qd', 'quyet dinh'],
  ['cnh-hdh', 'cong nghiep hoa hien dai hoa'],
  ['cds', 'chuyen doi so'],
  ['kcn', 'khu cong nghiep'],
  ['bql', 'ban quan ly'],
  ['dc', 'duoc'],
  ['nn&mt', 'nong nghiep va moi truong'],
  ['nnmt', 'nong nghiep va moi truong'],
  ['tthc', 'thu tuc hanh chinh'],
  ['cchc', 'cai cach hanh chinh'],
  ['ntts', 'nuoi trong thuy san'],
  ['gdmn', 'giao duc mam non'],
  ['pccc', 'phong chay chua chay'],
  ['htx', 'hop tac xa'],
  ['vb', 'van ban'],
  ['bvtv', 'bao ve thuc vat'],
  ['atgt', 'an toan giao thong'],
  ['bv', 'benh vien'],
];

const ABBR_RE = new RegExp(
  `(^|[^a-z0-9&-])(${ABBREVIATIONS.map(([k]) => k.replace(/[&-]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?=$|[^a-z0-9&-])`,
  'g',
);
const ABBR_MAP = new Map(ABBREVIATIONS.map(([k, v]) => [k, v]));

/**
 * A roman numeral after the words that number a term or a congress ("khóa XVI", "Đại hội XIV", "lần thứ XIV", "kỳ
 * họp thứ 10"), 1–49, read as its figure on both sides: "bầu cử QH khóa 16" finds "khóa XVI". Other roman numerals
 * (a part "II", an appendix "Phụ lục I") stay what they are.
 */
const ROMAN_AFTER = new RegExp(
  `\\b(khoa|dai hoi|lan thu|ky hop thu|ky hop|hoi nghi trung uong)\\s+(${ROMAN_PATTERN})\\b(?=\\s|$|[^a-z0-9])`,
  'g',
);

/** Tone-folded, lowercased text with abbreviations expanded and "&" read as "và". Punctuation becomes spaces. */
export function normalizeText(s: string): string {
  // "cửa" folds to "cua", the stop word "của": it keeps a token of its own ("một cửa", "cửa khẩu"), also when typed
  // without diacritics in the phrases it makes (not "cua so": typed bare, "của sở" is far likelier than "cửa sổ").
  let t = fold(s.replace(/(?<!\p{L})([cC])ửa(?!\p{L})/gu, '$1uaa'))
    .replace(/\s*&\s*/g, '&')
    .replace(/\b(mot) cua\b/g, '$1 cuaa')
    .replace(/\bcua (hang|khau|ngo|ra vao)\b/g, 'cuaa $1');
  t = t.replace(ABBR_RE, (_m, pre: string, abbr: string) => `${pre} ${ABBR_MAP.get(abbr.replace(/\s+/g, ' ')) ?? abbr} `);
  t = t.replace(ROMAN_AFTER, (_m, head: string, roman: string) => `${head} ${String(romanValue(roman))}`);
  return t
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words too common to carry meaning in a query or a passage. */
export const STOPWORDS = new Set(
  'va cac cua trong cho voi de la tren nhung mot duoc tai theo ve co nay do khi thi ma nhu tu den hoac cung da se dang nham'.split(' '),
);

/** Normalised tokens, optionally without stop words. */
export function tokens(s: string, dropStop = false): string[] {
  const t = normalizeText(s).split(' ').filter(Boolean);
  return dropStop ? t.filter((w) => !STOPWORDS.has(w)) : t;
}

/** Compact key of a document number: "3933/QĐ-UBND", "3933/qd-ubnd", "3933 QD UBND" → "3933qdubnd". */
export function numberKey(s: string): string {
  return fold(s).replace(/[^a-z0-9]/g, '');
}

/** Compact key of an agency or a place name for loose matching ("Sở Kế hoạch Đầu tư" ≡ "Sở KH&ĐT"). */
export function nameKey(s: string): string {
  return normalizeText(s)
    .split(' ')
    .filter((w) => w && w !== 'va')
    .join(' ');
}

/** Province slug used in agency keys: "Cần Thơ" → "can-tho". */
export function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
