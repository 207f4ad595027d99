import { describe, expect, it } from 'vitest';
import { nameKey, normalizeText, numberKey, tokens } from '../../src/search/normalize.ts';

describe('normalizeText', () => {
  it('folds tones and đ, lowercases', () => {
    expect(normalizeText('Ứng dụng Đào tạo')).toBe('ung dung dao tao');
  });
  it('expands abbreviations so short and long forms meet', () => {
    expect(normalizeText('ung dung cntt')).toBe(normalizeText('ứng dụng công nghệ thông tin'));
    expect(normalizeText('Sở TT&TT')).toBe(normalizeText('Sở Thông tin và Truyền thông'));
    expect(normalizeText('so tttt')).toBe(normalizeText('Sở Thông tin và Truyền thông'));
    expect(normalizeText('UBND tỉnh')).toBe('uy ban nhan dan tinh');
    expect(normalizeText('HĐND')).toBe('hoi dong nhan dan');
    expect(normalizeText('Sở KH&ĐT')).toBe(normalizeText('sở kế hoạch và đầu tư'));
    expect(normalizeText('GD&ĐT')).toBe('giao duc va dao tao');
    expect(normalizeText('KH&CN')).toBe('khoa hoc va cong nghe');
    expect(normalizeText('CBCCVC')).toBe('can bo cong chuc vien chuc');
    expect(normalizeText('CCVC')).toBe('cong chuc vien chuc');
  });
  it('does not expand abbreviations inside longer words', () => {
    expect(normalizeText('cnttx')).toBe('cnttx');
  });
  it('drops stop words only when asked', () => {
    expect(tokens('thông tin và truyền thông', true)).toEqual(['thong', 'tin', 'truyen', 'thong']);
  });
});

describe('keys', () => {
  it('document numbers compare with or without diacritics, case and separators', () => {
    const k = numberKey('3933/QĐ-UBND');
    expect(numberKey('3933/qd-ubnd')).toBe(k);
    expect(numberKey('3933 QD UBND')).toBe(k);
    expect(numberKey('24-CT/TU')).toBe(numberKey('24 CT TU'));
  });
  it('agency names compare without "và"', () => {
    expect(nameKey('Sở Kế hoạch Đầu tư')).toBe(nameKey('Sở KH&ĐT'));
  });
});
