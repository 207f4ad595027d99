// The real evaluation set of `bench:search`: the seeds (and, when ../shared/corpus is present, the corpus documents
// the blind question sets cite) imported as the bot imports them, and the blind questions of test/eval/qa that name
// a passage (document + words of it) for the owner, indicator and search intents. Each question is read by the bot's
// own parser (topic, province, documents, kinds), so both engines get what the bot would search for; a hit is a
// passage of the named document holding the named words — written by the question's author, not by either engine.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { AgencyMatcher } from '../../src/search/agency-match.ts';
import { loadCorpus, type Corpus, type EntryKind } from '../../src/search/entries.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { normalizeText, numberKey } from '../../src/search/normalize.ts';
import { parseQuestion } from '../../src/search/query.ts';
import type { BenchQuery } from './search-engines.ts';

const QA = new URL('../eval/qa/', import.meta.url).pathname;
const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
const KINDS: Record<string, EntryKind[] | null> = { owner: ['task'], indicator: ['indicator'], search: null };

interface Question {
  q: string;
  intent: string;
  document?: string;
  text?: string;
  source?: string;
}

export async function realSet(): Promise<{ corpus: Corpus; queries: BenchQuery[]; skipped: number; withCorpus: boolean }> {
  const all: Question[] = readdirSync(QA)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(QA, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Question),
    );
  const withCorpus = existsSync(CORPUS);
  const isCorpus = (s?: string) => !!s && /^[0-9a-f]{16}$/.test(s);
  const cited = [...new Set(all.map((q) => q.source).filter(isCorpus))];
  const dir = mkdtempSync(join(tmpdir(), 'bench-real-'));
  const app = await createApp({
    config: { DATABASE_URL: `file:${join(dir, 'real.db')}`, INDEX_DIR: join(dir, 'index') },
    log: silentLogger,
  });
  await importPaths(app, ['data/documents', ...(withCorpus ? cited.map((id) => join(CORPUS, `${id}.md`)) : [])]);
  const corpus = await loadCorpus(app.db);
  const index = SearchIndex.build(corpus);
  const agencies = await AgencyMatcher.load(app.db, app.registry);
  const provinces = [...new Set([...corpus.docs.values()].map((d) => d.province).filter((p): p is string => !!p))];
  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const queries: BenchQuery[] = [];
  let skipped = 0;
  for (const q of all) {
    if (!(q.intent in KINDS) || !q.document || !q.text || (!withCorpus && isCorpus(q.source))) continue;
    const want = numberKey(q.document);
    const words = ` ${normalizeText(q.text)} `;
    const kinds = KINDS[q.intent]!;
    const relevant = corpus.entries
      .filter((e) => {
        const d = corpus.docs.get(e.doc);
        const n = [d?.number, d?.issuedWith?.number].some((x) => !!x && numberKey(x) === want);
        return n && (!kinds || kinds.includes(e.kind)) && ` ${e.norm} `.includes(words);
      })
      .map((e) => e.id);
    if (!relevant.length) {
      skipped++; // the named words are in no passage of that document (a target's figure, a title): not a search question
      continue;
    }
    const p = parseQuestion(q.q, { index, agencies, provinces });
    queries.push({
      text: p.topic || p.norm,
      filters: { province: p.province, year: p.year, docs: p.docs.length ? p.docs.map((d) => d.id) : null, kinds },
      lead: q.intent === 'owner',
      relevant,
    });
  }
  return { corpus, queries, skipped, withCorpus };
}
