// Vietnamese text helpers every layer needs (pure).

/**
 * Vietnamese alphabetical order (Đ after D, Ủ with U, tones after the bare letter; "Sở 2" before "Sở 10"), the
 * same on every database: user-visible lists of names are sorted with it in code, never by the database's collation.
 */
export const compareVi: (a: string, b: string) => number = new Intl.Collator('vi', { numeric: true }).compare;

/** NFC, lowercase, tones folded, đ → d, whitespace collapsed. "Ứng dụng CNTT" → "ung dung cntt". */
export function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises input text: NFC, Windows/Mac line endings → \n, non-breaking and odd spaces → space, BOM removed. */
export function cleanInput(s: string): string {
  return (
    s
      // A lone surrogate (a broken emoji) becomes one U+FFFD here, so what is stored is what is audited.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/^\uFEFF/, '')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g, ' ')
      .replace(/[\u200B-\u200D\u2060]/g, '')
  );
}

/** A short excerpt of what someone typed, for quoting it back: whitespace collapsed, cut at a word, "…" when cut. */
export function excerpt(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Lookup key of a document number: "3933/QĐ-UBND" → "3933/qd-ubnd", "24 - CT/TU" → "24-ct/tu". */
export function documentNumberKey(s: string): string {
  return fold(s).replace(/[–—_]/g, '-').replace(/\s+/g, '').replace(/^so:?/, '');
}

/** "Cà Mau" → "ca-mau". */
export function slugify(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "2025-03-01" → "01/3/2025", as Vietnamese administrative texts write dates. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${Number(m)}/${y}`;
}

/** The first letter capitalised, the rest as written: "chưa báo cáo" → "Chưa báo cáo". */
export function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
