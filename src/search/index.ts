// FlexSearch Document index over sections, tasks and targets; filters, document-number lookup and persistence.
import { DOC_TYPES, typeWords } from '../core/doc-types.ts';
import { Document, Encoder } from 'flexsearch';
import { pathIn } from './section-ref.ts';
import type { Corpus, DocInfo, Entry, EntryKind } from './entries.ts';
import { entryTags } from './entries.ts';
import { STOPWORDS, normalizeText, numberKey, slug } from './normalize.ts';
import { fold } from '../core/text.ts';
import { pairSlot, queryTerms } from './rank.ts';
import { MIN_COVERAGE, leadWord, passageScore, type RankStats } from './passage-score.ts';
import { readIndexFile, writeIndexFile } from './persist.ts';
import { provinces } from '../ingest/provinces.ts';

/** Size of the hashed table of adjacent-word-pair document frequencies. */
export const PAIR_SLOTS = 1 << 18;

/** Passages holding each adjacent word pair (hashed; pairs are counted across a stop word, as the ranking matches them). */
export function pairTable(entries: Pick<Entry, 'norm'>[]): Uint32Array {
  const table = new Uint32Array(PAIR_SLOTS);
  for (const e of entries) {
    const words = e.norm.split(' ');
    const slots = new Set<number>();
    for (let i = 0, prev = ''; i < words.length; i++) {
      const w = words[i]!;
      if (STOPWORDS.has(w)) continue;
      if (prev) slots.add(pairSlot(prev, w, PAIR_SLOTS));
      prev = w;
    }
    for (const k of slots) table[k]!++;
  }
  return table;
}

/** Candidates drawn from the untagged engine search when a tagged one finds few. */
const LOOSE_LIMIT = 1500;

export interface SearchFilters {
  province?: string | null; // display name or slug
  doc?: number | null;
  docs?: number[] | null; // restrict to any of these documents
  type?: string | null; // "Chỉ thị"
  year?: number | null; // document year or target year (soft: used when something matches it)
  strictYear?: boolean; // a year set by command: only passages of that year, even if none match
  agencies?: number[] | null; // Agency ids linked to a task
  kinds?: EntryKind[] | null;
  /** Only passages of this part of the documents ("Điều 5", "II", "3"): the path segments, in order. */
  part?: readonly string[] | null;
}

/** A document's number and year typed short after its type word or "số" ("qd 82/2025"); not "quý 3/2025". */
const NUMBER_AND_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(?:${typeWords('numbered', ['so', ...DOC_TYPES.flatMap((t) => t.typed ?? [])])})\\.? ?(?:so )?(\\d+)\\/((?:19|20)\\d\\d)(?![\\d/])`,
  'gu',
);

/** Ranking hints a caller may give. */
export interface RankHints {
  /** The query starts with the action asked about (owner questions): weigh its first word up. */
  leadAction?: boolean;
}

export interface Hit {
  entry: Entry;
  doc: DocInfo;
  score: number;
  /** Share of the query's weight (idf) the passage holds, its headings counting half: 1 = every word found. */
  coverage: number;
  /** How sure the passage is what was asked: its coverage, lowered when the query's words are found only apart. */
  confidence: number;
}

function makeFlex() {
  const encoder = new Encoder({
    normalize: false,
    dedupe: false,
    minlength: 1,
    split: /[^a-z0-9]+/,
    // Folded, đ → d, abbreviations expanded: the same function as the query side. No phonetic charset.
    prepare: (s: string) => normalizeText(s),
    filter: (t: string) => !STOPWORDS.has(t),
  });
  return new Document({
    tokenize: 'strict',
    resolution: 9,
    context: { depth: 2, bidirectional: true, resolution: 3 },
    encoder,
    cache: false,
    document: { id: 'id', index: ['text'], tag: ['province', 'type', 'doc', 'kind', 'agency'] },
  });
}

type Flex = ReturnType<typeof makeFlex>;

export class SearchIndex {
  readonly docs: Map<number, DocInfo>;
  readonly entries: Entry[];
  private df = new Map<string, number>();
  private pairDf: Uint32Array = new Uint32Array(PAIR_SLOTS);
  private byNumberHead = new Map<string, DocInfo[]>();
  private byIssuer = new Map<string, DocInfo[]>();
  /** The document types stored ("Kế hoạch", "Quy chế"): a question's type word filters only on one of them. */
  readonly types = new Set<string>();
  private titles = new Map<number, string>();

  private constructor(
    corpus: Corpus,
    private readonly flex: Flex,
    stats?: { df: [string, number][]; pairDf: Uint32Array },
  ) {
    this.docs = corpus.docs;
    this.entries = corpus.entries;
    for (const d of this.docs.values()) {
      const head = d.numberKey?.match(/^\d+/)?.[0];
      if (head) this.byNumberHead.set(head, [...(this.byNumberHead.get(head) ?? []), d]);
      if (d.issuedWith) this.byIssuer.set(d.issuedWith.number, [...(this.byIssuer.get(d.issuedWith.number) ?? []), d]);
      this.types.add(d.type);
    }
    if (stats) {
      // Loaded from disk: word statistics were saved with the index, no pass over every passage at start-up.
      this.df = new Map(stats.df);
      this.pairDf = stats.pairDf;
      return;
    }
    for (const e of this.entries) for (const t of new Set(e.norm.split(' '))) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.pairDf = pairTable(this.entries);
  }

  static build(corpus: Corpus): SearchIndex {
    const flex = makeFlex();
    for (const e of corpus.entries) flex.add({ id: e.id, text: e.norm, ...entryTags(e, corpus.docs.get(e.doc)) });
    return new SearchIndex(corpus, flex);
  }

  readonly idfFn = (t: string): number => this.idf(t);
  readonly pairIdfFn = (a: string, b: string): number => this.pairIdf(a, b);
  /** Two syllables seen side by side in the corpus: read together in a query, they are one word. */
  readonly isPhraseFn = (a: string, b: string): boolean => (this.pairDf[pairSlot(a, b, PAIR_SLOTS)] ?? 0) > 0;
  private readonly stats: RankStats = { idf: this.idfFn, pairIdf: this.pairIdfFn, isPhrase: this.isPhraseFn };

  get size(): number {
    return this.entries.length;
  }

  idf(term: string): number {
    return Math.log(1 + this.entries.length / (1 + (this.df.get(term) ?? 0)));
  }

  /** idf of two words read as one phrase (adjacent, or with a stop word between them). */
  pairIdf(a: string, b: string): number {
    return Math.log(1 + this.entries.length / (1 + (this.pairDf[pairSlot(a, b, PAIR_SLOTS)] ?? 0)));
  }

  /**
   * Raw FlexSearch candidates (entry ids, engine order). The engine gets one tag filter, the most selective
   * (FlexSearch 0.8 unites several tags rather than intersecting them); `search` checks the others.
   */
  candidates(query: string, filters: SearchFilters = {}, limit = 200): number[] {
    // Named documents: every passage of theirs is a candidate (a few hundred each). The engine's best passages for a
    // common word ("báo cáo", "thực hiện") are elsewhere and would leave none of theirs to filter.
    if (filters.docs?.length && filters.doc == null && filters.docs.length <= MAX_NAMED_DOCS)
      return filters.docs.flatMap((doc) => this.candidates('', { doc }));
    const tag = engineTag(filters);
    const q = queryTerms(query).join(' ');
    if (!q) {
      if (!tag) return [];
      const res = this.flex.search({ tag, limit: 100000 } as never) as unknown as { result: number[] }[];
      return res[0]?.result ?? [];
    }
    const res = this.flex.search(q, { suggest: true, limit, ...(tag ? { tag } : {}) }) as unknown as { result: number[] }[];
    const ids = res[0]?.result ?? [];
    if (!tag || ids.length >= limit) return ids;
    // With a tag, FlexSearch 0.8 returns only passages holding every word (no suggestions): a task worded
    // "kế hoạch đào tạo … lãnh đạo thông tin" is lost for "công tác đào tạo CNTT". Passages holding some of the
    // words come from an untagged search; the caller checks the filters.
    const loose = this.flex.search(q, { suggest: true, limit: Math.max(limit, LOOSE_LIMIT) }) as unknown as { result: number[] }[];
    const seen = new Set(ids);
    for (const id of loose[0]?.result ?? []) if (!seen.has(id)) ids.push(id);
    return ids;
  }

  /** Best passages for a topic query: engine candidates, then filtered and re-ranked (terms, adjacent pairs, idf). */
  search(query: string, filters: SearchFilters = {}, limit = 20, rank: RankHints = {}): Hit[] {
    const tag = engineTag(filters);
    const others = Object.keys(tagsOf(filters)).length - (tag ? 1 : 0) + (filters.docs || filters.agencies || filters.part ? 1 : 0);
    const ids = this.candidates(query, filters, others > 0 ? 600 : 120);
    const terms = queryTerms(query);
    const action = rank.leadAction ? leadWord(terms, this.stats) : null;
    const want = tagsOf(filters);
    const provinceSlugs = want.province ? coveredSlugs(want.province) : null;
    let hits: Hit[] = [];
    for (const id of ids) {
      const e = this.entries[id];
      if (!e) continue;
      if (filters.kinds && !filters.kinds.includes(e.kind)) continue;
      const d0 = this.docs.get(e.doc);
      const place = d0?.province || d0?.about;
      if (provinceSlugs && (!place || !provinceSlugs.has(slug(place)))) continue;
      if (want.type && (!d0 || slug(d0.type) !== want.type)) continue;
      if (want.doc && String(e.doc) !== want.doc) continue;
      if (filters.docs && !filters.docs.includes(e.doc)) continue;
      if (filters.part && !pathIn(e.path, filters.part)) continue;
      if (filters.agencies && !e.agencies.some((a) => filters.agencies!.includes(a))) continue;
      const doc = this.docs.get(e.doc)!;
      if (!terms.length) {
        hits.push({ entry: e, doc, score: 1 / (1 + id), coverage: 1, confidence: 1 });
        continue;
      }
      const { score, coverage, confidence } = passageScore(e, this.title(e.doc), terms, this.stats, action);
      if (coverage >= MIN_COVERAGE) hits.push({ entry: e, doc, score, coverage, confidence });
    }
    if (filters.year) {
      const y = filters.year;
      // a plan issued in 2025 for 2026 ("… năm 2026", "giai đoạn 2026 - 2030") is about 2026 in every passage; a title
      // "đến năm 2020, định hướng đến năm 2030" names several years and narrows nothing
      const inYear = hits.filter(
        (h) => h.entry.year === y || h.doc.year === y || h.entry.norm.includes(String(y)) || this.titleHolds(h.doc.id, y),
      );
      if (inYear.length || filters.strictYear) hits = inYear;
    }
    hits.sort((a, b) => b.score - a.score || a.entry.id - b.entry.id);
    return hits.slice(0, limit);
  }

  /** Score, coverage and confidence of one passage for query terms, its headings and title counting as in `search`. */
  match(e: Entry, terms: string[]): { score: number; coverage: number; confidence: number } {
    return passageScore(e, this.title(e.doc), terms, this.stats, null);
  }

  /**
   * Whether a document's title is about year `y`: it names that year alone ("Kế hoạch … năm 2026") or one period
   * holding it ("giai đoạn 2026 - 2030"); a title naming other years as well narrows nothing.
   */
  private titleHolds(doc: number, y: number): boolean {
    const raw = this.docs.get(doc)?.title ?? '';
    const years = [...new Set(raw.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? [])].map(Number);
    if (years.length === 1) return years[0] === y;
    const range = /(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)/.exec(raw);
    if (!range || years.length !== 2) return false;
    return Number(range[1]) <= y && y <= Number(range[2]);
  }

  /** Its document's normalised title, padded with spaces (cached). */
  private title(doc: number): string {
    let title = this.titles.get(doc);
    if (title === undefined) {
      title = ` ${normalizeText(this.docs.get(doc)?.title ?? '')} `;
      this.titles.set(doc, title);
    }
    return title;
  }

  /** Documents whose number is written in the text ("17/CT-UBND", "3933/QD-UBND", "24 CT TU"). */
  findByNumber(text: string): DocInfo[] {
    const compact = numberKey(text);
    const found = new Map<number, DocInfo>();
    for (const m of compact.matchAll(/\d+/g)) {
      for (const d of this.byNumberHead.get(m[0]) ?? []) {
        const k = d.numberKey!;
        for (let i = compact.indexOf(k); i >= 0; i = compact.indexOf(k, i + 1)) {
          if (i === 0 || !/\d/.test(compact[i - 1]!)) found.set(d.id, d);
        }
      }
    }
    // "qd 82/2025", "quyết định số 82/2025": a number and its year after a type word or "số", the rest left out
    for (const m of fold(text).matchAll(NUMBER_AND_YEAR)) {
      for (const d of this.byNumberHead.get(`${m[1]}${m[2]}`) ?? []) if (d.number?.startsWith(`${m[1]}/${m[2]}/`)) found.set(d.id, d);
    }
    return [...found.values()];
  }

  /** The unnumbered documents a decision issued ("Quy chế ban hành kèm theo Quyết định 71/2025/QĐ-UBND"). */
  issuedBy(number: string): DocInfo[] {
    return this.byIssuer.get(number) ?? [];
  }

  /** Documents whose number starts with this figure ("chỉ thị 17" → 17/CT-UBND). */
  findByLeadingNumber(n: string): DocInfo[] {
    return this.byNumberHead.get(n) ?? [];
  }

  /** Writes the index and its entries to `dir`, stamped with the DB fingerprint. */
  async save(dir: string, fp: string): Promise<void> {
    const parts: Record<string, string> = {};
    await this.flex.export((key, data) => {
      parts[key] = data;
    });
    writeIndexFile(dir, {
      fingerprint: fp,
      docs: [...this.docs.values()],
      entries: this.entries,
      df: [...this.df],
      pairDf: this.pairDf,
      parts,
    });
  }

  /** Loads a saved index when its fingerprint matches; null when missing, stale or unreadable. */
  static load(dir: string, fp: string): SearchIndex | null {
    const saved = readIndexFile(dir, fp, PAIR_SLOTS);
    if (!saved) return null;
    try {
      const flex = makeFlex();
      for (const [k, v] of Object.entries(saved.parts)) flex.import(k, v);
      return new SearchIndex({ docs: new Map(saved.docs.map((d) => [d.id, d])), entries: saved.entries }, flex, saved);
    } catch {
      return null;
    }
  }
}

function tagsOf(filters: SearchFilters): Record<string, string> {
  const tag: Record<string, string> = {};
  if (filters.doc != null) tag.doc = String(filters.doc);
  if (filters.province) tag.province = slug(filters.province);
  if (filters.type) tag.type = slug(filters.type);
  if (filters.kinds?.length === 1) tag.kind = filters.kinds[0]!;
  return tag;
}

/** A province of today covers the former ones merged into it: "ca-mau" → {ca-mau, bac-lieu}. */
export function coveredSlugs(provinceSlug: string): Set<string> {
  const name = provinces()
    .names()
    .find((p) => slug(p) === provinceSlug);
  const former = name && provinces().isCurrent(name) ? provinces().formerOf(name) : [];
  return new Set([provinceSlug, ...former.filter((c) => provinces().today(c.name) === name).map((c) => slug(c.name))]);
}

/** The single most selective tag for the engine (a province covering former ones is filtered after, not here). */
/** Up to this many documents named in a question are searched passage by passage. */
const MAX_NAMED_DOCS = 20;

function engineTag(filters: SearchFilters): Record<string, string> | null {
  const all = tagsOf(filters);
  if (all.province && coveredSlugs(all.province).size > 1) delete all.province;
  for (const k of ['doc', 'province', 'type', 'kind']) if (all[k]) return { [k]: all[k] };
  return null;
}
