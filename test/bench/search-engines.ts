// One engine of `bench:search` in a process of its own (started by search.bench.ts):
//   build <flex|fts> <dir>   reads dir/corpus.json, builds and persists the index, prints its cost as JSON;
//   query <flex|fts> <dir>   loads the persisted index in this fresh process and answers dir/queries.json, printing
//                            cold start, RSS after loading, CPU and wall time per query, hit@1 and MRR@10.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus, DocInfo, Entry } from '../../src/search/entries.ts';
import { SearchIndex, type SearchFilters } from '../../src/search/index.ts';
import { buildFts, openFts } from './search-fts.ts';

export interface BenchQuery {
  text: string;
  filters: SearchFilters;
  lead: boolean;
  /** Entry ids that answer it. */
  relevant: number[];
}

export interface BuildResult {
  cpu: number; // s
  wall: number; // s
  size: number; // bytes on disk
}

export interface QueryResult {
  coldWall: number; // ms: open/load the index and answer the first query
  coldCpu: number; // ms
  rssLoaded: number; // bytes, after loading and the first query
  rssMax: number; // bytes, peak of the process
  cpu50: number; // ms per query
  cpu95: number;
  wall50: number;
  wall95: number;
  hit1: number;
  mrr: number;
}

type Search = (q: string, f: SearchFilters, limit: number, lead: boolean) => number[];

export function writeCorpus(dir: string, corpus: Corpus, queries: BenchQuery[]): void {
  const entries = corpus.entries.map((e) => ({ ...e, text: '' })); // answers read the text from the DB; neither index needs it
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ docs: [...corpus.docs.values()], entries }));
  writeFileSync(join(dir, 'queries.json'), JSON.stringify(queries));
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function readCorpus(dir: string): Corpus {
  const raw = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { docs: DocInfo[]; entries: Entry[] };
  return { docs: new Map(raw.docs.map((d) => [d.id, d])), entries: raw.entries };
}

async function build(engine: string, dir: string): Promise<BuildResult> {
  const corpus = readCorpus(dir);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let size: number;
  if (engine === 'flex') {
    await SearchIndex.build(corpus).save(join(dir, 'flex'), 'bench');
    size = statSync(join(dir, 'flex', 'index.json')).size;
  } else {
    buildFts(join(dir, 'fts.db'), corpus);
    size = statSync(join(dir, 'fts.db')).size;
  }
  return { cpu: cpuMs(process.cpuUsage(c0)) / 1000, wall: (performance.now() - t0) / 1000, size };
}

function query(engine: string, dir: string): QueryResult {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let search: Search;
  if (engine === 'flex') {
    const ix = SearchIndex.load(join(dir, 'flex'), 'bench');
    if (!ix) throw new Error('no saved index');
    search = (q, f, limit, lead) => ix.search(q, f, limit, { leadAction: lead }).map((h) => h.entry.id);
  } else search = openFts(join(dir, 'fts.db'));
  search('ke hoach ung dung cong nghe thong tin', {}, 10, false);
  const coldWall = performance.now() - t0;
  const coldCpu = cpuMs(process.cpuUsage(c0));
  const rssLoaded = process.memoryUsage().rss;

  const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
  for (const q of queries.slice(0, 30)) search(q.text, q.filters, 10, q.lead); // warm-up
  const cpu: number[] = [];
  const wall: number[] = [];
  let hit1 = 0;
  let mrr = 0;
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    const ids = search(q.text, q.filters, 10, q.lead);
    wall.push(performance.now() - t);
    cpu.push(cpuMs(process.cpuUsage(c)));
    const good = new Set(q.relevant);
    const rank = ids.findIndex((id) => good.has(id));
    if (rank === 0) hit1++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  const n = queries.length;
  return {
    coldWall,
    coldCpu,
    rssLoaded,
    rssMax: process.resourceUsage().maxRSS * 1024,
    cpu50: pct(cpu, 50),
    cpu95: pct(cpu, 95),
    wall50: pct(wall, 50),
    wall95: pct(wall, 95),
    hit1: hit1 / n,
    mrr: mrr / n,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [mode, engine, dir] = process.argv.slice(2);
  if (!dir || !['flex', 'fts'].includes(engine!)) throw new Error('usage: search-engines.ts build|query flex|fts <dir>');
  const out = mode === 'build' ? await build(engine!, dir) : query(engine!, dir);
  process.stdout.write(JSON.stringify(out) + '\n');
}
