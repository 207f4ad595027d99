// The English CLI speaks English about documents too: the importer's warnings (no number, no date, cut short …) of
// `import` and `show`, `show`'s own words, and the errors of an unknown document or path. What the documents say
// (titles, issuers, agency names, the quoted last words of a cut file) stays as written; Vietnamese stays the
// default, and `show --json` is the same JSON in either language. Warnings stored before they were kept as codes
// (Vietnamese sentences) are shown as they are.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { freshApp, runCli } from '../helpers/cli.ts';
import { vietnameseLines } from '../helpers/vietnamese.ts';

const CAN_THO = 'data/documents/can-tho-2007-chi-thi-ung-dung-cntt-2007-2010.txt';
const SEED = 'data/documents/quang-ngai-2008-chi-thi-17-ct-ubnd-cntt.txt';
/** What the Cần Thơ seed says of itself: data, not the CLI's words. */
const CAN_THO_DATA = ['Chỉ thị', 'UBND thành phố Cần Thơ', 'Cần Thơ'];

describe('documents in the English CLI', () => {
  let app: App;
  let close: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ app, close } = await freshApp());
    dir = mkdtempSync(join(tmpdir(), 'da-en-docs-'));
    writeFileSync(join(dir, 'can-tho.txt'), readFileSync(CAN_THO, 'utf8'));
    const text = readFileSync(SEED, 'utf8');
    writeFileSync(join(dir, 'cut.txt'), text.slice(0, text.indexOf('trình UBND tỉnh quyết định') + 'trình UBND tỉnh'.length));
  }, 60_000);
  afterAll(async () => close?.());
  const cli = (...args: string[]) => runCli(app, ...args);

  it('import lists the parser warnings in English, keeping the documents’ own words', async () => {
    const out = await cli('--lang', 'en', 'import', dir);
    expect(out).toMatch(/can-tho\.txt: imported: 1 document, 28 sections, 20 tasks, 0 targets \(3 warnings\)$/m); // not "1 documents"
    expect(out).toContain('can-tho.txt: No header: the issuer "UBND thành phố Cần Thơ" was inferred from the text.');
    expect(out).toContain('can-tho.txt: No issue date: the year 2007 was inferred from the period 2007 - 2010.');
    expect(out).toContain('can-tho.txt: No document number.');
    expect(out).toMatch(/cut\.txt: The text may be cut short: .*stops mid-sentence \(“….*trình UBND tỉnh”\)\. Compare it/);
    expect(vietnameseLines(out, CAN_THO_DATA)).toEqual([]);
  });

  it('show writes its tree’s words and the warnings in English; Vietnamese by default, as before', async () => {
    const en = await cli('--lang', 'en', 'show', String(await idOf('can-tho.txt')));
    const head = en.slice(0, en.indexOf('\n\n'));
    expect(head).toMatch(/^Chỉ thị \(no number\) — /);
    expect(head).toContain('\n  Issuer: UBND thành phố Cần Thơ\n');
    expect(head).toContain('\n  Note: No document number.');
    expect(head).toMatch(/\n {2}28 sections, 20 tasks, 0 targets$/);
    const title = head.split('\n')[0]!.split(' — ')[1]!;
    expect(vietnameseLines(head, [...CAN_THO_DATA, title])).toEqual([]);
    // the tasks' lines: the labels in English, the task and its agencies as written
    expect(en).toMatch(/^ +▸ Task: .+\n +(?:lead|assigned to): /m);
    expect(en).not.toMatch(/Nhiệm vụ:|giao cho:|chủ trì:|phối hợp:|Lưu ý:/);

    const vi = await cli('show', String(await idOf('can-tho.txt')));
    expect(vi).toContain('\n  Lưu ý: Không có phần đầu văn bản: cơ quan ban hành "UBND thành phố Cần Thơ" suy ra từ nội dung.\n');
    expect(vi).toContain('\n  Lưu ý: Không có số hiệu văn bản.\n  28 mục, 20 nhiệm vụ, 0 chỉ tiêu\n');
  });

  it('show --json keeps the Vietnamese warnings, the same in either language', async () => {
    const id = String(await idOf('can-tho.txt'));
    const en = await cli('--lang', 'en', 'show', '--json', id);
    expect(en).toBe(await cli('show', '--json', id));
    expect(JSON.parse(en).warnings).toEqual([
      'Không có phần đầu văn bản: cơ quan ban hành "UBND thành phố Cần Thơ" suy ra từ nội dung.',
      'Không có ngày ban hành: năm 2007 suy ra từ giai đoạn 2007 - 2010.',
      'Không có số hiệu văn bản.',
    ]);
  });

  it('a warning stored as a sentence (a document imported before the codes) is shown as it is', async () => {
    const id = await idOf('cut.txt');
    const old = ['Không có số hiệu văn bản.', 'Văn bản trích từ bản quét (OCR, độ tin cậy 71%), có thể sai chính tả.'];
    await app.db.document.update({ where: { id }, data: { warnings: JSON.stringify([...old, { code: 'no-date' }]) } });
    const en = await cli('--lang', 'en', 'show', String(id));
    expect(en).toContain(`\n  Note: ${old[0]}\n  Note: ${old[1]}\n  Note: No issue date.\n`);
    expect(JSON.parse(await cli('show', '--json', String(id))).warnings).toEqual([...old, 'Không có ngày ban hành.']);
  });

  it('an unknown document or path is an English error', async () => {
    await expect(cli('--lang', 'en', 'show', '999/XX')).rejects.toMatchObject({
      en: 'No document "999/XX". Give its number (e.g. 17/CT-UBND) or its id.',
    });
    await expect(cli('show', '999/XX')).rejects.toThrow('Không tìm thấy văn bản "999/XX". Dùng số hiệu (vd. 17/CT-UBND) hoặc mã số.');
    const missing = join(dir, 'none.txt');
    const out = await cli('--lang', 'en', 'import', missing);
    expect(out).toContain(`${missing}: No such file or folder: ${missing}.`);
    expect(vietnameseLines(out)).toEqual([]);
    expect(await cli('import', missing)).toContain(`${missing}: Không tìm thấy tệp hoặc thư mục ${missing}.`);
  });

  async function idOf(file: string): Promise<number> {
    return (await app.db.document.findFirstOrThrow({ where: { sourceFile: { endsWith: file } }, select: { id: true } })).id;
  }
});
