// The bot's score of one candidate passage for a query: term and pair matches, the subject of a target, the headings
// and title around it, and the action an owner question asks about. Pure, so any candidate source (FlexSearch here,
// SQLite FTS5 in the search benchmark) is ranked the same way.
import type { Entry } from './entries.ts';
import { scoreDetail } from './rank.ts';

/** Passages must hold at least this idf-weighted share of the query's words. */
export const MIN_COVERAGE = 0.5;

/**
 * Confidence factor of a passage holding every word of a query of several words but none of them together ("lịch nghỉ
 * tết" answered by a long passage with "lịch", "nghỉ" and "Tết" sentences apart): the words are there, the thing
 * asked about is not. Below the "not sure" gate (0.6) on its own; on the seen part of test/eval/qa no right answer
 * had its words only apart, and the one such confident answer was wrong.
 */
export const SCATTERED = 0.55;

/** Query words this close in a passage ("mạng thông tin 3G" for "mạng 3G") are together. */
const NEAR = 3;

/** Two successive query words within NEAR words of each other in the passage. */
function anyNear(norm: string, terms: string[]): boolean {
  const words = norm.split(' ');
  const at = (t: string) => words.flatMap((w, i) => (w === t ? [i] : []));
  for (let i = 0; i + 1 < terms.length; i++) {
    const b = at(terms[i + 1]!);
    if (at(terms[i]!).some((x) => b.some((y) => Math.abs(x - y) <= NEAR))) return true;
  }
  return false;
}

/** Weight of the leading action word of an owner question. */
const ACTION_WEIGHT = 1.7;
/** Score factor of a passage without the action word. */
const MISSING_ACTION = 0.75;

/** Corpus statistics the score reads. */
export interface RankStats {
  idf(term: string): number;
  pairIdf(a: string, b: string): number;
  isPhrase(a: string, b: string): boolean;
}

/**
 * The query's leading word, the action of an owner question: in "ai chủ trì công bố quy hoạch TT&TT" it is "công bố"
 * that says which task is meant, while "quy hoạch", "thông tin và truyền thông" are the topic many tasks share.
 * Its first two syllables when they form a word in the corpus, else the first syllable; none for short queries.
 */
export function leadWord(terms: string[], stats: RankStats): string[] | null {
  if (terms.length < 3) return null;
  return stats.isPhrase(terms[0]!, terms[1]!) ? terms.slice(0, 2) : terms.slice(0, 1);
}

/**
 * Score, coverage and confidence of a passage. `title` is its document's normalised title padded with spaces; `action` the
 * leading word of an owner question (or null).
 */
export function passageScore(
  e: Pick<Entry, 'norm' | 'sub' | 'ctx'>,
  title: string,
  terms: string[],
  stats: RankStats,
  action: string[] | null,
): { score: number; coverage: number; confidence: number } {
  const idf = (t: string) => stats.idf(t);
  const pairIdf = (a: string, b: string) => stats.pairIdf(a, b);
  const isPhrase = (a: string, b: string) => stats.isPhrase(a, b);
  const weighted = action ? (t: string) => idf(t) * (action.includes(t) ? ACTION_WEIGHT : 1) : idf;
  const d = scoreDetail(e, terms, weighted, pairIdf, isPhrase);
  // Several targets often share one sentence; the target's own subject tells them apart.
  const subject = e.sub ? 0.5 * scoreDetail({ norm: e.sub }, terms, idf, pairIdf, isPhrase).score : 0;
  const c = contextMatch(e, title, terms, idf);
  // A task that does not do the action asked about ("công bố") is about something else, however many topic words it shares.
  const acts = !action || ` ${e.norm} `.includes(` ${action.join(' ')} `) ? 1 : MISSING_ACTION;
  const coverage = Math.min(1, d.coverage + c.coverage);
  const scattered = new Set(terms).size >= 2 && d.pairs === 0 && !anyNear(e.norm, terms);
  return { score: (d.score + subject + c.bonus) * acts, coverage, confidence: coverage * (scattered ? SCATTERED : 1) };
}

/**
 * Context of a passage: the headings above it and its document's title. Query words missing from the passage
 * but present there count a little (more for a heading than for the title) and count half towards coverage.
 */
function contextMatch(e: Pick<Entry, 'norm' | 'ctx'>, title: string, terms: string[], idf: (t: string) => number) {
  const passage = ` ${e.norm} `;
  const heads = e.ctx ? ` ${e.ctx} ` : '';
  let bonus = 0;
  let found = 0;
  let total = 0;
  for (const t of new Set(terms)) {
    const w = idf(t);
    total += w;
    if (passage.includes(` ${t} `)) continue;
    if (heads.includes(` ${t} `)) {
      bonus += 0.5 * w;
      found += w;
    } else if (title.includes(` ${t} `)) {
      bonus += 0.3 * w;
      found += w;
    }
  }
  return { bonus, coverage: total ? (0.5 * found) / total : 0 };
}
