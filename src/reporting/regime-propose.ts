// `regime create --from <document>`: proposes a regime from a document's extracted targets (Indicator rows) and
// tasks (Task rows with a lead agency), grouped by the agency that owns each in the text, for an admin to review.
// A target's owner is, in order: the lead of tasks in its own or an ancestor section; the lead of a task whose
// words name the target ("bố trí vốn sự nghiệp" → Vốn sự nghiệp); the agency of the target's sector when the text
// names none (hospitals → Sở Y tế); else the document's issuing agency (or the agency that leads most tasks).
// A total stated with its parts (8 tỷ = 6 tỷ + 2 tỷ) is not asked: its parts are. Every agency with items also
// answers three free-text items (khó khăn, nhiệm vụ tới, kiến nghị), as a Decree 09 report has them.
import { Document as YamlDocument, isMap } from 'yaml';
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { excerpt, fold, slugify } from '../core/text.ts';
import { agencyKey } from '../users/agency.ts';
import type { ItemDef, RegimeDef } from './regime-def.ts';
import { regimeNoteIn, type RegimeNote } from './regime-notes.ts';
import { documentPhrase, indicatorLabel, taskLabel } from './regime-labels.ts';
import { findDocumentId } from './regimes.ts';
import { findDocumentIndicators, findDocumentOrThrow, findDocumentSections, findDocumentTasks } from './repo/documents.ts';

export interface ProposeOptions {
  code?: string;
  frequency?: RegimeDef['frequency'];
  deadlineDays?: number;
}

export interface Proposal {
  def: RegimeDef;
  /** What the proposal left out or guessed, for the reviewer (Vietnamese). */
  warnings: string[];
  /** The same in English. */
  warningsEn: string[];
  /** The document's words behind an item whose label shortens them, as "(mục V.2.1) …", for the reviewer. */
  sources: Map<ItemDef, string>;
}

/** Free-text items every reporting agency answers (Nghị định 09/2019/NĐ-CP: tồn tại, nhiệm vụ, kiến nghị). */
export const TEXT_ITEMS = ['Khó khăn, vướng mắc', 'Nhiệm vụ, giải pháp thời gian tới', 'Kiến nghị, đề xuất'];

/** A target's sector when the text names no agency for it: the department that manages that sector. */
const SECTORS: { key: string; words: string[] }[] = [
  { key: 'so-yt', words: ['benh vien', 'benh an', 'y te', 'kham chua benh'] },
  { key: 'so-gddt', words: ['truong hoc', 'hoc sinh', 'giao vien', 'co so giao duc'] },
];

type Db = App['db'];
type TaskRow = Awaited<ReturnType<typeof loadTasks>>[number];

const loadTasks = findDocumentTasks;

const leadOf = (t: TaskRow) => t.agencies.find((a) => a.role === 'lead')?.agency.key ?? null;

/** Matching words of a target and a task: "kinh phí đầu tư" names "Vốn đầu tư". */
const words = (s: string) =>
  ` ${fold(s)
    .replace(/kinh phi/g, 'von')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

export async function proposeRegime(app: Pick<App, 'db' | 'registry'>, documentRef: string, opts: ProposeOptions = {}): Promise<Proposal> {
  const db = app.db;
  const docId = await findDocumentId(db, documentRef);
  if (docId == null)
    throw new AppError(ErrorCode.NotFound, `Không tìm thấy văn bản "${documentRef}" (theo số hiệu hoặc mã số). Hãy nhập văn bản trước.`, {
      en: `No document "${documentRef}" (by number or id). Import the document first.`,
    });
  const doc = await findDocumentOrThrow(db, docId);
  const sections = await findDocumentSections(db, docId);
  const tasks = await loadTasks(db, docId);
  const indicators = await findDocumentIndicators(db, docId);
  const warnings: RegimeNote[] = [];
  const sources = new Map<ItemDef, string>();
  const pathOf = new Map(sections.map((s) => [s.id, s.path]));
  const cite = (sectionId: number | null, text: string) =>
    `(mục ${pathOf.get(sectionId ?? -1) ?? '?'}) ${text.replace(/\s+/g, ' ').trim()}`;

  const owners = ownership(app, doc, sections, tasks);
  const totals = totalsOfParts(indicators, sections);
  const groups = new Map<string, ItemDef[]>();
  const add = (key: string | null, item: ItemDef, kind: 'target' | 'task', words: string) => {
    if (!key) return void warnings.push({ code: 'no-owner', kind, excerpt: words });
    groups.set(key, [...(groups.get(key) ?? []), item]);
  };
  for (const ind of indicators) {
    const parts = totals.get(ind.id);
    if (parts) {
      warnings.push({ code: 'total-of-parts', subject: ind.subject, value: ind.valueText, parts });
      continue;
    }
    const { key, sector } = owners.ofIndicator(ind);
    const item = figureItem(ind);
    if (sector) warnings.push({ code: 'sector-owner', label: item.label, agency: app.registry.get(sector)?.name ?? sector });
    add(key, item, 'target', excerpt(ind.subject || ind.text, 60));
    sources.set(item, cite(ind.sectionId, ind.text));
  }
  for (const t of tasks) {
    const coordinators = t.agencies.filter((a) => a.role !== 'lead').map((a) => a.asWritten);
    const item: ItemDef = { label: taskLabel(t.text, coordinators), kind: 'task_status', taskId: t.id, targetText: t.deadline ?? null };
    add(leadOf(t), item, 'task', excerpt(t.text, 60));
    if (item.label !== t.text.replace(/\s+/g, ' ').trim()) sources.set(item, cite(t.sectionId, t.text));
  }
  if (!groups.size)
    throw new AppError(
      ErrorCode.NotFound,
      `Văn bản ${doc.number ?? doc.title} không có chỉ tiêu hay nhiệm vụ có cơ quan chủ trì để đưa vào chế độ báo cáo.`,
      { en: `The document ${doc.number ?? doc.title} has no targets or tasks with a lead agency to put in a reporting regime.` },
    );
  for (const items of groups.values()) for (const label of TEXT_ITEMS) items.push({ label, kind: 'text' });

  const code = opts.code ?? `${slugify(doc.number ?? `vb-${doc.id}`)}${doc.province ? `-${slugify(doc.province)}` : ''}`;
  const def: RegimeDef = {
    code,
    name:
      `Báo cáo tình hình thực hiện ${doc.type} ${doc.number ?? ''}`.replace(/\s+/g, ' ').trim() +
      (doc.province ? ` (${doc.province})` : ''),
    content: `Tiến độ thực hiện các chỉ tiêu và nhiệm vụ của ${documentPhrase(doc)}`,
    receivingBody: doc.issuer ?? null,
    method: 'Qua trợ lý văn bản (chat) và tổng hợp tự động',
    frequency: opts.frequency ?? 'quarter',
    cutoffDay: 0,
    deadlineDays: opts.deadlineDays ?? 10,
    lockAfterDays: 30,
    province: doc.province ?? null,
    document: doc.number ?? doc.id,
    agencies: [...groups].map(([key, items]) => ({ agency: nameOf(app, key, doc.province), items })),
  };
  const [vi, en] = [warnings.map((w) => regimeNoteIn('vi', w)), warnings.map((w) => regimeNoteIn('en', w))];
  return { def, warnings: vi, warningsEn: en, sources };
}

type IndicatorRow = Awaited<ReturnType<Db['indicator']['findMany']>>[number];
type SectionRow = { id: number; parentId: number | null };

function figureItem(ind: IndicatorRow): ItemDef {
  const valueKind =
    ind.kind === 'percent' || ind.unit === '%' ? 'percent' : ind.kind === 'money' ? 'money' : ind.kind === 'ratio' ? 'ratio' : 'count';
  return {
    label: indicatorLabel(ind.subject.trim() || ind.text.trim() || `Chỉ tiêu ${ind.valueText}`, ind.text),
    kind: 'figure',
    unit: ind.unit ?? (valueKind === 'percent' ? '%' : null),
    valueKind,
    min: valueKind === 'percent' ? 0 : null,
    max: valueKind === 'percent' ? 100 : null,
    targetText: ind.valueText + (ind.year ? ` năm ${ind.year}` : ''),
    targetValue: ind.valueMax ?? ind.valueMin ?? null,
    targetYear: ind.year ?? null,
    indicatorId: ind.id,
  };
}

/** Who owns a target, by the rules at the top of this file; `sector` says the owner came from the sector table. */
function ownership(
  app: Pick<App, 'registry'>,
  doc: { issuer: string | null; province: string | null },
  sections: SectionRow[],
  tasks: TaskRow[],
) {
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const leadsBySection = new Map<number, string[]>();
  const leadCount = new Map<string, number>();
  for (const t of tasks) {
    const lead = leadOf(t);
    if (!lead) continue;
    leadCount.set(lead, (leadCount.get(lead) ?? 0) + 1);
    if (t.sectionId != null) leadsBySection.set(t.sectionId, [...(leadsBySection.get(t.sectionId) ?? []), lead]);
  }
  const issuerKey = doc.issuer ? app.registry.resolve(doc.issuer).key : null;
  const docOwner = issuerKey ? agencyKey(app, issuerKey, doc.province) : ([...leadCount].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
  const taskWords = tasks.filter((t) => leadOf(t)).map((t) => ({ lead: leadOf(t)!, words: words(t.text) }));
  const ofSection = (sectionId: number | null): string | null => {
    for (let s = sectionId, i = 0; s != null && i < 50; s = parentOf.get(s) ?? null, i++) {
      const leads = leadsBySection.get(s);
      if (leads?.length) return mostCommon(leads);
    }
    return null;
  };
  return {
    ofIndicator(ind: IndicatorRow): { key: string | null; sector?: string } {
      const bySection = ofSection(ind.sectionId);
      if (bySection) return { key: bySection };
      const subject = words(ind.subject.replace(/^(Tỷ lệ|Số lượng|Tổng số|Số)\s+/iu, ''));
      const named = subject.trim().includes(' ') ? taskWords.find((t) => t.words.includes(subject)) : undefined;
      if (named) return { key: named.lead };
      const all = words(`${ind.subject} ${ind.text}`);
      const sectors = SECTORS.filter((s) => s.words.some((w) => all.includes(` ${w} `)) && app.registry.get(s.key));
      const sector = sectors.length === 1 ? sectors[0] : undefined; // teachers and health staff together: no one sector
      if (sector) return { key: agencyKey(app, sector.key, doc.province), sector: sector.key };
      return { key: docOwner };
    },
  };
}

/**
 * Totals stated with their parts: a target whose value is the sum of two or more targets in its subsections,
 * in the same unit ("Tổng kinh phí … 8.000.000.000 đồng. Trong đó: Vốn đầu tư 6…; Vốn sự nghiệp 2…").
 * Maps the total's id to the parts' subjects.
 */
function totalsOfParts(indicators: IndicatorRow[], sections: SectionRow[]): Map<number, string[]> {
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const under = (sectionId: number | null, ancestor: number): boolean => {
    for (let s = sectionId != null ? (parentOf.get(sectionId) ?? null) : null, i = 0; s != null && i < 50; s = parentOf.get(s) ?? null, i++)
      if (s === ancestor) return true;
    return false;
  };
  const value = (i: IndicatorRow) => i.valueMax ?? i.valueMin;
  const out = new Map<number, string[]>();
  for (const total of indicators) {
    const v = value(total);
    if (v == null || total.sectionId == null || !v) continue;
    const parts = indicators.filter(
      (p) => p !== total && p.unit === total.unit && value(p) != null && under(p.sectionId, total.sectionId!),
    );
    const sum = parts.reduce((n, p) => n + value(p)!, 0);
    if (parts.length >= 2 && Math.abs(sum - v) <= Math.abs(v) * 1e-9)
      out.set(
        total.id,
        parts.map((p) => p.subject),
      );
  }
  return out;
}

/** An agency as a reviewer reads it ("Sở Y tế"), when the name leads back to the same agency; else its key. */
function nameOf(app: Pick<App, 'registry'>, key: string, province: string | null): string {
  const [base = '', prov] = key.split('@');
  const def = app.registry.get(base);
  if (!def || !province || prov !== slugify(province) || app.registry.resolve(def.name).key !== base) return key;
  return def.name;
}

function mostCommon(xs: string[]): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The proposal as YAML for review: each shortened label preceded by the document's words it comes from. */
export function proposalToYaml(p: Proposal, header?: string): string {
  const doc = new YamlDocument(withoutNulls(p.def));
  p.def.agencies.forEach((g, gi) =>
    g.items.forEach((it, ii) => {
      const note = p.sources.get(it);
      const node = doc.getIn(['agencies', gi, 'items', ii], true);
      if (note && isMap(node)) node.commentBefore = ` Văn bản ${note}`;
    }),
  );
  if (header) doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

/** The definition without empty fields ("min: null", "targetText: null"): what a reviewer should read. */
function withoutNulls<T>(v: T): T {
  if (Array.isArray(v)) return v.map(withoutNulls) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x != null)
        .map(([k, x]) => [k, withoutNulls(x)]),
    ) as T;
  return v;
}
