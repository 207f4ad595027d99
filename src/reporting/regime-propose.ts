// `regime create --from <document>`: proposes a regime from a document's extracted targets (Indicator rows) and
// tasks (Task rows with a lead agency), grouped by owning agency, for an admin to review and edit.
// Indicators carry no agency: the owner is the lead of tasks in the same or an ancestor section, else the
// document's issuing agency, else the agency that leads most tasks of the document.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { slugify } from '../core/text.ts';
import { agencyKey } from '../users/agency.ts';
import type { ItemDef, RegimeDef } from './regime-def.ts';
import { findDocumentId } from './regimes.ts';

export interface ProposeOptions {
  code?: string;
  frequency?: RegimeDef['frequency'];
  deadlineDays?: number;
}

export interface Proposal {
  def: RegimeDef;
  warnings: string[];
}

const MAX_LABEL = 200;

export async function proposeRegime(app: Pick<App, 'db' | 'registry'>, documentRef: string, opts: ProposeOptions = {}): Promise<Proposal> {
  const db = app.db;
  const docId = await findDocumentId(db, documentRef);
  if (docId == null)
    throw new AppError(ErrorCode.NotFound, `Không tìm thấy văn bản "${documentRef}" (theo số hiệu hoặc mã số). Hãy nhập văn bản trước.`);
  const doc = await db.document.findUniqueOrThrow({ where: { id: docId } });
  const sections = await db.section.findMany({ where: { documentId: docId }, select: { id: true, parentId: true } });
  const tasks = await db.task.findMany({
    where: { documentId: docId },
    include: { agencies: { include: { agency: true } } },
    orderBy: { ord: 'asc' },
  });
  const indicators = await db.indicator.findMany({ where: { documentId: docId }, orderBy: { ord: 'asc' } });
  const warnings: string[] = [];

  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const leadsBySection = new Map<number, string[]>();
  const leadCount = new Map<string, number>();
  for (const t of tasks) {
    const lead = t.agencies.find((a) => a.role === 'lead');
    if (!lead) continue;
    leadCount.set(lead.agency.key, (leadCount.get(lead.agency.key) ?? 0) + 1);
    if (t.sectionId != null) leadsBySection.set(t.sectionId, [...(leadsBySection.get(t.sectionId) ?? []), lead.agency.key]);
  }
  const issuerKey = doc.issuer ? app.registry.resolve(doc.issuer).key : null;
  const docOwner = issuerKey ? agencyKey(app, issuerKey, doc.province) : ([...leadCount].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
  const ownerOf = (sectionId: number | null): string | null => {
    for (let s = sectionId, i = 0; s != null && i < 50; s = parentOf.get(s) ?? null, i++) {
      const leads = leadsBySection.get(s);
      if (leads?.length) return mostCommon(leads);
    }
    return docOwner;
  };

  const groups = new Map<string, ItemDef[]>();
  const add = (key: string | null, item: ItemDef, what: string) => {
    if (!key) return void warnings.push(`Không xác định được cơ quan chịu trách nhiệm cho ${what}; bỏ qua.`);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  };
  for (const ind of indicators) {
    const valueKind =
      ind.kind === 'percent' || ind.unit === '%' ? 'percent' : ind.kind === 'money' ? 'money' : ind.kind === 'ratio' ? 'ratio' : 'count';
    add(
      ownerOf(ind.sectionId),
      {
        label: clip(ind.subject.trim() || ind.text.trim() || `Chỉ tiêu ${ind.valueText}`),
        kind: 'figure',
        unit: ind.unit ?? (valueKind === 'percent' ? '%' : null),
        valueKind,
        min: valueKind === 'percent' ? 0 : null,
        max: valueKind === 'percent' ? 100 : null,
        targetText: ind.valueText + (ind.year ? ` năm ${ind.year}` : ''),
        targetValue: ind.valueMax ?? ind.valueMin ?? null,
        targetYear: ind.year ?? null,
        indicatorId: ind.id,
      },
      `chỉ tiêu "${clip(ind.subject || ind.text, 60)}"`,
    );
  }
  for (const t of tasks) {
    const lead = t.agencies.find((a) => a.role === 'lead');
    add(
      lead?.agency.key ?? null,
      { label: clip(t.text), kind: 'task_status', taskId: t.id, targetText: t.deadline ?? null },
      `nhiệm vụ "${clip(t.text, 60)}"`,
    );
  }
  if (!groups.size)
    throw new AppError(
      ErrorCode.NotFound,
      `Văn bản ${doc.number ?? doc.title} không có chỉ tiêu hay nhiệm vụ có cơ quan chủ trì để đưa vào chế độ báo cáo.`,
    );

  const code = opts.code ?? `${slugify(doc.number ?? `vb-${doc.id}`)}${doc.province ? `-${slugify(doc.province)}` : ''}`;
  const def: RegimeDef = {
    code,
    name:
      `Báo cáo tình hình thực hiện ${doc.type} ${doc.number ?? ''}`.replace(/\s+/g, ' ').trim() +
      (doc.province ? ` (${doc.province})` : ''),
    content: `Tiến độ thực hiện các chỉ tiêu và nhiệm vụ của ${doc.title}`,
    receivingBody: doc.issuer ?? null,
    method: 'Qua trợ lý văn bản (chat) và tổng hợp tự động',
    frequency: opts.frequency ?? 'quarter',
    cutoffDay: 0,
    deadlineDays: opts.deadlineDays ?? 10,
    lockAfterDays: 30,
    province: doc.province ?? null,
    document: doc.number ?? doc.id,
    agencies: [...groups].map(([agency, items]) => ({ agency, items })),
  };
  return { def, warnings };
}

function mostCommon(xs: string[]): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

function clip(s: string, n = MAX_LABEL): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
