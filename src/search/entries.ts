// What the search index holds: sections, tasks and targets of every imported document, read from the DB.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import {
  countAgencies,
  findAllIndicators,
  findAllSections,
  findAllTasks,
  findDocumentHashes,
  findDocumentsWithApproval,
} from './repo/load-corpus-rows.ts';
import { normalizeText, numberKey, slug } from './normalize.ts';
import { findProvince } from './provinces.ts';

export type EntryKind = 'section' | 'task' | 'indicator';

export interface DocInfo {
  id: number;
  number: string | null;
  numberKey: string | null;
  type: string;
  issuer: string | null;
  province: string | null;
  date: string | null;
  year: number | null;
  title: string;
  /** An unnumbered document issued with a decision ("Quy chế ban hành kèm theo Quyết định 95/2025/QĐ-UBND"). */
  issuedWith?: { type: string; number: string } | null;
  /** Read from a scan by OCR: every citation from it says so. */
  scanned?: boolean;
  /**
   * A national document about one province ("Kết luận của Phó Thủ tướng … tại buổi làm việc với lãnh đạo tỉnh Đắk
   * Lắk"): the province its title names, which a question naming that province is filtered on.
   */
  about?: string;
}

/** One searchable passage. `ref` is the row id of its kind (Section/Task/Indicator). */
export interface Entry {
  id: number;
  kind: EntryKind;
  ref: number;
  doc: number;
  path: string;
  text: string; // as written; empty when the index was loaded from disk (answers read it from the DB)
  norm: string; // normalizeText(text)
  agencies: number[]; // Agency ids linked to a task
  year: number | null; // target year of an indicator
  sub?: string; // normalised subject of an indicator ("ty le nguoi su dung internet")
  ctx?: string; // normalised headings above the passage ("so y te", "giai doan 2016 2020"): context, weighted less
  page?: number; // page of the original PDF its section starts on
}

export interface Corpus {
  docs: Map<number, DocInfo>;
  entries: Entry[];
}

export function docInfo(d: {
  id: number;
  number: string | null;
  type: string;
  issuer: string | null;
  province: string | null;
  issueDate: string | null;
  year: number | null;
  title: string;
  approvedBy?: { type: string; number: string | null }[];
  ocrConfidence?: number | null;
}): DocInfo {
  const by = d.number ? undefined : d.approvedBy?.find((a) => a.number);
  const about = d.province ? null : findProvince(normalizeText(d.title), [])?.name;
  return {
    id: d.id,
    number: d.number,
    numberKey: d.number ? numberKey(d.number) : null,
    type: d.type,
    issuer: d.issuer,
    province: d.province,
    date: d.issueDate,
    year: d.year,
    title: d.title,
    ...(by ? { issuedWith: { type: by.type, number: by.number! } } : {}),
    ...(d.ocrConfidence != null ? { scanned: true } : {}),
    ...(about ? { about } : {}),
  };
}

/** Fingerprint of the DB content the index is built from: changes whenever a document is added, changed or removed. */
export async function fingerprint(db: Db): Promise<string> {
  const docs = await findDocumentHashes(db);
  const agencies = await countAgencies(db);
  const h = createHash('sha256').update(`v6|${agencies}|`);
  for (const d of docs) h.update(`${d.id}:${d.contentHash};`);
  return h.digest('hex');
}

export async function loadCorpus(db: Db): Promise<Corpus> {
  const docs = new Map<number, DocInfo>();
  for (const d of await findDocumentsWithApproval(db)) docs.set(d.id, docInfo(d));
  const sections = await findAllSections(db);
  const pathOf = new Map(sections.map((s) => [s.id, s.path]));
  const pageOf = (id: number | null) => {
    const page = id !== null ? byId.get(id)?.page : null;
    return page != null ? { page } : {};
  };
  const byId = new Map(sections.map((s) => [s.id, s]));
  // Headings of a section and its ancestors, nearest first: a task under "7. Sở Y tế" is about health.
  const headings = (id: number | null, self: boolean): string => {
    const out: string[] = [];
    for (
      let s = id != null ? byId.get(id) : undefined, first = true;
      s;
      s = s.parentId != null ? byId.get(s.parentId) : undefined, first = false
    ) {
      if ((self || !first) && s.heading?.trim()) out.push(s.heading);
    }
    return normalizeText(out.join(' '));
  };
  const entries: Entry[] = [];
  const push = (e: Omit<Entry, 'id' | 'norm'>) => {
    const norm = normalizeText(e.text);
    if (!e.ctx) delete e.ctx;
    if (norm) entries.push({ ...e, id: entries.length, norm });
  };
  for (const s of sections) {
    const text = [s.heading, s.text].filter((x) => x && x.trim()).join(' — ');
    push({
      kind: 'section',
      ref: s.id,
      doc: s.documentId,
      path: s.path,
      text,
      agencies: [],
      year: null,
      ctx: headings(s.id, false),
      ...pageOf(s.id),
    });
  }
  const tasks = await findAllTasks(db);
  for (const t of tasks) {
    push({
      kind: 'task',
      ref: t.id,
      doc: t.documentId,
      path: (t.sectionId && pathOf.get(t.sectionId)) || '',
      text: t.text,
      agencies: [...new Set(t.agencies.map((a) => a.agencyId))],
      year: null,
      ctx: headings(t.sectionId, true),
      ...pageOf(t.sectionId),
    });
  }
  const inds = await findAllIndicators(db);
  for (const i of inds) {
    push({
      kind: 'indicator',
      ref: i.id,
      doc: i.documentId,
      path: (i.sectionId && pathOf.get(i.sectionId)) || '',
      text: i.text || i.subject,
      agencies: [],
      year: i.year,
      sub: normalizeText(i.subject),
      ctx: headings(i.sectionId, true),
      ...pageOf(i.sectionId),
    });
  }
  return { docs, entries };
}

/** Tags the index filters on. */
export function entryTags(e: Entry, d: DocInfo | undefined): Record<string, string | string[]> {
  return {
    agency: e.agencies.length ? e.agencies.map(String) : ['-'],
    province: d?.province || d?.about ? slug((d.province || d.about)!) : '-',
    type: d ? slug(d.type) : '-',
    year: String(d?.year ?? '-'),
    doc: String(e.doc),
    kind: e.kind,
  };
}
