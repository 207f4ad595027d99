// `cli import` of a mixed folder as an admin has it (txt, md, docx, pdf, a scanned pdf, a saved portal page, a
// .doc and one broken file): a progress bar line per file, the summary table with each file's format, the
// broken file named with its reason and the rest imported.
import { runCli } from '../helpers/cli.ts';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { ocrAvailable } from '../../src/ingest/formats/ocr.ts';
import { silentLogger } from '../../src/log.ts';

const FIX = join(import.meta.dirname, '../ingest/formats/fixtures');
const TWIN = 'dong-thap-2024-ke-hoach-312-chuyen-doi-so';
const hasOcr = await ocrAvailable();
let app: App;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-formats-'));
  app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'a.db')}`, INDEX_DIR: join(dir, 'idx') }, log: silentLogger });
}, 30_000);
afterAll(async () => app?.close());

const cli = (...args: string[]) => runCli(app, ...args);

describe('cli import of a mixed folder', () => {
  it('shows a bar per file, the format of each in the summary, and names the broken file', async () => {
    const folder = join(dir, 'hop-thu');
    mkdirSync(folder);
    for (const ext of ['txt', 'docx', 'pdf', 'doc', 'html']) copyFileSync(join(FIX, `${TWIN}.${ext}`), join(folder, `a.${ext}`));
    copyFileSync('test/ingest/fixtures/quang-ngai-2025-ke-hoach-nghieng-va-vai-tro.md', join(folder, 'b.md'));
    if (hasOcr) copyFileSync(join(FIX, 'dong-thap-2024-chi-thi-09-an-toan-thong-tin.scan.pdf'), join(folder, 'c-scan.pdf'));
    writeFileSync(join(folder, 'd-hong.docx'), Buffer.from('PK\u0003\u0004 not a zip at all'));
    const out = await cli('import', folder);
    const total = hasOcr ? 8 : 7;
    expect(out).toMatch(new RegExp(`^\\[█{20}\\] ${total}/${total} .*d-hong\\.docx: Tệp .*d-hong\\.docx: `, 'm'));
    expect(out).toMatch(/^\[█{2,3}░{17,18}\] 1\/\d .*a\.doc: nhập mới: 1 văn bản/m);
    const row = (file: string) => out.split('\n').find((l) => l.includes(`/${file} `)) ?? '';
    expect(row('a.docx')).toMatch(/│ DOCX +│ mới +│ 1 +│ \d+ +│ 10 +│ 3 /);
    expect(row('a.pdf')).toMatch(/│ PDF +│ mới +│ 1 +│ \d+ +│ 10 +│ 3 /);
    expect(row('a.doc')).toMatch(/│ DOC +│ mới +│ 1 +│ \d+ +│ 10 +│ 3 /);
    expect(row('a.html')).toMatch(/│ HTML +│ mới +│ 1 +│ \d+ +│ 10 +│ 3 /);
    expect(row('a.txt')).toMatch(/│ văn bản +│ mới +│ 1 +│ \d+ +│ 10 +│ 3 /);
    expect(row('b.md')).toMatch(/│ văn bản +│ mới /);
    if (hasOcr) expect(row('c-scan.pdf')).toMatch(/│ PDF quét \(OCR\) +│ mới +│ 1 +│ \d+ +│ 3 +│ 1 /);
    expect(row('d-hong.docx')).toMatch(/│ +│ LỖI /);
    expect(out).toContain('1 tệp không nhập được (xem thông báo ở trên); các tệp khác đã được nhập.');
  }, 60_000);
});
