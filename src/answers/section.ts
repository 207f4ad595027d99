// "Điều 5 của Quy chế 161 quy định gì", "phụ lục I kế hoạch 0134 nói về nội dung gì": the passages of that part of
// the named document (or of the regulation or plan it issued), in the document's order, or ranked by what else the
// question asks ("điều 5 quy chế 161 về tài khoản"); a part the document does not have is said, with the parts it has.
// "Kế hoạch 37 ai chủ trì", "qd 71/2025 giao cho những cơ quan nào": the whole document's tasks with their leads.
import type { DocInfo, EntryKind } from '../search/entries.ts';
import type { Hit } from '../search/index.ts';
import type { ParsedQuestion } from '../search/query.ts';
import { normalizeText } from '../search/normalize.ts';
import { queryTerms } from '../search/rank.ts';
import { DOC_COUNT } from '../search/query-words.ts';
import type { SectionRef } from '../search/section-ref.ts';
import { citation, docLabel, moreLine, PAGE_SIZE, quote } from './format.ts';
import { hitsToItems } from './items.ts';
import { onOf, type Built, type Ctx } from './context.ts';
import { leadParen } from './today.ts';
import { leadsWholePlan } from './owner.ts';

/** The paths of what precedes and follows the numbered parts: not parts to offer. */
const OUTSIDE = new Set(['Mở đầu', 'Phần cuối', 'Kết thúc']);

/** Passages listed from a part, and tasks from a whole document (a plan's appendix table may hold over a hundred). */
const MAX_PART = 30;
const MAX_DOCUMENT = 200;

/** Words that ask what a part says, not about what ("nói về nội dung gì", "quy định những gì"). */
const ASKING = new Set('noi ve dung gi quy dinh nhung gom co the nao la cai viec van ban ghi'.split(' '));
/** Words that ask to whom a document gives its tasks ("giao cho những cơ quan nào", "ai phụ trách"), not which task. */
const WHO_ASKING = new Set([...ASKING, ...'giao cho co quan don vi ai cac nhiem vu phu trach'.split(' ')]);

/** The named documents (and what they issued), the regulation or plan a decision issued first when its type is asked. */
function namedDocs(ctx: Ctx, q: ParsedQuestion): DocInfo[] {
  const all = (q.within ?? []).map((id) => ctx.index.docs.get(id)).filter((d) => d !== undefined);
  return q.type ? [...all.filter((d) => d.type === q.type), ...all.filter((d) => d.type !== q.type)] : all;
}

/**
 * What else the question asks, without the asking words and the documents' own type ("quy chế" of "quy chế
 * 71/2025/QĐ-UBND", whose number parseQuestion has taken out).
 */
function askedTerms(q: ParsedQuestion, docs: DocInfo[], asking: Set<string>): string[] {
  const own = new Set(docs.flatMap((d) => normalizeText(d.type).split(' ')));
  return queryTerms(q.topic).filter((w) => !asking.has(w) && !own.has(w));
}

/** "Kế hoạch 37 ai chủ trì", "qd 71/2025 giao cho những cơ quan nào": who leads a named document's tasks, no task named. */
export function asksDocumentLeads(ctx: Ctx, q: ParsedQuestion): boolean {
  return !!q.within?.length && !q.section && !askedTerms(q, namedDocs(ctx, q), WHO_ASKING).length;
}

/**
 * "Kế hoạch 37 có những nhiệm vụ nào", "qd 1578 giao những việc gì": a named document's tasks, nothing else asked
 * (how many it has is its summary's).
 */
export function asksDocumentTasks(ctx: Ctx, q: ParsedQuestion): boolean {
  return !q.meta && !DOC_COUNT.test(q.norm) && /\b(?:nhiem vu|viec)\b/.test(q.norm) && asksDocumentLeads(ctx, q);
}

/**
 * `who`: asked who leads the part ("mục II.1 kế hoạch 37 sở nào chủ trì"): its tasks with their leads, before its text.
 * `ref` null: the whole document, its tasks in every document it names (the decision and the plan it issued), the
 * tasks leading the whole plan first.
 */
export async function sectionAnswer(ctx: Ctx, q: ParsedQuestion, ref: SectionRef | null, page: number, who = false): Promise<Built> {
  // the named document first, then what it issued ("Quy chế ban hành kèm theo Quyết định 161/2025/QĐ-UBND")
  const docs = namedDocs(ctx, q);
  const terms = askedTerms(q, docs, ref ? ASKING : WHO_ASKING);
  // the index's own filters (document, kind, part); a part holding none of the other words is shown in its order
  const inPart = (doc: number, kind: EntryKind) => {
    // the asker's province first, as every answer: another province's document is answered unscoped, without the note
    const filters = { doc, kinds: [kind], part: ref?.segments ?? null, province: q.province };
    const ranked = terms.length ? ctx.index.search(terms.join(' '), filters, 200) : [];
    return ranked.length ? ranked : ctx.index.search('', filters, 200);
  };
  const t = ctx.t;
  let hits: Hit[] = [];
  let withLeads = false;
  if (!ref) {
    const tasks = docs.flatMap((d) => inPart(d.id, 'task'));
    hits = [...tasks.filter((h) => leadsWholePlan(h.entry.norm)), ...tasks.filter((h) => !leadsWholePlan(h.entry.norm))];
    withLeads = hits.length > 0;
    if (!withLeads && docs[0]) hits = inPart(docs[0].id, 'section');
    if (!hits.length) return { answers: [], reply: t.notFound(t.whatTask), hasMore: false };
  } else {
    for (const doc of docs) {
      const tasks = who ? inPart(doc.id, 'task') : [];
      withLeads = tasks.length > 0;
      hits = withLeads ? tasks : inPart(doc.id, 'section');
      if (hits.length) break;
    }
    if (!hits.length) {
      const first = q.docs[0]!;
      const parts = [...new Set(docs.flatMap((d) => ctx.index.search('', { doc: d.id }, 100_000)).map((h) => h.entry.path.split('.')[0]!))];
      const has = parts.filter((p) => p && !OUTSIDE.has(p)).slice(0, 12);
      return { answers: [], reply: t.noSuchPart(ref.label, docLabel(first), has.join(', ')), hasMore: false };
    }
  }
  const items = await hitsToItems(ctx.db, ctx.agencies, hits.slice(0, ref ? MAX_PART : MAX_DOCUMENT), onOf(ctx));
  const start = (page - 1) * PAGE_SIZE;
  const shown = items.slice(start, start + PAGE_SIZE);
  if (!shown.length) return { answers: items, reply: t.noMore, hasMore: false };
  const lines = shown.map(
    (it, i) =>
      `${start + i + 1}.${it.agency ? leadParen(it.agency, it.successors, t) : ''} ${quote(it.text, 300)}\n   ${citation(it.document, it.section, it.page, t)}`,
  );
  const remaining = items.length - start - shown.length;
  // asked who leads a part that assigns no task: said, then what the part says
  const doc = docLabel(hits[0]!.doc);
  const part = ref?.label ?? null;
  const head = who && !withLeads ? t.partNoLead(part, doc) : t.partOf(part, doc, who);
  // "qd 82/2025" of Đà Nẵng and of Bắc Ninh: both are answered, and said to be two
  const decisions = new Set(items.map((it) => `${it.document.province}|${it.document.issuedWith?.number ?? it.document.number}`));
  const named = new Set(items.map((it) => `${docLabel(it.document)}${it.document.province ? ` (${it.document.province})` : ''}`));
  const several = decisions.size > 1 ? `${t.severalNamed([...named])}\n` : '';
  return { answers: items, reply: `${several}${head}\n${lines.join('\n')}${moreLine(remaining, t)}`, hasMore: remaining > 0 };
}
