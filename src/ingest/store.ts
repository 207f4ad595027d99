// Writes the parsed documents of one source file to the database, replacing what that file gave before.
import type { AgencyRef, ParsedDocument } from '../core/types.ts';
import { documentNumberKey } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import type { AgencyRows } from './agency-rows.ts';
import { aliasKey, type AgencyRegistry } from './agencies.ts';
import { deadlineRange } from './parse/deadlines.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface StoredCounts {
  documents: number;
  sections: number;
  tasks: number;
  indicators: number;
}

async function nextId(tx: Tx, table: 'Section' | 'Task' | 'Indicator'): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ m: number | bigint | null }[]>(`SELECT MAX(id) AS m FROM "${table}"`);
  return Number(rows[0]?.m ?? 0) + 1;
}

/** Replaces the documents of `sourceFile` with `docs` inside the caller's transaction. */
export async function storeDocuments(
  tx: Tx,
  agencies: AgencyRows,
  sourceFile: string,
  contentHash: string,
  docs: ParsedDocument[],
): Promise<StoredCounts> {
  await tx.document.deleteMany({ where: { sourceFile } });
  const counts: StoredCounts = { documents: 0, sections: 0, tasks: 0, indicators: 0 };
  const idsByNumber = new Map<string, number>();
  const created: { id: number; approves: string | null; approvesPart: number | null }[] = [];
  const idsByPart = new Map<number, number>();

  for (const d of docs) {
    const doc = await tx.document.create({
      data: {
        type: d.type,
        number: d.number,
        numberKey: d.number ? documentNumberKey(d.number) : null,
        issuer: d.issuer,
        province: d.province,
        issueDate: d.issueDate,
        year: d.year,
        signer: d.signer,
        title: d.title,
        period: d.period,
        sourceFile,
        partIndex: d.partIndex,
        contentHash,
        approvesNumber: d.approvesNumber,
        warnings: d.warnings.length ? JSON.stringify(d.warnings) : null,
      },
    });
    if (d.number) idsByNumber.set(documentNumberKey(d.number), doc.id);
    created.push({ id: doc.id, approves: d.approvesNumber, approvesPart: d.approvesPart });
    idsByPart.set(d.partIndex, doc.id);

    // Sections get explicit ids so children can point at parents in one bulk insert.
    const sectionBase = await nextId(tx, 'Section');
    const sectionId = (idx: number) => sectionBase + idx;
    await tx.section.createMany({
      data: d.sections.map((s) => ({
        id: sectionId(s.idx),
        documentId: doc.id,
        parentId: s.parent === null ? null : sectionId(s.parent),
        ord: s.idx,
        level: s.level,
        label: s.label,
        path: s.path,
        heading: s.heading,
        text: s.text,
      })),
    });
    const validSection = (idx: number) => (idx >= 0 && idx < d.sections.length ? sectionId(idx) : null);

    const taskBase = await nextId(tx, 'Task');
    await tx.task.createMany({
      data: d.tasks.map((t, i) => {
        const range = deadlineRange(t.deadline, d.year);
        return {
          id: taskBase + i,
          documentId: doc.id,
          sectionId: validSection(t.section),
          ord: i,
          text: t.text,
          addressee: t.addressee,
          deadline: t.deadline,
          deadlineStart: range?.start ?? null,
          deadlineEnd: range?.end ?? null,
        };
      }),
    });
    const links: { taskId: number; agencyId: number; role: string; asWritten: string }[] = [];
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
        const agencyId = await agencies.idFor(tx, ref, d.province);
        const k = `${taskBase + i}:${agencyId}:${role}`;
        if (seen.has(k)) continue;
        seen.add(k);
        links.push({ taskId: taskBase + i, agencyId, role, asWritten: ref.asWritten });
      }
    }
    if (links.length) await tx.taskAgency.createMany({ data: links });

    const indicatorBase = await nextId(tx, 'Indicator');
    await tx.indicator.createMany({
      data: d.indicators.map((x, i) => ({
        id: indicatorBase + i,
        documentId: doc.id,
        sectionId: validSection(x.section),
        ord: i,
        subject: x.subject,
        text: x.text,
        valueText: x.valueText,
        valueMin: x.valueMin,
        valueMax: x.valueMax,
        comparator: x.comparator,
        unit: x.unit,
        kind: x.kind,
        year: x.year,
      })),
    });

    for (const a of d.inlineAliases) {
      const agencyId = await agencies.idFor(tx, { asWritten: a.alias, key: a.key }, d.province);
      await tx.agencyAlias.upsert({
        where: { normalized_agencyId_documentId: { normalized: aliasKey(a.alias), agencyId, documentId: doc.id } },
        create: { agencyId, alias: a.alias, normalized: aliasKey(a.alias), documentId: doc.id },
        update: {},
      });
    }
    counts.documents++;
    counts.sections += d.sections.length;
    counts.tasks += d.tasks.length;
    counts.indicators += d.indicators.length;
  }

  // "Quyết định 1578 phê duyệt Kế hoạch 37": link within the file first, then to documents already stored.
  for (const c of created) {
    const part = c.approvesPart === null ? undefined : idsByPart.get(c.approvesPart);
    if (part !== undefined && part !== c.id) {
      // "Ban hành kèm theo Quyết định này Quy chế …": the regulation printed after the decision, in the same file.
      await tx.document.update({ where: { id: c.id }, data: { approvesId: part } });
      continue;
    }
    if (!c.approves) continue;
    const key = documentNumberKey(c.approves);
    const target = idsByNumber.get(key) ?? (await tx.document.findFirst({ where: { numberKey: key }, select: { id: true } }))?.id;
    if (target && target !== c.id) await tx.document.update({ where: { id: c.id }, data: { approvesId: target } });
  }
  // …and the other way: documents stored earlier that approve one of these (a decision imported before its plan,
  // or a plan re-imported, which replaced the row the decision pointed at).
  if (idsByNumber.size) {
    const waiting = await tx.document.findMany({
      where: { approvesId: null, approvesNumber: { not: null } },
      select: { id: true, approvesNumber: true },
    });
    for (const w of waiting) {
      const target = idsByNumber.get(documentNumberKey(w.approvesNumber!));
      if (target && target !== w.id) await tx.document.update({ where: { id: w.id }, data: { approvesId: target } });
    }
  }
  return counts;
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
