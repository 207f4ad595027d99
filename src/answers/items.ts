// Turning index hits and DB rows into AnswerItems (agency names canonical, sections as printed).
import type { Db } from '../db/client.ts';
import { findTaskAgencies } from './repo/find-task-agencies.ts';
import { findIndicators } from './repo/find-indicators.ts';
import { findBareSections, findChildSections, findSectionTexts } from './repo/find-sections.ts';
import type { AgencyMatcher } from '../search/agency-match.ts';
import type { DocInfo } from '../search/entries.ts';
import type { Hit } from '../search/index.ts';
import type { AnswerItem, AnswerSuccessor } from './types.ts';

export function docOut(d: DocInfo): AnswerItem['document'] {
  return {
    number: d.number,
    type: d.type,
    issuer: d.issuer,
    province: d.province,
    date: d.date,
    year: d.year,
    title: d.title,
    issuedWith: d.issuedWith ?? null,
  };
}

export interface TaskRow {
  id: number;
  text: string;
  addressee: string | null;
  agencies: { agencyId: number; role: string }[];
}

/** Who carries a DB agency's duties on `on`, named `agency` (chosen by `subject`'s words for a split); null while it exists. */
export function successorOf(
  m: AgencyMatcher,
  agencyId: number,
  on: Date,
  subject: string,
  agency = m.nameOf(agencyId),
): AnswerSuccessor | null {
  const now = m.today(agencyId, { on, subject });
  return now && agency ? { agency, today: now.name, since: now.since, basis: now.basis, inferred: now.inferred } : null;
}

/** Agencies of a task that no longer exist on `on`, with their successor (chosen by the task's words for a split). */
export function successorsOf(t: TaskRow, m: AgencyMatcher, on: Date | null): AnswerSuccessor[] {
  if (!on) return [];
  const out: AnswerSuccessor[] = [];
  for (const a of t.agencies) {
    const s = successorOf(m, a.agencyId, on, t.text);
    if (s && !out.some((x) => x.agency === s.agency)) out.push(s);
  }
  return out;
}

/** Lead name, coordinators and addressee of a task, canonical names; successors when `on` (the question's date) is given. */
export function taskAgencies(
  t: TaskRow,
  m: AgencyMatcher,
  on: Date | null = null,
): { lead: string | null; leads: string[]; coordinators: string[]; leadId: number | null; successors: AnswerSuccessor[] } {
  const leadRows = t.agencies.filter((a) => a.role === 'lead');
  const lead = leadRows[0];
  const leads = [...new Set(leadRows.map((a) => m.nameOf(a.agencyId)).filter(Boolean))];
  const coordinators = [
    ...new Set(
      t.agencies
        .filter((a) => a.role === 'coordinate')
        .map((a) => m.nameOf(a.agencyId))
        .filter(Boolean),
    ),
  ];
  return {
    lead: lead ? m.nameOf(lead.agencyId) || null : null,
    leads,
    coordinators,
    leadId: lead?.agencyId ?? null,
    successors: successorsOf(t, m, on),
  };
}

/** Tasks with their agencies (lead, coordinators), by id: one joined statement (Prisma's include would be two). */
export async function loadTasks(db: Db, ids: number[]): Promise<Map<number, TaskRow>> {
  if (!ids.length) return new Map();
  const rows = await findTaskAgencies(db, ids);
  const out = new Map<number, TaskRow>();
  for (const r of rows) {
    const id = Number(r.id);
    const t = out.get(id) ?? out.set(id, { id, text: r.text, addressee: r.addressee, agencies: [] }).get(id)!;
    if (r.agencyId != null && r.role != null) t.agencies.push({ agencyId: Number(r.agencyId), role: r.role });
  }
  return out;
}

export async function loadIndicators(db: Db, ids: number[]): Promise<Map<number, { value: string; text: string }>> {
  if (!ids.length) return new Map();
  const rows = await findIndicators(db, ids);
  return new Map(rows.map((r) => [r.id, { value: valueWithUnit(r.valueText, r.unit), text: r.text || r.subject }]));
}

/** Section passages as indexed ("heading — text"), read from the DB: the persisted index keeps no text. */
async function loadSectionTexts(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await findSectionTexts(db, ids);
  return new Map(rows.map((s) => [s.id, [s.heading, s.text].filter((x) => x && x.trim()).join(' — ')]));
}

/** What a heading with no text of its own says: the start of the passages under it ("1.2. Quan trắc đột xuất" → "- Khi …"). */
const UNDER_HEADING_CHARS = 400;

/** For the sections among `ids` that are a heading alone, the text of their first sub-sections, by id. */
async function childTexts(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const bare = await findBareSections(db, ids);
  if (!bare.length) return new Map();
  const kids = await findChildSections(
    db,
    bare.map((b) => b.id),
  );
  const out = new Map<number, string>();
  for (const k of kids) {
    const prev = out.get(k.parentId!) ?? '';
    if (prev.length >= UNDER_HEADING_CHARS) continue;
    const own = [k.heading, k.text].filter((x) => x && x.trim()).join(' ');
    out.set(k.parentId!, `${prev} ${own}`.trim().slice(0, UNDER_HEADING_CHARS));
  }
  return out;
}

export function valueWithUnit(valueText: string, unit: string | null): string {
  const v = valueText.trim();
  if (!unit || v.includes(unit) || (unit === '%' && v.endsWith('%'))) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

/**
 * Items for a list of hits (tasks carry their agencies, targets their value); `on`: the question's date, for
 * successors; `loaded`: tasks the caller has read already (not read again when every task hit is among them).
 */
export async function hitsToItems(
  db: Db,
  m: AgencyMatcher,
  hits: Hit[],
  on: Date | null,
  loaded?: Map<number, TaskRow>,
): Promise<AnswerItem[]> {
  const taskIds = hits.filter((h) => h.entry.kind === 'task').map((h) => h.entry.ref);
  const tasks = loaded && taskIds.every((id) => loaded.has(id)) ? loaded : await loadTasks(db, taskIds);
  const inds = await loadIndicators(
    db,
    hits.filter((h) => h.entry.kind === 'indicator').map((h) => h.entry.ref),
  );
  const sections = await loadSectionTexts(
    db,
    hits.filter((h) => h.entry.kind === 'section' && !h.entry.text).map((h) => h.entry.ref),
  );
  const under = await childTexts(
    db,
    hits.filter((h) => h.entry.kind === 'section').map((h) => h.entry.ref),
  );
  return hits.map((h) => {
    const base: AnswerItem = {
      agency: null,
      leads: [],
      role: null,
      coordinators: [],
      text: h.entry.text,
      value: null,
      section: h.entry.path,
      ...(h.entry.page ? { page: h.entry.page } : {}),
      successors: [],
      document: docOut(h.doc),
    };
    if (h.entry.kind === 'section') {
      base.text = sections.get(h.entry.ref) ?? h.entry.text;
      const below = under.get(h.entry.ref);
      if (below) base.text = `${base.text.replace(/\s*—\s*$/, '')} — ${below}`;
    }
    if (h.entry.kind === 'task') {
      const t = tasks.get(h.entry.ref);
      if (t) {
        base.text = t.text;
        const a = taskAgencies(t, m, on);
        base.successors = a.successors;
        base.agency = a.lead;
        base.leads = a.leads;
        base.role = a.lead ? 'lead' : null;
        base.coordinators = a.coordinators;
      }
    } else if (h.entry.kind === 'indicator') {
      const i = inds.get(h.entry.ref);
      base.value = i?.value ?? null;
      if (i) base.text = i.text;
    }
    return base;
  });
}

/** Keeps one hit per (document, section path) — a task and its section say the same thing. */
export function dedupeHits(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  const rank = { task: 0, indicator: 1, section: 2 } as const;
  const sorted = [...hits].sort((a, b) => b.score - a.score || rank[a.entry.kind] - rank[b.entry.kind]);
  const out: Hit[] = [];
  for (const h of sorted) {
    const k = `${h.entry.doc}|${h.entry.path}|${h.entry.kind === 'section' ? '' : h.entry.norm.slice(0, 40)}`;
    const ks = `${h.entry.doc}|${h.entry.path}|`;
    if (seen.has(k) || seen.has(ks)) continue;
    seen.add(k);
    seen.add(ks);
    out.push(h);
  }
  return out;
}

/** When no province was named, the best hit of each province scoring close to the top one. */
export function perProvince(hits: Hit[], ratio = 0.7, max = 4): Hit[] {
  const top = hits[0]?.score ?? 0;
  const seen = new Map<string, Hit>();
  for (const h of hits) {
    if (h.score < top * ratio) break;
    const p = h.doc.province ?? '-';
    if (!seen.has(p)) seen.set(p, h);
  }
  return [...seen.values()].slice(0, max);
}

/** What every answer from a task carries besides who does it: its text, section and page, successors, document. */
export function taskFields(
  t: { text: string; section: { path: string; page: number | null } | null },
  successors: AnswerItem['successors'],
  doc: DocInfo,
): Pick<AnswerItem, 'text' | 'value' | 'section' | 'page' | 'successors' | 'document'> {
  return {
    text: t.text,
    value: null,
    section: t.section?.path ?? '',
    ...(t.section?.page ? { page: t.section.page } : {}),
    successors,
    document: docOut(doc),
  };
}
