// The languages the bot speaks and its message catalogs. Vietnamese first: every catalog is written in Vietnamese
// and translated, and the compiler refuses a translation that lacks a key or takes other parameters. A module keeps
// its own catalog beside its code (`const M = catalog({ vi: {...}, en: {...} })`, then `M(locale).key(params)`);
// what is formatted the same way everywhere (period labels, numbers, the language's own name) lives here.
import { formatNumber, periodLabel } from './locale.ts';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(s: unknown): s is Locale {
  return s === 'vi' || s === 'en';
}

/** A message: fixed text, or text built from named parameters. */
type Message = string | ((...args: never[]) => string);
type Messages = Record<string, Message>;

/**
 * The catalog of one module in every language; `en` must have exactly the Vietnamese keys and parameters. Asked
 * without a locale (a guest, a caller that has none), it speaks Vietnamese.
 */
export function catalog<T extends Messages>(texts: { vi: T; en: NoInfer<T> }): (locale?: Locale | null) => T {
  return (locale) => (locale === 'en' ? texts.en : texts.vi);
}

/** "2026-Q4" → "Q4 2026", "2026-H1" → "first half of 2026", "2026-11" → "November 2026", "2026" → "2026". */
function periodLabelEn(key: string): string {
  const k = key.trim().toUpperCase();
  let m = /^(\d{4})-Q([1-4])$/.exec(k);
  if (m) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(k))) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(k)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(k))) return m[1]!;
  return key;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The reporting period as the person's language names it: "quý IV/2026" / "Q4 2026". */
export function periodLabelIn(locale: Locale, key: string): string {
  return locale === 'en' ? periodLabelEn(key) : periodLabel(key);
}

/** A chart's short name of the period: "QIV/2026", "T11/2026", "2026" / "Q4 2026", "Nov 2026", "H1 2026", "2026". */
export function periodShortLabelIn(locale: Locale, key: string): string {
  const k = key.trim().toUpperCase();
  let m = /^(\d{4})-Q([1-4])$/.exec(k);
  if (m) return locale === 'en' ? `Q${m[2]} ${m[1]}` : `Q${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(k)) && locale === 'en') return `H${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(k)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return locale === 'en' ? `${MONTHS[Number(m[2]) - 1]!.slice(0, 3)} ${m[1]}` : `T${Number(m[2])}/${m[1]}`;
  if ((m = /^(\d{4})$/.exec(k))) return m[1]!;
  return periodLabelIn(locale, key);
}

const enNumbers = new Map<number, Intl.NumberFormat>();

/** 1.728,5 in Vietnamese, 1,728.5 in English. */
export function formatNumberIn(locale: Locale, n: number, maxFraction = 3): string {
  if (locale === 'vi') return formatNumber(n, maxFraction);
  let f = enNumbers.get(maxFraction);
  if (!f) enNumbers.set(maxFraction, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFraction })));
  return f.format(n);
}

/** What a person types to choose a language ("english", "tiếng anh", "en", "tiếng việt", "vi"), or null. */
export function localeNamed(word: string): Locale | null {
  const w = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .trim();
  if (/^(?:en|eng|english|tieng anh|anh)$/.test(w)) return 'en';
  if (/^(?:vi|vn|vie|vietnamese|tieng viet|viet)$/.test(w)) return 'vi';
  return null;
}

/** The language's name in itself, for replies and menus. */
export const LOCALE_NAME: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

/** "1 agency", "3 agencies": an English count with its noun. */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
