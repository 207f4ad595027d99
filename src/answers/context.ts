// What every intent builder works with: the database, the index, the agencies, and the date of the question.
import type { Db } from '../db/client.ts';
import type { AgencyRegistry } from '../ingest/agencies.ts';
import type { AgencyMatcher } from '../search/agency-match.ts';
import type { SearchFilters, SearchIndex } from '../search/index.ts';
import type { ParsedQuestion } from '../search/query.ts';
import type { AnswerText } from './reply-text.ts';
import type { AnswerItem } from './types.ts';

export interface Ctx {
  db: Db;
  index: SearchIndex;
  agencies: AgencyMatcher;
  registry: AgencyRegistry;
  now: Date; // the date of the question: who carries a task today depends on it
  asWritten: boolean; // asked "theo văn bản": the text's own agencies, without today's successors
  t: AnswerText; // the words around the answer, in the asker's language
}

/** The date successors are resolved on, or null when the question asks for the text as written. */
export const onOf = (ctx: Ctx): Date | null => (ctx.asWritten ? null : ctx.now);
export interface Built {
  answers: AnswerItem[];
  reply: string;
  hasMore: boolean;
  /** How much of the question the best passage holds (0–1), when the answer comes from a text search. */
  confidence?: number;
}

export const notFound = (ctx: Pick<Ctx, 't'>, what: string): Built => ({ answers: [], reply: ctx.t.notFound(what), hasMore: false });

export function filtersOf(q: ParsedQuestion): SearchFilters {
  // a named decision's question is answered from it and the regulation or plan it issued; a part named ("Điều 2 của
  // quyết định 1578 giao ai") narrows every answer to it
  const docs = q.within ?? q.docs.map((d) => d.id);
  return {
    province: q.province,
    year: q.year,
    strictYear: q.strictYear,
    docs: docs.length ? docs : null,
    ...(q.section ? { part: q.section.segments } : {}),
  };
}
