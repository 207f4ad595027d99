// The agency registry: aliases and abbreviations, predecessor links, inline aliases, broken files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode, isAppError } from '../../src/core/errors.ts';
import { aliasKey, loadAgencyRegistry } from '../../src/ingest/agencies.ts';
import { abbreviates } from '../../src/ingest/parse/index.ts';
import { registry } from './helpers.ts';

describe('agency registry', () => {
  it('resolves the abbreviation styles of the seeds to one key', () => {
    const cases: [string, string][] = [
      ['Sở Thông tin và Truyền thông', 'so-tttt'],
      ['Sở TT&TT', 'so-tttt'],
      ['Sở TT & TT', 'so-tttt'],
      ['Sở TT và TT', 'so-tttt'],
      ['STTTT', 'so-tttt'],
      ['Sở TTTT', 'so-tttt'],
      ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'so-tttt'],
      ['Sở Thông tin và Truyền thông tỉnh Cà Mau', 'so-tttt'],
      ['Giám đốc Sở Bưu chính, Viễn thông', 'so-bcvt'],
      ['Sở KH&ĐT', 'so-khdt'],
      ['Sở KHĐT', 'so-khdt'],
      ['Sở Kế hoạch Đầu tư', 'so-khdt'],
      ['Sở GD&ĐT', 'so-gddt'],
      ['Sở GDĐT', 'so-gddt'],
      ['Sở Giáo dục và Đào tao', 'so-gddt'],
      ['Sở LĐ-TB&XH', 'so-ldtbxh'],
      ['UBND các quận, huyện', 'ubnd-huyen'],
      ['Ủy ban nhân dân huyện, TP.Cà Mau', 'ubnd-huyen'],
      ['Đài PT-TH', 'dai-ptth'],
      ['Bộ TT&TT', 'bo-tttt'],
      ['Tỉnh ủy', 'tinh-uy'],
      ['Văn phòng UBND tỉnh', 'van-phong-ubnd'],
    ];
    for (const [written, key] of cases) expect(registry.resolve(written), written).toEqual({ asWritten: written, key });
    expect(registry.resolve('Sở Du hành Vũ trụ')).toEqual({ asWritten: 'Sở Du hành Vũ trụ', key: null });
  });

  it('generic agencies exist once, for every province', () => {
    expect(registry.get('so-tc')).toMatchObject({ name: 'Sở Tài chính', kind: 'so', province: null });
    expect(registry.get('ubnd-huyen')?.kind).toBe('ubnd-huyen');
    expect(registry.get('tinh-uy')?.kind).toBe('tinh-uy');
  });

  it('Sở Bưu chính, Viễn thông is the 2008 predecessor of Sở Thông tin và Truyền thông', () => {
    expect(registry.predecessorsOf('so-tttt').map((d) => [d.key, d.mergedYear])).toEqual([['so-bcvt', 2008]]);
    expect(registry.predecessorsOf('so-tc').map((d) => d.key)).toEqual(['so-khdt']);
  });

  it('resolves the chain Sở BCVT → Sở TT&TT → Sở KH&CN on the date asked, with each step dated', () => {
    const at = (d: string) => registry.successorOn('so-bcvt', { on: new Date(d) });
    expect(at('2007-06-01')).toBeNull();
    expect(at('2020-01-01')?.key).toBe('so-tttt');
    const today = at('2026-12-01')!;
    expect(today.key).toBe('so-khcn');
    expect(today.steps.map((s) => [s.from, s.to, s.date])).toEqual([
      ['so-bcvt', 'so-tttt', '2008-02-04'],
      ['so-tttt', 'so-khcn', '2025-03-01'],
    ]);
    expect(today.basis).toBe('Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ');
    expect(
      registry
        .predecessorsOf('so-khcn')
        .map((d) => d.key)
        .sort(),
    ).toEqual(['so-bcvt', 'so-tttt']);
  });

  it('gives a press task of the former Sở TT&TT to Sở VHTTDL, saying the split was inferred', () => {
    const on = new Date('2026-12-01');
    const press = registry.successorOn('so-tttt', { on, subject: 'Quản lý nhà nước về báo chí, xuất bản trên địa bàn tỉnh' })!;
    expect([press.key, press.inferred]).toEqual(['so-vhttdl', 'báo chí, xuất bản']);
    const it = registry.successorOn('so-tttt', { on, subject: 'Xây dựng chính quyền số, phát triển hạ tầng viễn thông' })!;
    expect([it.key, it.inferred]).toEqual(['so-khcn', null]);
    // Ban Dân tộc: Sở Dân tộc và Tôn giáo where the province has one, Sở Nội vụ otherwise.
    expect(registry.successorOn('ban-dan-toc', { on, present: (k) => k === 'so-dttg' })?.key).toBe('so-dttg');
    expect(registry.successorOn('ban-dan-toc', { on, present: () => false })?.key).toBe('so-nv');
    // District level: UBND các xã, phường from 01/7/2025.
    expect(registry.successorOn('ubnd-huyen', { on: new Date('2025-06-30') })).toBeNull();
    expect(registry.successorOn('ubnd-huyen', { on })).toMatchObject({ key: 'ubnd-xa', as: null });
  });

  it('learns an alias a document defines', () => {
    const reg = loadAgencyRegistry(join(import.meta.dirname, '../../data/agencies.yaml'));
    expect(reg.resolve('Sở TTTTT').key).toBeNull();
    reg.learnAlias('Sở TTTTT', 'so-tttt');
    expect(reg.resolve('sở ttttt').key).toBe('so-tttt');
    reg.learnAlias('X', 'no-such-key');
    expect(reg.resolve('X').key).toBeNull();
  });

  it('recognises an inline abbreviation only when its initials fit the name', () => {
    expect(abbreviates('Sở TT và TT', 'Sở Thông tin và Truyền thông')).toBe(true);
    expect(abbreviates('STTTT', 'Sở Thông tin và Truyền thông')).toBe(true);
    expect(abbreviates('Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư')).toBe(true);
    expect(abbreviates('kinh phí sự nghiệp', 'Sở Tài chính')).toBe(false);
    expect(abbreviates('CNTT', 'Sở Tài chính')).toBe(false);
    expect(aliasKey('Sở TT & TT.')).toBe(aliasKey('sở tt&tt'));
  });

  it('a broken registry file is a configuration error naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agencies-'));
    const file = join(dir, 'agencies.yaml');
    writeFileSync(file, 'agencies:\n  - key: x\n    name: X\n    kind: planet\n');
    let err: unknown = null;
    try {
      loadAgencyRegistry(file);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err, ErrorCode.Config)).toBe(true);
    expect((err as Error).message).toContain(file);
  });
});
