// One period, every output: chat, Markdown, DOCX, XLSX, CSV and the chart write its label and its moments the same
// way (core/locale), so a coordinator never reads "quý IV/2026" in chat and "quý IV năm 2026" in the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type TempDb } from '../../helpers/db.ts';
import { renderChartSvg, renderChatSummary, renderCsv, renderDocx, renderMarkdown } from '../../../src/reporting/report/render/index.ts';
import { renderXlsx } from '../../../src/reporting/report/render/xlsx.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { docxParagraphs } from './docx-xml.ts';
import { smallReport } from './small-report.ts';

let t: TempDb;
let r: ConsolidatedReport;

beforeAll(async () => {
  ({ t, r } = await smallReport());
});
afterAll(async () => t.close());

const OTHER_LABELS = /quý IV năm 2026|quý 4\/2026|Q4\/2026|IV\/2026 năm/i;
/** "13/01/2027 09:00": a moment written date first, as no output of the bot should. */
const DATE_FIRST = /\b\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\b/;

async function outputs(): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(r)) as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  return {
    chat: renderChatSummary(r),
    markdown: renderMarkdown(r),
    docx: (await docxParagraphs(await renderDocx(r))).paras.join('\n'),
    xlsx: cells.join('\n'),
    csv: renderCsv(r, 'standard').toString('utf8'),
    chart: await renderChartSvg(r),
  };
}

describe('one period, one wording', () => {
  it('names the period "quý IV/2026" in every output that names it, and no other way', async () => {
    const out = await outputs();
    for (const [name, text] of Object.entries(out)) {
      expect(text, name).not.toMatch(OTHER_LABELS);
      expect(text, name).not.toMatch(DATE_FIRST);
    }
    const naming = Object.entries(out)
      .filter(([, text]) => /quý IV\/2026/i.test(text))
      .map(([name]) => name);
    expect(naming).toEqual(expect.arrayContaining(['chat', 'markdown', 'docx', 'xlsx', 'chart']));
  });

  it('gives XLSX moments the order chat uses, time first, at the wall-clock time of Viet Nam', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(r)) as unknown as ArrayBuffer);
    const moments: { fmt: string; value: Date }[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((c) => void (c.value instanceof Date && moments.push({ fmt: c.numFmt, value: c.value })))),
    );
    expect(moments.length).toBeGreaterThan(0);
    for (const m of moments) expect(m.fmt).toMatch(/^hh:mm dd\/mm\/yyyy$|^dd\/mm\/yyyy$/);
    const submitted = r.agencies.map((a) => a.submittedAt).find((d): d is Date => d instanceof Date);
    expect(moments.map((m) => m.value.getTime())).toContain(submitted!.getTime() + 7 * 3600_000);
  });
});
