// foldKeep folds tones and case without changing the string's length, so offsets found in the folded text are valid
// in the original. Its output is pinned here on every UTF-16 code unit and on Vietnamese text in every tone and
// vowel, upper and lower case, NFC and NFD, against the per-character definition it had before it was made fast.
import { describe, expect, it } from 'vitest';
import { foldKeep } from '../../../src/ingest/parse/vn.ts';

/** The definition: lower-case, đ → d, tone and vowel marks dropped when that leaves one character; else unchanged. */
function reference(s: string): string {
  let out = '';
  for (const ch of s.split('')) {
    let f = ch.toLowerCase();
    if (f === 'đ') f = 'd';
    else f = f.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += f.length === 1 ? f : ch;
  }
  return out;
}

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const SYLLABLES = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));

describe('foldKeep', () => {
  it('folds Vietnamese as an official writes it, keeping the length', () => {
    expect(foldKeep('Sở Tài chính')).toBe('so tai chinh');
    expect(foldKeep('ĐẮK LẮK, ngày 15 tháng 01 năm 2024')).toBe('dak lak, ngay 15 thang 01 nam 2024');
    expect(foldKeep('Ủy ban nhân dân tỉnh Cà Mau')).toBe('uy ban nhan dan tinh ca mau');
    expect(foldKeep('Nghị quyết số 57-NQ/TW')).toBe('nghi quyet so 57-nq/tw');
  });

  it('folds every vowel in every tone, lower and upper case, to its bare letter', () => {
    for (const s of SYLLABLES) {
      const bare = s.normalize('NFD')[0]!;
      expect(foldKeep(s)).toBe(bare);
      expect(foldKeep(s.toUpperCase())).toBe(bare);
    }
    expect(foldKeep('đĐ')).toBe('dd');
  });

  it('keeps combining marks of NFD text in place (one unit each), so offsets stay valid', () => {
    const nfd = 'Việt Nam Đường Hồ Chí Minh'.normalize('NFD');
    const out = foldKeep(nfd);
    expect(out).toHaveLength(nfd.length);
    expect(out).toBe(reference(nfd));
    expect(out.startsWith('vie\u0323\u0302t')).toBe(true);
  });

  it('matches the definition on every UTF-16 code unit', () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
    const got = units.map((u) => foldKeep(u));
    const want = units.map((u) => reference(u));
    const diff = got.flatMap((g, c) => (g === want[c] ? [] : [c.toString(16)]));
    expect(diff).toEqual([]);
  });

  it('matches the definition on long mixed text: every tone, emoji (surrogate pairs), tabs, NFD, CJK', () => {
    const parts = [...SYLLABLES, ...SYLLABLES.map((s) => s.toUpperCase()), 'Đắk Nông', '😀', '\t', 'Ωμέγα', '中文', 'İ', 'ß'];
    let text = '';
    for (let i = 0; i < 40_000; i++) text += parts[(i * 7919) % parts.length]! + (i % 5 ? '' : ' ');
    text += text.normalize('NFD');
    const out = foldKeep(text);
    expect(out).toHaveLength(text.length);
    expect(out).toBe(reference(text));
  });
});
