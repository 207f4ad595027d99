// The rows of a consolidated report: one per group of items asking the same figure or task of several agencies, with
// each agency's value or status, the aggregate, targets, change since last period and the outliers flagged.
import { isAnswerState } from '../../core/types.ts';
import { aggregate, aggregateTarget, changeOf, mean, methodFor, outlierWhy, pctOfTarget, valueKindOf } from './compute.ts';
import { METHOD_LABEL, NOT_REPORTED, SKIPPED, TASK_STATUS_LABEL, stateLabel } from './format.ts';
import { REPORT_WORDS } from './report-words.ts';
import type { LoadedAnswer, LoadedItem, LoadedSubmission } from './load.ts';
import type { HeldAnswer } from './text-items.ts';
import type { AgencyFigure, AgencyTaskStatus, FigureRow, FlaggedEntry, ReportTarget, TaskRow, TaskStatusKey } from './types.ts';

export type Submission = LoadedSubmission;
export type AgencyName = { key: string; name: string };

/** The answers of the period (`current`) and of the one before (`before`), by item id. */
export interface Answers {
  current: Map<number, HeldAnswer>;
  before: Map<number, HeldAnswer>;
}

export interface RowContext extends Answers {
  includeDrafts: boolean;
  /** A value at least this many times (or at most 1/this) the previous period's is flagged. */
  outlierFactor: number;
}

const TASK_STATUSES: readonly TaskStatusKey[] = ['chua_trien_khai', 'dang_trien_khai', 'hoan_thanh'];

/** A held answer as the report shows it: drafts only when they are included. */
const visible = (ctx: RowContext, h: HeldAnswer | undefined): LoadedAnswer | null =>
  h && (h.submitted || ctx.includeDrafts) ? h.answer : null;

/** One agency's figure in a row; an outlier is also pushed to `flagged`. */
function agencyFigure(item: LoadedItem, row: { no: number; first: LoadedItem }, ctx: RowContext, flagged: FlaggedEntry[]): AgencyFigure {
  const held = ctx.current.get(item.id);
  const a = visible(ctx, held);
  const state = a && !a.skipped && isAnswerState(a.status) ? a.status : null;
  const value = a && !a.skipped && !state ? a.value : null;
  const prevValue = visible(ctx, ctx.before.get(item.id))?.value ?? null;
  const note = a?.note ?? null;
  const why = value !== null ? outlierWhy(value, prevValue, note, ctx.outlierFactor) : null;
  const reason = why ? REPORT_WORDS('vi').why(why) : null;
  if (why && reason) {
    const { label, unit } = row.first;
    flagged.push({ rowNo: row.no, label, unit, agencyName: item.agency.name, value, previous: prevValue, note, reason, why });
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
}

/** A figure row: every agency's value, the aggregate by the kind's method, against the aggregate target. */
export function figureRow(
  key: string,
  items: readonly LoadedItem[],
  no: number,
  target: ReportTarget,
  ctx: RowContext,
  flagged: FlaggedEntry[],
): FigureRow {
  const first = items[0] as LoadedItem;
  const kind = valueKindOf(first.valueKind, first.unit);
  const method = methodFor(kind);
  const values = items.map((item) => agencyFigure(item, { no, first }, ctx, flagged));
  const present = values.map((v) => v.value).filter((v): v is number => v !== null);
  const prevPresent = items.map((i) => visible(ctx, ctx.before.get(i.id))?.value ?? null).filter((v): v is number => v !== null);
  const agg = aggregate(present, method);
  const { value: aggTarget, basis } = aggregateTarget(key, items, method);
  return {
    no,
    key,
    label: first.label,
    unit: first.unit,
    kind,
    target,
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
}

function agencyTaskStatus(item: LoadedItem, ctx: RowContext): AgencyTaskStatus {
  const held = ctx.current.get(item.id);
  const a = visible(ctx, held);
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
}

/** A task row: each agency's status, the counts per status and the mean % done. */
export function taskRow(key: string, items: readonly LoadedItem[], no: number, target: ReportTarget, ctx: RowContext): TaskRow {
  const first = items[0] as LoadedItem;
  const statuses = items.map((item) => agencyTaskStatus(item, ctx));
  const counts = { chua_trien_khai: 0, dang_trien_khai: 0, hoan_thanh: 0, none: 0, stated: 0 };
  for (const s of statuses) counts[s.status ?? (s.state ? 'stated' : 'none')] += 1;
  return {
    no,
    key,
    label: first.label,
    target,
    statuses,
    counts,
    pctDone: mean(statuses.map((s) => s.percentDone).filter((v): v is number => v !== null)),
  };
}
