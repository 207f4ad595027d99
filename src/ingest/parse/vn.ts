// Small Vietnamese text helpers for the parser (pure).
import { provinces } from '../provinces.ts';

const PROVINCES = provinces().names();
const PROVINCE_ALIASES = provinces().aliases();

const MARKS = /[\u0300-\u036f]/g;

/**
 * Folds tones and case character by character, keeping the string length, so that an index found in the
 * folded text is valid in the original (NFC) text. "Sở Tài chính" → "so tai chinh".
 * Each UTF-16 unit is folded once (foldUnit) into a table; a text is then a table lookup per unit, written into a
 * buffer and turned into a string a chunk at a time, instead of a map lookup and a string concatenation per unit.
 */
export function foldKeep(s: string): string {
  const n = s.length;
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    const m = Math.min(CHUNK, n - i);
    for (let j = 0; j < m; j++) {
      const c = s.charCodeAt(i + j);
      let f = FOLDED[c]!;
      if (f === 0 && c !== 0) f = FOLDED[c] = foldUnit(c);
      BUF[j] = f;
    }
    out += String.fromCharCode.apply(null, BUF.subarray(0, m) as unknown as number[]);
  }
  return out;
}

/** Lower case, đ → d, marks dropped when one character is left; otherwise the unit unchanged (combining marks too). */
function foldUnit(code: number): number {
  const ch = String.fromCharCode(code);
  let f = ch.toLowerCase();
  if (f === 'đ') f = 'd';
  else f = f.normalize('NFD').replace(MARKS, '');
  return f.length === 1 ? f.charCodeAt(0) : code;
}

/** Folded unit by unit (0: not folded yet); ASCII filled in advance. */
const FOLDED = new Uint16Array(0x10000);
for (let c = 0; c < 128; c++) FOLDED[c] = c >= 65 && c <= 90 ? c + 32 : c;
const CHUNK = 4096;
const BUF = new Uint16Array(CHUNK);

export function isUpperText(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function startsLower(s: string): boolean {
  const c = s[0];
  return !!c && /\p{L}/u.test(c) && c !== c.toUpperCase();
}

const PROVINCE_BY_FOLD = new Map(
  [...PROVINCES.map((p): [string, string] => [p, p]), ...PROVINCE_ALIASES].map(([alias, p]) => [foldKeep(alias).replace(/\s+/g, ' '), p]),
);

/** The province named at the start of `s` ("cà mau, ngày…", "Thành phố Hồ Chí Minh, ngày…"), tone-insensitive. */
export function provinceAt(s: string): string | null {
  const f = foldKeep(s.slice(0, 60))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:thanh pho|tp\.?|tinh)\s+(?=\S)/, '');
  for (const [k, v] of PROVINCE_BY_FOLD) if (f === k || f.startsWith(k + ' ') || f.startsWith(k + ',') || f.startsWith(k + '.')) return v;
  return null;
}

/** Whether a line break falls inside a province's name: "… tỉnh Đồng" / "Nai chỉ đạo …", "… thành phố Hồ Chí" / "Minh". */
export function wrapsProvince(prev: string, line: string): boolean {
  const a = foldKeep(prev).trim().split(/\s+/).slice(-2);
  const b = foldKeep(line).trim().split(/\s+/).slice(0, 2);
  // "… Việt Nam" / "Định hướng …" is no "Nam Định": a name already whole before the break is not continued.
  if (a.join(' ') === 'viet nam' || PROVINCE_BY_FOLD.has(a.join(' ')) || PROVINCE_BY_FOLD.has(a[a.length - 1] ?? '')) return false;
  for (let i = 0; i < a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const name = [...a.slice(i), ...b.slice(0, j)].join(' ').replace(/[,.;:]+$/, '');
      if (PROVINCE_BY_FOLD.has(name)) return true;
    }
  return false;
}

/** The province named at any word of `s` ("… QĐ-UBND Thành phố Hồ Chí Minh" → "Hồ Chí Minh"), the first one. */
export function provinceWithin(s: string): string | null {
  for (const m of s.matchAll(/(?:^|[\s|])(?=\p{L})/gu)) {
    const p = provinceAt(s.slice(m.index + m[0].length));
    if (p) return p;
  }
  return null;
}

/** First "tỉnh X" / "thành phố X" in a text. */
export function findProvince(s: string): string | null {
  const f = foldKeep(s);
  const re = /\b(?:tinh|thanh pho|tp\.?)\s*/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const p = provinceAt(s.slice(m.index + m[0].length));
    if (p) return p;
  }
  return null;
}

const KEEP_UPPER = /^(CNTT|TT|TT&TT|CNTT-TT|ICT|UBND|HĐND|IT|VN|WAN|LAN|3G|4G|5G)$/;

/**
 * Turns an all-caps heading into normal sentence case, restoring province names and "Việt Nam" and the capital after
 * an opening quote: "VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN “ĐƯA VIỆT NAM …” NĂM 2014" → "Về việc phê duyệt đề án “Đưa Việt Nam …” năm 2014".
 */
export function sentenceCase(upper: string): string {
  let s = upper
    .split(/(\s+)/)
    .map((w) => (KEEP_UPPER.test(w.replace(/[^\p{L}\d&-]/gu, '')) ? w : w.toLowerCase()))
    .join('');
  for (const p of [...PROVINCES, 'Việt Nam']) {
    const lower = p.toLowerCase();
    let i = s.indexOf(lower);
    while (i >= 0) {
      s = s.slice(0, i) + p + s.slice(i + lower.length);
      i = s.indexOf(lower, i + p.length);
    }
  }
  s = s.replace(/([“"«(]\s*)(\p{Ll})/gu, (_m, q: string, c: string) => q + c.toUpperCase());
  return s.replace(/^(\P{L}*)(\p{Ll})/u, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

export function capitalizeFirst(s: string): string {
  return s.replace(/^(\P{L}*)(\p{Ll})/u, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
