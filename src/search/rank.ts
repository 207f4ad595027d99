// Re-ranking of engine candidates: weighted term coverage plus adjacent-pair (phrase) matches.
import type { Entry } from './entries.ts';
import { STOPWORDS, tokens } from './normalize.ts';

/** Content terms of a query (normalised, stop words dropped). */
export function queryTerms(query: string): string[] {
  return tokens(query, true).slice(0, 40);
}

/**
 * Score of a passage for query terms: Σ idf of matched terms, plus a bonus for every adjacent pair of query
 * terms found adjacent in the passage (so "thông tin" outranks passages with "thông" and "tin" apart),
 * scaled by the share of the query covered, with a mild penalty for very long passages.
 */
export function scoreEntry(e: Entry, terms: string[], idf: (t: string) => number): number {
  const words = e.norm.split(' ');
  const set = new Set(words);
  let score = 0;
  let total = 0;
  let matched = 0;
  const uniq = [...new Set(terms)];
  for (const t of uniq) {
    const w = idf(t);
    total += w;
    if (set.has(t)) {
      score += w;
      matched += w;
    }
  }
  if (terms.length > 1) {
    const content = words.filter((w) => !STOPWORDS.has(w));
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < content.length; i++) pairs.add(`${content[i]} ${content[i + 1]}`);
    for (let i = 0; i + 1 < terms.length; i++) {
      if (pairs.has(`${terms[i]} ${terms[i + 1]}`)) score += 0.6 * (idf(terms[i]!) + idf(terms[i + 1]!));
    }
  }
  const coverage = total ? matched / total : 0;
  const lengthPenalty = 1 + 0.15 * Math.log(1 + words.length / 30);
  return (score * (0.5 + coverage)) / lengthPenalty;
}
