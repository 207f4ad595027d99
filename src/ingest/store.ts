// Writes the parsed documents of one source file to the database, replacing what that file gave before.
import type { AgencyRef, ParsedDocument } from '../core/types.ts';
import { documentNumberKey } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import { retryBusy } from '../db/busy.ts';
import type { RawSql } from '../db/raw.ts';
import type { AgencyRows } from './agency-rows.ts';
import { aliasKey, type AgencyRegistry } from './agencies.ts';
import { deadlineRange } from './parse/deadlines.ts';

export interface StoredCounts {
  documents: number;
  sections: number;
  tasks: number;
  indicators: number;
}

interface Link {
  doc: number; // index in docs
  task: number;
  agencyId: number;
  role: string;
  asWritten: string;
}

/**
 * Replaces the documents of `sourceFile` with `docs`. Agency rows are found or created first (short writes of
 * their own, shared by every document); then everything of the file is written in one transaction of plain
 * statements on `raw` (src/db/raw.ts), which holds the write lock for milliseconds (through Prisma it held it for
 * 20–460 ms a file, and a bot sharing the database waited that long for each of its writes).
 */
/** The format the file's text was read from, and the OCR confidence when it was read from a scan. */
export interface Origin {
  format: string;
  ocrConfidence: number | null;
}

export async function storeDocuments(
  db: Db,
  raw: RawSql,
  agencies: AgencyRows,
  sourceFile: string,
  contentHash: string,
  docs: ParsedDocument[],
  origin: Origin = { format: 'text', ocrConfidence: null },
): Promise<StoredCounts> {
  const links: Link[] = [];
  const aliases: Alias[] = [];
  for (const [di, d] of docs.entries()) {
    const seen = new Set<string>();
    for (const [i, t] of d.tasks.entries()) {
      const refs = [
        ...t.leads.map((ref) => ({ ref, role: 'lead' })),
        ...t.coordinators.map((ref) => ({ ref, role: 'coordinate' })),
        // A task given to a group ("… và Chủ tịch UBND quận, huyện") is also linked to the tiers the group names,
        // so asking for them (or, since 2025, for UBND các xã, phường) finds it.
        ...(t.leads.length ? [] : localTiers(t.addressee, agencies.registry)).map((ref) => ({ ref, role: 'assigned' })),
      ];
      for (const { ref, role } of refs) {
        const agencyId = await agencies.idFor(db, ref, d.province);
        const k = `${i}:${agencyId}:${role}`;
        if (seen.has(k)) continue;
        seen.add(k);
        links.push({ doc: di, task: i, agencyId, role, asWritten: ref.asWritten });
      }
    }
    for (const a of d.inlineAliases)
      aliases.push({ doc: di, agencyId: await agencies.idFor(db, { asWritten: a.alias, key: a.key }, d.province), alias: a.alias });
  }
  return retryBusy(() => writeFile(raw, sourceFile, contentHash, docs, links, aliases, origin));
}

const WRITTEN = ['Document', 'Section', 'Task', 'TaskAgency', 'Indicator', 'AgencyAlias'];

type Statements = ReturnType<typeof statements>;
type Alias = { doc: number; agencyId: number; alias: string };

/** What every document of one file is written with. */
interface FileWrite {
  q: Statements;
  sourceFile: string;
  contentHash: string;
  origin: Origin;
  links: Link[];
  aliases: Alias[];
  now: string; // Prisma's DateTime text in SQLite; PostgreSQL reads it as the same UTC instant
}

/** The first free ids of the tables whose rows point at each other. */
interface Bases {
  section: number;
  task: number;
  indicator: number;
}

async function writeFile(
  raw: RawSql,
  sourceFile: string,
  contentHash: string,
  docs: ParsedDocument[],
  links: Link[],
  aliases: Alias[],
  origin: Origin,
): Promise<StoredCounts> {
  const q = statements(raw);
  return raw.transaction(WRITTEN, async (): Promise<StoredCounts> => {
    await q.deleteFile.run(sourceFile);
    const counts: StoredCounts = { documents: 0, sections: 0, tasks: 0, indicators: 0 };
    const now = new Date().toISOString().replace('Z', '+00:00');
    const w: FileWrite = { q, sourceFile, contentHash, origin, links, aliases, now };
    const ids: number[] = [];
    // the ids are free: no other writer of these tables runs during the transaction
    const maxId = async (table: string) =>
      Number((await raw.all<{ m: number | null }>(`SELECT MAX("id") AS m FROM "${table}"`))[0]?.m ?? 0);
    const base: Bases = {
      section: (await maxId('Section')) + 1,
      task: (await maxId('Task')) + 1,
      indicator: (await maxId('Indicator')) + 1,
    };
    for (const [di, d] of docs.entries()) {
      ids.push(await writeDocument(w, di, d, base));
      base.section += d.sections.length;
      base.task += d.tasks.length;
      base.indicator += d.indicators.length;
      counts.documents++;
      counts.sections += d.sections.length;
      counts.tasks += d.tasks.length;
      counts.indicators += d.indicators.length;
    }
    await linkApprovals(q, docs, ids);
    return counts;
  });
}

/** One document's row, then its sections, tasks with their agencies, targets and aliases; returns its id. */
async function writeDocument(w: FileWrite, di: number, d: ParsedDocument, base: Bases): Promise<number> {
  const { q, now } = w;
  const docId = Number(
    await q.document.id(
      d.type,
      d.number,
      d.number ? documentNumberKey(d.number) : null,
      d.issuer,
      d.province,
      d.issueDate,
      d.year,
      d.signer,
      d.title,
      d.period,
      w.sourceFile,
      d.partIndex,
      w.contentHash,
      d.approvesNumber,
      // The codes when the parser gave them (shown in the reader's language), else the sentences.
      d.warnings.length ? JSON.stringify(d.warningCodes ?? d.warnings) : null,
      w.origin.format,
      w.origin.ocrConfidence,
      now,
      now,
    ),
  );
  // Sections get explicit ids so children can point at their parents.
  const sectionId = (idx: number) => base.section + idx;
  const validSection = (idx: number) => (idx >= 0 && idx < d.sections.length ? sectionId(idx) : null);
  for (const x of d.sections) {
    const parent = x.parent === null ? null : sectionId(x.parent);
    await q.section.run(sectionId(x.idx), docId, parent, x.idx, x.level, x.label, x.path, x.heading, x.text, x.page ?? null);
  }
  for (const [i, t] of d.tasks.entries()) {
    const range = deadlineRange(t.deadline, d.year);
    const [start, end] = [range?.start ?? null, range?.end ?? null];
    await q.task.run(base.task + i, docId, validSection(t.section), i, t.text, t.addressee, t.deadline, start, end);
  }
  for (const l of w.links) if (l.doc === di) await q.taskAgency.run(base.task + l.task, l.agencyId, l.role, l.asWritten);
  for (const [i, x] of d.indicators.entries()) {
    const value = [x.valueText, x.valueMin, x.valueMax, x.comparator, x.unit, x.kind, x.year];
    await q.indicator.run(base.indicator + i, docId, validSection(x.section), i, x.subject, x.text, ...value);
  }
  for (const a of w.aliases) if (a.doc === di) await q.alias.run(a.agencyId, a.alias, aliasKey(a.alias), docId);
  return docId;
}

/** "Quyết định 1578 phê duyệt Kế hoạch 37": within the file first, then to and from documents already stored. */
async function linkApprovals(q: Statements, docs: ParsedDocument[], ids: number[]): Promise<void> {
  const idsByNumber = new Map<string, number>();
  docs.forEach((d, i) => d.number && idsByNumber.set(documentNumberKey(d.number), ids[i]!));
  for (const [i, d] of docs.entries()) {
    const id = ids[i]!;
    const part = d.approvesPart === null ? undefined : ids[d.approvesPart];
    if (part !== undefined && part !== id) {
      // "Ban hành kèm theo Quyết định này Quy chế …": the regulation printed after the decision, in the same file.
      await q.approve.run(part, id);
      continue;
    }
    if (!d.approvesNumber) continue;
    const key = documentNumberKey(d.approvesNumber);
    const target = idsByNumber.get(key) ?? (await q.byNumber.all<{ id: number }>(key))[0]?.id;
    if (target && target !== id) await q.approve.run(target, id);
  }
  // …and the other way: documents stored earlier that approve one of these (a decision imported before its plan,
  // or a plan re-imported, which replaced the row the decision pointed at).
  if (!idsByNumber.size) return;
  for (const w of await q.waiting.all<{ id: number; approvesNumber: string }>()) {
    const target = idsByNumber.get(documentNumberKey(w.approvesNumber));
    if (target && target !== w.id) await q.approve.run(target, w.id);
  }
}

const prepared = new WeakMap<RawSql, ReturnType<typeof prepare>>();
const statements = (raw: RawSql) => prepared.get(raw) ?? prepared.set(raw, prepare(raw)).get(raw)!;

/** A statement on `raw`: run it, read its rows, or the "id" its RETURNING gives. */
const stmt = (raw: RawSql, sql: string) => ({
  run: (...params: unknown[]) => raw.run(sql, params),
  all: <T>(...params: unknown[]) => raw.all<T>(sql, params),
  id: async (...params: unknown[]) => (await raw.all<{ id: number }>(sql, params))[0]!.id,
});

function prepare(raw: RawSql) {
  return {
    deleteFile: stmt(raw, 'DELETE FROM "Document" WHERE "sourceFile" = ?'),
    document: stmt(
      raw,
      `INSERT INTO "Document" ("type","number","numberKey","issuer","province","issueDate","year","signer","title","period",
        "sourceFile","partIndex","contentHash","approvesNumber","warnings","sourceFormat","ocrConfidence","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING "id"`,
    ),
    section: stmt(
      raw,
      'INSERT INTO "Section" ("id","documentId","parentId","ord","level","label","path","heading","text","page") VALUES (?,?,?,?,?,?,?,?,?,?)',
    ),
    task: stmt(
      raw,
      `INSERT INTO "Task" ("id","documentId","sectionId","ord","text","addressee","deadline","deadlineStart","deadlineEnd")
       VALUES (?,?,?,?,?,?,?,?,?)`,
    ),
    taskAgency: stmt(raw, 'INSERT INTO "TaskAgency" ("taskId","agencyId","role","asWritten") VALUES (?,?,?,?)'),
    indicator: stmt(
      raw,
      `INSERT INTO "Indicator" ("id","documentId","sectionId","ord","subject","text","valueText","valueMin","valueMax",
        "comparator","unit","kind","year") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ),
    alias: stmt(
      raw,
      `INSERT INTO "AgencyAlias" ("agencyId","alias","normalized","documentId") VALUES (?,?,?,?)
       ON CONFLICT ("normalized","agencyId","documentId") DO NOTHING`,
    ),
    approve: stmt(raw, 'UPDATE "Document" SET "approvesId" = ? WHERE "id" = ?'),
    byNumber: stmt(raw, 'SELECT "id" FROM "Document" WHERE "numberKey" = ? ORDER BY "id" LIMIT 1'),
    waiting: stmt(raw, 'SELECT "id", "approvesNumber" FROM "Document" WHERE "approvesId" IS NULL AND "approvesNumber" IS NOT NULL'),
  };
}

const LOCAL_TIERS = new Set(['ubnd-huyen', 'ubnd-xa']);

/** The local-government tiers a group addressee names: "Giám đốc sở, … và Chủ tịch UBND quận, huyện" → UBND cấp huyện. */
export function localTiers(addressee: string | null, registry: AgencyRegistry): AgencyRef[] {
  if (!addressee) return [];
  const out: AgencyRef[] = [];
  for (const m of addressee.matchAll(/(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s/gu)) {
    const words = addressee.slice(m.index).split(/\s+/);
    // The longest run of words from there that the registry knows ("Ủy ban nhân dân quận, huyện").
    for (let n = Math.min(words.length, 10); n >= 2; n--) {
      const name = words
        .slice(0, n)
        .join(' ')
        .replace(/[,;:.]+$/, '');
      const key = registry.resolve(name).key;
      if (key && LOCAL_TIERS.has(key)) {
        if (!out.some((r) => r.key === key)) out.push({ asWritten: name, key });
        break;
      }
    }
  }
  return out;
}
