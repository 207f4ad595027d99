// The reporting module's notes in the English CLI: a regime's agencies that no longer exist (`regime load`, `regime
// show`, kept with the regime) and what a proposal left out or guessed (`regime create`) are English; agency names,
// labels and legal bases are data and stay as written. Notes kept before they were codes are shown as they are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { freshApp, runCli } from '../helpers/cli.ts';
import { vietnameseLines } from '../helpers/vietnamese.ts';

const CODE = '37-kh-stttt-ca-mau';
/** Agency names and legal bases the notes quote: data. */
const DATA = [
  'Sở Thông tin và Truyền thông tỉnh Cà Mau',
  'Sở Khoa học và Công nghệ tỉnh Cà Mau',
  'Sở Kế hoạch và Đầu tư tỉnh Cà Mau',
  'Sở Tài chính tỉnh Cà Mau',
  'Ủy ban nhân dân cấp huyện',
  'Ủy ban nhân dân cấp xã',
  'Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ',
  'Luật Tổ chức chính quyền địa phương số 72/2025/QH15',
  'Sở Y tế',
];
const notes = (out: string) => out.split('\n').filter((l) => /^(?:# )?(?:Note|Lưu ý): /.test(l));

describe('regime notes in the English CLI', () => {
  let app: App;
  let close: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ app, close } = await freshApp());
    await importPaths(app, ['data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt']);
    dir = mkdtempSync(join(tmpdir(), 'da-en-regimes-'));
  }, 60_000);
  afterAll(async () => close?.());
  const cli = (...args: string[]) => runCli(app, ...args);

  it('regime load and regime show say which agencies changed in English; Vietnamese by default', async () => {
    const loaded = notes(await cli('--lang', 'en', 'regime', 'load', `data/regimes/${CODE}.yaml`));
    expect(loaded[0]).toBe(
      'Note: Sở Thông tin và Truyền thông tỉnh Cà Mau is now Sở Khoa học và Công nghệ tỉnh Cà Mau (since 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ): its items go to Sở Khoa học và Công nghệ tỉnh Cà Mau.',
    );
    expect(loaded).toContain(
      'Note: "UBND cấp huyện" in the regime\'s text now reads "Ủy ban nhân dân cấp xã" (since 01/7/2025, Luật Tổ chức chính quyền địa phương số 72/2025/QH15).',
    );
    expect(vietnameseLines(loaded.join('\n'), DATA)).toEqual([]);
    const shown = notes(await cli('--lang', 'en', 'regime', 'show', CODE));
    expect(shown.map((l) => l.replace(/^# /, ''))).toEqual(loaded);
    const vi = notes(await cli('regime', 'show', CODE));
    expect(vi[0]).toBe(
      '# Lưu ý: Mục của Sở Thông tin và Truyền thông tỉnh Cà Mau nay là Sở Khoa học và Công nghệ tỉnh Cà Mau (từ 01/3/2025, Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ): giao cho Sở Khoa học và Công nghệ tỉnh Cà Mau.',
    );
  });

  it('notes kept as sentences before the codes are shown as they are', async () => {
    const old = ['Tỉnh Bạc Liêu nay thuộc Cà Mau: chế độ báo cáo thuộc Cà Mau.'];
    await app.db.regime.update({ where: { code: CODE }, data: { agencyChanges: JSON.stringify(old) } });
    expect(notes(await cli('--lang', 'en', 'regime', 'show', CODE))).toEqual([`# Note: ${old[0]}`]);
  });

  it('regime create tells what the proposal left out or guessed in English', async () => {
    const out = await cli('--lang', 'en', 'regime', 'create', '--from', '37/KH-STTTT', '--code', 'x-en', '--out', join(dir, 'x-en.yaml'));
    const said = notes(out);
    expect(said).toContain(
      'Note: "Tỷ lệ bệnh viện trên địa bàn tỉnh sử dụng phần mềm quản lý tổng thể bệnh viện, hồ sơ bệnh án điện tử": the document names no agency; proposed for Sở Y tế (which manages the sector). Please review.',
    );
    expect(
      said.some((l) =>
        /^Note: Not asking "Tổng kinh phí .*" \(8\.000\.000\.000 đồng\): it is the total of "Vốn đầu tư" and "Vốn sự nghiệp", asked separately\.$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(said.some((l) => /^Note: No agency found to carry the task ".*"; left out\.$/.test(l))).toBe(true);
    expect(vietnameseLines(said.join('\n'), [...DATA, '8.000.000.000 đồng'])).toEqual([]); // the value as written
    const vi = notes(await cli('regime', 'create', '--from', '37/KH-STTTT', '--code', 'x-vi', '--out', join(dir, 'x-vi.yaml')));
    expect(vi.some((l) => /^Lưu ý: Không xác định được cơ quan chịu trách nhiệm cho nhiệm vụ ".*"; bỏ qua\.$/.test(l))).toBe(true);
  });

  it('a regime file that is not YAML, or with a misspelt key or a missing field, is refused in English', async () => {
    const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    await expect(cli('--lang', 'en', 'regime', 'load', file('bad.yaml', 'code: [\n'))).rejects.toMatchObject({
      en: expect.stringMatching(/^YAML syntax error on line \d+ of bad\.yaml: /),
    });
    const typo = file('typo.yaml', 'code: x\nname: X\nfrequency: weekly\nagencies: []\nprovnce: Cà Mau\n');
    const e = (await cli('--lang', 'en', 'regime', 'load', typo).catch((x: unknown) => x)) as { en: string; userMessage: string };
    expect(e.en).toMatch(/^Invalid reporting regime definition \(typo\.yaml\): /);
    expect(e.en).toContain("unknown key 'provnce' on line 5 of typo.yaml; did you mean: province");
    expect(e.en).toContain("frequency: invalid value 'weekly' on line 3 of typo.yaml; choose one of: month, quarter, half-year, year");
    expect(vietnameseLines(e.en, ['Cà Mau'])).toEqual([]);
    expect(e.userMessage).toContain("khóa không hợp lệ 'provnce' ở dòng 5 của typo.yaml; có thể là: province");
    const missing = (await cli('--lang', 'en', 'regime', 'load', file('min.yaml', 'code: x\n')).catch((x: unknown) => x)) as { en: string };
    expect(missing.en).toContain('name: a required field is missing on line 1 of min.yaml');
  });
});
