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
import { tableTasks } from './tables.ts';
import { deadlineOf } from './deadlines.ts';
import { collapse, foldKeep } from './vn.ts';

interface Owner {
  leads: AgencyRef[];
  addressee: string | null;
  at: number; // section holding the heading
  coordinators?: AgencyRef[]; // named by an intro sentence for all its items ("Sở X chủ trì, phối hợp với Sở Y: - …")
}

const ASSIGN_CONTEXT = /to chuc thuc hien|trach nhiem|phan cong|giao nhiem vu|nhiem vu cua|nhiem vu cu the|noi dung .{0,40}chu tri/;
const ADDRESSEE_WORD =
  /\b(?:so|ban|nganh|co quan|don vi|uy ban|ubnd|cap uy|chinh quyen|dia phuong|doan the|to chuc|thu truong|giam doc|chu tich|bo|cong an|doanh nghiep|hoi)\b/;
const BOILERPLATE = /chiu trach nhiem thi hanh|co hieu luc (?:thi hanh )?(?:ke tu|sau|tu)|thi hanh (?:quyet dinh|chi thi) nay/;
// Headings under which agency names are a list of members or addressees, not owners of the items.
// "Thành viên Ban Chỉ đạo gồm:" lists members; "Nhiệm vụ của thành viên Ban Chỉ đạo" assigns them work.
const NOT_OWNERS = /doi tuong ap dung|pham vi dieu chinh|noi nhan|giai thich tu ngu|^(?:thanh phan|thanh vien)\b/;

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

function coordinators(text: string, finder: MentionFinder, leads: AgencyRef[]): AgencyRef[] {
  const f = foldKeep(text);
  const out: AgencyRef[] = [];
  const re = /\b(?:phoi ket hop|phoi hop|ho tro)\b/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const skip = /^[\s,]*(?:(?:va|,)\s*)?(?:(?:ho tro|phoi hop)\s*)?(?:(?:chat che|thuong xuyen)\s*,?\s*)*(?:cung\s+)?(?:voi|cho)?\s*/.exec(
      f.slice(m.index + m[0].length),
    );
    const from = m.index + m[0].length + (skip?.[0].length ?? 0);
    const list = finder.list(text, from);
    // "phối hợp với đơn vị điện lực và các đơn vị liên quan": a partner that is no agency name, then the group.
    if (!list.length && /(?:voi|cung)\s*$/.test(skip?.[0] ?? '')) {
      const next = /^[^.;:()]{3,80}?\s(?:va|cung)\s+(?=cac\s)/.exec(f.slice(from));
      if (next) list.push(...finder.list(text, from + next[0].length).filter((x) => x.generic));
    }
    // "hỗ trợ các đơn vị nghiên cứu" names beneficiaries, not partners: keep only specific agencies after it.
    const usable = m[0] === 'ho tro' ? list.filter((x) => !x.generic) : list;
    for (const x of usable) {
      const same = (r: AgencyRef) => (r.key && r.key === x.ref.key) || foldKeep(r.asWritten) === foldKeep(x.ref.asWritten);
      if (leads.some(same)) continue;
      if (out.some(same)) continue;
      if (x.ref.key === null) {
        // "các sở, ngành liên quan" then "các sở, ngành và các đơn vị có liên quan": one group, its fullest wording.
        const mine = groupWords(x.ref.asWritten);
        const i = out.findIndex((r) => r.key === null && subset(groupWords(r.asWritten), mine));
        if (i >= 0) {
          out[i] = x.ref;
          continue;
        }
        if (out.some((r) => r.key === null && subset(mine, groupWords(r.asWritten)))) continue;
      }
      out.push(x.ref);
    }
  }
  return out;
}

/**
 * The partners a "Cơ quan phối hợp:" field lists. Where the names found stop short of the field's end ("…, Ủy ban
 * nhân dân các tỉnh, thành phố trực thuộc trung ương, cơ quan, tổ chức khác có liên quan"), the rest up to the next
 * ";" is one more partner as written, not dropped.
 */
function fieldAgencies(value: string, finder: MentionFinder): AgencyRef[] {
  const out: AgencyRef[] = [];
  for (let p = 0, guard = 0; p < value.length && guard < 12; guard++) {
    const list = finder.list(value, p);
    out.push(...list.map((m) => m.ref));
    p = list.length ? list[list.length - 1]!.end : p;
    const sep = /^[\s,;]*(?:và\s+)?/u.exec(value.slice(p))![0].length;
    const stop = value.indexOf(';', p + sep);
    const rest = collapse(value.slice(p + sep, stop < 0 ? value.length : stop)).replace(/[.,]+$/, '');
    if (!rest) break;
    if (finder.at(value, p + sep)) {
      p += sep;
      continue;
    }
    if (rest.split(' ').length <= 10) out.push({ asWritten: rest, key: null });
    p = stop < 0 ? value.length : stop + 1;
  }
  return out;
}

/** The kinds of bodies a group names: "các sở, ban, ngành có liên quan" → {so, ban, nganh}. */
function groupWords(s: string): Set<string> {
  const f = foldKeep(s).replace(/\b(?:cac|co|lien quan|va|khac|cap|tinh|thanh pho|tren dia ban|trong|ngoai|nuoc)\b/g, ' ');
  return new Set(f.split(/[\s,;]+/).filter(Boolean));
}

function subset(a: Set<string>, b: Set<string>): boolean {
  return [...a].every((w) => b.has(w));
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

export function extractTasks(
  outline: Outline,
  finder: MentionFinder,
  recipients: string[] = [],
  issued: string | null = null,
): ParsedTask[] {
  const { sections, info } = outline;
  const tasks: ParsedTask[] = [];
  const preIdx = info.findIndex((i) => i.kind === 'pre');
  const preParas = info[preIdx]?.paras ?? [];
  const fromPreamble = preambleAddressee(preParas);
  // A letter's "Kính gửi" names who "các cơ quan, đơn vị" in its request are.
  const defaultAddressee = fromPreamble && recipients.length > 0 ? recipients.join('; ') : fromPreamble;
  const owners: (Owner | null)[] = [];
  const assignCtx: boolean[] = [];
  const blocked: boolean[] = []; // under "Đối tượng áp dụng", "Nơi nhận": names there own nothing
  const consumed = new Set<number>(); // field lines already read into their task

  const push = (section: number, text: string, owner: Owner | null) => {
    const t = collapse(text).replace(/^[-+•]\s+/u, '');
    if (!t || BOILERPLATE.test(foldKeep(t))) return;
    // "Thời gian thực hiện: Tháng 11 - 12/2025." after a duty is that duty's deadline, not a task of its own.
    const when = WHEN_LINE.exec(t);
    if (when) {
      const prev = tasks[tasks.length - 1];
      if (prev && prev.section === section && !prev.deadline) prev.deadline = collapse(when[1]!).replace(/\.$/, '');
      return; // a deadline line alone is never a task
    }
    const explicit = explicitLeads(t, finder, !owner && assignCtx[section] === true);
    // "Các cơ quan, đơn vị căn cứ Kế hoạch này …" after the last agency section: everyone's, not that agency's.
    const group = !explicit.length && owner?.leads.length ? finder.at(t, 0) : null;
    const everyone = group?.generic ? group.ref.asWritten : null;
    const leads = explicit.length ? explicit : everyone ? [] : (owner?.leads ?? []);
    const addressee = explicit.length ? subjectGroups(t, finder) : (everyone ?? owner?.addressee ?? null);
    if (!leads.length && !addressee) return;
    const own = coordinators(t, finder, leads);
    const coords = own.length || explicit.length ? own : owner?.coordinators?.length ? owner.coordinators : introPartners(section, leads);
    tasks.push({ section, text: t, leads, coordinators: coords, addressee, deadline: deadlineOf(t, issued) });
  };

  sections.forEach((s, idx) => {
    const si = info[idx]!;
    const parent = s.parent;
    if (consumed.has(idx)) {
      owners[idx] = null;
      return;
    }
    const parentOwner = parent === null ? null : (owners[parent] ?? null);
    const ctxText = foldKeep(`${s.heading ?? ''} ${s.text.slice(0, 80)}`);
    assignCtx[idx] = (parent !== null && assignCtx[parent] === true) || ASSIGN_CONTEXT.test(ctxText);
    blocked[idx] = (parent !== null && blocked[parent] === true) || NOT_OWNERS.test(foldKeep(s.heading ?? ''));
    let own: Owner | null = null;
    const bullet = si.kind === 'dash' || si.kind === 'plus';
    const h = s.heading && si.kind !== 'pre' && si.kind !== 'close' && !blocked[idx] ? headingOwner(s.heading, finder) : null;
    if (s.heading && si.kind !== 'pre' && si.kind !== 'close' && !blocked[idx]) {
      const mayAssign = s.level === 0 || (parent !== null && assignCtx[parent] === true) || defaultAddressee !== null;
      // "Trách nhiệm của …" and the like head their items anywhere; a bare name only where the text assigns work
      // (a master plan's "Báo Cần Thơ" or "Viễn thông" headings name what is planned, not who does it).
      if (h && (h.strong || (mayAssign && !bullet))) own = { leads: h.leads, addressee: h.addressee, at: idx };
      // "Chủ tịch UBND thành phố quyết định phê duyệt phương án … đối với:" then a), b): the subject owns the items.
      if (!own && !h) {
        const subj = explicitLeads(s.heading, finder);
        if (subj.length) own = { leads: subj, addressee: null, at: idx };
      }
    }
    // "2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y thực hiện:" then "- …" items: the intro owns them.
    const intro = si.paras[0];
    if (!own && (!s.heading || !h) && intro && si.children.length && !blocked[idx] && si.kind !== 'pre' && si.kind !== 'close') {
      const subj = explicitLeads(intro, finder, assignCtx[idx]);
      const named = subj.length || s.heading || intro.split(' ').length > 25 ? null : headingOwner(intro, finder);
      // "Căn cứ tình hình thực tế, các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:" then "- …".
      const group = subj.length || named?.strong || !intro.trim().endsWith(':') ? null : groupSubject(intro, finder);
      if (subj.length) own = { leads: subj, addressee: null, at: idx, coordinators: coordinators(intro, finder, subj) };
      else if (named?.strong) own = { leads: named.leads, addressee: named.addressee, at: idx };
      else if (group) own = { leads: [], addressee: group, at: idx, coordinators: coordinators(intro, finder, []) };
    }
    const inScope = defaultAddressee !== null && si.kind !== 'pre' && si.kind !== 'close';
    const owner = own ?? parentOwner ?? (inScope ? { leads: [], addressee: defaultAddressee, at: -1 } : null);
    owners[idx] = own ?? parentOwner ?? (inScope ? owner : null);

    for (const table of si.tables) tasks.push(...tableTasks(table, idx, finder));
    if (si.kind === 'pre' && defaultAddressee)
      for (const p of letterRequests(si.paras)) push(idx, p, { leads: [], addressee: defaultAddressee, at: idx });
    if (si.kind === 'pre' || si.kind === 'close' || blocked[idx]) return;
    if (fieldTask(idx)) return;
    const leaf = si.children.length === 0;
    // "3. Thực hiện niêm yết công khai về việc làm thủ tục" / "Đăng ký, cấp Giấy chứng nhận …": a long first line
    // taken for a heading because the next one opens with a capital is the start of the clause's sentence.
    const wrapped = leaf && s.heading && si.paras.length && !/:$/.test(s.heading) && s.heading.split(' ').length >= 8;
    const paras = wrapped ? [`${s.heading} ${si.paras[0]}`, ...si.paras.slice(1)] : si.paras;
    if (!owner) {
      // A wrapped first line: the paragraph read with and without it ("Trách nhiệm quản lý kiến trúc …" / "UBND cấp xã
      // chịu trách nhiệm …" is a title and its duty).
      si.paras.forEach((p, i) => {
        // An article's title ("Điều 10. Trách nhiệm …") is a title; a numbered clause's long first line is its start.
        const order = si.kind === 'dieu' ? [p, paras[0]!] : [paras[0]!, p];
        for (const text of i === 0 && wrapped ? order : [p]) {
          if (explicitLeads(text, finder, assignCtx[idx]).length) return push(idx, text, null);
          // "Các cơ quan, đơn vị liên quan thu thập thông tin …": a duty of a group, kept as its addressee.
          const group = text.trim().endsWith(':') ? null : groupSubject(text, finder);
          if (group) return push(idx, text, { leads: [], addressee: group, at: idx });
        }
      });
      return;
    }
    if (owner.at === idx) {
      // Paragraphs right under an agency heading: one task each (an intro ending with ":" is not a task).
      si.paras.forEach((p) => {
        if (!(p.trim().endsWith(':') && !leaf)) push(idx, p, owner);
      });
    } else if (leaf) {
      push(idx, paras.length ? paras.join(' ') : (s.heading ?? ''), owner);
    } else if (si.paras.length && !s.heading) {
      const own = si.paras.join(' ');
      if (!own.trim().endsWith(':')) push(idx, own, owner);
    }
  });

  /** "6. Phối hợp với Ủy ban nhân dân cấp xã thực hiện các thủ tục sau:" then a), b): the partners of every item. */
  function introPartners(idx: number, leads: AgencyRef[]): AgencyRef[] {
    const parent = sections[idx]?.parent ?? null;
    if (parent === null) return [];
    const intro = sections[parent]!.heading ?? info[parent]!.paras[0] ?? '';
    return sections[parent]!.heading || intro.trim().endsWith(':') ? coordinators(intro, finder, leads) : [];
  }

  /** A task heading followed by labelled fields ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"). */
  function fieldTask(idx: number): boolean {
    const s = sections[idx]!;
    const si = info[idx]!;
    const childFields = si.children.filter((c) => isFieldLine(sections[c]!.heading ?? sections[c]!.text));
    const paraFields = si.paras.filter((p, i) => (i > 0 || s.heading) && isFieldLine(p));
    const lines = [...paraFields, ...childFields.map((c) => sections[c]!.heading ?? sections[c]!.text)];
    const f = fieldsOf(lines);
    if (!f.lead && !f.coordinators) return false;
    if (isFieldLine(s.heading ?? s.text)) return false; // a field itself, read by its parent
    for (const c of childFields) consumed.add(c);
    const own = s.heading ?? si.paras.find((p) => !isFieldLine(p)) ?? '';
    const text = collapse([own, f.content].filter(Boolean).join(': '));
    const leadList = f.lead ? finder.list(f.lead, 0) : [];
    const specific = leadList.filter((m) => !m.generic).map((m) => m.ref);
    const fallback = owners[idx];
    const leads = specific.length ? specific : leadList.length ? [] : (fallback?.leads ?? []);
    const addressee = specific.length ? null : leadList.length ? collapse(f.lead!) : (fallback?.addressee ?? null);
    if (!text || (!leads.length && !addressee)) return false;
    // "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành …": the partners are in the lead field.
    const coords = f.coordinators ? fieldAgencies(f.coordinators, finder) : coordinators(`${f.lead ?? ''}; ${text}`, finder, leads);
    // Other leads listed in the field are co-leads, never coordinators.
    tasks.push({
      section: idx,
      text,
      leads,
      coordinators: coords,
      addressee,
      deadline: f.deadline ?? deadlineOf(text, issued),
    });
    owners[idx] = null;
    return true;
  }
  // "b) Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025." beside "d) Các hoạt động chính": the period of the
  // activities that name none. Looked for among the clauses of each enclosing item below the top level.
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
  for (const t of tasks)
    for (let p = sections[t.section]?.parent ?? null; !t.deadline && p !== null && sections[p]!.level >= 1; p = sections[p]!.parent)
      t.deadline = periodOf(p);
  return tasks;
}
