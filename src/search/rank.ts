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
export function scoreEntry(e: Pick<Entry, 'norm'>, terms: string[], idf: (t: string) => number): number {
  return scoreDetail(e, terms, idf).score;
}

/** Score and the idf-weighted share of the query terms the passage contains. */
export function scoreDetail(e: Pick<Entry, 'norm'>, terms: string[], idf: (t: string) => number): { score: number; coverage: number } {
  const padded = ` ${e.norm} `;
  let score = 0;
  let total = 0;
  let matched = 0;
  for (const t of new Set(terms)) {
    const w = idf(t);
    total += w;
    if (padded.includes(` ${t} `)) {
      score += w;
      matched += w;
    }
  }
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1]!;
    if (padded.includes(` ${a} ${b} `) || (padded.includes(` ${a} `) && new RegExp(` ${a} (${STOP_ALT}) ${b} `).test(padded))) {
      score += 0.6 * (idf(a) + idf(b));
    }
  }
  const coverage = total ? matched / total : 0;
  const lengthPenalty = 1 + 0.15 * Math.log(1 + e.norm.length / 150);
  return { score: (score * (0.5 + coverage)) / lengthPenalty, coverage };
}
