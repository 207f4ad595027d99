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
  it('expands the abbreviations 2025 plans write for systems, budgets and programmes', () => {
    expect(normalizeText('Hệ thống QLVB&ĐH')).toBe(normalizeText('hệ thống quản lý văn bản và điều hành'));
    expect(normalizeText('he thong qlvb')).toBe(normalizeText('hệ thống quản lý văn bản'));
    expect(normalizeText('thu NSNN')).toBe(normalizeText('thu ngân sách nhà nước'));
    expect(normalizeText('các CTMTQG')).toBe(normalizeText('các chương trình mục tiêu quốc gia'));
    expect(normalizeText('bầu cử ĐBQH')).toBe(normalizeText('bầu cử đại biểu quốc hội'));
    expect(normalizeText('TTPVHCC tỉnh')).toBe(normalizeText('Trung tâm Phục vụ hành chính công tỉnh'));
    expect(normalizeText('phát triển KT-XH')).toBe(normalizeText('phát triển kinh tế - xã hội'));
    expect(normalizeText('bầu cử QH khóa 16')).toBe(normalizeText('bầu cử Quốc hội khóa XVI'));
    // inside a document number the letters stay what they are
    expect(normalizeText('623/TB-VPCP')).toBe('623 tb vpcp');
  });
  it('reads the roman numeral of a term or a congress as its figure, and no other', () => {
    expect(normalizeText('Đại hội lần thứ XIV của Đảng')).toBe('dai hoi lan thu 14 cua dang');
    expect(normalizeText('dai hoi 14')).toBe(normalizeText('Đại hội XIV'));
    expect(normalizeText('kỳ họp thứ IX')).toBe('ky hop thu 9');
    expect(normalizeText('Phụ lục II, mục IV')).toBe('phu luc ii muc iv');
    expect(normalizeText('khoa học')).toBe('khoa hoc');
    expect(normalizeText('Luật số 72/2025/QH15')).toBe('luat so 72 2025 qh15');
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
