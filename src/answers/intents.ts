// One builder per intent: find the answer, then write the reply (answer first, quote, citation).
import { provinces } from '../ingest/provinces.ts';
import type { ParsedQuestion } from '../search/query.ts';
import { scoreEntry, queryTerms } from '../search/rank.ts';
import { PAGE_SIZE, citation, docLabel, isoToVn, moreLine, quote } from './format.ts';
import { docOut, hitsToItems, perProvince } from './items.ts';
import { effectiveDates } from './effective.ts';
import type { AnswerItem } from './types.ts';
import { countIndicators, countTasks, findSigners } from './repo/count-document-parts.ts';
import { filtersOf, notFound, onOf, type Built, type Ctx } from './context.ts';

export { filtersOf, notFound, onOf, type Built, type Ctx } from './context.ts';
export { owner } from './owner.ts';
export { agencyTasks } from './agency-tasks.ts';
export { search } from './passages.ts';
import { search } from './passages.ts';
import { planField } from './plan-field.ts';

/** A passage this much surer than the best target answers a figure question instead (measured on test/eval/qa). */
const PASSAGE_MARGIN = 0.25;

export async function indicator(ctx: Ctx, q: ParsedQuestion): Promise<Built> {
  // "nguồn kinh phí thực hiện lộ trình đổi mới công nghệ Đồng Tháp": the plan's passage on it, not a figure
  const field = planField(ctx, q);
  if (field) return search(ctx, q, 1, field);
  const topic = q.topic || q.norm;
  let hits = ctx.index.search(topic, { ...filtersOf(q), kinds: ['indicator'] }, 30);
  if (!hits.length) hits = ctx.index.search(topic, { ...filtersOf(q), kinds: ['section'] }, 30);
  if (!hits.length) return notFound(ctx, ctx.t.whatIndicator);
  // "kinh phí kiểm kê": a target that holds little of the question ("Tổng kinh phí …") yields to a passage holding it.
  const passage = hits[0]!.entry.kind === 'indicator' ? ctx.index.search(topic, { ...filtersOf(q), kinds: ['section'] }, 1)[0] : null;
  if (passage && passage.confidence - hits[0]!.confidence >= PASSAGE_MARGIN) return search(ctx, q, 1, field);
  const chosen = !q.province && !q.docs.length ? perProvince(hits) : [hits[0]!];
  const items = await hitsToItems(ctx.db, ctx.agencies, chosen, onOf(ctx));
  const line = (it: AnswerItem, i = 0) => {
    const y = chosen[i]?.entry.year;
    const head = it.value ? ctx.t.valueInYear(it.value, y ?? null) : ctx.t.documentSays;
    return `${head}\n${quote(it.text)}\n${citation(it.document, it.section, it.page, ctx.t)}`;
  };
  if (items.length > 1) {
    const per = items.map((it, i) => `• ${it.document.province ?? ctx.t.unknownProvince}: ${line(it, i).replace(/\n/g, '\n  ')}`);
    return {
      answers: items,
      reply: `${ctx.t.targetsByProvince}\n${per.join('\n')}`,
      hasMore: false,
      confidence: chosen[0]!.confidence,
    };
  }
  return { answers: items, reply: line(items[0]!), hasMore: false, confidence: chosen[0]!.confidence };
}

export async function document(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  let docs = q.docs;
  if (!docs.length) {
    const all = [...ctx.index.docs.values()].filter(
      (d) =>
        (!q.type || d.type === q.type) &&
        (!q.year || d.year === q.year) &&
        (!q.province || provinces().covers(q.province, d.province, ctx.now)),
    );
    const terms = queryTerms(q.topic);
    docs = all;
    if (terms.length) {
      const scored = all.map((d) => ({
        d,
        s: scoreEntry({ norm: queryTerms(d.title).join(' ') } as never, terms, (t) => ctx.index.idf(t)),
      }));
      const pos = scored.filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
      if (pos.length) docs = pos.map((x) => x.d);
    }
  }
  if (!docs.length) return notFound(ctx, ctx.t.whatDocument);
  if (q.order) {
    const key = (d: (typeof docs)[number]) => d.date ?? (d.year ? `${d.year}` : '');
    docs = [...docs].sort((a, b) => (q.order === 'newest' ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b))));
  }
  const counts = await Promise.all(
    docs.map(async (d) => ({
      tasks: await countTasks(ctx.db, d.id),
      inds: await countIndicators(ctx.db, d.id),
    })),
  );
  const answers: AnswerItem[] = docs.map((d) => ({
    agency: null,
    leads: [],
    role: null,
    coordinators: [],
    text: d.title,
    value: null,
    section: '',
    successors: [],
    document: docOut(d),
  }));
  const start = (page - 1) * PAGE_SIZE;
  // "ai ký", "ban hành ngày nào": the signer and the date, or that the text does not give them.
  const signers = q.meta
    ? new Map(
        (
          await findSigners(
            ctx.db,
            docs.map((d) => d.id),
          )
        ).map((d) => [d.id, d.signer]),
      )
    : null;
  // "… có hiệu lực từ ngày nào": the sentence saying so, quoted
  const effective = q.meta && /\bhieu luc\b/.test(q.norm) ? await effectiveDates(ctx, docs.slice(start, start + PAGE_SIZE)) : null;
  const t = ctx.t;
  const lines = docs.slice(start, start + PAGE_SIZE).map((d, i) => {
    const c = counts[start + i]!;
    const day = isoToVn(d.date);
    const meta = [d.issuer, d.province, day ? t.onDay(day) : d.year ? t.inYear(d.year) : null].filter(Boolean).join(', ');
    if (signers) {
      const who = signers.get(d.id);
      const date = day ? t.issuedOn(day) : t.noIssueDate;
      const head = `${docLabel(d)} (${d.issuer ?? t.noIssuer}${d.province ? `, ${d.province}` : ''}): ${date}; ${who ? t.signedBy(who) : t.noSigner}. ${d.title}.`;
      if (!effective) return head;
      const when = effective.get(d.id);
      return `${head}\n${when ? t.effective(when.line) : t.noEffective}`;
    }
    return `${docLabel(d)}${meta ? ` (${meta})` : ''}: ${d.title}. ${t.holds(c.tasks, c.inds)}`;
  });
  // the answer to "… có hiệu lực từ ngày nào" is the sentence: its item carries it (the document stays its document)
  if (effective)
    docs.slice(start, start + PAGE_SIZE).forEach((d, i) => {
      const when = effective.get(d.id);
      if (when) answers[start + i] = { ...answers[start + i]!, text: when.item.text, section: when.item.section, page: when.item.page };
    });
  const remaining = docs.length - start - lines.length;
  const order = q.order === 'newest' ? t.newestFirst : q.order === 'oldest' ? t.oldestFirst : '';
  // "có bao nhiêu chỉ thị" is answered with the count, even of one.
  const head = docs.length > 1 || /\b(bao nhieu|may)\b/.test(q.norm) ? `${t.foundDocs(docs.length, order)}\n` : '';
  return { answers, reply: `${head}${lines.join('\n')}${moreLine(remaining, t)}`, hasMore: remaining > 0 };
}
