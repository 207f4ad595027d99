// .doc files: with LibreOffice installed, a .doc numbered by Word's automatic lists reads with its numbers, the
// same text as the .docx it was saved from. Without it (SOFFICE_BIN=''), word-extractor reads the body and the
// automatic numbers are lost: the importer warns so the official checks the sections. The typed fixture keeps its
// labels either way, with no warning.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { NUMBERS_LOST, numbersLost, readDoc, sofficeAvailable } from '../../../src/ingest/formats/doc.ts';
import { readDocx } from '../../../src/ingest/formats/docx.ts';
import { DEFAULT_LIMITS } from '../../../src/ingest/formats/types.ts';

const FIX = join(import.meta.dirname, 'fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so');
const soffice = await sofficeAvailable(DEFAULT_LIMITS.soffice);
const NO_SOFFICE = { ...DEFAULT_LIMITS, soffice: '' };
if (!soffice) console.warn('doc.test: LibreOffice (soffice) is not installed, the automatic-numbering .doc test is skipped');

it.skipIf(!soffice)(
  'a .doc numbered by Word (automatic lists) keeps "II.", "1.", "a)" and "-": the text of its .docx',
  { timeout: 60_000 },
  async () => {
    const r = await readDoc(readFileSync(`${FIX}.auto.doc`), 'ke-hoach.doc');
    const docx = await readDocx(readFileSync(`${FIX}.docx`), 'ke-hoach.docx', DEFAULT_LIMITS);
    expect(r.text).toMatch(/^II\. NHIỆM VỤ\n1\. Phát triển hạ tầng số\na\) Sở Thông tin/m);
    expect(r.text).toBe(docx.text.trimEnd());
    expect(r).toMatchObject({ format: 'doc', warnings: [] });
  },
);

it('without LibreOffice the typed .doc is read by word-extractor: the same labels, no warning', async () => {
  const r = await readDoc(readFileSync(`${FIX}.doc`), 'ke-hoach.doc', NO_SOFFICE);
  expect(r.text).toMatch(/^I\. MỤC TIÊU$/m);
  expect(r.text).toMatch(/^II\. NHIỆM VỤ$/m);
  expect(r.warnings).toEqual([]);
});

it('the .doc with typed numbers keeps "I." and "1." and gets no warning', async () => {
  const r = await readDoc(readFileSync(`${FIX}.doc`), 'ke-hoach.doc');
  expect(r.text).toMatch(/^I\. MỤC TIÊU$/m);
  expect(r.warnings).toEqual([]);
});

it('the same text without its automatic labels (what word-extractor gives) is flagged, in Vietnamese', async () => {
  const { text } = await readDoc(readFileSync(`${FIX}.doc`), 'ke-hoach.doc');
  const stripped = text.replace(/^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s+/gmu, '');
  expect(stripped).toMatch(/^MỤC TIÊU$/m);
  expect(numbersLost(stripped)).toBe(true);
  expect(NUMBERS_LOST).toMatch(/^danh sách tự động đánh số trong \.doc có thể mất số thứ tự/);
  expect(NUMBERS_LOST).toContain('apt-get install -y libreoffice-writer-nogui');
});

it('a letter without section headings is not flagged', () => {
  expect(numbersLost('ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: các sở, ngành.\nNội dung.')).toBe(
    false,
  );
});

it('a LibreOffice that hangs is stopped at IMPORT_MAX_SECONDS with the reason, its child processes too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da-fake-soffice-'));
  const bin = join(dir, 'soffice');
  // prints a version like LibreOffice; converting, starts a child that would run for a minute and records its pid
  writeFileSync(
    bin,
    `#!/bin/sh\nif [ "$1" = --version ]; then echo "LibreOffice 7.4"; exit 0; fi\nsleep 60 & echo $! > ${dir}/child\nwait\n`,
  );
  chmodSync(bin, 0o755);
  const t0 = Date.now();
  const read = readDoc(readFileSync(`${FIX}.auto.doc`), 'treo.doc', { ...DEFAULT_LIMITS, soffice: bin, maxSeconds: 1 });
  await expect(read).rejects.toThrow('Tệp treo.doc: đọc tệp .doc quá 1 giây (IMPORT_MAX_SECONDS): dừng, không nhập.');
  expect(Date.now() - t0).toBeLessThan(5000);
  const child = Number(readFileSync(join(dir, 'child'), 'utf8'));
  await new Promise((r) => setTimeout(r, 200));
  // gone, or a zombie waiting for a container's init to reap it: not running either way
  const state = existsSync(`/proc/${child}/stat`) ? readFileSync(`/proc/${child}/stat`, 'utf8').split(' ')[2] : 'gone';
  expect(['gone', 'Z', 'X']).toContain(state);
  rmSync(dir, { recursive: true, force: true });
});
