// The SQLite FTS5 baseline of `bench:search`, set up as a competent engineer would: passages in a plain table, an
// external-content FTS5 index over their normalised text (the same normalizeText as the bot: folded, đ → d,
// abbreviations expanded), candidates by a cascade of the typed words as a phrase, then NEAR, then AND, then OR,
// each ordered by FTS5's `rank` (bm25), and the bot's own re-ranking (passageScore, the same coverage cut) on
// them. Word statistics come from fts5vocab and the pair table stored beside it, so nothing but SQLite's pages is
// held in memory.
import Database from 'better-sqlite3';
import type { Corpus, Entry } from '../../src/search/entries.ts';
import { PAIR_SLOTS, coveredSlugs, pairTable, type SearchFilters } from '../../src/search/index.ts';
import { normalizeText, slug, tokens } from '../../src/search/normalize.ts';
import { MIN_COVERAGE, leadWord, passageScore, type RankStats } from '../../src/search/passage-score.ts';
import { pairSlot, queryTerms } from '../../src/search/rank.ts';

/** The cascade stops once it holds this many candidates; at most CANDIDATES are re-ranked (the bot's own 120). */
export const ENOUGH = 30;
export const CANDIDATES = 120;
/** NEAR distance in tokens. */
export const NEAR = 10;

export function buildFts(file: string, corpus: Corpus): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER);
    CREATE TABLE passages (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, kind TEXT NOT NULL, province TEXT,
      year INTEGER, norm TEXT NOT NULL, sub TEXT, ctx TEXT);
    CREATE VIRTUAL TABLE fts USING fts5(norm, content = 'passages', content_rowid = 'id', tokenize = 'unicode61');
    CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row');
    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)`);
  const doc = db.prepare('INSERT INTO docs VALUES (?, ?, ?)');
  const passage = db.prepare('INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const d of corpus.docs.values()) doc.run(d.id, ` ${normalizeText(d.title)} `, d.year);
    for (const e of corpus.entries) {
      const d = corpus.docs.get(e.doc);
      passage.run(e.id, e.doc, e.kind, d?.province ? slug(d.province) : null, e.year, e.norm, e.sub ?? null, e.ctx ?? null);
    }
    db.exec(`INSERT INTO fts(rowid, norm) SELECT id, norm FROM passages`);
    const pairs = pairTable(corpus.entries);
    db.prepare('INSERT INTO meta VALUES (?, ?)').run('pairs', Buffer.from(pairs.buffer, pairs.byteOffset, pairs.byteLength));
    db.prepare('INSERT INTO meta VALUES (?, ?)').run('count', corpus.entries.length);
  })();
  db.exec(`INSERT INTO fts(fts) VALUES('optimize')`);
  db.close();
}

interface Row {
  id: number;
  doc: number;
  norm: string;
  sub: string | null;
  ctx: string | null;
  year: number | null;
}

/** Opens the built database; returns a search with the bot pipeline's signature (entry ids, best first). */
export function openFts(file: string): (query: string, filters: SearchFilters, limit: number, lead: boolean) => number[] {
  const db = new Database(file, { readonly: true });
  const count = (db.prepare(`SELECT value FROM meta WHERE key = 'count'`).get() as { value: number }).value;
  const raw = (db.prepare(`SELECT value FROM meta WHERE key = 'pairs'`).get() as { value: Buffer }).value;
  const pairs = new Uint32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  if (pairs.length !== PAIR_SLOTS) throw new Error('pair table of another size');
  const dfStmt = db.prepare('SELECT doc FROM vocab WHERE term = ?').pluck();
  const titleStmt = db.prepare('SELECT title, year FROM docs WHERE id = ?');
  const df = new Map<string, number>();
  const docs = new Map<number, { title: string; year: number | null }>();
  const idf = (t: string) => {
    let n = df.get(t);
    if (n === undefined) df.set(t, (n = (dfStmt.get(t) as number | undefined) ?? 0));
    return Math.log(1 + count / (1 + n));
  };
  const pairN = (a: string, b: string) => pairs[pairSlot(a, b, PAIR_SLOTS)] ?? 0;
  const stats: RankStats = { idf, pairIdf: (a, b) => Math.log(1 + count / (1 + pairN(a, b))), isPhrase: (a, b) => pairN(a, b) > 0 };
  const doc = (id: number) => {
    let d = docs.get(id);
    if (!d) docs.set(id, (d = titleStmt.get(id) as { title: string; year: number | null }));
    return d;
  };
  const stmts = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = stmts.get(sql);
    if (!s) stmts.set(sql, (s = db.prepare(sql)));
    return s;
  };

  function candidates(query: string, filters: SearchFilters): Row[] {
    const words = tokens(query);
    const terms = queryTerms(query);
    if (!terms.length) return [];
    const q = (ts: string[]) => ts.map((t) => `"${t}"`);
    const levels = [
      ...new Set([`"${words.join(' ')}"`, `NEAR(${q(terms).join(' ')}, ${NEAR})`, q(terms).join(' AND '), q(terms).join(' OR ')]),
    ];
    const where: string[] = ['fts MATCH ?'];
    const args: (string | number)[] = [];
    if (filters.province) {
      const slugs = [...coveredSlugs(slug(filters.province))];
      where.push(`p.province IN (${slugs.map(() => '?').join(',')})`);
      args.push(...slugs);
    }
    if (filters.kinds?.length) {
      where.push(`p.kind IN (${filters.kinds.map(() => '?').join(',')})`);
      args.push(...filters.kinds);
    }
    const inDocs = filters.docs ?? (filters.doc != null ? [filters.doc] : null);
    if (inDocs?.length) {
      where.push(`p.doc IN (${inDocs.map(() => '?').join(',')})`);
      args.push(...inDocs);
    }
    const sql = `SELECT p.id, p.doc, p.norm, p.sub, p.ctx, p.year FROM fts JOIN passages p ON p.id = fts.rowid
      WHERE ${where.join(' AND ')} ORDER BY rank LIMIT ?`;
    const out = new Map<number, Row>();
    for (const level of levels) {
      for (const r of prepared(sql).all(level, ...args, CANDIDATES) as Row[]) if (out.size < CANDIDATES) out.set(r.id, r);
      if (out.size >= ENOUGH) break;
    }
    return [...out.values()];
  }

  return (query, filters, limit, lead) => {
    const terms = queryTerms(query);
    const action = lead ? leadWord(terms, stats) : null;
    let hits: { id: number; score: number; year: boolean }[] = [];
    for (const r of candidates(query, filters)) {
      const e: Pick<Entry, 'norm' | 'sub' | 'ctx'> = { norm: r.norm, ...(r.sub ? { sub: r.sub } : {}), ...(r.ctx ? { ctx: r.ctx } : {}) };
      const d = doc(r.doc);
      const s = passageScore(e, d.title, terms, stats, action);
      const y = filters.year;
      if (s.coverage >= MIN_COVERAGE)
        hits.push({ id: r.id, score: s.score, year: !!y && (r.year === y || d.year === y || r.norm.includes(String(y))) });
    }
    if (filters.year) {
      const inYear = hits.filter((h) => h.year);
      if (inYear.length || filters.strictYear) hits = inYear;
    }
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits.slice(0, limit).map((h) => h.id);
  };
}
