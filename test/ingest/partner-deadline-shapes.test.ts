// Coordinators and deadlines in the ways provincial plans write them (fixture thai-nguyen-2025-ke-hoach-phoi-hop-
// thoi-han.md, an invented text in those shapes): partners after "cùng với" or after a partner that is no agency
// name, "Sở, ban ngành liên quan", "Liên hiệp các hội …"; "trong tháng 11 năm 2025", "từ năm 2026", "Thường
// xuyên …", "Định kỳ …"; a date before the document's own date is a condition, not a deadline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadlineRange } from '../../src/ingest/parse/deadlines.ts';
import { parse } from './helpers.ts';

const name = 'thai-nguyen-2025-ke-hoach-phoi-hop-thoi-han.md';
const [doc] = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
const task = (start: string) => {
  const t = doc!.tasks.find((x) => x.text.startsWith(start));
  expect(t, start).toBeDefined();
  return { partners: t!.coordinators.map((c) => c.asWritten), deadline: t!.deadline };
};

describe('partners as plans write them', () => {
  it('a partner named by its role, not by an agency name, is kept and does not hide the group after "và"', () => {
    expect(task('Chủ trì, phối hợp với đơn vị điện lực').partners).toEqual(['đơn vị điện lực', 'các đơn vị liên quan']);
    expect(task('Phối hợp với chủ đầu tư hạ tầng').partners).toEqual([
      'chủ đầu tư hạ tầng khu công nghiệp',
      'các cơ quan, đơn vị chức năng',
    ]);
  });
  it('"phối hợp cùng với", "phối hợp chặt chẽ với Liên hiệp các hội …", "Sở, ban ngành liên quan"', () => {
    expect(task('Chủ trì, phối hợp cùng với Công an tỉnh').partners).toEqual(['Công an tỉnh', 'Sở Xây dựng']);
    expect(task('Phối hợp chặt chẽ với Liên hiệp').partners).toEqual(['Liên hiệp các hội Khoa học và Kỹ thuật tỉnh']);
    expect(task('Chủ trì, phối hợp với Sở, ban ngành liên quan').partners).toEqual(['Sở, ban ngành liên quan']);
  });
  it('"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" is one partner, not cut at its comma', () => {
    expect(task('Phối hợp với các bộ, ngành, Ủy ban nhân dân').partners).toEqual([
      'các bộ, ngành',
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    ]);
  });
});

describe('who a duty is given to', () => {
  it('"Các sở, ban, ngành tỉnh, Công an tỉnh gửi …": the group in the subject is kept beside the agency', () => {
    const t = doc!.tasks.find((x) => x.text.startsWith('Các sở, ban, ngành tỉnh, Công an tỉnh'));
    expect(t?.leads.map((l) => l.asWritten)).toEqual(['Công an tỉnh']);
    expect(t?.addressee).toBe('Các sở, ban, ngành tỉnh');
  });
});

describe('a "Cơ quan phối hợp:" field', () => {
  it('keeps a partner that is no known name at its end ("cơ quan, tổ chức khác có liên quan")', () => {
    expect(task('Kiểm tra an toàn hồ chứa nước').partners).toEqual([
      'Công an tỉnh',
      'Ủy ban nhân dân các xã, phường',
      'cơ quan, tổ chức khác có liên quan',
    ]);
  });
});

describe('deadlines as plans write them', () => {
  it('"trong tháng 11 năm 2025", "từ năm 2026"', () => {
    expect(task('Chủ trì, phối hợp cùng với Công an tỉnh').deadline).toBe('trong tháng 11 năm 2025');
    expect(task('Chủ trì, phối hợp với Sở, ban ngành liên quan').deadline).toBe('từ năm 2026');
  });
  it('"từ năm 2026" is open-ended; "từ năm 2025 đến năm 2030" spans both years', () => {
    expect(deadlineRange('từ năm 2026')).toEqual({ start: '2026-01-01', end: null, recurring: false });
    expect(deadlineRange('từ năm 2025 đến năm 2030')).toEqual({ start: '2025-01-01', end: '2030-12-31', recurring: false });
  });
  it('"Thường xuyên …" and "Định kỳ …" at the head of a duty are its recurrence', () => {
    expect(task('Thường xuyên kiểm tra').deadline).toBe('Thường xuyên');
    expect(task('Định kỳ tổng hợp').deadline).toBe('Định kỳ');
  });
  it('a date before the document was issued is a condition of the duty, not its deadline', () => {
    expect(task('Chủ trì cấp Giấy chứng nhận').deadline).toBeNull();
  });
});
