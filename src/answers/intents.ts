// One builder per intent: find the answer, then write the reply (answer first, quote, citation).
import type { Db } from '../db/client.ts';
import type { AgencyMatcher } from '../search/agency-match.ts';
import type { SearchFilters, SearchIndex } from '../search/index.ts';
import type { ParsedQuestion } from '../search/query.ts';
import { slug } from '../search/normalize.ts';
import { scoreEntry, queryTerms } from '../search/rank.ts';
import { NOT_FOUND_HINT, PAGE_SIZE, citation, docLabel, isoToVn, moreLine, quote } from './format.ts';
import { dedupeHits, docOut, hitsToItems, perProvince, taskAgencies } from './items.ts';
import type { AnswerItem } from './types.ts';

export interface Ctx {
  db: Db;
  index: SearchIndex;
  agencies: AgencyMatcher;
}
export interface Built {
  answers: AnswerItem[];
  reply: string;
  hasMore: boolean;
}

export const notFound = (what: string): Built => ({ answers: [], reply: `Không tìm thấy ${what}. ${NOT_FOUND_HINT}`, hasMore: false });

export function filtersOf(q: ParsedQuestion): SearchFilters {
  return { province: q.province, year: q.year, strictYear: q.strictYear, docs: q.docs.length ? q.docs.map((d) => d.id) : null };
}

export { owner } from './owner.ts';

export async function agencyTasks(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  const ag = q.agency!;
  const { rows, predecessors } = ctx.agencies.rowsFor(ag.baseKey, q.province ? slug(q.province) : null);
  const ids = [...rows, ...predecessors].map((r) => r.id);
  const predIds = new Set(predecessors.map((r) => r.id));
  if (!ids.length) return notFound(`nhiệm vụ nào giao cho ${ag.name}${q.province ? ` ở ${q.province}` : ''}`);
  const tasks = await ctx.db.task.findMany({
    where: { agencies: { some: { agencyId: { in: ids } } }, ...(q.docs.length ? { documentId: { in: q.docs.map((d) => d.id) } } : {}) },
    include: { agencies: { select: { agencyId: true, role: true } }, section: { select: { path: true } } },
    orderBy: [{ documentId: 'asc' }, { ord: 'asc' }],
  });
  let list = tasks.map((t) => {
    const mine = t.agencies.find((a) => ids.includes(a.agencyId) && a.role === 'lead') ?? t.agencies.find((a) => ids.includes(a.agencyId))!;
    const doc = ctx.index.docs.get(t.documentId)!;
    return { t, mine, doc, score: 0 };
  });
  if (q.year) {
    const inYear = list.filter((x) => x.doc?.year === q.year);
    if (inYear.length) list = inYear;
  }
  const terms = queryTerms(q.topic);
  if (terms.length) {
    const entryOf = new Map(ctx.index.entries.filter((e) => e.kind === 'task').map((e) => [e.ref, e]));
    for (const x of list) {
      const e = entryOf.get(x.t.id);
      x.score = e ? scoreEntry(e, terms, (t) => ctx.index.idf(t)) : 0;
    }
    const relevant = list.filter((x) => x.score > 0);
    if (relevant.length) list = relevant;
  }
  list = list.filter((x) => x.doc);
  // Most relevant first; then the agency itself before its predecessor, lead before coordination, newest first.
  list.sort(
    (a, b) =>
      b.score - a.score ||
      Number(predIds.has(a.mine.agencyId)) - Number(predIds.has(b.mine.agencyId)) ||
      Number(b.mine.role === 'lead') - Number(a.mine.role === 'lead') ||
      (b.doc.year ?? 0) - (a.doc.year ?? 0) ||
      a.t.documentId - b.t.documentId ||
      a.t.ord - b.t.ord,
  );
  if (!list.length) return notFound(`nhiệm vụ nào giao cho ${ag.name}`);
  const answers: AnswerItem[] = list.map(({ t, mine, doc }) => {
    const a = taskAgencies(t, ctx.agencies);
    return {
      agency: ctx.agencies.nameOf(mine.agencyId) || ag.name,
      leads: a.leads,
      role: mine.role === 'lead' ? 'lead' : 'coordinate',
      coordinators: mine.role === 'lead' ? a.coordinators : a.leads,
      text: t.text,
      value: null,
      section: t.section?.path ?? '',
      document: docOut(doc),
    };
  });
  const provinces = new Map<string, number>();
  for (const x of list) provinces.set(x.doc.province ?? 'Không rõ tỉnh', (provinces.get(x.doc.province ?? 'Không rõ tỉnh') ?? 0) + 1);
  const where = q.province ? ` ở ${q.province}` : '';
  let head = `${ag.name}${where} có ${answers.length} nhiệm vụ được giao:`;
  if (!q.province && provinces.size > 1) {
    const per = [...provinces].map(([p, n]) => `${p} ${n}`).join(', ');
    head = `${ag.name} có ${answers.length} nhiệm vụ, khác nhau theo tỉnh/thành (${per}). Nêu tên tỉnh để lọc, ví dụ "${ag.name} ${[...provinces.keys()][0]} phải làm gì".`;
  }
  const predCount = list.filter((x) => predIds.has(x.mine.agencyId)).length;
  if (predCount) {
    const names = [...new Set(predecessors.map((r) => ctx.agencies.nameOf(r.id)))].join(', ');
    head = `${head.replace(/:$/, '')} (gồm ${predCount} nhiệm vụ giao cho cơ quan tiền thân: ${names})${head.endsWith(':') ? ':' : ''}`;
  }
  const start = (page - 1) * PAGE_SIZE;
  const shown = answers.slice(start, start + PAGE_SIZE);
  const lines = shown.map((it, i) => {
    const x = list[start + i]!;
    const pred = predIds.has(x.mine.agencyId) ? ` (cơ quan tiền thân: ${it.agency})` : '';
    const role = it.role === 'coordinate' ? ' [phối hợp]' : '';
    return `${start + i + 1}.${role}${pred} ${quote(it.text, 200)}\n   ${citation(it.document, it.section)}`;
  });
  if (!shown.length) return { answers, reply: 'Không còn kết quả nào nữa.', hasMore: false };
  const remaining = answers.length - start - shown.length;
  return { answers, reply: `${head}\n${lines.join('\n')}${moreLine(remaining)}`, hasMore: remaining > 0 };
}

export async function indicator(ctx: Ctx, q: ParsedQuestion): Promise<Built> {
  const topic = q.topic || q.norm;
  let hits = ctx.index.search(topic, { ...filtersOf(q), kinds: ['indicator'] }, 30);
  if (!hits.length) hits = ctx.index.search(topic, { ...filtersOf(q), kinds: ['section'] }, 30);
  if (!hits.length) return notFound('chỉ tiêu hoặc mục tiêu phù hợp');
  const chosen = !q.province && !q.docs.length ? perProvince(hits) : [hits[0]!];
  const items = await hitsToItems(ctx.db, ctx.agencies, chosen);
  const line = (it: AnswerItem, i = 0) => {
    const y = chosen[i]?.entry.year;
    const head = it.value ? `${it.value}${y ? ` (năm ${y})` : ''}.` : 'Văn bản ghi:';
    return `${head}\n${quote(it.text)}\n${citation(it.document, it.section)}`;
  };
  if (items.length > 1) {
    const per = items.map((it, i) => `• ${it.document.province ?? 'Không rõ tỉnh'}: ${line(it, i).replace(/\n/g, '\n  ')}`);
    return {
      answers: items,
      reply: `Mỗi tỉnh/thành đặt mục tiêu khác nhau (nêu tên tỉnh để hỏi cụ thể):\n${per.join('\n')}`,
      hasMore: false,
    };
  }
  return { answers: items, reply: line(items[0]!), hasMore: false };
}

export async function document(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  let docs = q.docs;
  if (!docs.length) {
    const all = [...ctx.index.docs.values()].filter(
      (d) => (!q.type || d.type === q.type) && (!q.year || d.year === q.year) && (!q.province || d.province === q.province),
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
  if (!docs.length) return notFound('văn bản phù hợp');
  const counts = await Promise.all(
    docs.map(async (d) => ({
      tasks: await ctx.db.task.count({ where: { documentId: d.id } }),
      inds: await ctx.db.indicator.count({ where: { documentId: d.id } }),
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
    document: docOut(d),
  }));
  const start = (page - 1) * PAGE_SIZE;
  const lines = docs.slice(start, start + PAGE_SIZE).map((d, i) => {
    const c = counts[start + i]!;
    const when = isoToVn(d.date) ?? (d.year ? `năm ${d.year}` : null);
    const meta = [d.issuer, d.province, when ? `ngày ${when}`.replace('ngày năm', 'năm') : null].filter(Boolean).join(', ');
    return `${docLabel(d)}${meta ? ` (${meta})` : ''}: ${d.title}. Gồm ${c.tasks} nhiệm vụ, ${c.inds} chỉ tiêu.`;
  });
  const remaining = docs.length - start - lines.length;
  const head = docs.length > 1 ? `Tìm thấy ${docs.length} văn bản:\n` : '';
  return { answers, reply: `${head}${lines.join('\n')}${moreLine(remaining)}`, hasMore: remaining > 0 };
}

export async function search(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  const topic = q.topic || q.norm;
  const hits = dedupeHits(ctx.index.search(topic, { ...filtersOf(q), type: q.type }, 60));
  if (!hits.length) return notFound('đoạn văn bản nào khớp');
  const all = await hitsToItems(ctx.db, ctx.agencies, hits.slice(0, q.onlyAgency ? 60 : 30));
  const only = q.onlyAgency;
  const items = (only ? all.filter((it) => it.agency === only || it.coordinators.includes(only)) : all).slice(0, 30);
  if (!items.length) return notFound(`đoạn văn bản nào khớp trong các nhiệm vụ của ${only}`);
  const start = (page - 1) * PAGE_SIZE;
  const shown = items.slice(start, start + PAGE_SIZE);
  if (!shown.length) return { answers: items, reply: 'Không còn kết quả nào nữa.', hasMore: false };
  const lines = shown.map((it, i) => {
    const who = it.agency ? ` (${it.agency} chủ trì)` : it.value ? ` (${it.value})` : '';
    return `${start + i + 1}.${who} ${quote(it.text, 200)}\n   ${citation(it.document, it.section)}`;
  });
  const remaining = items.length - start - shown.length;
  return { answers: items, reply: `${lines.join('\n')}${moreLine(remaining)}`, hasMore: remaining > 0 };
}
