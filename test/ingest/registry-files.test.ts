// The reviewed data files (agencies, provinces) are validated at load: a typo names the file and the line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgencyRegistry } from '../../src/ingest/agencies.ts';
import { loadProvinceRegistry, provinces } from '../../src/ingest/provinces.ts';

const dir = mkdtempSync(join(tmpdir(), 'registry-'));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

const AGENCY = `agencies:
  - key: so-tttt
    name: Sở Thông tin và Truyền thông
    kind: so
`;

describe('data/agencies.yaml validation', () => {
  it('rejects an unknown key, naming the file and its line', () => {
    const f = file('a.yaml', `${AGENCY}    succesor: so-khcn\n`);
    expect(errorOf(() => loadAgencyRegistry(f))).toBe(`Tệp dữ liệu ${f}, dòng 5 (agencies.0.succesor): khóa không được phép "succesor".`);
  });

  it('rejects a succession without its date, and a successor that is not in the registry', () => {
    const noDate = file('b.yaml', `${AGENCY}    succession:\n      change: merged\n      basis: NĐ 45/2025\n      into: so-khcn\n`);
    expect(errorOf(() => loadAgencyRegistry(noDate))).toMatch(/dòng 6 \(agencies\.0\.succession\.date\)/);
    const badDate = file(
      'c.yaml',
      `${AGENCY}    succession:\n      change: merged\n      date: 01/3/2025\n      basis: NĐ 45/2025\n      into: so-khcn\n`,
    );
    expect(errorOf(() => loadAgencyRegistry(badDate))).toMatch(/dòng 7 .*ngày phải viết dạng YYYY-MM-DD/);
    const dangling = file(
      'd.yaml',
      `${AGENCY}    succession:\n      change: merged\n      date: 2025-03-01\n      basis: NĐ 45/2025\n      into: so-khcn\n`,
    );
    expect(errorOf(() => loadAgencyRegistry(dangling))).toMatch(/so-tttt trỏ tới cơ quan kế nhiệm không có: so-khcn/);
  });

  it('loads the shipped registry', () => {
    expect(() => loadAgencyRegistry('data/agencies.yaml')).not.toThrow();
  });
});

describe('data/provinces.yaml', () => {
  it('has the 34 units of today and the 63 of before, each former one with what it became', () => {
    const p = provinces();
    const current = p.names().filter((n) => p.isCurrent(n));
    expect(current).toHaveLength(34);
    // Before 2025 Huế was Thừa Thiên Huế: the 63 are every name but today's Huế.
    expect(p.names().filter((n) => n !== 'Huế')).toHaveLength(63);
    expect(
      p
        .names()
        .filter((n) => p.changeOf(n))
        .every((n) => p.isCurrent(p.changeOf(n)!.into)),
    ).toBe(true);
    expect(p.today('Bạc Liêu', new Date('2026-12-01'))).toBe('Cà Mau');
    expect(p.today('Bạc Liêu', new Date('2025-06-30'))).toBe('Bạc Liêu');
    expect(p.formerOf('Cần Thơ').map((c) => c.name)).toEqual(['Sóc Trăng', 'Hậu Giang']);
    expect(p.changeOf('Kon Tum')).toEqual({
      name: 'Kon Tum',
      into: 'Quảng Ngãi',
      date: '2025-07-01',
      basis: 'Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội',
    });
    expect(p.covers('Cà Mau', 'Bạc Liêu')).toBe(true);
    expect(p.covers('Bạc Liêu', 'Cà Mau')).toBe(false);
  });

  it('rejects an unknown key with its line', () => {
    const f = file('p.yaml', 'date: 2025-07-01\nbasis: NQ 202\nprovinces:\n  - name: Cà Mau\n    form: [Bạc Liêu]\n');
    expect(errorOf(() => loadProvinceRegistry(f))).toBe(`Tệp dữ liệu ${f}, dòng 5 (provinces.0.form): khóa không được phép "form".`);
  });
});
