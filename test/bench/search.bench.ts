// `npm run bench:search`: the bot's FlexSearch pipeline against a competent SQLite FTS5 setup (search-fts.ts: the
// typed words as a phrase, then NEAR, then AND, then OR, ordered by `rank`, re-ranked by the bot's own passageScore),
// on the real evaluation set (seeds, plus cited corpus documents when ../shared/corpus is present, asked with the
// blind questions of test/eval/qa) and on generated corpora of BENCH_SIZES documents (default 1000,10000).
// Each engine is built once in a process of its own, then loaded and queried in BENCH_ROUNDS (default 3) fresh
// processes per engine, the engines interleaved (A B, B A, A B …); figures are the median of the rounds.
// Synthetic relevance: a passage varied from the seed sentence the query was cut from (its provenance).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, buildQueries } from './search-corpus.ts';
import { writeCorpus, type BenchQuery, type BuildResult, type QueryResult } from './search-engines.ts';
import { CANDIDATES, ENOUGH, NEAR } from './search-fts.ts';
import { realSet } from './search-real.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter(Boolean);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const N_QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const SETS = (process.env.BENCH_SETS ?? 'real,synthetic').split(',');
const ENGINES = ['flex', 'fts'] as const;
const CHILD = new URL('./search-engines.ts', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'bench-search-'));

const run = <T>(mode: string, engine: string, dir: string): T =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', CHILD, mode, engine, dir], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim(),
  ) as T;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const f = (x: number, d = 2) => x.toFixed(d);

interface Measured {
  build: BuildResult;
  rounds: QueryResult[];
}

function measure(dir: string): Record<(typeof ENGINES)[number], Measured> {
  const out = {} as Record<(typeof ENGINES)[number], Measured>;
  for (const e of ENGINES) out[e] = { build: run<BuildResult>('build', e, dir), rounds: [] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? [...ENGINES].reverse() : ENGINES;
    for (const e of order) out[e].rounds.push(run<QueryResult>('query', e, dir));
    console.error(`  round ${r + 1}/${ROUNDS} done`);
  }
  return out;
}

function report(title: string, m: Record<(typeof ENGINES)[number], Measured>): string[] {
  const med = (e: (typeof ENGINES)[number], k: keyof QueryResult) => median(m[e].rounds.map((x) => x[k]));
  const row = (name: string, show: (e: (typeof ENGINES)[number]) => string): [string, string, string] => [name, show('flex'), show('fts')];
  const rows: [string, string, string][] = [
    row('index build, CPU (wall)', (e) => `${f(m[e].build.cpu, 1)} s (${f(m[e].build.wall, 1)} s)`),
    row('index on disk', (e) => mb(m[e].build.size)),
    row('RSS after load + 1st query', (e) => mb(med(e, 'rssLoaded'))),
    row('peak RSS while querying', (e) => mb(med(e, 'rssMax'))),
    row('cold start wall / CPU', (e) => `${f(med(e, 'coldWall') / 1000)} / ${f(med(e, 'coldCpu') / 1000)} s`),
    row('query CPU p50 / p95', (e) => `${f(med(e, 'cpu50'))} / ${f(med(e, 'cpu95'))} ms`),
    row('query wall p50 / p95', (e) => `${f(med(e, 'wall50'))} / ${f(med(e, 'wall95'))} ms`),
    row('hit@1 / MRR@10', (e) => `${f(med(e, 'hit1'), 3)} / ${f(med(e, 'mrr'), 3)}`),
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length), 10);
  const lines = [
    `\n${title}`,
    `${'metric'.padEnd(w0)} | ${'FlexSearch'.padEnd(w1)} | FTS5 cascade`,
    `${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-------------`,
  ];
  for (const [a, b, c] of rows) lines.push(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
  const ratio = (k: keyof QueryResult) => f(med('flex', k) / med('fts', k));
  lines.push(
    `FlexSearch / FTS5: CPU p95 ${ratio('cpu95')}, wall p95 ${ratio('wall95')}, RSS ${ratio('rssLoaded')}, cold start ${ratio('coldWall')}; hit@1 ${f(med('flex', 'hit1'), 3)} vs ${f(med('fts', 'hit1'), 3)}`,
  );
  return lines;
}

const out: string[] = [
  `FTS5: unicode61 over normalizeText (the bot's folding); cascade phrase → NEAR/${NEAR} → AND → OR, each by rank, stopping at ${ENOUGH} candidates (max ${CANDIDATES}), re-ranked by the bot's passageScore and coverage cut.`,
  `Each engine built once; ${ROUNDS} fresh query processes per engine, interleaved; medians shown.`,
];
if (SETS.includes('real')) {
  const dir = join(root, 'real');
  mkdirSync(dir);
  console.error('real set: importing the seeds (and cited corpus documents) …');
  const { corpus, queries, skipped, withCorpus } = await realSet();
  writeCorpus(dir, corpus, queries);
  const what = `${corpus.docs.size} documents, ${corpus.entries.length} passages${withCorpus ? ' (seeds + cited corpus)' : ' (seeds only: ../shared/corpus absent)'}`;
  out.push(...report(`Real set: ${what}; ${queries.length} blind questions (${skipped} naming no passage skipped)`, measure(dir)));
}
if (SETS.includes('synthetic')) {
  for (const n of SIZES) {
    const dir = join(root, `n${n}`);
    mkdirSync(dir);
    console.error(`synthetic ${n} documents …`);
    const { corpus, origin } = buildCorpus(n);
    const bySentence = new Map<number, number[]>();
    origin.forEach((s, id) => (bySentence.get(s) ?? bySentence.set(s, []).get(s)!).push(id));
    const queries: BenchQuery[] = buildQueries(corpus, N_QUERIES).map((q) => ({
      text: q.text,
      filters: {},
      lead: false,
      relevant: bySentence.get(origin[q.target]!)!,
    }));
    writeCorpus(dir, corpus, queries);
    out.push(...report(`Synthetic: ${n} documents, ${corpus.entries.length} passages, ${queries.length} queries`, measure(dir)));
  }
}
console.log(out.join('\n'));
rmSync(root, { recursive: true, force: true });
