// Each format read gives the extraction of its text twin: the DOCX (Word's automatic numbers, a merged-cell task
// table), the PDF LibreOffice rendered from it, the .doc, the .odt (make-odt.ts), the portal page; the scan (PDF and JPEG) by OCR gives
// the same tasks, leads and targets, and is marked as a scan on the document and in its citations. Broken or
// unknown files are refused by name and reason, and the rest of the batch imports. Fixtures: make-fixtures.ts.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.ts';
import { citation } from '../../../src/answers/format.ts';
import { ocrAvailable } from '../../../src/ingest/formats/ocr.ts';
import { importPaths, type ImportSummary } from '../../../src/ingest/pipeline.ts';
import { documentJson } from '../../../src/ingest/show.ts';
import { docInfo } from '../../../src/search/entries.ts';
import { silentLogger } from '../../../src/log.ts';
import { jpegPdf, jpegSize } from './make-fixtures.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const TWIN = 'dong-thap-2024-ke-hoach-312-chuyen-doi-so';
const SCAN = 'dong-thap-2024-chi-thi-09-an-toan-thong-tin';
const hasOcr = await ocrAvailable();
if (!hasOcr)
  console.warn('OCR tests skipped: Tesseract with Vietnamese is not installed (apt-get install -y tesseract-ocr tesseract-ocr-vie)');

let app: App;
let dir: string;
let summary: ImportSummary;

const json = async (file: string) => {
  const d = await app.db.document.findFirstOrThrow({ where: { sourceFile: { endsWith: `/${file}` } } });
  return documentJson(app.db, d.id) as Promise<Record<string, unknown>>;
};
/** What a user sees of an extraction: the document's identity, its sections, tasks (leads, partners, deadlines), targets. */
const extraction = (j: Record<string, unknown>) => ({
  type: j.type,
  number: j.number,
  title: j.title,
  issueDate: j.issueDate,
  signer: j.signer,
  // a PDF's page numbers (test/ingest/pages.test.ts) are not in the text twin: compared without them
  sections: (j.sections as Record<string, unknown>[]).map(({ page: _, ...s }) => s),
  tasks: (j.tasks as Record<string, unknown>[]).map(({ page: _, ...t }) => t),
  targets: j.targets,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formats-'));
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  const files = [`${TWIN}.txt`, `${TWIN}.docx`, `${TWIN}.pdf`, `${TWIN}.doc`, `${TWIN}.odt`, `${TWIN}.html`, `${SCAN}.txt`];
  if (hasOcr) files.push(`${SCAN}.scan.pdf`, `${SCAN}.jpg`);
  for (const f of files) copyFileSync(join(FIX, f), join(batch, f));
  // Broken or unknown files in the same folder: a binary renamed .pdf, a Word file that unpacks to 5 MB
  // (over the 1 MB limit set below: a zip bomb), a DOCX whose zip is cut, a PDF of more pages than allowed.
  writeFileSync(join(batch, 'z-renamed.pdf.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]));
  writeFileSync(join(batch, 'z-not-a-pdf.pdf'), Buffer.from('%PDF-1.7\nthis is not really a pdf\n'));
  copyFileSync(join(FIX, 'password-protected.pdf'), join(batch, 'z-password.pdf'));
  writeFileSync(join(batch, 'z-cut.docx'), readFileSync(join(FIX, `${TWIN}.docx`)).subarray(0, 3000));
  const bomb = new JSZip();
  bomb.file('word/document.xml', `<w:document xmlns:w="x"><w:body>${' '.repeat(5 * 1024 * 1024)}</w:body></w:document>`);
  writeFileSync(join(batch, 'z-bomb.docx'), await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  app = await createApp({
    config: { DATABASE_URL: `file:${join(dir, 'a.db')}`, INDEX_DIR: join(dir, 'idx'), IMPORT_MAX_UNZIPPED_MB: 1 },
    log: silentLogger,
  });
  summary = await importPaths(app, [batch]);
}, 60_000);
afterAll(async () => app?.close());

describe('format readers give the extraction of the text twin', () => {
  for (const ext of ['docx', 'pdf', 'doc', 'odt', 'html']) {
    it(`${ext}: the same sections, tasks (leads, partners, deadlines) and targets as the .txt`, async () => {
      const twin = extraction(await json(`${TWIN}.txt`));
      const got = await json(`${TWIN}.${ext}`);
      expect(extraction(got)).toEqual(twin);
      expect(got.sourceFormat).toBe(ext);
      expect((twin.tasks as unknown[]).length).toBe(10);
    });
  }

  it('docx: the appendix task merged down keeps its lead and deadline, the two-paragraph cell gives two partners', async () => {
    const tasks = (await json(`${TWIN}.docx`)).tasks as {
      text: string;
      leads: { key: string }[];
      coordinators: { key: string }[];
      deadline: string;
    }[];
    const row2 = tasks.find((t) => t.text.startsWith('Triển khai mạng truyền số liệu'))!;
    expect([row2.leads.map((l) => l.key), row2.deadline]).toEqual([['so-tttt@dong-thap'], 'Tháng 12/2025']);
    const row1 = tasks.find((t) => t.text.startsWith('Nâng cấp Trung tâm dữ liệu tỉnh'))!;
    expect(row1.coordinators.map((c) => c.key)).toEqual(['so-tc@dong-thap', 'so-khdt@dong-thap']);
  });
});

describe('page furniture and reviewers’ notes stay out', () => {
  for (const ext of ['docx', 'pdf']) {
    it(`${ext}: no running header, page number or comment in any section`, async () => {
      const text = JSON.stringify(((await json(`${TWIN}.${ext}`)).sections as unknown[]) ?? []);
      expect(text).toContain('Tỷ lệ dịch vụ công trực tuyến toàn trình');
      for (const noise of ['Kế hoạch chuyển đổi số năm 2025', 'Trang 1', 'Trang 2', 'Đề nghị rà soát']) expect(text).not.toContain(noise);
    });
  }
});

describe.skipIf(!hasOcr)('scans read by OCR (Tesseract, Vietnamese)', () => {
  it('a scan of more pages than IMPORT_OCR_MAX_PAGES is refused before any OCR, with the count and the setting', async () => {
    const jpeg = readFileSync(join(FIX, `${SCAN}.jpg`));
    const { width, height, components } = jpegSize(jpeg);
    writeFileSync(join(dir, 'long-scan.pdf'), jpegPdf(jpeg, width, height, components, 300, 12));
    const few = { ...app, config: { ...app.config, IMPORT_OCR_MAX_PAGES: 10 } };
    const t0 = performance.now();
    const r = await importPaths(few, [join(dir, 'long-scan.pdf')]);
    expect(r.files[0]!.message).toMatch(
      /long-scan\.pdf: là bản quét 12 trang, quá giới hạn nhận dạng chữ 10 trang \(IMPORT_OCR_MAX_PAGES\)/,
    );
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  for (const file of [`${SCAN}.scan.pdf`, `${SCAN}.jpg`]) {
    it(`${file}: the twin's tasks, leads, deadlines and targets; marked as a scan with its confidence`, async () => {
      const twin = await json(`${SCAN}.txt`);
      const got = await json(file);
      const who = (j: Record<string, unknown>) =>
        (j.tasks as { leads: { key: string }[]; coordinators: { key: string }[]; deadline: string | null }[]).map((t) => [
          t.leads.map((l) => l.key),
          t.coordinators.map((l) => l.key),
          t.deadline,
        ]);
      expect(got.number).toBe(twin.number);
      expect(who(got)).toEqual(who(twin));
      expect((got.targets as { valueText: string }[]).map((t) => t.valueText)).toEqual(
        (twin.targets as { valueText: string }[]).map((t) => t.valueText),
      );
      expect(got.sourceFormat).toBe(file.endsWith('.pdf') ? 'pdf-scan' : 'image');
      expect(got.ocrConfidence).toBeGreaterThan(80);
      expect(got.warnings).toContainEqual(expect.stringMatching(/trích từ bản quét \(OCR, độ tin cậy [\d.]+%\), có thể sai chính tả/));
      const row = await app.db.document.findFirstOrThrow({ where: { sourceFile: { endsWith: `/${file}` } } });
      expect(citation(docInfo(row), '1')).toBe('— Chỉ thị 09/CT-UBND, Đồng Tháp, mục 1 (trích từ bản quét, có thể sai chính tả)');
    });
  }
});

describe('broken and unknown files are refused by name and reason; the batch goes on', () => {
  const byName = (n: string) => summary.files.find((f) => f.file.endsWith(`/${n}`))!;
  it('each refusal names the file and says why', () => {
    expect(byName('z-renamed.pdf.txt')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/z-renamed\.pdf\.txt: không phải văn bản \(tệp nhị phân/),
    });
    expect(byName('z-not-a-pdf.pdf')).toMatchObject({ status: 'error', message: expect.stringMatching(/z-not-a-pdf\.pdf: PDF bị hỏng/) });
    expect(byName('z-bomb.docx')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/z-bomb\.docx: giải nén ra 5 MB, quá giới hạn 1 MB \(IMPORT_MAX_UNZIPPED_MB\)/),
    });
    expect(byName('z-password.pdf')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/z-password\.pdf: PDF được bảo vệ bằng mật khẩu/),
    });
    expect(byName('z-cut.docx')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/z-cut\.docx: tệp DOCX bị hỏng/),
    });
    expect(summary.files.filter((f) => f.status === 'new').length).toBe(hasOcr ? 9 : 7);
  });

  it('without Tesseract a scan is refused with the command that installs it; the text files still import', async () => {
    const none = { ...app, config: { ...app.config, TESSERACT_BIN: join(dir, 'no-tesseract-here') } };
    const r = await importPaths(none, [join(FIX, `${SCAN}.jpg`), join(FIX, `${SCAN}.txt`)]);
    expect(r.files[0]).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /\.jpg: là bản quét .*chưa cài Tesseract tiếng Việt\. Cài bằng: apt-get install -y tesseract-ocr tesseract-ocr-vie$/,
      ),
    });
    expect(r.files[1]!.status).not.toBe('error');
  });

  it('a PDF of more pages than IMPORT_MAX_PAGES is refused with the count and the setting', async () => {
    const small = { ...app, config: { ...app.config, IMPORT_MAX_PAGES: 1 } };
    const r = await importPaths(small, [join(FIX, `${TWIN}.pdf`)]);
    expect(r.files[0]!.message).toMatch(/PDF có 2 trang, quá giới hạn 1 trang \(IMPORT_MAX_PAGES\)/);
  });
});
