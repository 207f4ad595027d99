// Reads figures the way Vietnamese officials type them: "85,5", "85,5 %", "1.728", "1.728.000", "2 tỷ",
// "1,2 triệu", "500 nghìn", "không", "khoảng 80". Pure: the form engine decides what to do with the verdict.
import { formatNumber, lexNumber, type LexedNumber } from '../core/locale.ts';
import { excerpt, fold } from '../core/text.ts';
import { wordsToDigits } from './number-words.ts';
import { FIGURE_TEXT } from './figure-text.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import type { ValueKind } from '../core/types.ts';

export { formatNumber, lexNumber } from '../core/locale.ts';

export type { ValueKind } from '../core/types.ts';

export interface FigureSpec {
  valueKind: ValueKind;
  unit?: string | null; // "%", "doanh nghiệp", "triệu đồng", "thuê bao/100 dân"
  min?: number | null;
  max?: number | null;
}

export type FigureReason = 'empty' | 'invalid' | 'range' | 'ambiguous' | 'unit' | 'bounds' | 'integer' | 'negative';

export type FigureParse =
  | { ok: true; value: number; approx: boolean; qualifier?: string }
  | { ok: false; reason: FigureReason; message: string; candidates?: number[] };

// "khoảng 80", "trên 60", "gần 1.000": the number is taken as an estimate, its qualifier kept for the note.
const APPROX = /^(khoang chung|khoang|xap xi|uoc tinh|uoc|tam|chung|gan|tren|hon|duoi|non|~)\s*/;
const QUALIFIER: Record<string, string> = {
  'khoang chung': 'khoảng',
  khoang: 'khoảng',
  'xap xi': 'xấp xỉ',
  'uoc tinh': 'ước tính',
  uoc: 'ước tính',
  tam: 'khoảng',
  chung: 'khoảng',
  gan: 'gần',
  tren: 'trên',
  hon: 'hơn',
  duoi: 'dưới',
  non: 'gần',
  '~': 'khoảng',
};
// "đạt 70%", "là 46", "được 12": a verb before the figure, as in "đang triển khai, đạt khoảng 70%"
const LEAD = /^(dat duoc|dat|duoc|la|bang)\s+(?=\S)/;
/** "mười sáu nghìn" → "16 nghin"; other text as it is ("không" stays the zero word). */
const spelled = (s: string): string => (ZERO.has(s) ? s : (wordsToDigits(s) ?? s));
const ZERO = new Set(['khong', 'ko', 'khong co', 'chua co', 'chua', 'zero']);
const MULTIPLIERS: [RegExp, number][] = [
  [/^(ty|ti)\b/, 1e9],
  [/^(trieu|tr)\b/, 1e6],
  [/^(nghin|ngan|k)\b/, 1e3],
];
const CURRENCY = /^(dong|d|vnd)\b\.?/;
const PERCENT = /^(%|phan tram)/;
const RANGE = /^(\d[\d.,]*)\s*%?\s*(?:-|–|—|den|toi)\s*(\d[\d.,]*)/;
const NUMBER = /^(-)?\s*(\d{1,3}(?: \d{3})+(?:,\d+)?(?!\d)|\d[\d.,]*)/;

/** Scale of a money unit relative to đồng: "triệu đồng" → 1e6, "tỷ đồng" → 1e9, "đồng" → 1. */
export function moneyScale(unit: string | null | undefined): number {
  const u = fold(unit ?? '');
  if (/^(ty|ti)\b/.test(u)) return 1e9;
  if (/^(trieu|tr)\b/.test(u)) return 1e6;
  if (/^(nghin|ngan)\b/.test(u)) return 1e3;
  return 1;
}

/** A value with its unit as shown to users: "85,5%", "1.728 doanh nghiệp". */
export function formatValue(n: number, spec: Pick<FigureSpec, 'valueKind' | 'unit'>): string {
  if (spec.valueKind === 'percent') return `${formatNumber(n)}%`;
  return spec.unit ? `${formatNumber(n)} ${spec.unit}` : formatNumber(n);
}

const fail = (reason: FigureReason, message: string, candidates?: number[]): FigureParse => ({ ok: false, reason, message, candidates });

/** No figure a province reports is this large (a quadrillion): a longer number is a typing slip. */
const MAX_MAGNITUDE = 1e15;

/**
 * The words typed after a number name the item's unit: all of it ("doanh nghiệp"), or its whole words from the
 * start, at least two ("thuê bao" of "thuê bao/100 dân"); never a letter or one syllable of it ("5 e", "5 doanh"),
 * nor a second "%" after one.
 */
function unitWords(unit: string | null | undefined, rest: string, percentTaken: boolean): boolean {
  if (percentTaken) return false;
  const u = fold(unit ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!u) return false;
  const r = rest.replace(/\s+/g, ' ').trim();
  if (r === u) return true;
  const uw = u.split(/[\s/]+/);
  const rw = r.split(' ');
  return rw.length >= 2 && rw.length <= uw.length && rw.every((w, i) => w === uw[i]);
}

/** What follows the number: a percent sign, a multiplier (tỷ/triệu/nghìn, "2 tỷ 5"), a currency word; `rest` is left. */
function readSuffix(after: string, lexed: LexedNumber) {
  let rest = after;
  let percent = false;
  let multiplier = 1;
  let currency = false;
  const p = PERCENT.exec(rest);
  if (p) {
    percent = true;
    rest = rest.slice(p[0].length).trim();
  }
  let extra = 0; // "2 tỷ 5", "12 tỷ 500 triệu", "1 triệu rưỡi": the part after the first multiplier
  for (const [re, k] of MULTIPLIERS) {
    const mm = re.exec(rest);
    if (mm && !percent) {
      multiplier = k;
      rest = rest.slice(mm[0].length).trim();
      if (lexed.kind === 'one') [extra, rest] = compound(rest, k);
      break;
    }
  }
  const c = CURRENCY.exec(rest);
  if (c) {
    currency = true;
    rest = rest.slice(c[0].length).trim();
  }
  return { rest, percent, multiplier, currency, extra };
}

/** Parses and checks one typed figure against the item's kind, unit and bounds. */
export function parseFigure(text: string, spec: FigureSpec, locale: Locale = DEFAULT_LOCALE): FigureParse {
  const t = FIGURE_TEXT(locale);
  let s = fold(text)
    .replace(/[!?;]+$/g, '')
    .replace(/\.$/, '')
    .trim();
  if (!s) return fail('empty', t.empty);
  let approx = false;
  let qualifier: string | undefined;
  s = spelled(s.replace(LEAD, ''));
  const a = APPROX.exec(s);
  if (a) {
    approx = true;
    qualifier = QUALIFIER[a[1] ?? ''] ?? 'khoảng';
    s = spelled(s.slice(a[0].length).replace(LEAD, ''));
  }
  const done = (r: FigureParse): FigureParse => (r.ok && qualifier ? { ...r, qualifier } : r);
  if (ZERO.has(s)) return done(check(0, approx, spec, false, locale));
  const r = RANGE.exec(s);
  if (r) {
    const lo = lexNumber(r[1] ?? '');
    const hi = lexNumber(r[2] ?? '');
    const v = (l: LexedNumber) => (l.kind === 'one' ? l.value : l.kind === 'two' ? l.thousands : NaN);
    return fail('range', t.range(excerpt(text, 40), formatNumber(v(lo)), formatNumber(v(hi))), [v(lo), v(hi)]);
  }
  const m = NUMBER.exec(s);
  if (!m) return fail('invalid', t.notNumber(excerpt(text, 40)));
  const negative = m[1] === '-';
  const lexed = lexNumber(m[2] ?? '');
  if (lexed.kind === 'bad') return fail('invalid', t.badNumber(excerpt(text, 40)));

  const { rest, percent, multiplier, currency, extra } = readSuffix(s.slice(m[0].length).trim(), lexed);
  if (rest && !unitWords(spec.unit, rest, percent)) {
    return fail('unit', t.wrongUnit(excerpt(text, 40), unitName(spec, locale)));
  }
  if (Math.abs(lexed.kind === 'two' ? lexed.thousands : lexed.value) * multiplier > MAX_MAGNITUDE) {
    return fail('bounds', t.tooLarge(excerpt(text, 40), formatNumber(MAX_MAGNITUDE)));
  }
  const unitErr = unitMismatch(spec, percent, multiplier !== 1, currency, locale);
  if (unitErr) return fail('unit', unitErr);

  const scale = (v: number) => {
    const whole = v * multiplier + extra;
    if (spec.valueKind === 'money' && (multiplier !== 1 || currency)) return whole / moneyScale(spec.unit);
    return whole;
  };
  if (lexed.kind === 'two') {
    // "1.728": thousands for Vietnamese writers, a decimal for others. Counts and plain money are whole numbers.
    const wholeOnly = spec.valueKind === 'count' || (spec.valueKind === 'money' && multiplier === 1);
    if (!wholeOnly) {
      // A reading the item would refuse ("1.728" read as 1728% for a percent) is not offered: the other one is taken.
      const [dec, thou] = [lexed.decimal, lexed.thousands].map((v) => check(scale(v), approx, spec, negative, locale));
      if (!dec!.ok || !thou!.ok) return done(dec!.ok ? dec! : thou!);
      const cands = [scale(lexed.decimal), scale(lexed.thousands)];
      const u = spec.valueKind === 'percent' ? '%' : multiplier !== 1 ? ` ${suffixWord(multiplier)}` : '';
      return fail('ambiguous', t.meant(`${formatNumber(lexed.decimal)}${u}`, `${lexed.thousands}${u}`), cands);
    }
    return done(check(scale(lexed.thousands), approx, spec, negative, locale));
  }
  return done(check(scale(lexed.value), approx, spec, negative, locale));
}

/**
 * What follows a multiplier word, as spoken: "rưỡi" (a half), "500 triệu" (a smaller multiplier), or bare digits
 * that continue the number ("2 tỷ 5" = 2,5 tỷ; "1 triệu 200" = 1,2 triệu). Returns the amount and what is left.
 */
function compound(rest: string, k: number): [number, string] {
  const half = /^ruoi\b/.exec(rest);
  if (half) return [k / 2, rest.slice(half[0].length).trim()];
  const m = /^(\d{1,3})(?![\d.,])\s*(?:(trieu|tr|nghin|ngan|k)\b)?/.exec(rest);
  if (!m) return [0, rest];
  const n = Number(m[1]);
  const smaller = m[2] ? (MULTIPLIERS.find(([re]) => re.test(m[2]!))?.[1] ?? 0) : 0;
  if (m[2] && smaller >= k) return [0, rest];
  return [smaller ? n * smaller : (n / 10 ** m[1]!.length) * k, rest.slice(m[0].length).trim()];
}

function suffixWord(multiplier: number): string {
  return multiplier === 1e9 ? 'tỷ' : multiplier === 1e6 ? 'triệu' : 'nghìn';
}

export function unitName(spec: Pick<FigureSpec, 'valueKind' | 'unit'>, locale: Locale = DEFAULT_LOCALE): string {
  const t = FIGURE_TEXT(locale);
  if (spec.valueKind === 'percent') return t.inPercent;
  if (spec.valueKind === 'money') return t.inUnit(spec.unit ?? 'đồng');
  return spec.unit ? t.inUnit(spec.unit) : spec.valueKind === 'count' ? t.aCount : t.aRatio;
}

function unitMismatch(spec: FigureSpec, percent: boolean, multiplier: boolean, currency: boolean, locale: Locale): string | null {
  const t = FIGURE_TEXT(locale);
  if (spec.valueKind === 'percent' && (multiplier || currency)) return t.percentNotMoney;
  if (spec.valueKind !== 'percent' && percent) return t.notPercent(unitName(spec, locale));
  if (spec.valueKind !== 'money' && currency) return t.notMoney(unitName(spec, locale));
  return null;
}

/** Range/integer/sign checks once the number is known. Exported for re-checking a chosen candidate. */
export function checkValue(value: number, spec: FigureSpec, locale: Locale = DEFAULT_LOCALE): FigureParse {
  return check(value, false, spec, false, locale);
}

function check(value: number, approx: boolean, spec: FigureSpec, negative: boolean, locale: Locale): FigureParse {
  const t = FIGURE_TEXT(locale);
  if (!Number.isFinite(value)) return fail('invalid', t.invalid);
  if (negative || value < 0) return fail('negative', t.negative);
  if (spec.valueKind === 'percent' && value > 100) return fail('bounds', t.percentBounds(formatNumber(value)));
  if (spec.valueKind === 'count' && !Number.isInteger(Math.round(value * 1e9) / 1e9))
    return fail('integer', t.notWhole(formatNumber(value)));
  if (spec.min != null && value < spec.min) return fail('bounds', t.belowMin(formatNumber(spec.min), formatValue(value, spec)));
  if (spec.max != null && value > spec.max) return fail('bounds', t.aboveMax(formatNumber(spec.max), formatValue(value, spec)));
  return { ok: true, value: Math.round(value * 1e9) / 1e9, approx };
}
