// Partners of a task: the agencies a sentence names after "phối hợp (với)" / "hỗ trợ", and those a "Cơ quan phối
// hợp:" field lists. Leads are never their own partners; groups are kept once, in their fullest wording.
import type { AgencyRef } from '../../core/types.ts';
import type { Mention, MentionFinder } from './mentions.ts';
import { collapse, foldKeep } from './vn.ts';
import { rolePartner as rolePartnerPattern } from './lexicon.ts';

export function coordinators(text: string, finder: MentionFinder, leads: AgencyRef[]): AgencyRef[] {
  const f = foldKeep(text);
  const out: AgencyRef[] = [];
  const groups = new Set<AgencyRef>(); // the entries of `out` that are groups
  // "phối hợp (với)", "hỗ trợ", and "làm việc với" a body: the work is done with it.
  const re = /\b(?:phoi ket hop|phoi hop|ho tro|lam viec(?= voi\b))\b/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const skip =
      /^[\s,]*(?:(?:va\b|,)\s*)?(?:(?:ho tro|phoi hop)\b\s*)?(?:(?:chat che|thuong xuyen)\b\s*,?\s*)*(?:cung\s+)?(?:(?:voi|cho)\b)?\s*/.exec(
        f.slice(m.index + m[0].length),
      );
    const from = m.index + m[0].length + (skip?.[0].length ?? 0);
    const list = finder.list(text, from);
    // "phối hợp với đơn vị điện lực và các đơn vị liên quan": a partner named by its role, then the group.
    if (!list.length && /(?:voi|cung)\s*$/.test(skip?.[0] ?? '')) {
      const role = rolePartner(text, from);
      if (role) list.push(role);
      const next = /^[^.;:()]{3,80}?\s(?:va|cung)\s+(?=cac\s)/.exec(f.slice(from));
      if (next) list.push(...finder.list(text, from + next[0].length).filter((x) => x.generic));
    }
    // "hỗ trợ các đơn vị nghiên cứu" names beneficiaries, not partners: keep only specific agencies after it.
    const usable = m[0] === 'ho tro' ? list.filter((x) => !x.generic) : list;
    for (const x of usable) {
      const same = (r: AgencyRef) => (r.key && r.key === x.ref.key) || foldKeep(r.asWritten) === foldKeep(x.ref.asWritten);
      if (leads.some(same)) continue;
      if (out.some(same)) continue;
      if (x.generic) {
        // "các sở, ngành liên quan" then "các sở, ngành và các đơn vị có liên quan": one group, its fullest wording.
        const mine = groupWords(x.ref.asWritten);
        const i = out.findIndex((r) => groups.has(r) && subset(groupWords(r.asWritten), mine));
        if (i >= 0) {
          groups.delete(out[i]!);
          groups.add(x.ref);
          out[i] = x.ref;
          continue;
        }
        if (out.some((r) => groups.has(r) && subset(mine, groupWords(r.asWritten)))) continue;
        groups.add(x.ref);
      }
      out.push(x.ref);
    }
  }
  return out;
}

// A partner named by its role, in lower case: "đơn vị điện lực (quản lý vận hành …)", "chủ đầu tư công trình điện
// lực", "cơ quan chủ quản Hệ thống", "lực lượng chức năng". It ends before a verb, a preposition or a punctuation mark;
// "cơ quan" or "đơn vị" alone says nothing.
const ROLE_PARTNER = rolePartnerPattern();

function rolePartner(text: string, from: number): Mention | null {
  const m = ROLE_PARTNER.exec(text.slice(from, from + 200));
  if (!m || (/^(?:cơ quan|đơn vị|lực lượng)$/u.test(m[1]!) && !m[2])) return null;
  return { start: from, end: from + m[0].length, ref: { asWritten: collapse(m[0]), key: null }, generic: false };
}

/**
 * The partners a "Cơ quan phối hợp:" field lists. Where the names found stop short of the field's end ("…, Ủy ban
 * nhân dân các tỉnh, thành phố trực thuộc trung ương, cơ quan, tổ chức khác có liên quan"), the rest up to the next
 * ";" is one more partner as written, not dropped.
 */
export function fieldAgencies(value: string, finder: MentionFinder): AgencyRef[] {
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
