// `npm run eval:gold [-- --unseen] [--verbose] [--corpus <folder>]`: parses the corpus documents that have a gold
// annotation in test/eval/corpus-gold/ (or corpus-gold/unseen/ with --unseen) and prints task precision and recall,
// lead accuracy on found tasks, coordinator and deadline recall, per document and in total. `--verbose` lists the
// misses, the extra tasks and the wrong leads. The corpus (../shared/corpus) is not part of the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAgencyRegistry } from '../../src/ingest/agencies.ts';
import { parseDocumentText } from '../../src/ingest/parse/index.ts';
import { cleanInput } from '../../src/core/text.ts';
import { addScore, emptyScore, scoreFile, type GoldFile, type Score } from './gold-match.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
// --unseen: the first held-out set; --set <name>: corpus-gold/<name>/ (unseen2: seven plans annotated blind in stop 26;
// unseen3, unseen4: five documents each, annotated blind in stop 30).
const set = opt('--set') ?? (args.includes('--unseen') ? 'unseen' : null);
const unseen = set !== null;
const verbose = args.includes('--verbose');
const only = opt('--only');
const corpus = resolve(opt('--corpus') ?? process.env.CORPUS_DIR ?? '../shared/corpus');
const goldDir = new URL(set ? `./corpus-gold/${set}/` : './corpus-gold/', import.meta.url).pathname;

if (!existsSync(corpus)) {
  console.error(`Không có thư mục kho văn bản ${corpus} (đặt CORPUS_DIR hoặc --corpus). The corpus folder is absent.`);
  process.exit(2);
}
const registry = loadAgencyRegistry(resolve('data/agencies.yaml'));
const files = readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const line = (name: string, s: Score) =>
  `${name.padEnd(20)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(6)} ${pct(s.matched, s.gold)} ${pct(s.matched, s.found)} ${pct(s.leadOk, s.matched)} ${pct(s.coordFound, s.coordGold)} ${pct(s.coordFound, s.coordFound + s.coordExtra)} ${pct(s.deadlineOk, s.deadlineGold)}`;

console.log(`${unseen ? `UNSEEN (${set})` : 'TUNED'} gold set: ${files.length} documents`);
console.log(`${'document'.padEnd(20)} ${'gold'.padStart(5)} ${'parsed'.padStart(6)} recall  precis  lead    coordR  coordP  deadl`);
let total = emptyScore();
for (const f of files) {
  const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldFile;
  const path = join(corpus, gold.file);
  let s: Score;
  try {
    const docs = parseDocumentText(cleanInput(readFileSync(path, 'utf8')), { fileName: gold.file, registry });
    s = scoreFile(gold, docs, registry);
  } catch (e) {
    console.log(`${gold.file}: FAILED ${(e as Error).message}`);
    s = { ...emptyScore(), gold: gold.tasks.length, misses: gold.tasks.map((t) => ({ quote: t.quote, section: t.section })) };
  }
  console.log(line(gold.file.replace(/\.md$/, ''), s));
  if (verbose) {
    for (const m of s.misses) console.log(`    MISS [${m.section ?? ''}] ${m.quote.slice(0, 110)}`);
    for (const x of s.extras) console.log(`    EXTRA ${x}`);
    for (const w of s.wrongLeads)
      console.log(`    LEAD ${w.quote.slice(0, 60)} | gold: ${w.gold.join('; ')} | got: ${w.got.join('; ') || '—'}`);
    for (const w of s.wrongCoordinators)
      console.log(`    COORD ${w.quote.slice(0, 60)} | gold: ${w.gold.join('; ') || '—'} | got: ${w.got.join('; ') || '—'}`);
    for (const w of s.wrongDeadlines) console.log(`    DEADLINE ${w.quote.slice(0, 60)} | gold: ${w.gold} | got: ${w.got ?? '—'}`);
  }
  total = addScore(total, s);
}
console.log(line('TOTAL', total));
