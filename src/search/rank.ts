// Re-ranking of engine candidates: weighted term coverage plus adjacent-pair (phrase) matches.
import type { Entry } from './entries.ts';
import { STOPWORDS, tokens } from './normalize.ts';

/** Content terms of a query (normalised, stop words dropped). */
export function queryTerms(query: string): string[] {
  return tokens(query, true).slice(0, 40);
}

const STOP_ALT = [...STOPWORDS].join('|');

/**
 * Score of a passage for query terms: Σ idf of matched terms, plus a bonus for every adjacent pair of query
 * terms found adjacent in the passage (a stop word between them allowed), so "thông tin" outranks passages
 * with "thông" and "tin" apart; scaled by the share of the query covered, mildly penalising very long passages.
 */
export function scoreEntry(e: Pick<Entry, 'norm'>, terms: string[], idf: (t: string) => number, pairIdf?: PairIdf): number {
  return scoreDetail(e, terms, idf, pairIdf).score;
}

/** idf of two adjacent words as a phrase ("cong bo" is rare even though "cong" and "bo" are everywhere). */
export type PairIdf = (a: string, b: string) => number;

/** Slot of a word pair in a hashed pair-count table (FNV-1a; collisions only lower a pair's idf). */
export function pairSlot(a: string, b: string, size: number): number {
  let h = 0x811c9dc5;
  const s = `${a} ${b}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % size;
}

/** Credit of a query word pair found with a stop word between them, against 0.6 for the pair as asked. */
const SPLIT_PAIR = 0.45;

/** Credit of a query syllable found in a passage only outside the word it forms in the query ("công" of "công bố" in "công nghệ"). */
const STRAY_SYLLABLE = 0.4;

/** Score, the idf-weighted share of the query terms the passage contains, and how many query word pairs it holds together. */
export function scoreDetail(
  e: Pick<Entry, 'norm'>,
  terms: string[],
  idf: (t: string) => number,
  pairIdf?: PairIdf,
  isPhrase?: (a: string, b: string) => boolean,
): { score: number; coverage: number; pairs: number } {
  const padded = ` ${e.norm} `;
  let score = 0;
  let pairs = 0;
  const inPassage = new Map<number, boolean>();
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1]!;
    const exact = padded.includes(` ${a} ${b} `);
    const found = exact || (padded.includes(` ${a} `) && new RegExp(` ${a} (${STOP_ALT}) ${b} `).test(padded));
    inPassage.set(i, found);
    if (found) {
      pairs++;
      // A rare phrase made of common words ("công bố", folded like "cán bộ" and "bố trí") weighs as a phrase; the
      // phrase as asked ("hiệp thương giá") a little more than with a word between ("hiệp thương về giá").
      score += (exact ? 0.6 : SPLIT_PAIR) * Math.max(idf(a) + idf(b), pairIdf ? pairIdf(a, b) : 0);
    }
  }
  // Vietnamese words are mostly two syllables: a query syllable that forms a known word with its neighbour
  // ("công bố", "công tác") counts fully only when the passage has that word, not the syllable in another one.
  const credit = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (!padded.includes(` ${t} `)) continue;
    let bound = false;
    let whole = false;
    for (const j of [i - 1, i]) {
      if (j < 0 || j + 1 >= terms.length || !isPhrase?.(terms[j]!, terms[j + 1]!)) continue;
      bound = true;
      if (inPassage.get(j)) whole = true;
    }
    const c = !bound || whole ? 1 : STRAY_SYLLABLE;
    credit.set(t, Math.max(credit.get(t) ?? 0, c));
  }
  let total = 0;
  let matched = 0;
  for (const t of new Set(terms)) {
    const w = idf(t);
    total += w;
    const c = credit.get(t) ?? 0;
    score += c * w;
    matched += c * w;
  }
  const coverage = total ? matched / total : 0;
  const lengthPenalty = 1 + 0.15 * Math.log(1 + e.norm.length / 150);
  return { score: (score * (0.5 + coverage)) / lengthPenalty, coverage, pairs };
}
