// `npm run render:samples`: renders the report of the test seed (four agencies of Cà Mau, quý IV/2026, with text
// answers and answer states) to DOCX, XLSX, CSV and the default chart, then — when LibreOffice and pdftoppm are
// installed — the DOCX and XLSX to PDF and PNG pages in docs/images/, to look at the layout as a reader would.
// Not part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildConsolidatedReport } from '../../src/reporting/report/build.ts';
import { renderChartPng, renderCsv, renderDocx, renderXlsx } from '../../src/reporting/report/render/index.ts';
import { tempDb } from '../helpers/db.ts';
import { REGIME_CODE, seedSmall, seedTextsAndStates } from '../reporting/report/seed.ts';

const IMAGES = resolve('docs/images');

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** file.docx|xlsx → PDF (LibreOffice, own profile so parallel runs do not clash) → PNG pages named <prefix>-p<n>.png. */
function toPngPages(file: string, work: string, prefix: string, maxPages: number): string[] {
  const profile = `file://${join(work, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '90', '-l', String(maxPages), pdf, join(work, prefix)]);
  const pages = readdirSync(work)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort();
  return pages.map((f, i) => {
    const out = join(IMAGES, `${prefix}-p${i + 1}.png`);
    copyFileSync(join(work, f), out);
    return out;
  });
}

async function main(): Promise<void> {
  const t = await tempDb();
  const work = mkdtempSync(join(tmpdir(), 'report-samples-'));
  try {
    await seedTextsAndStates(t.db, await seedSmall(t.db));
    const r = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q4', now: new Date('2027-01-20T00:00:00Z') });
    mkdirSync(IMAGES, { recursive: true });
    const docx = join(work, 'report-docx.docx');
    const xlsx = join(work, 'report-xlsx.xlsx');
    writeFileSync(
      docx,
      await renderDocx(r, {
        number: '15',
        date: new Date('2027-01-15T03:00:00Z'),
        signerTitle: 'Phó Giám đốc',
        signerName: 'Nguyễn Văn A',
      }),
    );
    writeFileSync(xlsx, await renderXlsx(r));
    writeFileSync(join(work, 'report.csv'), renderCsv(r));
    const chart = join(IMAGES, 'report-chart.png');
    writeFileSync(chart, (await renderChartPng(r)).png);
    const written = [chart];
    if (have('soffice') && have('pdftoppm')) {
      written.push(...toPngPages(docx, work, 'report-docx', 4), ...toPngPages(xlsx, work, 'report-xlsx', 2));
    } else {
      process.stdout.write('LibreOffice (soffice) or pdftoppm is not installed: only the chart was rendered.\n');
    }
    for (const f of written) process.stdout.write(`Đã ghi ${f}\n`);
  } finally {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
