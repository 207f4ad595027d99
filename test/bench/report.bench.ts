// `npm run bench:report`: consolidated report for 100 agencies × 50 items (5,000 answers per quarter, two quarters):
// time to build it from the database and to render each format. Goal: under 2 s in total.
import { tempDb } from '../helpers/db.ts';
import { seedLarge } from '../reporting/report/seed.ts';
import { buildConsolidatedReport } from '../../src/reporting/report/build.ts';
import {
  renderChartPng,
  renderChatSummary,
  renderCsv,
  renderDocx,
  renderMarkdown,
  renderXlsx,
} from '../../src/reporting/report/render/index.ts';

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const GOAL_MS = 2000;

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);

async function main(): Promise<void> {
  const t = await tempDb();
  try {
    const seed = await timed(() => seedLarge(t.db, AGENCIES, ITEMS));
    console.log(`Seeded ${AGENCIES} agencies × ${ITEMS} items, 2 quarters in ${seed.ms.toFixed(0)} ms (not counted).`);
    // Warm-up (module initialisation, font loading, JIT) so the table shows steady-state figures; reported apart.
    const warm = await timed(async () => {
      const r0 = await buildConsolidatedReport(t.db, { regime: seed.value.regimeCode, period: '2026-Q4' });
      await renderXlsx(r0);
      await renderDocx(r0);
      await renderChartPng(r0);
    });

    const rows: { step: string; ms: number; out: string }[] = [];
    const build = await timed(() => buildConsolidatedReport(t.db, { regime: seed.value.regimeCode, period: '2026-Q4' }));
    const r = build.value;
    rows.push({
      step: 'build (DB → report)',
      ms: build.ms,
      out: `${r.figures.length} chỉ tiêu, ${r.tasks.length} nhiệm vụ, ${r.flagged.length} bất thường`,
    });
    const chat = await timed(() => renderChatSummary(r));
    rows.push({ step: 'chat summary', ms: chat.ms, out: `${chat.value.length} ký tự` });
    const csv = await timed(() => renderCsv(r));
    rows.push({ step: 'csv', ms: csv.ms, out: size(csv.value.length) });
    const xlsx = await timed(() => renderXlsx(r));
    rows.push({ step: 'xlsx', ms: xlsx.ms, out: size(xlsx.value.length) });
    const png = await timed(() => renderChartPng(r));
    rows.push({
      step: 'png chart (1 item)',
      ms: png.ms,
      out: `${size(png.value.png.length)}, ${png.value.png.readUInt32BE(16)}×${png.value.png.readUInt32BE(20)} px`,
    });
    const docx = await timed(() => renderDocx(r));
    rows.push({ step: 'docx', ms: docx.ms, out: size(docx.value.length) });
    const md = await timed(() => renderMarkdown(r));
    rows.push({ step: 'md', ms: md.ms, out: size(Buffer.byteLength(md.value)) });
    const total = rows.reduce((a, x) => a + x.ms, 0);

    console.log(`Warm-up (first build + xlsx + docx + png, module/font loading): ${warm.ms.toFixed(0)} ms`);
    console.log('');
    console.log('| step | ms | output |');
    console.log('|---|---:|---|');
    for (const x of rows) console.log(`| ${x.step} | ${x.ms.toFixed(0)} | ${x.out} |`);
    console.log(`| **total** | **${total.toFixed(0)}** | goal < ${GOAL_MS} ms: ${total < GOAL_MS ? 'OK' : 'OVER'} |`);
    if (total >= GOAL_MS) process.exitCode = 1;
  } finally {
    await t.close();
  }
}

await main();
