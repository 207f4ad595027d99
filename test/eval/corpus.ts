// `npm run eval:corpus [-- <folder>] [--quiet]`: imports a folder of real documents (default ../shared/corpus, not part
// of the repository) into a scratch database through the real pipeline and prints, per document and in total:
// sections, tasks (with and without a lead agency), coordinators, deadlines, targets, parse time and every warning,
// and which files failed. Says so and exits 2 when the folder is absent.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/log.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { parseDocumentText } from '../../src/ingest/parse/index.ts';
import type { ParsedDocument } from '../../src/core/types.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? process.env.CORPUS_DIR ?? '../shared/corpus');
if (!existsSync(folder)) {
  console.error(
    `Không có thư mục ${folder}: không có gì để đánh giá. The corpus folder is absent; pass a folder: npm run eval:corpus -- <folder>`,
  );
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'eval-corpus-'));
const app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'eval.db')}`, INDEX_DIR: join(dir, 'index') }, log: silentLogger });

interface Row {
  file: string;
  docs: ParsedDocument[];
  parseMs: number;
}
const rows = new Map<string, Row>();
const timedParse: typeof parseDocumentText = (text, opts) => {
  const t0 = performance.now();
  const docs = parseDocumentText(text, opts);
  rows.set(opts.fileName, { file: opts.fileName, docs, parseMs: performance.now() - t0 });
  return docs;
};

const summary = await importPaths(app, [folder], { parse: timedParse });
const head = `${'file'.padEnd(22)} ${'number'.padEnd(22)} ${'sect'.padStart(5)} ${'tasks'.padStart(5)} ${'noLead'.padStart(6)} ${'coord'.padStart(5)} ${'deadl'.padStart(5)} ${'targ'.padStart(5)} ${'ms'.padStart(6)}`;
console.log(head);
const total = {
  files: 0,
  failed: 0,
  docs: 0,
  sections: 0,
  tasks: 0,
  noLead: 0,
  coords: 0,
  deadlines: 0,
  targets: 0,
  warnings: 0,
  slow: 0,
  maxMs: 0,
};
const noLeadWhy = new Map<string, number>();
for (const r of summary.files) {
  total.files++;
  const name = basename(r.file).replace(/\.(md|txt)$/, '');
  const row = rows.get(r.file);
  if (r.status === 'error' || !row) {
    total.failed++;
    console.log(`${name.padEnd(22)} FAILED: ${r.message}`);
    continue;
  }
  const tasks = row.docs.flatMap((d) => d.tasks);
  const noLead = tasks.filter((t) => t.leads.length === 0);
  for (const t of noLead) noLeadWhy.set(t.addressee ?? '(none)', (noLeadWhy.get(t.addressee ?? '(none)') ?? 0) + 1);
  const c = {
    sections: row.docs.reduce((a, d) => a + d.sections.length, 0),
    tasks: tasks.length,
    noLead: noLead.length,
    coords: tasks.reduce((a, t) => a + t.coordinators.length, 0),
    deadlines: tasks.filter((t) => t.deadline).length,
    targets: row.docs.reduce((a, d) => a + d.indicators.length, 0),
  };
  const warnings = row.docs.flatMap((d) => d.warnings);
  total.docs += row.docs.length;
  total.sections += c.sections;
  total.tasks += c.tasks;
  total.noLead += c.noLead;
  total.coords += c.coords;
  total.deadlines += c.deadlines;
  total.targets += c.targets;
  total.warnings += warnings.length;
  total.maxMs = Math.max(total.maxMs, row.parseMs);
  if (row.parseMs > 2000) total.slow++;
  const number = row.docs.map((d) => d.number ?? d.type).join(' + ');
  console.log(
    `${name.padEnd(22)} ${number.slice(0, 22).padEnd(22)} ${String(c.sections).padStart(5)} ${String(c.tasks).padStart(5)} ${String(c.noLead).padStart(6)} ${String(c.coords).padStart(5)} ${String(c.deadlines).padStart(5)} ${String(c.targets).padStart(5)} ${row.parseMs.toFixed(0).padStart(6)}`,
  );
  if (!quiet) for (const w of warnings) console.log(`    ! ${w}`);
}
console.log('');
console.log(
  `TOTAL: ${total.files} files (${total.failed} failed), ${total.docs} documents, ${total.sections} sections, ${total.tasks} tasks (${total.noLead} without a lead agency), ${total.coords} coordinators, ${total.deadlines} deadlines, ${total.targets} targets, ${total.warnings} warnings; slowest parse ${total.maxMs.toFixed(0)} ms, ${total.slow} over 2 s`,
);
if (total.noLead) {
  console.log('Tasks without a lead agency, by addressee (work given to a group, not to one agency):');
  for (const [who, n] of [...noLeadWhy].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${String(n).padStart(4)}  ${who.slice(0, 100)}`);
}
await app.close();
rmSync(dir, { recursive: true, force: true });
process.exit(total.failed > 0 ? 1 : 0);
