import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  parsePeriodKey,
  periodCalendar,
  periodKeyAt,
  periodLabel,
  previousPeriodKey,
} from '../../src/reporting/periods.ts';

const quarterly = { frequency: 'quarter', cutoffDay: 0, deadlineDays: 10, lockAfterDays: 30 };

describe('period keys', () => {
  it('parses the four kinds of key, and spoken forms', () => {
    expect(parsePeriodKey('2026-Q4')).toMatchObject({ frequency: 'quarter', year: 2026, index: 4 });
    expect(parsePeriodKey('2026-h2')).toMatchObject({ frequency: 'half-year', index: 2 });
    expect(parsePeriodKey('2026')).toMatchObject({ frequency: 'year', year: 2026 });
    expect(parsePeriodKey('2026-11')).toMatchObject({ frequency: 'month', index: 11, key: '2026-11' });
    expect(parsePeriodKey('2026-3').key).toBe('2026-03');
    expect(parsePeriodKey('quý 4/2026').key).toBe('2026-Q4');
    expect(parsePeriodKey('Quý IV năm 2026').key).toBe('2026-Q4');
    expect(parsePeriodKey('6 tháng cuối năm 2026').key).toBe('2026-H2');
    expect(parsePeriodKey('tháng 11/2026').key).toBe('2026-11');
    expect(parsePeriodKey('năm 2026').key).toBe('2026');
  });
  it('refuses malformed keys with an explanation', () => {
    expect(() => parsePeriodKey('2026-Q5')).toThrow(/2026-Q4 \(quý\)/);
    expect(() => parsePeriodKey('2026-13')).toThrow();
  });
  it('knows the previous period across year ends', () => {
    expect(previousPeriodKey('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriodKey('2026-Q4')).toBe('2026-Q3');
    expect(previousPeriodKey('2026-H1')).toBe('2025-H2');
    expect(previousPeriodKey('2026-01')).toBe('2025-12');
    expect(previousPeriodKey('2026')).toBe('2025');
  });
  it('labels periods in Vietnamese', () => {
    expect(periodLabel('2026-Q4')).toBe('quý IV/2026');
    expect(periodLabel('2026-H1')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('2026-11')).toBe('tháng 11/2026');
    expect(periodLabel('2026')).toBe('năm 2026');
  });
  it('finds the period containing a local date', () => {
    expect(periodKeyAt(new Date('2026-12-31T23:30:00+07:00'), 'quarter')).toBe('2026-Q4');
    // 01/01/2027 00:30 local is 31/12/2026 17:30 UTC: the local calendar decides
    expect(periodKeyAt(new Date('2027-01-01T00:30:00+07:00'), 'quarter')).toBe('2027-Q1');
    expect(periodKeyAt(new Date('2026-07-01T00:00:00+07:00'), 'half-year')).toBe('2026-H2');
  });
});

describe('period calendar (Asia/Ho_Chi_Minh)', () => {
  it('computes start, end, deadline and lock date of a quarter', () => {
    const c = periodCalendar('2026-Q4', quarterly);
    expect(c.startsAt.toISOString()).toBe('2026-09-30T17:00:00.000Z'); // 01/10/2026 00:00 local
    expect(c.endsAt.toISOString()).toBe('2026-12-31T16:59:59.999Z'); // 31/12/2026 23:59:59.999 local
    expect(formatDate(c.deadline)).toBe('10/01/2027');
    expect(formatDate(c.locksAt)).toBe('09/02/2027');
    expect(formatDateTime(c.deadline)).toBe('23:59 10/01/2027');
  });
  it('handles months, halves, years and the data cut-off', () => {
    const feb = periodCalendar('2028-02', { frequency: 'month', cutoffDay: 5, deadlineDays: 3, lockAfterDays: 0 });
    expect(formatDate(feb.endsAt)).toBe('29/02/2028');
    expect(formatDate(feb.cutoffAt)).toBe('24/02/2028');
    expect(formatDate(feb.deadline)).toBe('03/03/2028');
    expect(feb.locksAt.getTime()).toBe(feb.deadline.getTime());
    const h1 = periodCalendar('2026-H1', { ...quarterly, frequency: 'half-year' });
    expect(formatDate(h1.endsAt)).toBe('30/06/2026');
    const y = periodCalendar('2026', { ...quarterly, frequency: 'year', deadlineDays: 15 });
    expect(formatDate(y.deadline)).toBe('15/01/2027');
  });
  it('refuses a key of another frequency than the regime', () => {
    expect(() => periodCalendar('2026-H2', quarterly)).toThrow(/hằng quý/);
  });
});
