// OpenDocument text: list numbers rebuilt from its list styles (the twin's extraction is pinned in
// formats.test.ts); a cut, bombed or password-protected .odt is refused by name and reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS, extract, type Loaded } from '../../../src/ingest/formats/index.ts';
import { detectFormat } from '../../../src/ingest/formats/detect.ts';

const FIX = join(import.meta.dirname, 'fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so');
const odt = readFileSync(`${FIX}.odt`);
const loaded = (buf: Buffer, name: string): Loaded => ({ path: name, name, buf, kind: detectFormat(buf) });
const read = (buf: Buffer, name: string, limits = DEFAULT_LIMITS) => extract(loaded(buf, name), limits);

it('an .odt reads with its I./1./a) numbers, bullets and the task table as pipe rows', async () => {
  const r = await read(odt, 'ke-hoach.odt');
  expect(r.format).toBe('odt');
  expect(r.text).toMatch(/^I\. MỤC TIÊU$/m);
  expect(r.text).toMatch(/^II\. NHIỆM VỤ$/m);
  expect(r.text).toMatch(/^1\. Mục tiêu chung$/m);
  expect(r.text).toMatch(/^a\) 100% hồ sơ/m);
  expect(r.text).toMatch(/^\| 1 \| Nâng cấp Trung tâm dữ liệu tỉnh \| Sở Thông tin và Truyền thông \|/m);
});

it('a cut .odt, a zip bomb and a password-protected one are refused naming the file and the reason', async () => {
  await expect(read(odt.subarray(0, 1500), 'cut.odt')).rejects.toThrow(/cut\.odt: .*(?:ODT|bị hỏng)/);
  const bomb = new JSZip();
  bomb.file('mimetype', 'application/vnd.oasis.opendocument.text');
  bomb.file('META-INF/manifest.xml', '<manifest:manifest/>');
  bomb.file('content.xml', `<office:document-content>${' '.repeat(3 * 1024 * 1024)}</office:document-content>`);
  const bombBuf = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await expect(read(bombBuf, 'bom.odt', { ...DEFAULT_LIMITS, maxUnzippedBytes: 1024 * 1024 })).rejects.toThrow(
    /bom\.odt: giải nén ra 3 MB, quá giới hạn 1 MB \(IMPORT_MAX_UNZIPPED_MB\)/,
  );
  const locked = await JSZip.loadAsync(odt);
  locked.file(
    'META-INF/manifest.xml',
    '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
  );
  const lockedBuf = await locked.generateAsync({ type: 'nodebuffer' });
  await expect(read(lockedBuf, 'khoa.odt')).rejects.toThrow(/khoa\.odt: tài liệu ODT được bảo vệ bằng mật khẩu/);
});

it('an .rtf is refused with the advice to save it as .docx', async () => {
  await expect(read(Buffer.from('{\\rtf1\\ansi Kế hoạch}'), 'ke-hoach.rtf')).rejects.toThrow(
    /ke-hoach\.rtf: là tài liệu RTF.*lưu thành \.docx/,
  );
});
