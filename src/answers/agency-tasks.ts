// "Sở KH&CN Cà Mau phải làm gì?": the tasks of an agency, its own and, labelled, those it inherited from the agencies
// merged into it (chosen task by task where duties were split). Asked by a former name, the change is explained
// and the answer is its successor's.
import { normalizeText, slug } from '../search/normalize.ts';
import type { AgencyRow } from '../search/agency-match.ts';
import type { DocInfo } from '../search/entries.ts';
import type { ParsedQuestion } from '../search/query.ts';
import { scoreEntry, queryTerms } from '../search/rank.ts';
import { PAGE_SIZE, citation, moreLine, quote } from './format.ts';
import { taskAgencies, taskFields, type TaskRow } from './items.ts';
import { filtersOf, onOf, type Built, type Ctx } from './context.ts';
import { passagesInstead } from './passages.ts';
import { changeSentence } from './today.ts';
import type { AnswerItem } from './types.ts';
import { findAgencyTasks } from './repo/find-tasks.ts';

type Asked = NonNullable<ParsedQuestion['agency']>;

/** The share of what is asked about an agency (idf-weighted) that one of its tasks must hold to be listed. */
const TOPIC_COVERAGE = 0.4;

/** The agency asked about in today's terms: a former name becomes its successor, with a sentence saying so. */
function currentAgency(ctx: Ctx, ag: Asked): { ag: Asked; note: string | null } {
  const on = onOf(ctx);
  const s = on ? ctx.registry.successorOn(ag.baseKey, { on }) : null;
  const from = ctx.registry.get(ag.baseKey);
  const to = s ? ctx.registry.get(s.key) : undefined;
  if (!s || !from || !to) return { ag, note: null };
  return { ag: { ...ag, baseKey: to.key, name: s.as ?? to.name }, note: changeSentence(from, to, s.since, s.basis, s.as, ctx.t) };
}

export async function agencyTasks(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  const { ag, note } = currentAgency(ctx, q.agency!);
  const on = onOf(ctx);
  const { rows, predecessors } = ctx.agencies.rowsFor(ag.baseKey, q.province ? slug(q.province) : null, ctx.now);
  // A predecessor counts when, on the question's date, its duties passed here (for a split: this task's share).
  const predIds = new Set(on ? predecessors.map((r) => r.id) : []);
  const ids = [...rows.map((r) => r.id), ...predIds];
  const where = q.province ? ctx.t.inProvince(q.province) : '';
  if (!ids.length) return withNote(await noTasks(ctx, q, ag.name, where), note);
  // a named decision's tasks and those of the regulation or plan it issued
  const docs = filtersOf(q).docs;
  const tasks = await findAgencyTasks(ctx.db, ids, docs ? [...docs] : null);
  const carried = (agencyId: number, text: string) =>
    !predIds.has(agencyId) || ctx.agencies.today(agencyId, { on: on!, subject: text })?.key === ag.baseKey;
  let list = tasks
    .map((t) => {
      const mine =
        t.agencies.find((a) => ids.includes(a.agencyId) && a.role === 'lead' && carried(a.agencyId, t.text)) ??
        t.agencies.find((a) => ids.includes(a.agencyId) && carried(a.agencyId, t.text));
      return { t, mine: mine!, doc: ctx.index.docs.get(t.documentId)!, score: 0 };
    })
    .filter((x) => x.mine && x.doc);
  if (q.year) {
    const inYear = list.filter((x) => x.doc.year === q.year);
    if (inYear.length) list = inYear;
  }
  const terms = queryTerms(q.topic);
  if (terms.length) {
    const entryOf = new Map(ctx.index.entries.filter((e) => e.kind === 'task').map((e) => [e.ref, e]));
    let best = 0;
    for (const x of list) {
      const e = entryOf.get(x.t.id);
      const d = e ? ctx.index.match(e, terms) : { score: 0, coverage: 0 };
      x.score = e ? scoreEntry(e, terms, (t) => ctx.index.idf(t)) : 0;
      best = Math.max(best, d.coverage);
    }
    // Asked about something none of its tasks is about ("Sở Tài chính … về dân số" when no task of it names dân
    // số): the passages about it, said to be that, rather than its tasks on other things. One stray word is no topic.
    if (best < TOPIC_COVERAGE && new Set(terms).size >= 2) return withNote(await noTasks(ctx, q, ag.name, where, true), note);
    list = list.filter((x) => x.score > 0);
  }
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
  if (!list.length) return withNote(await noTasks(ctx, q, ag.name, where), note);
  const answers = list.map((x) => itemOf(ctx, x, ag.name, on));
  const head = headLine(
    ctx,
    ag,
    q,
    list,
    predecessors.filter((r) => predIds.has(r.id)),
  );
  const start = (page - 1) * PAGE_SIZE;
  const shown = answers.slice(start, start + PAGE_SIZE);
  const t = ctx.t;
  if (!shown.length) return { answers, reply: t.noMore, hasMore: false };
  const lines = shown.map((it, i) => {
    const x = list[start + i]!;
    const pred = predIds.has(x.mine.agencyId) ? t.inherited(it.agency ?? '') : '';
    const role = it.role === 'coordinate' ? t.roleCoordinate : it.role === 'assigned' ? t.roleAssigned : '';
    return `${start + i + 1}.${role}${pred} ${quote(it.text, 200)}\n   ${citation(it.document, it.section, it.page, t)}`;
  });
  const remaining = answers.length - start - shown.length;
  return { answers, reply: `${note ? `${note}\n` : ''}${head}\n${lines.join('\n')}${moreLine(remaining, t)}`, hasMore: remaining > 0 };
}

function headLine(
  ctx: Ctx,
  ag: Asked,
  q: ParsedQuestion,
  list: { mine: { agencyId: number }; doc: { province?: string | null } }[],
  inherited: AgencyRow[],
): string {
  const t = ctx.t;
  const where = q.province ? t.inProvince(q.province) : '';
  const provinces = new Map<string, number>();
  for (const x of list) provinces.set(x.doc.province ?? t.unknownProvince, (provinces.get(x.doc.province ?? t.unknownProvince) ?? 0) + 1);
  let head = t.agencyTasks(ag.name, where, list.length);
  if (!q.province && provinces.size > 1) {
    const per = [...provinces].map(([p, n]) => `${p} ${n}`).join(', ');
    head = t.agencyTasksByProvince(ag.name, list.length, per, `${ag.name} ${[...provinces.keys()][0]} phải làm gì`);
  }
  const ids = new Set(inherited.map((r) => r.id));
  const predCount = list.filter((x) => ids.has(x.mine.agencyId)).length;
  if (predCount) {
    const names = [
      ...new Set(inherited.filter((r) => list.some((x) => x.mine.agencyId === r.id)).map((r) => ctx.agencies.nameOf(r.id))),
    ].join(', ');
    head = `${head.replace(/:$/, '')}${t.inheritedCount(predCount, names)}${head.endsWith(':') ? ':' : ''}`;
  }
  return head;
}

/** An agency no task names ("cổng thông tin điện tử"): the passages that mention it, said to be that. */
async function noTasks(ctx: Ctx, q: ParsedQuestion, name: string, where: string, onTopic = false): Promise<Built> {
  const head = onTopic ? ctx.t.noTasksOnTopic(name, where) : ctx.t.noTasksNaming(name, where);
  const none = ctx.t.whatAgencyTask(name, where);
  // The passages naming the agency on what was asked about it; else naming it at all; else on what was asked.
  const named = normalizeText(name);
  let found: Built | null = null;
  for (const topic of [...new Set([`${q.topic} ${named}`.trim(), named, q.topic].filter(Boolean))]) {
    found = await passagesInstead(ctx, { ...q, topic }, head, none);
    if (found.answers.length) return found;
  }
  return found ?? passagesInstead(ctx, q, head, none);
}

function withNote(b: Built, note: string | null): Built {
  return note ? { ...b, reply: `${note}\n${b.reply}` } : b;
}

type Listed = {
  t: TaskRow & { section: { path: string; page: number | null } | null };
  mine: { agencyId: number; role: string };
  doc: DocInfo;
};

/** One of the agency's tasks as an answer: the agency's role in it, the others named, the citation. */
function itemOf(ctx: Ctx, { t, mine, doc }: Listed, name: string, on: ReturnType<typeof onOf>): AnswerItem {
  const a = taskAgencies(t, ctx.agencies, on);
  return {
    agency: ctx.agencies.nameOf(mine.agencyId) || name,
    leads: a.leads,
    role: mine.role === 'lead' ? 'lead' : mine.role === 'assigned' ? 'assigned' : 'coordinate',
    coordinators: mine.role === 'coordinate' ? a.leads : a.coordinators,
    ...taskFields(t, a.successors, doc),
  };
}
