// `npm run bench:search`: FlexSearch (our index) vs SQLite FTS5 on the same ≥10,000-document corpus and queries.
// Prints build time, index size/memory, p50/p95 latency, hit@1/MRR, and cold start (loading the persisted index).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../src/search/index.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import { queryTerms, scoreEntry } from '../../src/search/rank.ts';
import type { Entry } from '../../src/search/entries.ts';
import { buildCorpus, buildQueries } from './search-corpus.ts';

const N_DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const N_QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

let t0 = performance.now();
const { corpus, sentences } = buildCorpus(N_DOCS);
const queries = buildQueries(corpus, N_QUERIES);
console.error(
  `corpus: ${corpus.docs.size} documents, ${corpus.entries.length} passages from ${sentences} seed sentences (${ms(t0).toFixed(0)} ms)`,
);

/** A hit is a passage holding the query's words as a phrase (what the user typed, in order). */
const relevant = (e: Entry | undefined, q: string) => !!e && ` ${e.norm} `.includes(` ${normalizeText(q)} `);

interface Row {
  build: number;
  size: number;
  heap: number;
  p50: number;
  p95: number;
  hit1: number;
  mrr: number;
  cold: number;
  first: number;
}

function evaluate(run: (q: string) => number[]): Pick<Row, 'p50' | 'p95' | 'hit1' | 'mrr'> {
  for (const q of queries.slice(0, 30)) run(q.text); // warm-up
  const lat: number[] = [];
  let hit1 = 0;
  let mrr = 0;
  for (const q of queries) {
    const t = performance.now();
    const ids = run(q.text);
    lat.push(ms(t));
    const rank = ids.slice(0, 10).findIndex((id) => relevant(corpus.entries[id], q.text));
    if (rank === 0) hit1++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  return { p50: pct(lat, 50), p95: pct(lat, 95), hit1: hit1 / queries.length, mrr: mrr / queries.length };
}

// ---------- FlexSearch ----------
gc();
let heap0 = process.memoryUsage().heapUsed;
t0 = performance.now();
const flex = SearchIndex.build(corpus);
const flexBuild = ms(t0);
gc();
const flexHeap = process.memoryUsage().heapUsed - heap0;
const flexDir = join(dir, 'flex');
await flex.save(flexDir, 'bench');
const flexSize = statSync(join(flexDir, 'index.json')).size;
const flexEval = evaluate((q) => flex.search(q, {}, 10).map((h) => h.entry.id));
t0 = performance.now();
const reloaded = SearchIndex.load(flexDir, 'bench');
const flexCold = ms(t0);
t0 = performance.now();
reloaded!.search(queries[0]!.text, {}, 10);
const flexFirst = ms(t0);
const flexRow: Row = { build: flexBuild, size: flexSize, heap: flexHeap, ...flexEval, cold: flexCold, first: flexFirst };

// ---------- SQLite FTS5 ----------
const ftsFile = join(dir, 'fts.db');
gc();
heap0 = process.memoryUsage().heapUsed;
t0 = performance.now();
let db = new Database(ftsFile);
db.pragma('journal_mode = WAL');
// unicode61 folds diacritics (remove_diacritics 2); đ is not a diacritic for it, so text goes in with đ → d mapped,
// abbreviations expanded (the same normalizeText as FlexSearch) so both engines see the same words.
db.exec(`CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = "unicode61 remove_diacritics 2")`);
const ins = db.prepare('INSERT INTO fts(rowid, text) VALUES (?, ?)');
db.transaction(() => {
  for (const e of corpus.entries) ins.run(e.id + 1, e.norm);
})();
db.exec(`INSERT INTO fts(fts) VALUES('optimize')`);
const ftsBuild = ms(t0);
db.close();
const ftsSize = statSync(ftsFile).size;
t0 = performance.now();
db = new Database(ftsFile, { readonly: true });
const stmt = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?');
const ftsMatch = (q: string, limit: number) => {
  const terms = queryTerms(q);
  if (!terms.length) return [] as number[];
  return (stmt.all(terms.map((t) => `"${t}"`).join(' OR '), limit) as { rowid: number }[]).map((r) => r.rowid - 1);
};
ftsMatch(queries[0]!.text, 10);
const ftsCold = ms(t0);
const idf = (t: string) => flex.idf(t);
/** The same re-ranking the bot applies, on FTS5's candidates: the fair end-to-end comparison. */
const ftsRerank = (q: string) => {
  const terms = queryTerms(q);
  return ftsMatch(q, 120)
    .map((id) => ({ id, s: scoreEntry(corpus.entries[id]!, terms, idf) }))
    .sort((a, b) => b.s - a.s || a.id - b.id)
    .slice(0, 10)
    .map((x) => x.id);
};
const ftsRawEval = evaluate((q) => ftsMatch(q, 10));
const ftsEval = evaluate(ftsRerank);
const ftsRow: Row = { build: ftsBuild, size: ftsSize, heap: 0, ...ftsEval, cold: ftsCold, first: 0 };
const flexRaw = evaluate((q) => flex.candidates(q, {}, 10));
db.close();

// ---------- Report ----------
const f = (x: number, d = 2) => x.toFixed(d);
const rows: [string, string, string][] = [
  ['corpus', `${corpus.docs.size} docs / ${corpus.entries.length} passages`, 'same'],
  ['queries', `${queries.length}`, 'same'],
  ['index build', `${f(flexRow.build / 1000)} s`, `${f(ftsRow.build / 1000)} s`],
  ['index size on disk', mb(flexRow.size), mb(ftsRow.size)],
  ['JS heap after build', mb(flexRow.heap), 'n/a (native)'],
  ['query p50 (bot pipeline)', `${f(flexRow.p50, 3)} ms`, `${f(ftsRow.p50, 3)} ms`],
  ['query p95 (bot pipeline)', `${f(flexRow.p95, 3)} ms`, `${f(ftsRow.p95, 3)} ms`],
  ['hit@1 / MRR@10 (bot pipeline)', `${f(flexRow.hit1, 3)} / ${f(flexRow.mrr, 3)}`, `${f(ftsRow.hit1, 3)} / ${f(ftsRow.mrr, 3)}`],
  [
    'query p50 / p95 (engine only)',
    `${f(flexRaw.p50, 3)} / ${f(flexRaw.p95, 3)} ms`,
    `${f(ftsRawEval.p50, 3)} / ${f(ftsRawEval.p95, 3)} ms`,
  ],
  ['hit@1 / MRR@10 (engine only)', `${f(flexRaw.hit1, 3)} / ${f(flexRaw.mrr, 3)}`, `${f(ftsRawEval.hit1, 3)} / ${f(ftsRawEval.mrr, 3)}`],
  ['cold start (load index + 1st query)', `${f((flexRow.cold + flexRow.first) / 1000)} s`, `${f(ftsRow.cold / 1000)} s`],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(10, ...rows.map((r) => r[1].length));
console.log(`${'metric'.padEnd(w0)} | ${'FlexSearch'.padEnd(w1)} | SQLite FTS5`);
console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|------------`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
const ratio = flexRow.p95 / ftsRow.p95;
console.log(`\np95 FlexSearch / FTS5 = ${f(ratio)} (aim ≤ 0.33); hit@1 ${flexRow.hit1 >= ftsRow.hit1 ? '≥' : '<'} FTS5`);
rmSync(dir, { recursive: true, force: true });
