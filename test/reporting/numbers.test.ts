import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, parseFigure, type FigureSpec } from '../../src/reporting/numbers.ts';

const pct: FigureSpec = { valueKind: 'percent', unit: '%' };
const count: FigureSpec = { valueKind: 'count', unit: 'doanh nghiệp' };
const dong: FigureSpec = { valueKind: 'money', unit: 'đồng' };
const trieu: FigureSpec = { valueKind: 'money', unit: 'triệu đồng' };
const ty: FigureSpec = { valueKind: 'money', unit: 'tỷ đồng' };
const ratio: FigureSpec = { valueKind: 'ratio', unit: 'thuê bao/100 dân' };

// [typed, spec, expected value]
const accepted: [string, FigureSpec, number][] = [
  ['85', pct, 85],
  ['85,5', pct, 85.5],
  ['85,5 %', pct, 85.5],
  ['85,5%', pct, 85.5],
  ['85.5', pct, 85.5],
  ['85.50', pct, 85.5],
  ['100', pct, 100],
  ['0', pct, 0],
  ['không', pct, 0],
  ['Không', count, 0],
  ['khong', count, 0],
  ['90 phần trăm', pct, 90],
  ['  72 %  ', pct, 72],
  ['1.728', count, 1728],
  ['1.728.000', count, 1728000],
  ['1 728 000', count, 1728000],
  ['1,728,000', count, 1728000],
  ['1728', count, 1728],
  ['500 nghìn', count, 500000],
  ['1,2 triệu', count, 1200000],
  ['12 doanh nghiệp', count, 12],
  ['2 tỷ', dong, 2e9],
  ['2 tỷ đồng', dong, 2e9],
  ['1,2 triệu', dong, 1.2e6],
  ['500 nghìn', dong, 500000],
  ['500 ngàn đồng', dong, 500000],
  ['1.728.000 đồng', dong, 1728000],
  ['1.728.000đ', dong, 1728000],
  ['2 tỷ', trieu, 2000],
  ['1,2 triệu', trieu, 1.2],
  ['350', trieu, 350],
  ['1.728', trieu, 1728],
  ['500 triệu', ty, 0.5],
  ['1.234,5', trieu, 1234.5],
  ['1,234.5', trieu, 1234.5],
  ['2,5 tỉ', dong, 2.5e9],
  ['145,3', ratio, 145.3],
  ['145,3 thuê bao/100 dân', ratio, 145.3],
  // as spoken: a second part after the multiplier ("2 tỷ 5" was 'Đơn vị "5" không khớp')
  ['2 tỷ 5', trieu, 2500],
  ['12 tỷ 500 triệu', trieu, 12500],
  ['12 tỷ 500 triệu đồng', dong, 12.5e9],
  ['1 tỷ rưỡi', trieu, 1500],
  ['1 triệu 200', dong, 1.2e6],
  ['3 triệu 500 nghìn', dong, 3.5e6],
  ['2 tỷ 05', trieu, 2050],
];

describe('parseFigure accepts Vietnamese writing habits', () => {
  for (const [typed, spec, value] of accepted) {
    it(`"${typed}" (${spec.valueKind}, ${spec.unit}) → ${value}`, () => {
      const r = parseFigure(typed, spec);
      expect(r).toMatchObject({ ok: true, value });
    });
  }

  it('"khoảng 80" is 80, flagged as an estimate', () => {
    expect(parseFigure('khoảng 80', pct)).toEqual({ ok: true, value: 80, approx: true, qualifier: 'khoảng' });
    expect(parseFigure('khoảng 80%', pct)).toEqual({ ok: true, value: 80, approx: true, qualifier: 'khoảng' });
    expect(parseFigure('xấp xỉ 1.200', count)).toEqual({ ok: true, value: 1200, approx: true, qualifier: 'xấp xỉ' });
  });

  it('"trên 60", "gần 1.000", "hơn 50" are estimates that keep their qualifier (they were not understood)', () => {
    expect(parseFigure('trên 60', pct)).toEqual({ ok: true, value: 60, approx: true, qualifier: 'trên' });
    expect(parseFigure('gần 1.000 doanh nghiệp', count)).toEqual({ ok: true, value: 1000, approx: true, qualifier: 'gần' });
    expect(parseFigure('hơn 50', count)).toEqual({ ok: true, value: 50, approx: true, qualifier: 'hơn' });
  });

  it('a second part that is not a smaller amount is refused, naming what was typed with its diacritics', () => {
    expect(parseFigure('2 triệu 5 tỷ', dong)).toMatchObject({ ok: false, reason: 'unit' });
    const r = parseFigure('12 tỷ 500 cây', trieu);
    expect(r).toMatchObject({ ok: false, reason: 'unit' });
    if (!r.ok) expect(r.message).toContain('"12 tỷ 500 cây"');
  });
});

describe('parseFigure refuses or asks back, with the reason', () => {
  it('"1.728" for a percent is 1,728%: the other reading (1728%) would be refused, so it is not offered', () => {
    expect(parseFigure('1.728', pct)).toEqual({ ok: true, value: 1.728, approx: false });
    expect(parseFigure('1.728', { ...pct, max: 1 })).toMatchObject({ ok: false, reason: 'bounds' }); // neither: the reason
  });
  it('"1.728" for a ratio is ambiguous', () => {
    expect(parseFigure('1.728', ratio)).toMatchObject({ ok: false, reason: 'ambiguous', candidates: [1.728, 1728] });
  });
  it('"1.728 tỷ" for money is ambiguous', () => {
    const r = parseFigure('1.728 tỷ', trieu);
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous', candidates: [1728, 1728000] });
    if (!r.ok) expect(r.message).toContain('tỷ');
  });
  it('"80-85" asks for one value', () => {
    const r = parseFigure('80-85', pct);
    expect(r).toMatchObject({ ok: false, reason: 'range', candidates: [80, 85] });
    if (!r.ok) expect(r.message).toContain('một con số cụ thể');
  });
  it('"80 đến 85%" asks for one value', () => {
    expect(parseFigure('80 đến 85%', pct)).toMatchObject({ ok: false, reason: 'range' });
  });
  it('"abc" is not a number', () => {
    const r = parseFigure('abc', pct);
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.message).toContain('abc');
  });
  it('empty input', () => {
    expect(parseFigure('   ', pct)).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('percent above 100 is refused with the reason', () => {
    const r = parseFigure('120', pct);
    expect(r).toMatchObject({ ok: false, reason: 'bounds' });
    if (!r.ok) expect(r.message).toContain('từ 0 đến 100');
  });
  it('negative values are refused', () => {
    expect(parseFigure('-5', pct)).toMatchObject({ ok: false, reason: 'negative' });
  });
  it('money typed for a percent is a unit error', () => {
    expect(parseFigure('2 tỷ', pct)).toMatchObject({ ok: false, reason: 'unit' });
  });
  it('a percent typed for a count is a unit error', () => {
    expect(parseFigure('45%', count)).toMatchObject({ ok: false, reason: 'unit' });
  });
  it('đồng typed for a count is a unit error', () => {
    expect(parseFigure('500 đồng', count)).toMatchObject({ ok: false, reason: 'unit' });
  });
  it('an unknown unit word is refused', () => {
    const r = parseFigure('12 xe', count);
    expect(r).toMatchObject({ ok: false, reason: 'unit' });
    if (!r.ok) expect(r.message).toContain('doanh nghiệp');
  });
  it('a fractional count is refused', () => {
    expect(parseFigure('12,5', count)).toMatchObject({ ok: false, reason: 'integer' });
  });
  it('item bounds apply', () => {
    expect(parseFigure('5', { valueKind: 'count', min: 10 })).toMatchObject({ ok: false, reason: 'bounds' });
    expect(parseFigure('50', { valueKind: 'ratio', max: 20 })).toMatchObject({ ok: false, reason: 'bounds' });
  });
  it('malformed grouping is refused', () => {
    expect(parseFigure('1.72.8', count)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('formatting', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1728000)).toBe('1.728.000');
    expect(formatNumber(85.5)).toBe('85,5');
    expect(formatValue(72, pct)).toBe('72%');
    expect(formatValue(12, count)).toBe('12 doanh nghiệp');
  });
});

describe('parseFigure refuses what only looks like a unit or a number', () => {
  it.each([
    ['5 e', count],
    ['5 doanh', count],
    ['85,5%%', pct],
    ['12 thuê', ratio],
  ])('%s is not the unit of the item', (typed, spec) => {
    const r = parseFigure(typed, spec);
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.reason).toBe('unit');
  });

  it('accepts the unit whole, or its first words', () => {
    expect(parseFigure('5 doanh nghiệp', count)).toMatchObject({ ok: true, value: 5 });
    expect(parseFigure('12 thuê bao', ratio)).toMatchObject({ ok: true, value: 12 });
    expect(parseFigure('12 thuê bao/100 dân', ratio)).toMatchObject({ ok: true, value: 12 });
  });

  it('refuses an absurd magnitude with the reason', () => {
    const r = parseFigure('99999999999999999999999', count);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/lớn bất thường/);
  });
});

describe('parseFigure reads numbers spelled in words, as officials dictate them', () => {
  const spelled: [string, FigureSpec, number][] = [
    ['mười sáu nghìn', count, 16000],
    ['muoi sau nghin', count, 16000],
    ['bốn mươi sáu', count, 46],
    ['hai mươi mốt', count, 21],
    ['một trăm linh năm', count, 105],
    ['hai trăm năm mươi nghìn', count, 250000],
    ['một nghìn hai trăm', count, 1200],
    ['mười lăm nghìn năm trăm', count, 15500],
    ['hai nghìn không trăm hai mươi', count, 2020],
    ['một triệu hai trăm nghìn', count, 1200000],
    ['tám mươi', pct, 80],
    ['bảy mươi lăm phần trăm', pct, 75],
    ['ba phẩy năm', pct, 3.5],
    ['hai tỷ rưỡi', trieu, 2500],
    ['hai tỷ năm trăm triệu', trieu, 2500],
    ['mười hai tỷ', ty, 12],
  ];
  for (const [typed, spec, value] of spelled)
    it(`"${typed}" → ${value}`, () => expect(parseFigure(typed, spec)).toMatchObject({ ok: true, value, approx: false }));

  it('"khoảng tám mươi" is an estimate of 80 ("tám" is not the qualifier "tạm")', () => {
    expect(parseFigure('khoảng tám mươi', pct)).toMatchObject({ ok: true, value: 80, approx: true });
    expect(parseFigure('tám mươi', pct)).toMatchObject({ ok: true, value: 80, approx: false });
    expect(parseFigure('tạm 80', pct)).toMatchObject({ ok: true, value: 80, approx: true });
  });

  it('"đạt khoảng 70%", "đạt 46": the verb before a figure is not a unit', () => {
    expect(parseFigure('đạt khoảng 70%', pct)).toMatchObject({ ok: true, value: 70, approx: true });
    expect(parseFigure('đạt 46', count)).toMatchObject({ ok: true, value: 46 });
  });

  it('a word that only looks like a number is still refused ("năm 2020", "ba bốn")', () => {
    expect(parseFigure('năm 2020', count).ok).toBe(false);
    expect(parseFigure('ba bốn', count).ok).toBe(false);
  });
});
