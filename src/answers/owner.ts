// Owner questions ("ai chủ trì …?"): the lead of the best-matching task, its coordinators, and the close alternatives.
import type { Hit } from '../search/index.ts';
import type { ParsedQuestion } from '../search/query.ts';
import { fold } from '../core/text.ts';
import { queryTerms } from '../search/rank.ts';
import { citation, quote } from './format.ts';
import type { AnswerText } from './reply-text.ts';
import { hitsToItems, loadTasks, perProvince, taskAgencies, type TaskRow } from './items.ts';
import { filtersOf, onOf, type Built, type Ctx } from './context.ts';
import { nowNote, withToday } from './today.ts';
import { passagesInstead } from './passages.ts';
import type { AnswerItem } from './types.ts';
import { recipientAnswer } from './recipient.ts';
import { isAboutTitle } from './plan-field.ts';

/** A task addressed to everyone ("các cơ quan, đơn vị …") yields to a task with a named agency matching nearly as well. */
const GENERIC_WEIGHT = 0.9;
/** Other tasks scoring at least this share of the best are shown as alternatives ("Cũng liên quan: …"). */
const ALTERNATIVE_RATIO = 0.7;
const MAX_ALTERNATIVES = 2;

/** Owner questions ask for the lead: a task written "Chủ trì, …" outranks one written "Phối hợp / Hỗ trợ …". */
function leadWeight(norm: string): number {
  if (/^(giao )?(chu tri|lam dau moi|chiu trach nhiem)/.test(norm)) return 1.08;
  if (/^(phoi hop|ho tro|phoi ket hop|tham gia)/.test(norm)) return 0.8;
  return 1;
}

/** "Các cơ quan, đơn vị …" inserted mid-sentence reads "các cơ quan, đơn vị …"; names ("Sở …", "Ủy ban …") keep their capital. */
export function midSentence(addressee: string): string {
  const t = addressee.trim();
  if (
    /^(Sở|Ủy ban|Uỷ ban|UBND|Ban|Bộ|Văn phòng|Thanh tra|Công an|Bộ Chỉ huy|Tỉnh|Thành|Đài|Báo|Bưu điện|Viễn thông|[A-ZĐ]{2,})(?=[\s,]|$)/u.test(
      t,
    )
  )
    return t;
  return t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
}

/** Every lead, each with who carries it today when it no longer exists: "Sở Tài chính, Sở Nội vụ chủ trì". */
function leadName(item: AnswerItem, w: AnswerText): string | null {
  if (!item.agency) return null;
  return w.leads((item.leads.length ? item.leads : [item.agency]).map((n) => withToday(n, item.successors, w)));
}

function ownerHead(it: AnswerItem, t: TaskRow | undefined, w: AnswerText): string {
  const lead = leadName(it, w);
  const coordinators = it.coordinators.map((n) => withToday(n, it.successors, w)).join(', ');
  if (lead) return `${lead}${coordinators ? w.coordinating(coordinators) : ''}.`;
  if (coordinators) return w.onlyCoordinators(coordinators);
  // A group naming a tier ("… và Chủ tịch UBND quận, huyện"): the group as written, and who is that tier today.
  const now = it.successors.map((x) => `${x.agency} ${nowNote(x, w)}`).join('; ');
  if (t?.addressee) return w.addressedTo(midSentence(t.addressee), now);
  return w.noAgency;
}

/** The words of a task the question is about, short: from the first query phrase found to the end of its clause. */
export function gist(text: string, terms: string[], max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const folded = fold(flat).replace(/[^a-z0-9]/g, ' '); // same length as `flat` (NFC text, one char per char)
  // A capital mid-sentence starts a name ("Sở Giáo dục và Đào tạo"): the words there are not the task's.
  const find = (w: string) => {
    for (const m of folded.matchAll(new RegExp(`(^| )${w}(?= |$)`, 'g'))) {
      const i = m.index + m[1]!.length;
      const c = flat.charAt(i);
      if (i === 0 || c === c.toLocaleLowerCase('vi')) return i;
    }
    return -1;
  };
  let at = -1;
  for (let i = 0; i + 1 < terms.length && at < 0; i++) at = find(`${terms[i]} ${terms[i + 1]}`);
  if (at < 0 || folded.length !== flat.length) at = 0;
  let out = flat.slice(at).split(/[;.]/)[0]!.trim();
  if (out.length > max) out = `${out.slice(0, max).replace(/[\s,]+\S*$/, '')} …`;
  return out.replace(/[,:]$/, '');
}

/**
 * A task with no lead but addressed to a group ("Các sở, ban, ngành cấp tỉnh", "Các doanh nghiệp viễn thông"): the
 * item says to whom, as written (`agency` stays null: the text names no agency).
 */
function assignedTo(it: AnswerItem, t: TaskRow | undefined): AnswerItem {
  const to = t?.addressee?.replace(/\s+/g, ' ').trim();
  return it.agency || !to ? it : { ...it, addressee: to };
}

/** Close alternatives to the best task: other agencies first (an official wants to see who else could be meant). */
function alternatives(best: Hit, hits: Hit[], tasks: Map<number, TaskRow>, ctx: Ctx): Hit[] {
  const leadOf = (h: Hit) => {
    const t = tasks.get(h.entry.ref);
    return t ? taskAgencies(t, ctx.agencies).lead : null;
  };
  const bestLead = leadOf(best);
  const close = hits.filter(
    (h) => h !== best && h.score >= best.score * ALTERNATIVE_RATIO && !(h.entry.doc === best.entry.doc && h.entry.path === best.entry.path),
  );
  const seen = new Set<string | null>([bestLead]);
  const out: Hit[] = [];
  for (const named of [true, false]) {
    for (const h of close) {
      const lead = leadOf(h);
      if (out.length >= MAX_ALTERNATIVES || !!lead !== named || (lead && seen.has(lead)) || out.includes(h)) continue;
      if (lead) seen.add(lead);
      out.push(h);
    }
  }
  return out;
}

/** The kind of agency a question asks for ("sở nào" a Sở, "bộ nào" a Bộ), as the folded start of its name. */
const ASKED_KIND: [RegExp, RegExp][] = [
  [/\bso nao\b/, /^so /],
  [/\bbo nao\b/, /^bo /],
];
/** A task led by another kind of agency yields to the best one led by the kind asked, when it scores at least this share of the best (its coverage still faces the "not sure" gate). */
const KIND_RATIO = 0.5;

/**
 * "Sở nào …" answered "Ủy ban nhân dân cấp xã chủ trì" is an answer to another question: when the best task's lead is
 * not of the kind asked and a task led by that kind matches nearly as well, that task comes first (in place).
 */
function preferAskedKind(norm: string, hits: Hit[], tasks: Map<number, TaskRow>, ctx: Ctx): void {
  const kind = ASKED_KIND.find(([asked]) => asked.test(norm))?.[1];
  if (!kind || !hits.length) return;
  const isKind = (h: Hit) => {
    const t = tasks.get(h.entry.ref);
    const lead = t ? taskAgencies(t, ctx.agencies).lead : null;
    return !!lead && kind.test(fold(lead));
  };
  if (!isKind(hits[0]!)) promote(hits, KIND_RATIO, isKind);
}

/** Moves the first hit that `wanted` accepts and scores at least `ratio` of the best to the first place. */
function promote(hits: Hit[], ratio: number, wanted: (h: Hit) => boolean): void {
  const at = hits.findIndex((h) => h.score >= hits[0]!.score * ratio && wanted(h));
  if (at > 0) hits.unshift(...hits.splice(at, 1));
}

/**
 * Roles a text gives an agency besides leading a task ("cơ quan đầu mối", "cơ quan thường trực"): [the question
 * asking for it, a task naming it]. "Chợ đầu mối" is a wholesale market, not a role.
 */
const ASKED_ROLE: [RegExp, RegExp][] = [
  [/\b(?:co quan|don vi|la) dau moi\b/, /(?<!\bcho )\bdau moi\b/],
  [/\bco quan thuong truc\b/, /\bco quan thuong truc\b/],
];
/**
 * A task naming the role asked yields the first place when it scores at least this share of the best: the task
 * that shares the plan's long title with the question ("xây dựng kế hoạch xuất khẩu … giai đoạn 2026 – 2030")
 * scores several times the one that names the role.
 */
const ROLE_RATIO = 0.15;

/**
 * "Sở nào là cơ quan đầu mối thực hiện Kế hoạch …" asks for the focal agency, which the plan names in one task ("Là
 * cơ quan đầu mối chủ trì tổ chức thực hiện …"); a task sharing more of the plan's title words is another answer.
 */
function preferAskedRole(norm: string, hits: Hit[]): void {
  const role = ASKED_ROLE.find(([asked]) => asked.test(norm))?.[1];
  if (role && hits.length && !role.test(hits[0]!.entry.norm)) promote(hits, ROLE_RATIO, (h) => role.test(h.entry.norm));
}

/**
 * A task giving one agency the whole plan: "Chủ trì tham mưu, tổ chức triển khai thực hiện Kế hoạch này", "Giao Sở
 * … chủ trì, phối hợp … tổ chức triển khai thực hiện … Kế hoạch này", "Căn cứ Kế hoạch này chủ trì triển khai …";
 * not a share of it ("Chủ trì bố trí kinh phí … cho triển khai thực hiện Kế hoạch này").
 */
export function leadsWholePlan(norm: string): boolean {
  const m =
    /\b(?:chu tri|dau moi|thuong truc)\b(.{0,140}?)\b(?:ke hoach|chuong trinh|de an) nay\b/.exec(norm) ??
    /\b(?:ke hoach|chuong trinh|de an) nay\b(.{0,12}?)\bchu tri\b/.exec(norm);
  return !!m && !/\b(?:kinh phi|bo tri|von|ngan sach|du toan)\b/.test(m[1]!);
}
/**
 * "Kế hoạch truyền thông giảm nghèo đa chiều Cần Thơ 2025 sở nào chủ trì?" asks who leads the plan its words name
 * (they are the plan's title), which the plan says in one task ("Chủ trì tham mưu, tổ chức triển khai thực hiện Kế
 * hoạch này") that holds none of those words; a task that repeats them ("truyền thông …") answers something else.
 * That task comes first, as sure as the best match of the title.
 */
function wholePlanLead(ctx: Ctx, q: ParsedQuestion, hits: Hit[]): Hit | null {
  const best = hits[0];
  if (!best || !/\b(?:ke hoach|chuong trinh|de an)\b/.test(q.norm) || leadsWholePlan(best.entry.norm)) return null;
  if (!isAboutTitle(q.topic ?? '', best.doc.title)) return null;
  const lead = ctx.index
    .search('chủ trì tổ chức triển khai thực hiện kế hoạch này', { docs: [best.doc.id], kinds: ['task'] }, 10)
    .find((h) => leadsWholePlan(h.entry.norm) && h.entry.agencies.length);
  return lead ? { ...lead, score: best.score, confidence: best.confidence } : null;
}

export async function owner(ctx: Ctx, q: ParsedQuestion): Promise<Built> {
  if (!q.topic) return { answers: [], reply: ctx.t.whichTask, hasMore: false };
  // "gửi về đâu" found nowhere: the passages about it, said to be that (a lead would answer another question)
  if (q.recipient) return (await recipientAnswer(ctx, q)) ?? passagesInstead(ctx, q, ctx.t.noRecipientFound, ctx.t.whatPassage);
  const hits = ctx.index
    .search(q.topic, { ...filtersOf(q), kinds: ['task'] }, 30, { leadAction: true })
    .map((h) => ({ ...h, score: h.score * leadWeight(h.entry.norm) * (h.entry.agencies.length ? 1 : GENERIC_WEIGHT) }));
  hits.sort((a, b) => b.score - a.score);
  // No task matches (the text may not name its lead the way the parser reads): the passages about it, said to be that.
  if (!hits.length) return passagesInstead(ctx, q, ctx.t.noLeadFound, ctx.t.whatTask);
  const whole = wholePlanLead(ctx, q, hits);
  if (whole) hits.splice(0, hits.length, whole, ...hits.filter((h) => h.entry.id !== whole.entry.id));
  const tasks = await loadTasks(
    ctx.db,
    hits.map((h) => h.entry.ref),
  );
  preferAskedRole(q.norm, hits);
  preferAskedKind(q.norm, hits, tasks, ctx);
  const perProv = !q.province && !q.docs.length ? perProvince(hits) : [hits[0]!];
  if (perProv.length > 1) {
    const items = (await hitsToItems(ctx.db, ctx.agencies, perProv, onOf(ctx), tasks)).map((it, i) =>
      assignedTo(it, tasks.get(perProv[i]!.entry.ref)),
    );
    const per = items.map((it, i) => {
      const body = `${ownerHead(it, tasks.get(perProv[i]!.entry.ref), ctx.t)}\n${quote(it.text)}\n${citation(it.document, it.section, it.page, ctx.t)}`;
      return `• ${it.document.province ?? ctx.t.unknownProvince}: ${body.replace(/\n/g, '\n  ')}`;
    });
    return {
      answers: items,
      reply: `${ctx.t.byProvince}\n${per.join('\n')}`,
      hasMore: false,
      confidence: perProv[0]!.confidence,
    };
  }
  const best = perProv[0]!;
  const alts = alternatives(
    best,
    hits.filter((h) => (h.doc.province ?? null) === (best.doc.province ?? null)),
    tasks,
    ctx,
  );
  const picked = [best, ...alts];
  const items = (await hitsToItems(ctx.db, ctx.agencies, picked, onOf(ctx), tasks)).map((it, i) =>
    assignedTo(it, tasks.get(picked[i]!.entry.ref)),
  );
  const main = items[0]!;
  const lines = [
    `${ownerHead(main, tasks.get(best.entry.ref), ctx.t)}\n${quote(main.text)}\n${citation(main.document, main.section, main.page, ctx.t)}`,
  ];
  const terms = queryTerms(q.topic);
  for (const [i, it] of items.slice(1).entries()) {
    const t = tasks.get(alts[i]!.entry.ref);
    const who = it.agency ?? (t?.addressee ? midSentence(t.addressee) : ctx.t.noNamedAgency);
    const where = citation(it.document, it.section, it.page, ctx.t).replace(/^— /, '').replace(`, ${it.document.province}`, '');
    lines.push(ctx.t.alsoRelated(who, gist(it.text, terms), where));
  }
  return { answers: items, reply: lines.join('\n'), hasMore: false, confidence: best.confidence };
}
