// "nhiệm vụ nào đến hạn trong quý này", "nhiem vu qua han", "tháng 12 có việc gì phải xong", "Sở Y tế có việc gì sắp đến
// hạn": tasks by the deadlines the documents give (stored as a date range with the words), on the date of the question.
import type { ParsedQuestion } from '../search/query.ts';
import { slug } from '../search/normalize.ts';
import { queryTerms } from '../search/rank.ts';
import { provinces } from '../ingest/provinces.ts';
import { PAGE_SIZE, citation, isoToVn, moreLine, quote } from './format.ts';
import { hitsToItems, taskAgencies, taskFields } from './items.ts';
import { notFound, onOf, type Built, type Ctx } from './context.ts';
import type { AnswerItem } from './types.ts';
import { findDeadlineTasks, findTask } from './repo/find-tasks.ts';
import { VI_ANSWER_TEXT, type AnswerText } from './reply-text.ts';

interface Window {
  from: string | null; // ISO, inclusive
  to: string | null;
  words: string; // "trong quý IV/2026", "đã quá hạn"
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const end = (y: number, m: number) => iso(new Date(Date.UTC(y, m, 0))); // last day of month m (1-based)

/** The period the question means, read from its words, on the date it is asked. */
export function deadlineWindow(norm: string, now: Date, t: AnswerText = VI_ANSWER_TEXT): Window {
  const y = Number(/\b(?:nam )?((?:19|20)\d\d)\b/.exec(norm)?.[1] ?? now.getUTCFullYear());
  const today = iso(now);
  if (/\b(qua han|tre han|het han roi|da het han)\b/.test(norm)) return { from: null, to: today, words: t.wOverdue(isoToVn(today)!) };
  const month = /\bthang (\d{1,2})\b/.exec(norm);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    const m = Number(month[1]);
    return { from: `${y}-${String(m).padStart(2, '0')}-01`, to: end(y, m), words: t.wMonth(m, y) };
  }
  if (/\b6 thang cuoi nam\b/.test(norm)) return { from: `${y}-07-01`, to: `${y}-12-31`, words: t.wLateHalf(y) };
  if (/\b6 thang dau nam\b/.test(norm)) return { from: `${y}-01-01`, to: `${y}-06-30`, words: t.wFirstHalf(y) };
  if (/\bquy (nay|hien tai)\b/.test(norm)) {
    const q = Math.floor(now.getUTCMonth() / 3);
    return {
      from: `${now.getUTCFullYear()}-${String(q * 3 + 1).padStart(2, '0')}-01`,
      to: end(now.getUTCFullYear(), q * 3 + 3),
      words: t.wQuarter(['I', 'II', 'III', 'IV'][q]!, now.getUTCFullYear()),
    };
  }
  if (/\b(?:nam )?(?:19|20)\d\d\b/.test(norm)) return { from: `${y}-01-01`, to: `${y}-12-31`, words: t.wYear(y) };
  // "sắp đến hạn", "đến hạn": the next three months.
  return {
    from: today,
    to: iso(new Date(now.getTime() + 92 * 86_400_000)),
    words: t.wNext(isoToVn(iso(new Date(now.getTime() + 92 * 86_400_000)))!),
  };
}

/** A duty to report ("báo cáo kết quả …", "báo cáo Ủy ban nhân dân tỉnh", "báo cáo về Sở …"), not a report as a thing. */
const REPORT_DUTY = /\bbao cao (?:ket qua|tinh hinh|tien do|ve|cho|len|uy ban|ubnd|so|bo|chu tich|thu tuong)\b/;
/** A time of reporting in a passage's folded text. */
const REPORT_WHEN = /\b(?:dinh ky|hang nam|hang quy|hang thang|hang tuan|dot xuat|truoc ngay|(?:0?6|9) thang|quy (?:i{1,3}|iv|\d))\b/;

/** "đài truyền thanh … phải chuyển sang phát sóng số trước ngày nào": the passage about it, with its deadline. */
async function deadlineOf(ctx: Ctx, q: ParsedQuestion): Promise<Built | null> {
  const hits = ctx.index.search(
    q.topic,
    { province: q.province, docs: q.docs.length ? q.docs.map((d) => d.id) : null },
    q.reportDue ? 30 : 5,
  );
  // When a document's report is due: its sentence on reporting that says when ("Định kỳ 06 tháng …", "trước ngày 20/11").
  const dated = (h: (typeof hits)[number]) => REPORT_WHEN.test(h.entry.norm);
  const duty = hits.find((h) => dated(h) && REPORT_DUTY.test(h.entry.norm));
  const best = (q.reportDue ? (duty ?? hits.find(dated)) : undefined) ?? hits[0];
  if (!best) return null;
  const [item] = await hitsToItems(ctx.db, ctx.agencies, [best], onOf(ctx));
  const task = best.entry.kind === 'task' ? await findTask(ctx.db, best.entry.ref) : null;
  const when = task?.deadline ? ctx.t.deadline(task.deadline) : ctx.t.noDeadline;
  return {
    answers: [item!],
    reply: `${when}\n${quote(item!.text)}\n${citation(item!.document, item!.section, item!.page, ctx.t)}`,
    hasMore: false,
    confidence: best.confidence,
  };
}

export async function deadlines(ctx: Ctx, q: ParsedQuestion, page: number): Promise<Built> {
  if (queryTerms(q.topic).length >= 2) {
    const one = await deadlineOf(ctx, q);
    if (one) return one;
  }
  // A named document with no period asked: every deadline it gives.
  const asked = /\b(quy|thang|nam|qua han|tre han|het han|sap)\b/.test(q.norm);
  const window = q.docs.length && !asked ? { from: null, to: null, words: '' } : deadlineWindow(q.norm, ctx.now, ctx.t);
  const agencyIds = q.agency
    ? (() => {
        const r = ctx.agencies.rowsFor(q.agency!.baseKey, q.province ? slug(q.province) : null, ctx.now);
        return [...r.rows, ...(onOf(ctx) ? r.predecessors : [])].map((x) => x.id);
      })()
    : null;
  const tasks = await findDeadlineTasks(ctx.db, q.docs.length ? q.docs.map((d) => d.id) : null, agencyIds);
  let list = tasks
    .map((t) => ({ t, doc: ctx.index.docs.get(t.documentId)! }))
    .filter((x) => x.doc && (!q.province || provinces().covers(q.province, x.doc.province, ctx.now)));
  list = list.filter((x) => (!window.from || x.t.deadlineEnd! >= window.from) && (!window.to || x.t.deadlineEnd! <= window.to));
  list.sort((a, b) => a.t.deadlineEnd!.localeCompare(b.t.deadlineEnd!) || a.t.documentId - b.t.documentId || a.t.ord - b.t.ord);
  if (!list.length) {
    if (q.docs.length)
      return {
        answers: [],
        reply: ctx.t.noDeadlines(q.docs.map((d) => `${d.type} ${d.number ?? ''}`.trim()).join(', '), window.words),
        hasMore: false,
      };
    return notFound(ctx, ctx.t.whatDeadline(window.words, q.agency?.name ?? null));
  }
  const answers: AnswerItem[] = list.map(({ t, doc }) => {
    const a = taskAgencies(t, ctx.agencies, onOf(ctx));
    return {
      agency: a.lead,
      leads: a.leads,
      role: a.lead ? 'lead' : null,
      coordinators: a.coordinators,
      ...taskFields(t, a.successors, doc),
      deadline: t.deadline,
    };
  });
  const start = (page - 1) * PAGE_SIZE;
  const shown = answers.slice(start, start + PAGE_SIZE);
  if (!shown.length) return { answers, reply: ctx.t.noMore, hasMore: false };
  const head = ctx.t.deadlines(answers.length, window.words, q.agency?.name ?? null);
  const lines = shown.map((it, i) => {
    const who = it.agency ? ctx.t.leadsColon(it.agency) : '';
    const cite = citation(it.document, it.section, it.page, ctx.t);
    return `${start + i + 1}. ${ctx.t.deadlineTag(list[start + i]!.t.deadline ?? '')}${who} ${quote(it.text, 180)}\n   ${cite}`;
  });
  const remaining = answers.length - start - shown.length;
  return { answers, reply: `${head}\n${lines.join('\n')}${moreLine(remaining, ctx.t)}`, hasMore: remaining > 0 };
}
