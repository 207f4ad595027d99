// The one place for how the bot writes time, periods and numbers (goflow keeps this in its Environment): the time
// zone comes from the configuration (TZ_REPORTS, set once at start by `configureLocale`), and chat, the form page,
// the dashboard, DOCX, XLSX, CSV and chart labels all use these functions, so a period reads "quý IV/2026" and a
// moment "14:05 31/12/2026" wherever it appears.
import { AppError, ErrorCode } from './errors.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

let zone = DEFAULT_TIME_ZONE;
let partsFormat = makePartsFormat(zone);

function makePartsFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

/** Sets the time zone every date and period boundary is computed in; an unknown zone stops the start. */
export function configureLocale(settings: { timeZone?: string }): void {
  const tz = settings.timeZone?.trim() || DEFAULT_TIME_ZONE;
  try {
    partsFormat = makePartsFormat(tz);
  } catch {
    throw new AppError(ErrorCode.InvalidInput, `TZ_REPORTS "${tz}" không phải múi giờ hợp lệ (ví dụ: Asia/Ho_Chi_Minh).`);
  }
  zone = tz;
}

export function timeZone(): string {
  return zone;
}

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in the configured zone. */
export function localParts(d: Date): LocalParts {
  const get = (parts: Intl.DateTimeFormatPart[], t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const p = partsFormat.formatToParts(d);
  return {
    year: get(p, 'year'),
    month: get(p, 'month'),
    day: get(p, 'day'),
    hour: get(p, 'hour') % 24,
    minute: get(p, 'minute'),
    second: get(p, 'second'),
  };
}

/** How far the configured zone's clock is ahead of UTC at an instant (Viet Nam: always 7 h). */
export function zoneOffsetMs(at: Date): number {
  const l = localParts(at);
  const wall = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a local wall-clock time (month0 0-11; days and months may overflow as in Date.UTC). */
export function localTime(year: number, month0: number, day = 1, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month0, day, hour, minute);
  let at = wall - zoneOffsetMs(new Date(wall));
  at = wall - zoneOffsetMs(new Date(at)); // once more, for a zone whose offset changes between the two readings
  return new Date(at);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2026-Q4" → "quý IV/2026", "2026-H1" → "6 tháng đầu năm 2026", "2026-11" → "tháng 11/2026", "2026" → "năm 2026". */
export function periodLabel(key: string): string {
  const k = key.trim().toUpperCase();
  let m = /^(\d{4})-Q([1-4])$/.exec(k);
  if (m) return `quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(k))) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(k))) return `tháng ${Number(m[2])}/${m[1]}`;
  if ((m = /^(\d{4})$/.exec(k))) return `năm ${m[1]}`;
  return key;
}

const FREQUENCY_LABEL: Record<string, string> = { month: 'hằng tháng', quarter: 'hằng quý', 'half-year': '6 tháng', year: 'hằng năm' };

/** "hằng quý", "6 tháng", …; an unknown frequency as written. */
export function frequencyLabel(f: string): string {
  return FREQUENCY_LABEL[f] ?? f;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "31/12/2026" in the configured zone. */
export function formatDate(d: Date): string {
  const l = localParts(d);
  return `${pad(l.day)}/${pad(l.month)}/${l.year}`;
}

/** "14:05 31/12/2026" in the configured zone. */
export function formatDateTime(d: Date): string {
  const l = localParts(d);
  return `${pad(l.hour)}:${pad(l.minute)} ${formatDate(d)}`;
}

/** "ngày 12 tháng 01 năm 2027": the date formula of an administrative document. */
export function formatLongDate(d: Date): string {
  const l = localParts(d);
  return `ngày ${pad(l.day)} tháng ${pad(l.month)} năm ${l.year}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Vietnamese number: thousands ".", decimals ",", at most `maxFraction` decimals, no trailing zeros (1.728,5). */
export function formatNumber(n: number, maxFraction = 3): string {
  let f = numberFormats.get(maxFraction);
  if (!f) numberFormats.set(maxFraction, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFraction })));
  return f.format(n);
}

export type LexedNumber = { kind: 'one'; value: number } | { kind: 'two'; thousands: number; decimal: number } | { kind: 'bad' };

/**
 * The one reader of a typed or printed number ("." groups thousands and "," marks decimals in Vietnamese, but people
 * also type "1,5" and "1.5"): "two" when "1.728" could be either 1728 or 1,728 and the caller must ask.
 */
export function lexNumber(token: string): LexedNumber {
  const t = token.replace(/ /g, '.').replace(/[.,]$/, '');
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  const groupsOk = (s: string, sep: string) =>
    s
      .split(sep)
      .slice(1)
      .every((g) => g.length === 3);
  if (dots && commas) {
    const lastDot = t.lastIndexOf('.');
    const lastComma = t.lastIndexOf(',');
    const [dec, grp] = lastComma > lastDot ? [',', '.'] : ['.', ','];
    const at = t.lastIndexOf(dec);
    const intPart = t.slice(0, at);
    if (intPart.includes(dec) || !groupsOk(intPart, grp)) return { kind: 'bad' };
    return { kind: 'one', value: Number(`${intPart.split(grp).join('')}.${t.slice(at + 1)}`) };
  }
  if (commas > 1) return groupsOk(t, ',') ? { kind: 'one', value: Number(t.split(',').join('')) } : { kind: 'bad' };
  if (commas === 1) return { kind: 'one', value: Number(t.replace(',', '.')) };
  if (dots > 1) return groupsOk(t, '.') ? { kind: 'one', value: Number(t.split('.').join('')) } : { kind: 'bad' };
  if (dots === 1) {
    const frac = t.split('.')[1] ?? '';
    if (frac.length === 3) return { kind: 'two', thousands: Number(t.replace('.', '')), decimal: Number(t) };
    return { kind: 'one', value: Number(t) };
  }
  return /^\d+$/.test(t) ? { kind: 'one', value: Number(t) } : { kind: 'bad' };
}

/** A number as a document prints it (always Vietnamese notation): "8.000.000.000" → 8e9, "11.881,45" → 11881.45. */
export function parsePrintedNumber(s: string): number | null {
  const t = s.trim();
  if (!/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/.test(t)) return null;
  const lexed = lexNumber(t);
  const n = lexed.kind === 'one' ? lexed.value : lexed.kind === 'two' ? lexed.thousands : Number.NaN;
  return Number.isFinite(n) ? n : null;
}
