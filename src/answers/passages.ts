// Passages about a topic ("ứng dụng cntt trong giáo dục"): the best sections, tasks and targets, cited.
import type { ParsedQuestion } from '../search/query.ts';
import { citation, moreLine, PAGE_SIZE, quoteAround } from './format.ts';
import { queryTerms } from '../search/rank.ts';
import { dedupeHits, hitsToItems } from './items.ts';
import { filtersOf, notFound, onOf, type Built, type Ctx } from './context.ts';
import { leadParen } from './today.ts';
import { planField } from './plan-field.ts';
import type { Hit } from '../search/index.ts';

/** Asks how long or when ("cập nhật … trong bao lâu"): a passage giving a time ("sau tối đa 05 ngày") answers it. */
const ASKS_WHEN = /\b(bao lau|bao gio|khi nao|luc nao|thoi diem nao)\b/;
const GIVES_TIME = /\b(\d+ (ngay|thang|nam|gio|tuan)|thoi (diem|han|gian))\b/;
/** Score factor of such a passage for such a question. */
const TIME_WEIGHT = 1.2;

/** `lead`: the passage that answers first (a plan's field asked by the plan's title), found by default. */
export async function search(ctx: Ctx, q: ParsedQuestion, page: number, lead: Hit | null = planField(ctx, q)): Promise<Built> {
  const topic = q.topic || q.norm;
  // named documents stand for their type ("quyết định 71/2025/QĐ-UBND …" is also answered from the regulation it issued)
  let found = ctx.index.search(topic, { ...filtersOf(q), type: q.within ? null : q.type }, 60);
  if (ASKS_WHEN.test(q.norm))
    found = found
      .map((h) => (GIVES_TIME.test(h.entry.norm) ? { ...h, score: h.score * TIME_WEIGHT } : h))
      .sort((a, b) => b.score - a.score || a.entry.id - b.entry.id);
  const ranked = dedupeHits(found);
  const hits = lead ? [lead, ...ranked.filter((h) => h.entry.doc !== lead.entry.doc || h.entry.path !== lead.entry.path)] : ranked;
  if (!hits.length) return notFound(ctx, ctx.t.whatPassage);
  const all = await hitsToItems(ctx.db, ctx.agencies, hits.slice(0, q.onlyAgency ? 60 : 30), onOf(ctx));
  const only = q.onlyAgency;
  const items = (only ? all.filter((it) => it.agency === only || it.coordinators.includes(only)) : all).slice(0, 30);
  if (!items.length) return notFound(ctx, ctx.t.whatPassageOf(only ?? ''));
  const start = (page - 1) * PAGE_SIZE;
  const shown = items.slice(start, start + PAGE_SIZE);
  if (!shown.length) return { answers: items, reply: ctx.t.noMore, hasMore: false };
  const terms = queryTerms(topic);
  const lines = shown.map((it, i) => {
    const who = it.agency ? leadParen(it.agency, it.successors, ctx.t) : it.value ? ` (${it.value})` : '';
    return `${start + i + 1}.${who} ${quoteAround(it.text, terms, 200)}\n   ${citation(it.document, it.section, it.page, ctx.t)}`;
  });
  const remaining = items.length - start - shown.length;
  return {
    answers: items,
    reply: `${lines.join('\n')}${moreLine(remaining, ctx.t)}`,
    hasMore: remaining > 0,
    confidence: hits[0]!.confidence,
  };
}

/**
 * A question its intent finds nothing for (no task names the lead; an agency no task names): the passages about it,
 * behind a head that says so, or "not found" when there are none either.
 */
export async function passagesInstead(ctx: Ctx, q: ParsedQuestion, head: string, none: string): Promise<Built> {
  const found = await search(ctx, { ...q, intent: 'search' }, 1);
  if (!found.answers.length) return notFound(ctx, none);
  return { ...found, reply: `${head}\n${found.reply}` };
}
