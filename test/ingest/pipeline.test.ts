// The import pipeline's own behaviour (re-import, replacement, bad files), with a small stand-in parser so these
// tests do not depend on the real parser's coverage; the seed import itself is tested in seeds-import.test.ts.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { AppError, ErrorCode } from '../../src/core/errors.ts';
import { cleanInput } from '../../src/core/text.ts';
import type { ParsedDocument } from '../../src/core/types.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';

/** Stand-in parser: one document per file, one task per line "Sở X: việc", lead resolved via the registry. */
function lineParser(text: string, opts: { fileName: string; registry: App['registry'] }): ParsedDocument[] {
  if (!text.includes(':')) throw new AppError(ErrorCode.NotADirective, `Tệp ${opts.fileName} không phải văn bản chỉ đạo.`);
  const lines = text.split('\n').filter((l) => l.includes(':'));
  return [
    {
      partIndex: 0,
      type: 'Chỉ thị',
      number: '9/CT-UBND',
      issuer: 'UBND tỉnh Thử',
      province: 'Cà Mau',
      issueDate: null,
      year: 2020,
      signer: null,
      title: 'Văn bản thử',
      period: null,
      approvesNumber: null,
      approvesPart: null,
      inlineAliases: [],
      sections: lines.map((l, i) => ({ idx: i, parent: null, level: 0, label: `${i + 1}.`, path: `${i + 1}`, heading: null, text: l })),
      tasks: lines.map((l, i) => ({
        section: i,
        text: l.split(':')[1]!.trim(),
        leads: [opts.registry.resolve(l.split(':')[0]!.trim())],
        coordinators: [],
        addressee: null,
        deadline: null,
      })),
      indicators: [],
      warnings: [],
    },
  ];
}

describe.each(await dbKinds())('import pipeline (%s)', (kind) => {
  let t: TempDb;
  let app: App;
  let dir: string;
  beforeEach(async () => {
    t = await tempDb(kind);
    app = await createApp({ config: { DATABASE_URL: t.url }, log: silentLogger });
    dir = mkdtempSync(join(tmpdir(), 'da-docs-'));
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('imports once, skips unchanged content, and replaces a changed file saying what changed', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'Sở TT&TT: triển khai phần mềm\nSở Bưu chính Viễn thông: xây dựng mạng\n');
    const first = await importPaths(app, [dir], { parse: lineParser });
    expect(first.files.map((r) => r.status)).toEqual(['new']);
    expect(await app.db.task.count()).toBe(2);
    const lead = await app.db.taskAgency.findFirst({ where: { role: 'lead' }, include: { agency: true }, orderBy: { id: 'asc' } });
    expect(lead?.agency).toMatchObject({
      key: 'so-tttt@ca-mau',
      baseKey: 'so-tttt',
      name: 'Sở Thông tin và Truyền thông',
      province: 'Cà Mau',
    });
    const old = await app.db.agency.findUnique({ where: { key: 'so-bcvt@ca-mau' }, include: { successor: true } });
    expect(old?.successor?.key).toBe('so-tttt@ca-mau');

    const again = await importPaths(app, [dir], { parse: lineParser });
    expect(again.files[0]).toMatchObject({ status: 'unchanged' });
    expect(again.changed).toBe(false);

    writeFileSync(f, 'Sở TT&TT: triển khai phần mềm\n');
    const third = await importPaths(app, [dir], { parse: lineParser });
    expect(third.files[0]).toMatchObject({ status: 'updated' });
    expect(third.files[0]!.message).toContain('nhiệm vụ 2 → 1');
    expect(await app.db.task.count()).toBe(1);
    expect(await app.db.document.count()).toBe(1);
  });

  it('reads a file again when it was stored by an older parser, though its text is unchanged', async () => {
    const f = join(dir, 'a.txt');
    const text = 'Sở TT&TT: triển khai phần mềm\n';
    writeFileSync(f, text);
    await importPaths(app, [dir], { parse: lineParser });
    // What the file's hash was before the parser's version was part of it: the text alone.
    const older = createHash('sha256').update(cleanInput(text)).digest('hex');
    await app.db.document.updateMany({ data: { contentHash: older } });
    const again = await importPaths(app, [dir], { parse: lineParser });
    expect(again.files[0]).toMatchObject({ status: 'updated' });
    expect(await app.db.document.count()).toBe(1);
    expect((await importPaths(app, [dir], { parse: lineParser })).files[0]).toMatchObject({ status: 'unchanged' });
  });

  it('names each bad file, keeps importing the rest, and leaves stored documents untouched', async () => {
    writeFileSync(join(dir, 'a-good.txt'), 'Sở TT&TT: việc một\n');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
    writeFileSync(join(dir, 'c-latin1.txt'), Buffer.from([0x53, 0xe0, 0x20, 0x3a]));
    writeFileSync(join(dir, 'd-recipe.txt'), 'Bột mì 200 gam, trứng 2 quả');
    const r = await importPaths(app, [dir, join(dir, 'missing.txt')], { parse: lineParser });
    const byFile = Object.fromEntries(r.files.map((x) => [x.file.split('/').pop(), x]));
    expect(byFile['missing.txt']).toMatchObject({ status: 'error' });
    expect(byFile['missing.txt']!.message).toContain('missing.txt');
    expect(byFile['a-good.txt']).toMatchObject({ status: 'new' });
    expect(byFile['b-binary.txt']!.message).toMatch(/b-binary\.txt.*nhị phân/);
    expect(byFile['c-latin1.txt']!.message).toMatch(/c-latin1\.txt.*UTF-8/);
    expect(byFile['d-recipe.txt']!.message).toMatch(/d-recipe\.txt.*không phải văn bản/);
    expect(await app.db.document.count()).toBe(1);
  });

  it('a parser failure on a changed file keeps the previously stored version', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'Sở TT&TT: việc một\n');
    await importPaths(app, [f], { parse: lineParser });
    writeFileSync(f, 'không còn dấu hai chấm');
    const r = await importPaths(app, [f], { parse: lineParser });
    expect(r.files[0]!.status).toBe('error');
    expect(await app.db.task.count()).toBe(1);
  });
});
