// Builds the consolidated report of a regime and period from what agencies submitted.
// Items of a regime belong to one agency each; items asking the same thing of several agencies (same indicator,
// same task, or same label and unit) form one report row with one value per agency.
import type { Db } from '../../db/client.ts';
import { isAnswerState } from '../../core/types.ts';
import { compareVi, fold } from '../../core/text.ts';
import {
  aggregate,
  aggregateTarget,
  changeOf,
  common,
  mean,
  methodFor,
  outlierReason,
  pctOfTarget,
  timelinessOf,
  valueKindOf,
} from './compute.ts';
import {
  METHOD_LABEL,
  NOT_REPORTED,
  SKIPPED,
  TASK_STATUS_LABEL,
  TIMELINESS_LABEL,
  fmtNotDueSummary,
  periodLabel,
  stateLabel,
} from './format.ts';
import { loadReportData, type LoadedAnswer, type LoadedItem, type ReportData } from './load.ts';
import { textRow, type HeldAnswer } from './text-items.ts';
import type {
  AgencyFigure,
  AgencyProgress,
  AgencyTaskStatus,
  ConsolidatedReport,
  FigureRow,
  FlaggedEntry,
  ReportPeriod,
  ReportTarget,
  TaskRow,
  TaskStatusKey,
} from './types.ts';

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

const TASK_STATUSES: readonly TaskStatusKey[] = ['chua_trien_khai', 'dang_trien_khai', 'hoan_thanh'];

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

export function assembleReport(data: ReportData, opts: Omit<BuildReportOptions, 'regime' | 'period'> = {}): ConsolidatedReport {
  const includeDrafts = opts.includeDrafts ?? false;
  const factor = opts.outlierFactor ?? 3;
  const now = opts.now ?? new Date();
  const { regime, period, previous } = data;

  const current = new Map<number, Held>();
  const before = new Map<number, Held>();
  const subByAgency = new Map<number, ReportData['submissions'][number]>();
  const agencyNames = new Map<number, { key: string; name: string }>();
  for (const s of data.submissions) {
    const target = s.periodId === period.id ? current : before;
    if (s.periodId === period.id) {
      subByAgency.set(s.agencyId, s);
      agencyNames.set(s.agencyId, s.agency);
    }
    for (const a of s.answers) target.set(a.itemId, { answer: a, submitted: s.status === 'submitted' });
  }
  for (const i of data.items) agencyNames.set(i.agencyId, i.agency);
  const visible = (h: Held | undefined): LoadedAnswer | null => (h && (h.submitted || includeDrafts) ? h.answer : null);
  const agencyOrder = [...agencyNames.entries()].sort((a, b) => compareVi(a[1].name, b[1].name)).map(([id]) => id);
  const rank = new Map(agencyOrder.map((id, i) => [id, i]));

  // Agencies: completeness and timeliness.
  const agencies: AgencyProgress[] = agencyOrder.map((id) => {
    const info = agencyNames.get(id) as { key: string; name: string };
    const own = data.items.filter((i) => i.agencyId === id);
    const sub = subByAgency.get(id);
    const state = sub ? (sub.status === 'submitted' ? 'submitted' : 'draft') : 'none';
    const { timeliness, daysLate } = timelinessOf(state, sub?.submittedAt ?? null, period.deadline, now);
    const answers = own.map((i) => current.get(i.id)?.answer).filter((a): a is LoadedAnswer => a !== undefined);
    const answered = answers.filter(hasContent).length;
    let timelinessLabel = TIMELINESS_LABEL[timeliness];
    if (timeliness === 'late') timelinessLabel += ` ${daysLate} ngày`;
    return {
      agencyId: id,
      key: info.key,
      name: info.name,
      state,
      submittedAt: state === 'submitted' ? (sub?.submittedAt ?? null) : null,
      timeliness,
      timelinessLabel,
      daysLate,
      expected: own.length,
      answered,
      skipped: answers.filter((a) => a.skipped).length,
      completeness: own.length ? answered / own.length : 0,
    };
  });

  // Group items into rows.
  const groups = new Map<string, LoadedItem[]>();
  for (const item of data.items) {
    const k = rowKey(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  const byAgency = (a: LoadedItem, b: LoadedItem) => (rank.get(a.agencyId) ?? 0) - (rank.get(b.agencyId) ?? 0);
  const figureGroups = [...groups.entries()].filter(([k]) => k.startsWith('figure:'));
  const textGroups = [...groups.entries()].filter(([k]) => k.startsWith('text:'));
  const taskGroups = [...groups.entries()].filter(([k]) => !k.startsWith('figure:') && !k.startsWith('text:'));

  const flagged: FlaggedEntry[] = [];
  const figures: FigureRow[] = figureGroups.map(([key, group], idx) => {
    const items = [...group].sort(byAgency);
    const first = items[0] as LoadedItem;
    const kind = valueKindOf(first.valueKind, first.unit);
    const method = methodFor(kind);
    const no = idx + 1;
    const values: AgencyFigure[] = items.map((item) => {
      const held = current.get(item.id);
      const a = visible(held);
      const state = a && !a.skipped && isAnswerState(a.status) ? a.status : null;
      const value = a && !a.skipped && !state ? a.value : null;
      const prevValue = visible(before.get(item.id))?.value ?? null;
      const note = a?.note ?? null;
      const reason = value !== null ? outlierReason(value, prevValue, note, factor) : null;
      if (reason) {
        flagged.push({
          rowNo: no,
          label: first.label,
          unit: first.unit,
          agencyName: item.agency.name,
          value,
          previous: prevValue,
          note,
          reason,
        });
      }
      return {
        agencyId: item.agencyId,
        agencyName: item.agency.name,
        itemId: item.id,
        value,
        valueText: a?.valueText ?? null,
        note,
        skipped: a?.skipped ?? false,
        state,
        draft: a !== null && held?.submitted === false,
        target: item.targetValue,
        pctOfTarget: pctOfTarget(value, item.targetValue),
        change: changeOf(value, prevValue),
        outlier: reason !== null,
        outlierNote: reason !== null ? note : null,
      };
    });
    const present = values.map((v) => v.value).filter((v): v is number => v !== null);
    const prevPresent = items.map((i) => visible(before.get(i.id))?.value ?? null).filter((v): v is number => v !== null);
    const agg = aggregate(present, method);
    const { value: aggTarget, basis } = aggregateTarget(key, items, method);
    return {
      no,
      key,
      label: first.label,
      unit: first.unit,
      kind,
      target: rowTarget(items),
      method,
      methodLabel: METHOD_LABEL[method],
      aggregate: agg,
      aggregateTarget: aggTarget,
      aggregateTargetBasis: basis,
      pctOfTarget: pctOfTarget(agg, aggTarget),
      change: changeOf(agg, aggregate(prevPresent, method)),
      expected: items.length,
      answered: present.length,
      stated: values.filter((v) => v.state !== null).length,
      values,
      flagged: values.filter((v) => v.outlier).length,
    };
  });

  const tasks: TaskRow[] = taskGroups.map(([key, group], idx) => {
    const items = [...group].sort(byAgency);
    const first = items[0] as LoadedItem;
    const statuses: AgencyTaskStatus[] = items.map((item) => {
      const held = current.get(item.id);
      const a = visible(held);
      const status = a && !a.skipped && TASK_STATUSES.includes(a.status as TaskStatusKey) ? (a.status as TaskStatusKey) : null;
      const state = a && !a.skipped && isAnswerState(a.status) ? a.status : null;
      const percentDone = a?.percentDone ?? (status === 'hoan_thanh' ? 100 : status === 'chua_trien_khai' ? 0 : null);
      return {
        agencyId: item.agencyId,
        agencyName: item.agency.name,
        itemId: item.id,
        status,
        state,
        statusLabel: status ? TASK_STATUS_LABEL[status] : state ? stateLabel(state) : a?.skipped ? SKIPPED : NOT_REPORTED,
        percentDone: status ? percentDone : null,
        note: a?.note ?? null,
        skipped: a?.skipped ?? false,
        draft: a !== null && held?.submitted === false,
      };
    });
    const counts = { chua_trien_khai: 0, dang_trien_khai: 0, hoan_thanh: 0, none: 0, stated: 0 };
    for (const s of statuses) counts[s.status ?? (s.state ? 'stated' : 'none')] += 1;
    return {
      no: figures.length + idx + 1,
      key,
      label: first.label,
      target: rowTarget(items),
      statuses,
      counts,
      pctDone: mean(statuses.map((s) => s.percentDone).filter((v): v is number => v !== null)),
    };
  });

  const texts = textGroups.map(([key, group]) => textRow(key, [...group].sort(byAgency), current, includeDrafts));

  const expected = agencies.reduce((a, g) => a + g.expected, 0);
  const answered = agencies.reduce((a, g) => a + g.answered, 0);
  const onTime = agencies.filter((a) => a.timeliness === 'on_time').length;
  const late = agencies.filter((a) => a.timeliness === 'late').length;
  const notDue = agencies.filter((a) => a.timeliness === 'not_due').length;
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
    totals: {
      agencies: agencies.length,
      submitted: onTime + late,
      onTime,
      late,
      notSubmitted: agencies.length - onTime - late - notDue,
      notDue,
      notDueSummary: notDue ? fmtNotDueSummary(onTime + late, agencies.length) : null,
      completeness: expected ? answered / expected : 0,
      timeliness: agencies.length ? onTime / agencies.length : 0,
    },
  };
}
