// Roman numerals as directives write them for parts, appendices, chapters, terms and congresses (1–49).

/** A roman numeral of 1–49, lower case, not empty. */
export const ROMAN_PATTERN = '(?=[xvi])(?:xl|x{0,3})(?:ix|iv|v?i{0,3})';

const VALUE = { i: 1, v: 5, x: 10, l: 50 } as const;

/** "xiv" → 14. */
export function romanValue(r: string): number {
  let n = 0;
  for (let i = 0; i < r.length; i++) {
    const v = VALUE[r[i] as keyof typeof VALUE];
    const next = VALUE[r[i + 1] as keyof typeof VALUE] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

/** 14 → "XIV" (1–49). */
export function toRoman(n: number): string {
  const tens = ['', 'X', 'XX', 'XXX', 'XL'][Math.floor(n / 10)] ?? '';
  return tens + ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][n % 10]!;
}
