// npm run bench:import — import throughput on the five seeds repeated (with varied numbers) to ≥ 5 MB.
// Prints parse-only and full import (parse + SQLite) throughput in KB/s.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { parseDocumentText } from '../../src/ingest/parse/index.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { table } from '../../src/cli/format/table.ts';

const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 5 * 1024 * 1024);
const seeds = readdirSync('data/documents').map((f) => readFileSync(join('data/documents', f), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'da-bench-import-'));
const docsDir = join(dir, 'docs');
mkdirSync(docsDir);
let bytes = 0;
let n = 0;
const files: string[] = [];
while (bytes < TARGET_BYTES) {
  const seed = seeds[n % seeds.length]!;
  // Vary numbers so every copy is a distinct document (distinct content hash).
  const text = seed.replace(/Số: (\d+)/, (_m, d: string) => `Số: ${Number(d) + n}`) + `\n\nBản sao thử nghiệm ${n}.\n`;
  const f = join(docsDir, `doc-${String(n).padStart(5, '0')}.txt`);
  files.push(text);
  bytes += Buffer.byteLength(text);
  n++;
  writeFileSync(f, text, { flag: 'w' });
}

const registryApp = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'parse.db')}` }, log: silentLogger });
// CPU time besides wall time: the machine is shared, and CPU is what a change to the code changes.
const cpuS = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1e6).toFixed(2);
let c0 = process.cpuUsage();
let t0 = performance.now();
for (const [i, text] of files.entries()) parseDocumentText(text, { fileName: `doc-${i}.txt`, registry: registryApp.registry });
const parseMs = performance.now() - t0;
const parseCpu = cpuS(process.cpuUsage(c0));
await registryApp.close();

const app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'bench.db')}` }, log: silentLogger });
const rss0 = process.memoryUsage().rss;
c0 = process.cpuUsage();
t0 = performance.now();
const r = await importPaths(app, [docsDir]);
const importMs = performance.now() - t0;
const importCpu = cpuS(process.cpuUsage(c0));
c0 = process.cpuUsage();
t0 = performance.now();
const again = await importPaths(app, [docsDir]);
const reimportMs = performance.now() - t0;
const reimportCpu = cpuS(process.cpuUsage(c0));
const counts = {
  docs: await app.db.document.count(),
  tasks: await app.db.task.count(),
  indicators: await app.db.indicator.count(),
};
await app.close();
rmSync(dir, { recursive: true, force: true });

const kb = bytes / 1024;
const errors = r.files.filter((f) => f.status === 'error').length;
console.log(`Corpus: ${n} files, ${(kb / 1024).toFixed(2)} MB (the five seeds repeated with varied numbers)`);
console.log(
  table(
    ['Step', 'Time (s)', 'CPU (s)', 'Throughput (KB/s)', 'Notes'],
    [
      ['parse only', (parseMs / 1000).toFixed(2), parseCpu, Math.round(kb / (parseMs / 1000)), 'pure parser'],
      [
        'import (parse + SQLite)',
        (importMs / 1000).toFixed(2),
        importCpu,
        Math.round(kb / (importMs / 1000)),
        `${counts.docs} docs, ${counts.tasks} tasks, ${counts.indicators} targets, ${errors} errors`,
      ],
      [
        're-import, unchanged',
        (reimportMs / 1000).toFixed(2),
        reimportCpu,
        Math.round(kb / (reimportMs / 1000)),
        `${again.files.filter((f) => f.status === 'unchanged').length} files skipped`,
      ],
    ],
  ),
);
console.log(`RSS growth during import: ${Math.round((process.memoryUsage().rss - rss0) / 1024 / 1024)} MB`);
