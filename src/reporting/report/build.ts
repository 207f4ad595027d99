// Builds the consolidated report of a regime and period from what agencies submitted.
// Items of a regime belong to one agency each; items asking the same thing of several agencies (same indicator,
// same task, or same label and unit) form one report row with one value per agency.
import type { Db } from '../../db/client.ts';
import { compareVi, fold } from '../../core/text.ts';
import { common, timelinessOf } from './compute.ts';
import { TIMELINESS_LABEL, fmtNotDueSummary, periodLabel } from './format.ts';
import { loadReportData, type LoadedAnswer, type LoadedItem, type ReportData } from './load.ts';
import { figureRow, taskRow, type AgencyName, type Answers, type RowContext, type Submission } from './rows.ts';
import { textRow, type HeldAnswer } from './text-items.ts';
import type { AgencyProgress, ConsolidatedReport, FlaggedEntry, ReportPeriod, ReportTarget } from './types.ts';

export interface BuildReportOptions {
  regime: string | number; // code or id
  period: string; // "2026-Q4" (also "Q4/2026", "quý 4/2026")
  /** Also show answers of agencies that have not submitted yet (marked as drafts). Default false. */
  includeDrafts?: boolean;
  /** A value at least this many times (or at most 1/this) the previous period's is flagged. Default 3. */
  outlierFactor?: number;
  /** "Now", for the "not submitted yet, deadline not passed" wording. Default: the current time. */
  now?: Date;
}

export async function buildConsolidatedReport(db: Db, opts: BuildReportOptions): Promise<ConsolidatedReport> {
  const data = await loadReportData(db, opts.regime, opts.period);
  return assembleReport(data, opts);
}

type Held = HeldAnswer;

function hasContent(a: LoadedAnswer): boolean {
  return !a.skipped && (a.value !== null || a.status !== null || (a.valueText ?? '').trim() !== '');
}

function toPeriod(p: ReportData['period']): ReportPeriod {
  return {
    id: p.id,
    key: p.key,
    label: periodLabel(p.key),
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    deadline: p.deadline,
    status: p.status,
  };
}

function rowKey(item: LoadedItem): string {
  if (item.indicatorId !== null) return `${item.kind}:ind:${item.indicatorId}`;
  if (item.taskId !== null) return `${item.kind}:task:${item.taskId}`;
  return `${item.kind}:lbl:${fold(item.label)}|${fold(item.unit ?? '')}`;
}

function rowTarget(items: readonly LoadedItem[]): ReportTarget {
  const values = items.map((i) => i.targetValue);
  const texts = items.map((i) => i.targetText);
  const value = common(values);
  const text = common(texts);
  const year = common(items.map((i) => i.targetYear));
  if (value === null && values.some((v) => v !== null)) return { text: 'theo từng đơn vị', value: null, year };
  return { text, value, year };
}

/** What the period's and the previous period's submissions hold, indexed for the row builders. */
function indexAnswers(
  data: ReportData,
): Answers & { agencyOrder: number[]; subByAgency: Map<number, Submission>; names: Map<number, AgencyName> } {
  const current = new Map<number, Held>();
  const before = new Map<number, Held>();
  const subByAgency = new Map<number, Submission>();
  const names = new Map<number, AgencyName>();
  for (const s of data.submissions) {
    const thisPeriod = s.periodId === data.period.id;
    if (thisPeriod) {
      subByAgency.set(s.agencyId, s);
      names.set(s.agencyId, s.agency);
    }
    for (const a of s.answers) (thisPeriod ? current : before).set(a.itemId, { answer: a, submitted: s.status === 'submitted' });
  }
  for (const i of data.items) names.set(i.agencyId, i.agency);
  const agencyOrder = [...names.entries()].sort((a, b) => compareVi(a[1].name, b[1].name)).map(([id]) => id);
  return { current, before, subByAgency, names, agencyOrder };
}

/** One agency's completeness and timeliness in the period. */
function agencyProgress(id: number, data: ReportData, ix: ReturnType<typeof indexAnswers>, now: Date): AgencyProgress {
  const info = ix.names.get(id) as AgencyName;
  const own = data.items.filter((i) => i.agencyId === id);
  const sub = ix.subByAgency.get(id);
  const state = sub ? (sub.status === 'submitted' ? 'submitted' : 'draft') : 'none';
  const { timeliness, daysLate } = timelinessOf(state, sub?.submittedAt ?? null, data.period.deadline, now);
  const answers = own.map((i) => ix.current.get(i.id)?.answer).filter((a): a is LoadedAnswer => a !== undefined);
  const answered = answers.filter(hasContent).length;
  return {
    agencyId: id,
    key: info.key,
    name: info.name,
    state,
    submittedAt: state === 'submitted' ? (sub?.submittedAt ?? null) : null,
    timeliness,
    timelinessLabel: timeliness === 'late' ? `${TIMELINESS_LABEL[timeliness]} ${daysLate} ngày` : TIMELINESS_LABEL[timeliness],
    daysLate,
    expected: own.length,
    answered,
    skipped: answers.filter((a) => a.skipped).length,
    completeness: own.length ? answered / own.length : 0,
  };
}

/** Items asking the same thing of several agencies, one group per report row, by the kind of row they make. */
function groupRows(items: readonly LoadedItem[]): Record<'figure' | 'task' | 'text', [string, LoadedItem[]][]> {
  const groups = new Map<string, LoadedItem[]>();
  for (const item of items) {
    const k = rowKey(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  const of = (is: (kind: string) => boolean) => [...groups.entries()].filter(([, g]) => is((g[0] as LoadedItem).kind));
  return { figure: of((k) => k === 'figure'), text: of((k) => k === 'text'), task: of((k) => k !== 'figure' && k !== 'text') };
}

function totalsOf(agencies: readonly AgencyProgress[]): ConsolidatedReport['totals'] {
  const expected = agencies.reduce((a, g) => a + g.expected, 0);
  const answered = agencies.reduce((a, g) => a + g.answered, 0);
  const onTime = agencies.filter((a) => a.timeliness === 'on_time').length;
  const late = agencies.filter((a) => a.timeliness === 'late').length;
  const notDue = agencies.filter((a) => a.timeliness === 'not_due').length;
  return {
    agencies: agencies.length,
    submitted: onTime + late,
    onTime,
    late,
    notSubmitted: agencies.length - onTime - late - notDue,
    notDue,
    notDueSummary: notDue ? fmtNotDueSummary(onTime + late, agencies.length) : null,
    completeness: expected ? answered / expected : 0,
    timeliness: agencies.length ? onTime / agencies.length : 0,
  };
}

export function assembleReport(data: ReportData, opts: Omit<BuildReportOptions, 'regime' | 'period'> = {}): ConsolidatedReport {
  const includeDrafts = opts.includeDrafts ?? false;
  const now = opts.now ?? new Date();
  const { regime, period, previous } = data;
  const ix = indexAnswers(data);
  const agencies = ix.agencyOrder.map((id) => agencyProgress(id, data, ix, now));
  const rank = new Map(ix.agencyOrder.map((id, i) => [id, i]));
  const byAgency = (a: LoadedItem, b: LoadedItem) => (rank.get(a.agencyId) ?? 0) - (rank.get(b.agencyId) ?? 0);
  const groups = groupRows(data.items);
  const rows: RowContext = { ...ix, includeDrafts, outlierFactor: opts.outlierFactor ?? 3 };
  const flagged: FlaggedEntry[] = [];
  const figures = groups.figure.map(([key, g], idx) => {
    const items = [...g].sort(byAgency);
    return figureRow(key, items, idx + 1, rowTarget(items), rows, flagged);
  });
  const tasks = groups.task.map(([key, g], idx) => {
    const items = [...g].sort(byAgency);
    return taskRow(key, items, figures.length + idx + 1, rowTarget(items), rows);
  });
  const texts = groups.text.map(([key, g]) => textRow(key, [...g].sort(byAgency), ix.current, includeDrafts));
  return {
    regime: {
      id: regime.id,
      code: regime.code,
      name: regime.name,
      province: regime.province,
      receivingBody: regime.receivingBody,
      frequency: regime.frequency,
      issuingBody: data.issuingBody,
    },
    period: toPeriod(period),
    previousPeriod: previous ? toPeriod(previous) : null,
    generatedAt: now,
    includesDrafts: includeDrafts,
    agencies,
    figures,
    tasks,
    texts,
    flagged,
    totals: totalsOf(agencies),
  };
}
