// Tasks: assigned actions with their lead agency, coordinators, addressee and deadline.
//
// Who owns an item, in order: "Giao <agency> …" in the item itself; the agency heading the block it belongs to
// ("1. Sở Bưu chính, Viễn thông:", "2.1. Sở Kế hoạch và Đầu tư", "1. Trách nhiệm của Sở …"); a sentence whose
// subject is an agency ("Sở X có trách nhiệm / chủ trì …"); the addressee of the preamble ("… yêu cầu các cấp
// ủy đảng, chính quyền … thực hiện tốt một số nhiệm vụ sau:"). Groups ("các sở, ban, ngành") stay an addressee
// with lead null. Unassigned content (plan objectives, solutions) yields no task.
import type { AgencyRef, ParsedTask } from '../../core/types.ts';
import type { MentionFinder } from './mentions.ts';
import type { Outline } from './sections.ts';
import { fieldsOf, isFieldLine } from './fields.ts';
import { explicitLeads, groupSubject, headingOwner, subjectGroups } from './owners.ts';
import { coordinators, fieldAgencies } from './partners.ts';
import { tableTasks } from './tables.ts';
import { deadlineOf } from './deadlines.ts';
import { collapse, foldKeep } from './vn.ts';

interface Owner {
  leads: AgencyRef[];
  addressee: string | null;
  at: number; // section holding the heading
  coordinators?: AgencyRef[]; // named by an intro sentence for all its items ("Sở X chủ trì, phối hợp với Sở Y: - …")
}

const ASSIGN_CONTEXT =
  /to chuc thuc hien|co quan thuc hien nhiem vu|trach nhiem|phan cong|giao nhiem vu|nhiem vu cua|nhiem vu cu the|noi dung .{0,40}chu tri|^noi dung thuc hien\b/;
const ADDRESSEE_WORD =
  /\b(?:so|ban|nganh|co quan|don vi|uy ban|ubnd|cap uy|chinh quyen|dia phuong|doan the|to chuc|thu truong|giam doc|chu tich|bo|cong an|doanh nghiep|hoi)\b/;
// "Các nghĩa vụ khác theo quy định của pháp luật." closing a list names no duty; "Yêu cầu các sở, ban, ngành, đơn
// vị, địa phương nghiêm túc triển khai thực hiện./." closes a plan, "Văn phòng Chính phủ thông báo để … biết, thực
// hiện./." a notice.
const BOILERPLATE =
  /^cac (?:nghia vu|nhiem vu|quyen(?: han)?) khac\b|^(?:yeu cau|de nghi) .{0,160}thuc hien\s*\.\/\.$|^van phong .{0,80}thong bao de .{0,200}\bbiet,? (?:va )?thuc hien\s*\.\/\.$|chiu trach nhiem thi hanh|co hieu luc (?:thi hanh )?(?:ke tu|sau|tu)|thi hanh (?:quyet dinh|chi thi) nay/;
// Headings under which agency names are a list of members or addressees, not owners of the items.
// "Thành viên Ban Chỉ đạo gồm:" lists members; "Nhiệm vụ của thành viên Ban Chỉ đạo" assigns them work.
// "Tiêu chí thi đua" then "a) Đối với các sở, ban, ngành: - Hoàn thành vượt mức …": what an emulation rewards, not work;
// "Đối tượng" ("Các đơn vị tham gia gồm: …"): who takes part.
const NOT_OWNERS =
  /doi tuong ap dung|pham vi dieu chinh|noi nhan|giai thich tu ngu|^(?:thanh phan|thanh vien)\b|^tieu chi(?: thi dua)?$|^doi tuong(?: (?:thi dua|tham gia|khen thuong))?$/;

const PROVINCE_SUBJECT = /(?:^|,\s+)((?:[Tt]ỉnh|[Tt]hành phố)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})\s+(?:cần|phải|có trách nhiệm)\s/u;

const WHEN_LINE = /^Thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:\s*(.+)$/iu;

/** "… yêu cầu <addressee> tập trung thực hiện tốt một số nhiệm vụ sau:" in the preamble. */
export function preambleAddressee(paras: string[]): string | null {
  for (const p of [...paras].reverse()) {
    const m =
      /(?:yêu cầu|chỉ thị|đề nghị|giao)\s+(.{5,300}?)\s+(?:tập trung\s+|nghiêm túc\s+|khẩn trương\s+|quan tâm\s+)?(?:triển khai\s+|tổ chức\s+)?(?:thực hiện|triển khai)[^.:]{0,80}?sau(?: đây)?\s*:\s*$/u.exec(
        p,
      );
    // The addressee names bodies ("các sở, ban, ngành", "UBND các xã"), not a clause of the text.
    if (m && ADDRESSEE_WORD.test(foldKeep(m[1] as string))) return collapse(m[1] as string);
  }
  return null;
}

/** Unnumbered requests of a letter: the paragraphs after "… đề nghị … thực hiện một số nội dung sau:". */
function letterRequests(paras: string[]): string[] {
  const intro = paras.findIndex((p) => preambleAddressee([p]) !== null);
  if (intro < 0) return [];
  const out: string[] = [];
  for (const p of paras.slice(intro + 1)) {
    const f = foldKeep(p);
    if (/^trong qua trinh|^(?:tren day|rat mong|tran trong)|\bde nghi\b.{0,120}\bthuc hien\s*\.\/\.$/.test(f)) break;
    out.push(p);
  }
  return out;
}

/** What the walk over a document's sections knows so far: who owns each section, and the tasks read. */
interface Walk {
  outline: Outline;
  finder: MentionFinder;
  issued: string | null;
  defaultAddressee: string | null; // the preamble's "… yêu cầu <addressee> thực hiện … sau:"
  tasks: ParsedTask[];
  owners: (Owner | null)[];
  assignCtx: boolean[]; // under "Tổ chức thực hiện", "Trách nhiệm …": bare agency names own what follows
  blocked: boolean[]; // under "Đối tượng áp dụng", "Nơi nhận": names there own nothing
  consumed: Set<number>; // field lines already read into their task
}

export function extractTasks(
  outline: Outline,
  finder: MentionFinder,
  recipients: string[] = [],
  issued: string | null = null,
): ParsedTask[] {
  const preParas = outline.info.find((i) => i.kind === 'pre')?.paras ?? [];
  const fromPreamble = preambleAddressee(preParas);
  // A letter's "Kính gửi" names who "các cơ quan, đơn vị" in its request are.
  const defaultAddressee = fromPreamble && recipients.length > 0 ? recipients.join('; ') : fromPreamble;
  const w: Walk = {
    outline,
    finder,
    issued,
    defaultAddressee,
    tasks: [],
    owners: [],
    assignCtx: [],
    blocked: [],
    consumed: new Set(),
  };
  outline.sections.forEach((_, idx) => readSection(w, idx));
  inheritPeriods(w);
  return w.tasks;
}

/** One paragraph as a task of `owner` (or of the agencies it names itself); boilerplate and bare dates are not. */
function pushTask(w: Walk, section: number, text: string, owner: Owner | null): void {
  const { finder, tasks } = w;
  const t = collapse(text).replace(/^[-+•]\s+/u, '');
  if (!/\p{L}{2}/u.test(t) || BOILERPLATE.test(foldKeep(t))) return; // "* *" left of a layout is no text
  // "Thời gian thực hiện: Tháng 11 - 12/2025." after a duty is that duty's deadline, not a task of its own.
  const when = WHEN_LINE.exec(t);
  if (when) {
    const prev = tasks[tasks.length - 1];
    if (prev && prev.section === section && !prev.deadline) prev.deadline = collapse(when[1]!).replace(/\.$/, '');
    return; // a deadline line alone is never a task
  }
  const explicit = explicitLeads(t, finder, { inAssignment: !owner && w.assignCtx[section] === true });
  // "Các cơ quan, đơn vị căn cứ Kế hoạch này …" after the last agency section: everyone's, not that agency's.
  const group = !explicit.length && owner?.leads.length ? finder.at(t, 0) : null;
  const everyone = group?.generic ? group.ref.asWritten : null;
  const leads = explicit.length ? explicit : everyone ? [] : (owner?.leads ?? []);
  const addressee = explicit.length ? subjectGroups(t, finder) : (everyone ?? owner?.addressee ?? null);
  if (!leads.length && !addressee) return;
  const own = coordinators(t, finder, leads);
  const coords = own.length || explicit.length ? own : owner?.coordinators?.length ? owner.coordinators : introPartners(w, section, leads);
  tasks.push({ section, text: t, leads, coordinators: coords, addressee, deadline: deadlineOf(t, w.issued) });
}

/** The owner a section's own heading or intro sentence names, if any. */
function sectionOwner(w: Walk, idx: number): Owner | null {
  const { finder } = w;
  const s = w.outline.sections[idx]!;
  const si = w.outline.info[idx]!;
  const parent = s.parent;
  const body = si.kind !== 'pre' && si.kind !== 'close' && !w.blocked[idx];
  let own: Owner | null = null;
  const bullet = si.kind === 'dash' || si.kind === 'plus';
  const h = s.heading && body ? headingOwner(s.heading, finder) : null;
  if (s.heading && body) {
    const mayAssign = s.level === 0 || (parent !== null && w.assignCtx[parent] === true) || w.defaultAddressee !== null;
    // "Trách nhiệm của …" and the like head their items anywhere; a bare name only where the text assigns work
    // (a master plan's "Báo Cần Thơ" or "Viễn thông" headings name what is planned, not who does it).
    if (h && (h.strong || (mayAssign && !bullet))) own = { leads: h.leads, addressee: h.addressee, at: idx };
    // "Chủ tịch UBND thành phố quyết định phê duyệt phương án … đối với:" then a), b): the subject owns the items.
    if (!own && !h) {
      const subj = explicitLeads(s.heading, finder);
      // "1. Đối với hệ thống đang sử dụng: Đơn vị thoát nước có trách nhiệm:" then a), b): a group or role owns them.
      const group = subj.length ? null : groupSubject(s.heading, finder);
      if (subj.length) own = { leads: subj, addressee: subjectGroups(s.heading, finder), at: idx };
      else if (group) own = { leads: [], addressee: group, at: idx };
    }
  }
  // "2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y thực hiện:" then "- …" items: the intro owns them.
  // "Trong vòng 20 ngày làm việc kể từ …. Ủy ban nhân dân cấp xã thực hiện các công việc sau:": the last sentence.
  const intro = si.paras[0]?.trim().endsWith(':') ? si.paras[0].split(/(?<=\.)\s+(?=\p{Lu})/u).at(-1) : si.paras[0];
  if (own || (s.heading && h) || !intro || !si.children.length || !body) return own;
  const subj = explicitLeads(intro, finder, { inAssignment: w.assignCtx[idx] });
  const named = subj.length || s.heading || intro.split(' ').length > 25 ? null : headingOwner(intro, finder);
  // "Căn cứ tình hình thực tế, các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:" then "- …".
  const group = subj.length || named?.strong || !intro.trim().endsWith(':') ? null : groupSubject(intro, finder);
  if (subj.length)
    return { leads: subj, addressee: subjectGroups(intro, finder), at: idx, coordinators: coordinators(intro, finder, subj) };
  if (named?.strong) return { leads: named.leads, addressee: named.addressee, at: idx };
  if (group) return { leads: [], addressee: group, at: idx, coordinators: coordinators(intro, finder, []) };
  // A notice's "…, tỉnh Đắk Lắk cần tiếp tục thực hiện … một số nội dung trọng tâm sau:": the province carries them.
  const province = intro.trim().endsWith(':') ? PROVINCE_SUBJECT.exec(intro) : null;
  if (province) return { leads: [], addressee: collapse(province[1]!), at: idx };
  return null;
}

function readSection(w: Walk, idx: number): void {
  const s = w.outline.sections[idx]!;
  const si = w.outline.info[idx]!;
  const parent = s.parent;
  if (w.consumed.has(idx)) {
    w.owners[idx] = null;
    return;
  }
  const parentOwner = parent === null || !introducesBullets(w, idx, parent) ? null : (w.owners[parent] ?? null);
  const ctxText = foldKeep(`${s.heading ?? ''} ${s.text.slice(0, 80)}`);
  w.assignCtx[idx] = (parent !== null && w.assignCtx[parent] === true) || ASSIGN_CONTEXT.test(ctxText);
  w.blocked[idx] = (parent !== null && w.blocked[parent] === true) || NOT_OWNERS.test(foldKeep(s.heading ?? ''));
  const own = sectionOwner(w, idx);
  const inScope = w.defaultAddressee !== null && si.kind !== 'pre' && si.kind !== 'close';
  const owner = own ?? parentOwner ?? (inScope ? { leads: [], addressee: w.defaultAddressee, at: -1 } : null);
  w.owners[idx] = owner;

  for (const table of si.tables) w.tasks.push(...tableTasks(table, idx, w.finder));
  if (si.kind === 'pre' && w.defaultAddressee)
    for (const p of letterRequests(si.paras)) pushTask(w, idx, p, { leads: [], addressee: w.defaultAddressee, at: idx });
  if (si.kind === 'pre' || si.kind === 'close' || w.blocked[idx]) return;
  if (fieldTask(w, idx) || scopeTask(w, idx)) return;
  const leaf = si.children.length === 0;
  // "3. Thực hiện niêm yết công khai về việc làm thủ tục" / "Đăng ký, cấp Giấy chứng nhận …": a long first line
  // taken for a heading because the next one opens with a capital is the start of the clause's sentence.
  const wrapped = leaf && !!s.heading && si.paras.length > 0 && !/:$/.test(s.heading) && s.heading.split(' ').length >= 8;
  const paras = wrapped ? [`${s.heading} ${si.paras[0]}`, ...si.paras.slice(1)] : si.paras;
  if (!owner) return readUnowned(w, idx, paras, wrapped);
  if (owner.at === idx) {
    // Paragraphs right under an agency heading: one task each. An intro of the items below is not one: ending with
    // ":", or a short label right before them ("Nơi nhận kết quả." then "- Tại Bộ phận Một cửa …").
    const intro = (p: string, i: number) =>
      !leaf && (p.trim().endsWith(':') || (i === si.paras.length - 1 && i > 0 && p.split(' ').length <= 6));
    si.paras.forEach((p, i) => {
      if (!intro(p, i)) pushTask(w, idx, p, owner);
    });
  } else if (leaf) {
    pushTask(w, idx, paras.length ? paras.join(' ') : (s.heading ?? ''), owner);
  } else if (si.paras.length && !s.heading) {
    const text = si.paras.join(' ');
    if (!text.trim().endsWith(':')) pushTask(w, idx, text, owner);
  }
}

/**
 * Whether the parent of bullet `idx` introduces it: a heading, one paragraph, or one ending with ":". "Nơi nhận kết quả." then
 * "- Tại Bộ phận Tiếp nhận và Trả kết quả …" lists places, not duties of the step above.
 */
function introducesBullets(w: Walk, idx: number, parent: number): boolean {
  const kind = w.outline.info[idx]!.kind;
  if (kind !== 'dash' && kind !== 'plus') return true;
  const paras = w.outline.info[parent]!.paras;
  return !!w.outline.sections[parent]!.heading || paras.length <= 1 || paras.some((p) => p.trim().endsWith(':'));
}

/** A section nobody above owns: its paragraphs that name their own lead or a group that acts. */
function readUnowned(w: Walk, idx: number, paras: string[], wrapped: boolean): void {
  const si = w.outline.info[idx]!;
  // A wrapped first line: the paragraph read with and without it ("Trách nhiệm quản lý kiến trúc …" / "UBND cấp xã
  // chịu trách nhiệm …" is a title and its duty).
  si.paras.forEach((p, i) => {
    // An article's title ("Điều 10. Trách nhiệm …") is a title; a numbered clause's long first line is its start.
    const order = si.kind === 'dieu' ? [p, paras[0]!] : [paras[0]!, p];
    for (const text of i === 0 && wrapped ? order : [p]) {
      if (explicitLeads(text, w.finder, { inAssignment: w.assignCtx[idx] }).length) return pushTask(w, idx, text, null);
      // "Các cơ quan, đơn vị liên quan thu thập thông tin …": a duty of a group, kept as its addressee.
      const group = text.trim().endsWith(':') ? null : groupSubject(text, w.finder);
      if (group) return pushTask(w, idx, text, { leads: [], addressee: group, at: idx });
    }
  });
}

/** "6. Phối hợp với Ủy ban nhân dân cấp xã thực hiện các thủ tục sau:" then a), b): the partners of every item. */
function introPartners(w: Walk, idx: number, leads: AgencyRef[]): AgencyRef[] {
  const { sections, info } = w.outline;
  const parent = sections[idx]?.parent ?? null;
  if (parent === null) return [];
  const intro = sections[parent]!.heading ?? info[parent]!.paras[0] ?? '';
  return sections[parent]!.heading || intro.trim().endsWith(':') ? coordinators(intro, w.finder, leads) : [];
}

/** A task heading followed by labelled fields ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"). */
function fieldTask(w: Walk, idx: number): boolean {
  const { sections, info } = w.outline;
  const { finder } = w;
  const s = sections[idx]!;
  const si = info[idx]!;
  const childFields = si.children.filter((c) => isFieldLine(sections[c]!.heading ?? sections[c]!.text));
  const paraFields = si.paras.filter((p, i) => (i > 0 || s.heading) && isFieldLine(p));
  const lines = [...paraFields, ...childFields.map((c) => sections[c]!.heading ?? sections[c]!.text)];
  const f = fieldsOf(lines);
  if (!f.lead && !f.coordinators) return false;
  if (isFieldLine(s.heading ?? s.text)) return false; // a field itself, read by its parent
  for (const c of childFields) w.consumed.add(c);
  const own = s.heading ?? si.paras.find((p) => !isFieldLine(p)) ?? '';
  const text = collapse([own, f.content].filter(Boolean).join(': '));
  const leadList = f.lead ? finder.list(f.lead, 0) : [];
  const specific = leadList.filter((m) => !m.generic).map((m) => m.ref);
  const fallback = w.owners[idx];
  const leads = specific.length ? specific : leadList.length ? [] : (fallback?.leads ?? []);
  const addressee = specific.length ? null : leadList.length ? collapse(f.lead!) : (fallback?.addressee ?? null);
  if (!text || (!leads.length && !addressee)) return false;
  // "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành …": the partners are in the lead field.
  // Other leads listed in the field are co-leads, never coordinators.
  const coords = f.coordinators ? fieldAgencies(f.coordinators, finder) : coordinators(`${f.lead ?? ''}; ${text}`, finder, leads);
  w.tasks.push({ section: idx, text, leads, coordinators: coords, addressee, deadline: f.deadline ?? deadlineOf(text, w.issued) });
  w.owners[idx] = null;
  return true;
}

/**
 * "1. Sở Tài chính chịu trách nhiệm cập nhật … vào Cơ sở dữ liệu về giá đối với:" then a) "Giá tính lệ phí trước bạ …",
 * b) …: the items are what the duty covers, not duties of their own; one task of the intro and its items.
 */
function scopeTask(w: Walk, idx: number): boolean {
  const { sections, info } = w.outline;
  const s = sections[idx]!;
  const si = info[idx]!;
  const intro = s.heading ?? si.paras[0];
  if (!intro || !si.children.length || !/đối với\s*:?$/u.test(intro.trim())) return false;
  const leads = explicitLeads(intro, w.finder, { inAssignment: w.assignCtx[idx] });
  const group = leads.length ? null : groupSubject(intro, w.finder);
  if (!leads.length && !group) return false;
  const items: string[] = [];
  const take = (i: number) => {
    w.consumed.add(i);
    items.push(collapse(sections[i]!.heading ?? sections[i]!.text));
    info[i]!.children.forEach(take);
  };
  si.children.forEach(take);
  const text = collapse(`${intro.replace(/:?\s*$/, ':')} ${items.join(' ')}`);
  const coords = coordinators(intro, w.finder, leads);
  w.tasks.push({
    section: idx,
    text,
    leads,
    coordinators: coords,
    addressee: group ?? subjectGroups(intro, w.finder),
    deadline: deadlineOf(text, w.issued),
  });
  w.owners[idx] = null;
  return true;
}

/**
 * "b) Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025." beside "d) Các hoạt động chính": the period of the
 * activities that name none. Looked for among the clauses of each enclosing item below the top level.
 */
function inheritPeriods(w: Walk): void {
  const { sections, info } = w.outline;
  const period = new Map<number, string | null>();
  const periodOf = (p: number): string | null => {
    if (!period.has(p)) {
      const when = info[p]!.children.map((c) => sections[c]!).find(
        (c) => !c.heading && /^Thời/u.test(c.text) && WHEN_LINE.test(collapse(c.text)),
      );
      period.set(p, when ? collapse(WHEN_LINE.exec(collapse(when.text))![1]!).replace(/\.$/, '') : null);
    }
    return period.get(p)!;
  };
  for (const t of w.tasks)
    for (let p = sections[t.section]?.parent ?? null; !t.deadline && p !== null && sections[p]!.level >= 1; p = sections[p]!.parent)
      t.deadline = periodOf(p);
}
