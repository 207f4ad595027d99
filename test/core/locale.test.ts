// The one locale: periods, dates and numbers in the configured zone, the same wording wherever they are written.
import { afterEach, describe, expect, it } from 'vitest';
import {
  configureLocale,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatNumber,
  lexNumber,
  parsePrintedNumber,
  periodLabel,
} from '../../src/core/locale.ts';
import { periodCalendar, periodKeyAt } from '../../src/reporting/periods.ts';
import { periodShortLabelIn } from '../../src/core/i18n.ts';

afterEach(() => configureLocale({ timeZone: 'Asia/Ho_Chi_Minh' }));

const quarter = { frequency: 'quarter', cutoffDay: 0, deadlineDays: 10, lockAfterDays: 5 };

describe('core/locale', () => {
  it('labels every kind of period one way', () => {
    expect(['2026-Q4', '2026-q1', '2026-H1', '2026-H2', '2026-11', '2026-03', '2026'].map(periodLabel)).toEqual([
      'quý IV/2026',
      'quý I/2026',
      '6 tháng đầu năm 2026',
      '6 tháng cuối năm 2026',
      'tháng 11/2026',
      'tháng 3/2026',
      'năm 2026',
    ]);
  });

  it('names periods short for a chart, in either language', () => {
    const keys = ['2026-Q4', '2026-11', '2026-H1', '2026'];
    expect(keys.map((k) => periodShortLabelIn('vi', k))).toEqual(['QIV/2026', 'T11/2026', '6 tháng đầu năm 2026', '2026']);
    expect(keys.map((k) => periodShortLabelIn('en', k))).toEqual(['Q4 2026', 'Nov 2026', 'H1 2026', '2026']);
  });

  it('writes dates and moments in Viet Nam time by default, time first', () => {
    const d = new Date('2026-12-31T17:30:00Z'); // 00:30 on 1 January 2027 in Hà Nội
    expect(formatDate(d)).toBe('01/01/2027');
    expect(formatDateTime(d)).toBe('00:30 01/01/2027');
    expect(formatLongDate(d)).toBe('ngày 01 tháng 01 năm 2027');
    expect(periodKeyAt(d, 'quarter')).toBe('2027-Q1');
  });

  it('follows TZ_REPORTS: period boundaries and dates move with the zone, daylight saving included', () => {
    configureLocale({ timeZone: 'Europe/Paris' });
    const c = periodCalendar('2026-Q2', quarter);
    expect(c.startsAt.toISOString()).toBe('2026-03-31T22:00:00.000Z'); // 1 April 00:00, summer time (UTC+2)
    expect(c.endsAt.toISOString()).toBe('2026-06-30T21:59:59.999Z');
    expect(periodCalendar('2026-Q1', quarter).startsAt.toISOString()).toBe('2025-12-31T23:00:00.000Z'); // winter (UTC+1)
    expect(formatDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('18:30 31/12/2026');
    expect(periodKeyAt(new Date('2026-12-31T17:30:00Z'), 'quarter')).toBe('2026-Q4');
  });

  it('refuses an unknown zone with its name', () => {
    expect(() => configureLocale({ timeZone: 'Mars/Olympus' })).toThrow(/TZ_REPORTS "Mars\/Olympus"/);
    expect(formatDate(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027'); // the previous zone stays
  });

  it('formats numbers the Vietnamese way and reads them back with the one reader', () => {
    expect([0, 5, 1234, 1728.5, -1234.5678, 1e9].map((n) => formatNumber(n))).toEqual([
      '0',
      '5',
      '1.234',
      '1.728,5',
      '-1.234,568',
      '1.000.000.000',
    ]);
    expect(formatNumber(85.555, 1)).toBe('85,6');
    for (const n of [5, 1234, 1728.5, 11881.45, 8e9]) expect(parsePrintedNumber(formatNumber(n))).toBe(n);
    expect(lexNumber('1.728')).toEqual({ kind: 'two', thousands: 1728, decimal: 1.728 });
    expect(lexNumber('1,5')).toEqual({ kind: 'one', value: 1.5 });
    expect(parsePrintedNumber('1.728')).toBe(1728); // a document always prints Vietnamese notation
    expect(parsePrintedNumber('12.34')).toBeNull();
  });
});
