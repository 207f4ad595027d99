// The DOCX as LibreOffice lays it out (PDF text): the header lines stay whole. Skipped, with a message, on a
// machine without LibreOffice; test/reporting/report/render-docx.test.ts checks the same in the XML everywhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import { renderDocx } from '../../../src/reporting/report/render/docx.ts';
import { REGIME_CODE, seedSmall, seedTextsAndStates } from './seed.ts';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const available = have('soffice') && have('pdftotext');
if (!available) console.warn('docx-libreoffice.test.ts skipped: LibreOffice (soffice) or pdftotext is not installed.');

describe.skipIf(!available)('renderDocx through LibreOffice', () => {
  let t: TempDb;
  let dir: string;
  let text: string;
  beforeAll(async () => {
    t = await tempDb();
    await seedTextsAndStates(t.db, await seedSmall(t.db));
    const r = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q4', now: new Date('2027-01-20T00:00:00Z') });
    dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
    writeFileSync(join(dir, 'r.docx'), await renderDocx(r, { signerTitle: 'Phó Giám đốc' }));
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString('utf8');
  }, 150_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('prints the Quốc hiệu, the issuing body and KT. GIÁM ĐỐC each on one line', () => {
    const lines = text.split('\n');
    expect(lines.some((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect(lines.some((l) => l.includes('SỞ THÔNG TIN VÀ TRUYỀN THÔNG'))).toBe(true);
    expect(lines.some((l) => /^\s*NAM\s*$/.test(l))).toBe(false);
    const kt = lines.findIndex((l) => l.includes('KT. GIÁM ĐỐC'));
    expect(kt).toBeGreaterThan(0);
    expect(lines.slice(kt + 1, kt + 3).join('\n')).toContain('PHÓ GIÁM ĐỐC');
  });
});
