// data/regimes/ at start: new files create regimes, a second run changes nothing, an edited file updates its
// regime keeping item ids and answers, a broken file is reported and the others still load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { regimeAgencyChanges } from '../../src/reporting/regimes.ts';
import { openTestApp, seedReporting, type Seeded } from '../transcripts/seed.ts';

const REGIME_YAML = `code: tc-ca-mau
name: Báo cáo kinh phí CNTT
frequency: quarter
province: Cà Mau
agencies:
  - agency: Sở Tài chính
    items:
      - label: Kinh phí đã cấp
        valueKind: money
        unit: triệu đồng
        targetValue: 2000
      - label: Bố trí kinh phí hằng năm
        kind: task_status
`;

let seed: Seeded;
let dir: string;
beforeEach(async () => {
  seed = await seedReporting();
  dir = mkdtempSync(join(tmpdir(), 'da-regimes-'));
});
afterEach(async () => {
  await seed.close();
  rmSync(dir, { recursive: true, force: true });
});

const items = async (code: string) =>
  seed.app.db.regimeItem.findMany({
    where: { regime: { code } },
    orderBy: { ord: 'asc' },
    select: { id: true, label: true, targetValue: true, kind: true },
  });

describe('loadRegimeFolder', () => {
  it('creates once, then changes nothing on the next start', async () => {
    writeFileSync(join(dir, 'tc.yaml'), REGIME_YAML);
    writeFileSync(join(dir, 'notes.txt'), 'not a regime');
    expect(await loadRegimeFolder(seed.app, dir)).toEqual({ loaded: ['tc-ca-mau'], updated: [], unchanged: [], errors: [], warnings: [] });
    const first = await items('tc-ca-mau');
    expect(first.map((i) => i.label)).toEqual(['Kinh phí đã cấp', 'Bố trí kinh phí hằng năm']);
    expect(await loadRegimeFolder(seed.app, dir)).toEqual({ loaded: [], updated: [], unchanged: ['tc-ca-mau'], errors: [], warnings: [] });
    expect(await items('tc-ca-mau')).toEqual(first);
  });

  it('an edited file updates the regime in place: relabelled and retargeted items keep their ids and answers', async () => {
    writeFileSync(join(dir, 'tc.yaml'), REGIME_YAML);
    await loadRegimeFolder(seed.app, dir);
    const [money, task] = await items('tc-ca-mau');
    const period = await seed.app.db.period.create({
      data: {
        regimeId: (await seed.app.db.regime.findUniqueOrThrow({ where: { code: 'tc-ca-mau' } })).id,
        key: '2026-Q4',
        startsAt: new Date(),
        endsAt: new Date(),
        deadline: new Date(),
        locksAt: new Date(),
      },
    });
    const sub = await seed.app.db.submission.create({
      data: { periodId: period.id, agencyId: (await seed.app.db.agency.findUniqueOrThrow({ where: { key: 'so-tc@ca-mau' } })).id },
    });
    await seed.app.db.answer.create({ data: { submissionId: sub.id, itemId: money!.id, value: 1500 } });
    const edited = REGIME_YAML.replace('Kinh phí đã cấp', 'Vốn sự nghiệp CNTT đã cấp (lũy kế)')
      .replace('targetValue: 2000', 'targetValue: 2500')
      .replace(
        '        kind: task_status\n',
        '        kind: task_status\n      - label: Số dự án CNTT được cấp vốn\n        unit: dự án\n',
      );
    writeFileSync(join(dir, 'tc.yaml'), edited);
    expect(await loadRegimeFolder(seed.app, dir)).toMatchObject({ updated: ['tc-ca-mau'], errors: [] });
    const after = await items('tc-ca-mau');
    expect(after.map((i) => [i.id, i.label, i.targetValue])).toEqual([
      [money!.id, 'Vốn sự nghiệp CNTT đã cấp (lũy kế)', 2500],
      [task!.id, 'Bố trí kinh phí hằng năm', null],
      [expect.any(Number), 'Số dự án CNTT được cấp vốn', null],
    ]);
    expect(await seed.app.db.answer.findMany({ where: { itemId: money!.id } })).toMatchObject([{ value: 1500 }]);
    // dropping an answered item is refused, with the reason, and nothing of that file is applied
    writeFileSync(join(dir, 'tc.yaml'), edited.replace(/      - label: Vốn sự nghiệp[\s\S]*?targetValue: 2500\n/, ''));
    const r = await loadRegimeFolder(seed.app, dir);
    expect(r.errors[0]?.message).toContain('Không xóa được chỉ tiêu đã có số liệu báo cáo');
    expect((await items('tc-ca-mau')).length).toBe(3);
  });

  it('reports a broken file with its name and reason, and still loads the others', async () => {
    writeFileSync(join(dir, 'a-broken.yaml'), 'code: x\nname: [unclosed\n');
    writeFileSync(join(dir, 'b-invalid.yaml'), 'code: y\nname: Thiếu tần suất\nagencies: []\n');
    writeFileSync(join(dir, 'c-unknown.yaml'), REGIME_YAML.replace('code: tc-ca-mau', 'code: z').replace('Sở Tài chính', 'Sở Không Có'));
    writeFileSync(join(dir, 'd-good.yaml'), REGIME_YAML);
    writeFileSync(
      join(dir, 'e-duplicate.json'),
      JSON.stringify({
        code: 'tc-ca-mau',
        name: 'Trùng',
        frequency: 'year',
        agencies: [{ agency: 'Sở Tài chính', items: [{ label: 'x' }] }],
      }),
    );
    const r = await loadRegimeFolder(seed.app, dir);
    expect(r.loaded).toEqual(['tc-ca-mau']);
    expect(r.errors.map((e) => e.file.split('/').pop())).toEqual(['a-broken.yaml', 'b-invalid.yaml', 'c-unknown.yaml', 'e-duplicate.json']);
    expect(r.errors[1]!.message).toMatch(/frequency: .*agencies: chế độ báo cáo phải có ít nhất một cơ quan/);
    expect(r.errors[2]!.message).toContain('Không tìm thấy cơ quan "Sở Không Có"');
    expect(r.errors[3]!.message).toContain('đã dùng trong d-good.yaml');
    expect(await loadRegimeFolder(seed.app, join(dir, 'missing'))).toEqual({
      loaded: [],
      updated: [],
      unchanged: [],
      errors: [],
      warnings: [],
    });
  });
  it('skips a proposal waiting for review, and names the file and line of a misspelt key', async () => {
    writeFileSync(join(dir, 'tc.yaml'), REGIME_YAML);
    writeFileSync(join(dir, 'tc.proposed.yaml'), REGIME_YAML.replace('Kinh phí đã cấp', 'Đề xuất chưa rà soát'));
    writeFileSync(
      join(dir, 'typo.yaml'),
      REGIME_YAML.replace('code: tc-ca-mau', 'code: typo').replace('unit: triệu đồng', 'units: triệu đồng'),
    );
    const r = await loadRegimeFolder(seed.app, dir);
    expect(r.loaded).toEqual(['tc-ca-mau']);
    expect((await items('tc-ca-mau')).map((i) => i.label)).toEqual(['Kinh phí đã cấp', 'Bố trí kinh phí hằng năm']);
    expect(r.errors).toEqual([
      {
        file: join(dir, 'typo.yaml'),
        message:
          "Định nghĩa chế độ báo cáo không hợp lệ (typo.yaml): agencies[0].items[0]: khóa không hợp lệ 'units' ở dòng 10 của typo.yaml; có thể là: unit",
      },
    ]);
  });
});

describe('the shipped data/regimes', () => {
  it('loads the Cà Mau 37/KH-STTTT regime with the real agency registry, its 2013 agencies resolved to today’s, warning each', async () => {
    const app = await openTestApp(
      `file:${join(dir, 'real.db')}`,
      'data/agencies.yaml',
      new ManualClock(new Date('2026-11-21T09:00:00+07:00')),
    );
    try {
      const r = await loadRegimeFolder(app, 'data/regimes');
      expect(r).toMatchObject({ loaded: ['37-kh-stttt-ca-mau'], errors: [] });
      const regime = await app.db.regime.findUniqueOrThrow({
        where: { code: '37-kh-stttt-ca-mau' },
        include: { items: { include: { agency: true } } },
      });
      expect(regime).toMatchObject({ frequency: 'quarter', province: 'Cà Mau' });
      const byAgency = (key: string) => regime.items.filter((i) => i.agency.key === key);
      // Sở TT&TT's items are Sở KH&CN's since 01/3/2025, Sở KH&ĐT's are Sở Tài chính's, UBND cấp huyện's UBND cấp xã's.
      expect(
        byAgency('so-khcn@ca-mau').filter((i) => i.valueKind === 'percent' && i.min === 0 && i.max === 100 && i.targetValue != null).length,
      ).toBe(8);
      expect(byAgency('so-tc@ca-mau').map((i) => [i.kind, i.label.slice(0, 20)])).toEqual([
        ['figure', 'Vốn đầu tư cho CNTT '],
        ['task_status', 'Cân đối nguồn lực, ư'],
        ['figure', 'Vốn sự nghiệp cho CN'],
        ['task_status', 'Bố trí và cấp đủ kin'],
        // the free-text items of both former groups, asked once, after the figures and tasks
        ['text', 'Khó khăn, vướng mắc'],
        ['text', 'Nhiệm vụ, giải pháp '],
        ['text', 'Kiến nghị, đề xuất'],
      ]);
      for (const key of ['so-gddt@ca-mau', 'so-nv@ca-mau', 'so-yt@ca-mau', 'ubnd-xa@ca-mau'])
        expect(byAgency(key).length).toBeGreaterThan(0);
      for (const key of ['so-tttt@ca-mau', 'so-khdt@ca-mau', 'ubnd-huyen@ca-mau']) expect(byAgency(key)).toEqual([]);
      expect(regime.receivingBody).toBe('Sở Khoa học và Công nghệ tỉnh Cà Mau (tổng hợp, báo cáo UBND tỉnh, Chủ tịch UBND tỉnh)');
      // Labels name today's agencies too ("phối hợp Sở TT&TT" was shown in 2026 as written in 2013).
      expect(byAgency('ubnd-xa@ca-mau').map((i) => i.label)[0]).toBe(
        'Triển khai Kế hoạch tại cấp huyện, cấp xã (phối hợp Sở Khoa học và Công nghệ)',
      );
      expect(regime.items.map((i) => i.label).filter((l) => /TT&TT|cấp huyện\)/.test(l))).toEqual([]);
      expect(r.warnings[0]!.warnings.slice(0, 5)).toEqual([
        'Mục của Sở Thông tin và Truyền thông tỉnh Cà Mau nay là Sở Khoa học và Công nghệ tỉnh Cà Mau (từ 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ): giao cho Sở Khoa học và Công nghệ tỉnh Cà Mau.',
        '"UBND cấp huyện" trong nội dung chế độ báo cáo đã đổi thành "Ủy ban nhân dân cấp xã" (từ 01/7/2025, Luật Tổ chức chính quyền địa phương số 72/2025/QH15).',
        'Mục của Sở Kế hoạch và Đầu tư tỉnh Cà Mau nay là Sở Tài chính tỉnh Cà Mau (từ 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ): giao cho Sở Tài chính tỉnh Cà Mau.',
        'Mục của Ủy ban nhân dân cấp huyện nay là Ủy ban nhân dân cấp xã (từ 01/7/2025, Luật Tổ chức chính quyền địa phương số 72/2025/QH15): giao cho Ủy ban nhân dân cấp xã.',
        '"Sở TT&TT" trong nội dung chế độ báo cáo đã đổi thành "Sở Khoa học và Công nghệ" (từ 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ).',
      ]);
      // kept with the regime (as codes since the English CLI; read back as the same sentences)
      expect(await regimeAgencyChanges(app.db, regime.code)).toEqual(r.warnings[0]!.warnings);
      expect((await regimeAgencyChanges(app.db, regime.code, 'en'))[0]).toBe(
        'Sở Thông tin và Truyền thông tỉnh Cà Mau is now Sở Khoa học và Công nghệ tỉnh Cà Mau (since 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ): its items go to Sở Khoa học và Công nghệ tỉnh Cà Mau.',
      );
      // Said again at the next start, while nothing changes.
      expect(await loadRegimeFolder(app, 'data/regimes')).toMatchObject({
        unchanged: ['37-kh-stttt-ca-mau'],
        warnings: [{ code: '37-kh-stttt-ca-mau', warnings: r.warnings[0]!.warnings }],
      });
    } finally {
      await app.close();
    }
  });
});
