// Vietnamese text helpers every layer needs (pure).

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
  return s
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '');
}
