// Regimes: hand-written YAML, export/edit round trip keeping answers attached, proposals from a document.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proposeRegime } from '../../src/reporting/regime-propose.ts';
import { exportRegime, parseRegimeFile, regimeToYaml, saveRegime } from '../../src/reporting/regimes.ts';
import { seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  await seed.close();
});

describe('regime definitions', () => {
  it('loads a hand-written YAML regime with Decree 09 fields, items grouped by agency', async () => {
    const file = join(seed.dir, 'hand.yaml');
    writeFileSync(
      file,
      `code: ks-hai-long
name: Báo cáo khảo sát hài lòng
receivingBody: UBND tỉnh
method: Qua trợ lý văn bản
frequency: half-year
deadlineDays: 15
province: Cà Mau
agencies:
  - agency: Sở Kế hoạch và Đầu tư
    items:
      - label: Số dự án đầu tư được cấp phép
        valueKind: count
        unit: dự án
      - label: Triển khai hệ thống một cửa điện tử
        kind: task_status
`,
    );
    const r = await saveRegime(seed.app, parseRegimeFile(file));
    expect(r.items).toBe(2);
    const row = await seed.app.db.regime.findUniqueOrThrow({
      where: { code: 'ks-hai-long' },
      include: { items: { include: { agency: true } } },
    });
    expect(row).toMatchObject({
      frequency: 'half-year',
      deadlineDays: 15,
      lockAfterDays: 30,
      receivingBody: 'UBND tỉnh',
      reportingBodies: '["so-khdt@ca-mau"]',
    });
    expect(row.items.map((i) => [i.kind, i.valueKind, i.agency.key])).toEqual([
      ['figure', 'count', 'so-khdt@ca-mau'],
      ['task_status', null, 'so-khdt@ca-mau'],
    ]);
  });

  it('explains what is wrong in an invalid definition', () => {
    const file = join(seed.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ code: 'x', name: 'X', frequency: 'weekly', agencies: [] }));
    expect(() => parseRegimeFile(file)).toThrow(/frequency.*agencies/s);
  });

  it('refuses a misspelt key with the file, its line and the key it most likely meant (issue 18: `valuekind: percent`)', () => {
    const shipped = readFileSync('data/regimes/37-kh-stttt-ca-mau.yaml', 'utf8');
    const line = shipped.split('\n').indexOf('        valueKind: percent') + 1;
    const file = join(seed.dir, '37-kh-stttt-ca-mau.yaml');
    writeFileSync(file, shipped.replace('        valueKind: percent', '        valuekind: percent'));
    expect(() => parseRegimeFile(file)).toThrow(
      `khóa không hợp lệ 'valuekind' ở dòng ${line} của 37-kh-stttt-ca-mau.yaml; có thể là: valueKind`,
    );
    writeFileSync(file, shipped.replace('agencies:', 'agencys:'));
    expect(() => parseRegimeFile(file)).toThrow(/khóa không hợp lệ 'agencys' ở dòng 30 của 37-kh-stttt-ca-mau\.yaml; có thể là: agencies/);
    writeFileSync(file, shipped.replace('    items:\n', '    itmes:\n'));
    expect(() => parseRegimeFile(file)).toThrow(/khóa không hợp lệ 'itmes' ở dòng 32 .*có thể là: items/);
  });

  it('refuses a value of the wrong type or outside its choices, naming the line and the valid choices', () => {
    const file = join(seed.dir, 'bad.yaml');
    writeFileSync(
      file,
      `code: x
name: X
frequency: weekly
deadlineDays: "10"
agencies:
  - agency: Sở Tài chính
    items:
      - label: Kinh phí
        valueKind: tien
      - label: Khó khăn, vướng mắc
        kind: text
        unit: triệu đồng
`,
    );
    const message = (() => {
      try {
        parseRegimeFile(file);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain("frequency: giá trị 'weekly' không hợp lệ ở dòng 3 của bad.yaml; có thể là: month, quarter, half-year, year");
    expect(message).toContain("deadlineDays: phải là một số, không phải '10' ở dòng 4 của bad.yaml");
    expect(message).toContain(
      "agencies[0].items[0].valueKind: giá trị 'tien' không hợp lệ ở dòng 9 của bad.yaml; có thể là: percent, count, money, ratio",
    );
    expect(message).toContain('agencies[0].items[1].unit: mục dạng văn bản (kind: text) không có "unit" ở dòng 12 của bad.yaml');
  });

  it('round-trips through export and edit, keeping item ids so answers stay attached', async () => {
    const def = await exportRegime(seed.app.db, 'cds-ca-mau');
    expect(regimeToYaml(def)).toContain('agency: so-tttt@ca-mau');
    const group = def.agencies[0]!;
    group.items[0]!.label = 'Tỷ lệ văn bản điện tử (đã sửa)';
    const before = await seed.app.db.answer.count();
    await saveRegime(seed.app, def);
    const item = await seed.app.db.regimeItem.findUniqueOrThrow({ where: { id: group.items[0]!.id! } });
    expect(item.label).toBe('Tỷ lệ văn bản điện tử (đã sửa)');
    expect(await seed.app.db.answer.count()).toBe(before);
  });

  it('keeps the rules between items (key, partOf, lũy kế) through load and export, and refuses a partOf to no key', async () => {
    const file = join(seed.dir, 'rules.yaml');
    const yaml = (partOf: string) => `code: kinh-phi
name: Báo cáo kinh phí
frequency: quarter
agencies:
  - agency: Sở Tài chính
    items:
      - label: Tổng kinh phí
        valueKind: money
        unit: tỷ đồng
        key: tong
      - label: Ngân sách tỉnh
        valueKind: money
        unit: tỷ đồng
        partOf: ${partOf}
      - label: Số hồ sơ giải ngân
        valueKind: count
        cumulative: true
`;
    writeFileSync(file, yaml('tong'));
    await saveRegime(seed.app, parseRegimeFile(file));
    const out = regimeToYaml(await exportRegime(seed.app.db, 'kinh-phi'));
    expect(out).toContain('key: tong');
    expect(out).toContain('partOf: tong');
    expect(out).toContain('cumulative: true');
    writeFileSync(file, yaml('tongg'));
    expect(() => parseRegimeFile(file)).toThrow(/partOf "tongg" không phải khóa \(key\) của chỉ tiêu nào của Sở Tài chính/);
  });

  it('refuses to drop an item that already has answers', async () => {
    const def = await exportRegime(seed.app.db, 'cds-ca-mau');
    def.agencies[0]!.items.shift(); // last quarter's answer hangs on this item
    await expect(saveRegime(seed.app, def)).rejects.toThrow(/Không xóa được chỉ tiêu đã có số liệu/);
  });
});

describe('regime create --from a document', () => {
  it('proposes figures and task statuses grouped by owner, inferring indicator owners from task leads', async () => {
    const db = seed.app.db;
    const tc = await db.agency.findUniqueOrThrow({ where: { key: 'so-tc@ca-mau' } });
    const tttt = await db.agency.findUniqueOrThrow({ where: { key: 'so-tttt@ca-mau' } });
    const doc = await db.document.create({
      data: {
        type: 'Kế hoạch',
        number: '37/KH-STTTT',
        numberKey: '37/kh-stttt',
        issuer: 'Sở Thông tin và Truyền thông',
        province: 'Cà Mau',
        title: 'Kế hoạch ứng dụng CNTT năm 2014',
        sourceFile: 'x.txt',
        contentHash: 'h',
      },
    });
    const top = await db.section.create({
      data: { documentId: doc.id, ord: 0, level: 0, label: 'II.', path: 'II', text: 'Nhiệm vụ tài chính' },
    });
    const sub = await db.section.create({
      data: { documentId: doc.id, parentId: top.id, ord: 1, level: 1, label: '1.', path: 'II.1', text: 'Kinh phí' },
    });
    const other = await db.section.create({
      data: { documentId: doc.id, ord: 2, level: 0, label: 'III.', path: 'III', text: 'Chỉ tiêu chung' },
    });
    const task = await db.task.create({
      data: { documentId: doc.id, sectionId: top.id, ord: 0, text: 'Bố trí kinh phí thực hiện Kế hoạch', deadline: 'năm 2014' },
    });
    await db.taskAgency.create({ data: { taskId: task.id, agencyId: tc.id, role: 'lead', asWritten: 'Sở Tài chính' } });
    await db.indicator.create({
      data: {
        documentId: doc.id,
        sectionId: sub.id,
        ord: 0,
        subject: 'Kinh phí sự nghiệp CNTT',
        text: '…',
        valueText: '8 tỷ đồng',
        valueMax: 8,
        unit: 'tỷ đồng',
        kind: 'money',
        year: 2014,
      },
    });
    await db.indicator.create({
      data: {
        documentId: doc.id,
        sectionId: other.id,
        ord: 1,
        subject: 'Tỷ lệ hộ gia đình có máy tính',
        text: '…',
        valueText: '10-15%',
        valueMin: 10,
        valueMax: 15,
        unit: '%',
        kind: 'percent',
        year: 2014,
      },
    });

    const { def, warnings } = await proposeRegime(seed.app, '37/KH-STTTT');
    expect(warnings).toEqual([]);
    expect(def).toMatchObject({ code: '37-kh-stttt-ca-mau', frequency: 'quarter', province: 'Cà Mau', document: '37/KH-STTTT' });
    const byAgency = Object.fromEntries(def.agencies.map((g) => [g.agency, g.items.map((i) => [i.kind, i.label, i.targetText ?? null])]));
    const free = ['Khó khăn, vướng mắc', 'Nhiệm vụ, giải pháp thời gian tới', 'Kiến nghị, đề xuất'].map((l) => ['text', l, null]);
    expect(byAgency).toEqual({
      [tc.name]: [
        ['figure', 'Kinh phí sự nghiệp CNTT', '8 tỷ đồng năm 2014'],
        ['task_status', 'Bố trí kinh phí thực hiện Kế hoạch', 'năm 2014'],
        ...free,
      ],
      [tttt.name]: [['figure', 'Tỷ lệ hộ gia đình có máy tính', '10-15% năm 2014'], ...free], // no task leads there: the issuer owns it
    });
    const saved = await saveRegime(seed.app, def);
    expect(saved.items).toBe(9);
    const reg = await db.regime.findUniqueOrThrow({ where: { code: def.code }, include: { items: { include: { agency: true } } } });
    expect(reg.documentId).toBe(doc.id);
    expect(new Set(reg.items.map((i) => i.agency.key))).toEqual(new Set([tc.key, tttt.key]));
  });

  it('says so when the document is unknown', async () => {
    await expect(proposeRegime(seed.app, '99/KH-XYZ')).rejects.toThrow(/Không tìm thấy văn bản "99\/KH-XYZ"/);
  });
});
