// Renders a stored document as a tree (sections, tasks with agencies, targets) so an admin can check it, in the
// admin's language; `show --json` (a contract) is the same in either.
import type { Db } from '../db/client.ts';
import { findDocumentExtraction, findDocumentIdById, findDocumentIdByNumberKey, findDocumentTree } from './repo/find-document.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import { storedWarning, warningIn } from '../core/parse-warnings.ts';
import { documentNumberKey } from '../core/text.ts';
import { SHOW_TEXT } from './show-text.ts';

export async function findDocument(db: Db, ref: string): Promise<number> {
  const asId = /^\d+$/.test(ref.trim()) ? Number(ref) : null;
  const doc = (asId !== null ? await findDocumentIdById(db, asId) : null) ?? (await findDocumentIdByNumberKey(db, documentNumberKey(ref)));
  if (!doc)
    throw new AppError(ErrorCode.NotFound, `Không tìm thấy văn bản "${ref}". Dùng số hiệu (vd. 17/CT-UBND) hoặc mã số.`, {
      en: `No document "${ref}". Give its number (e.g. 17/CT-UBND) or its id.`,
    });
  return doc.id;
}

/**
 * The importer's notes on a document, in the reader's language (stored as a JSON array of codes, or of Vietnamese
 * sentences for documents imported before the codes were kept, shown as they are; none before notes were kept).
 */
export function warningsOf(json: string | null, locale: Locale = 'vi'): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.flatMap((x) => storedWarning(x) ?? []).map((w) => warningIn(locale, w)) : [];
  } catch {
    return [];
  }
}

export async function renderDocumentTree(db: Db, id: number, locale: Locale = 'vi'): Promise<string> {
  const t = SHOW_TEXT(locale);
  const doc = await findDocumentTree(db, id);
  const out: string[] = [];
  out.push(`${doc.type} ${doc.number ?? t.noNumber} — ${doc.title}`);
  const meta: [string, string | number | null][] = [
    [t.id, doc.id],
    [t.issuer, doc.issuer],
    [t.province, doc.province],
    [t.issueDate, doc.issueDate],
    [t.year, doc.year],
    [t.signer, doc.signer],
    [t.period, doc.period],
    [t.source, `${doc.sourceFile}${doc.partIndex ? t.part(doc.partIndex + 1) : ''}`],
    [t.format, doc.sourceFormat && doc.sourceFormat !== 'text' ? doc.sourceFormat.toUpperCase() : null],
    [t.ocr, doc.ocrConfidence != null ? t.ocrValue(doc.ocrConfidence) : null],
    [t.approves, doc.approves ? (doc.approves.number ?? doc.approves.title) : null],
    [t.approvedBy, doc.approvedBy.map((d) => d.number).join(', ') || null],
  ];
  for (const [k, v] of meta) if (v !== null && v !== '') out.push(`  ${k}: ${v}`);
  for (const w of warningsOf(doc.warnings, locale)) out.push(`  ${t.warning}: ${w}`);
  out.push(`  ${t.counts(doc.sections.length, doc.tasks.length, doc.indicators.length)}`, '');

  const tasksBySection = groupBy(doc.tasks, (x) => x.sectionId);
  const indicatorsBySection = groupBy(doc.indicators, (x) => x.sectionId);
  for (const s of doc.sections) {
    const pad = '  '.repeat(s.level + 1);
    out.push(`${pad}[${s.path}] ${s.label} ${clip(s.heading ?? s.text, 110)}`);
    for (const task of tasksBySection.get(s.id) ?? []) {
      const lead = task.agencies.filter((a) => a.role === 'lead').map((a) => a.agency.name);
      const co = task.agencies.filter((a) => a.role === 'coordinate').map((a) => a.agency.name);
      const who = lead.length ? `${t.lead}: ${lead.join(', ')}` : `${t.assigned}: ${task.addressee ?? t.noAgency}`;
      out.push(`${pad}  ▸ ${t.task}: ${clip(task.text, 100)}`);
      out.push(
        `${pad}    ${who}${co.length ? `; ${t.coordinators}: ${co.join(', ')}` : ''}${task.deadline ? `; ${t.deadline}: ${task.deadline}` : ''}`,
      );
    }
    for (const x of indicatorsBySection.get(s.id) ?? []) {
      out.push(`${pad}  ◆ ${t.target}: ${clip(x.subject, 80)} = ${x.valueText}${x.year ? t.targetYear(x.year) : ''}`);
    }
  }
  const orphans = [...(tasksBySection.get(null) ?? []), ...(indicatorsBySection.get(null) ?? [])];
  if (orphans.length) out.push(`  ${t.orphans(orphans.length)}`);
  return out.join('\n');
}

function groupBy<T, K>(list: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/**
 * The whole extraction of a stored document as stable JSON (`cli show --json`): a contract other tools read, so
 * fields are only ever added. Nothing is clipped.
 */
export async function documentJson(db: Db, id: number): Promise<Record<string, unknown>> {
  const doc = await findDocumentExtraction(db, id);
  const pathOf = new Map(doc.sections.map((s) => [s.id, s.path]));
  // The page of the original PDF (only for PDFs, so the other golden extractions stay as they were).
  const pageOf = new Map(doc.sections.filter((s) => s.page != null).map((s) => [s.id, s.page!]));
  const page = (sectionId: number | null) => (sectionId !== null && pageOf.has(sectionId) ? { page: pageOf.get(sectionId)! } : {});
  const agency = (a: (typeof doc.tasks)[number]['agencies'][number]) => ({
    name: a.agency.name,
    asWritten: a.asWritten,
    key: a.agency.key,
    known: !a.agency.baseKey.startsWith('x-'),
  });
  return {
    id: doc.id,
    type: doc.type,
    number: doc.number,
    title: doc.title,
    issuer: doc.issuer,
    province: doc.province,
    issueDate: doc.issueDate,
    year: doc.year,
    signer: doc.signer,
    period: doc.period,
    sourceFile: doc.sourceFile,
    partIndex: doc.partIndex,
    approves: doc.approves,
    approvedBy: doc.approvedBy,
    counts: { sections: doc.sections.length, tasks: doc.tasks.length, targets: doc.indicators.length },
    warnings: warningsOf(doc.warnings),
    // Only for files that were not plain text, so the golden extractions of the text fixtures stay as they were.
    ...(doc.sourceFormat && doc.sourceFormat !== 'text' ? { sourceFormat: doc.sourceFormat, ocrConfidence: doc.ocrConfidence } : {}),
    sections: doc.sections.map((s) => ({
      path: s.path,
      label: s.label,
      level: s.level,
      parent: s.parentId === null ? null : (pathOf.get(s.parentId) ?? null),
      heading: s.heading,
      text: s.text,
      ...page(s.id),
    })),
    tasks: doc.tasks.map((t) => ({
      section: t.sectionId === null ? null : (pathOf.get(t.sectionId) ?? null),
      text: t.text,
      leads: t.agencies.filter((a) => a.role === 'lead').map(agency),
      coordinators: t.agencies.filter((a) => a.role === 'coordinate').map(agency),
      addressee: t.addressee,
      assigned: t.agencies.filter((a) => a.role === 'assigned').map(agency), // bodies a group addressee names
      deadline: t.deadline,
      deadlineStart: t.deadlineStart,
      deadlineEnd: t.deadlineEnd,
      ...page(t.sectionId),
    })),
    targets: doc.indicators.map((x) => ({
      section: x.sectionId === null ? null : (pathOf.get(x.sectionId) ?? null),
      subject: x.subject,
      valueText: x.valueText,
      valueMin: x.valueMin,
      valueMax: x.valueMax,
      comparator: x.comparator,
      unit: x.unit,
      kind: x.kind,
      year: x.year,
      text: x.text,
    })),
  };
}
