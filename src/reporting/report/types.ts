// The consolidated report of one regime and period: plain data, ready for every renderer (chat, CSV, XLSX,
// chart, DOCX, Markdown). Dates are kept as Date; numbers are raw (percent values in percentage points, 85.5 = 85,5 %).
import type { AnswerState } from '../../core/types.ts';

export type { AnswerState };

export type ValueKind = 'percent' | 'count' | 'money' | 'ratio' | 'other';

/** How the figures of several agencies are combined into one number for the province. */
export type AggregateMethod = 'sum' | 'mean' | 'none';

/** not_due: not submitted while the deadline has not passed (not late, and not yet missing). */
export type Timeliness = 'on_time' | 'late' | 'not_submitted' | 'not_due';
export type SubmissionState = 'submitted' | 'draft' | 'none';
export type TaskStatusKey = 'chua_trien_khai' | 'dang_trien_khai' | 'hoan_thanh';

export interface ReportPeriod {
  id: number;
  key: string; // "2026-Q4"
  label: string; // "quý IV năm 2026"
  startsAt: Date;
  endsAt: Date;
  deadline: Date;
  status: string; // open | locked | approved
}

export interface ReportTarget {
  text: string | null; // as written: "≥ 90%"
  value: number | null;
  year: number | null;
}

/** Change against the previous period. `pct` is null when the previous value is 0. */
export interface Change {
  previous: number;
  abs: number;
  pct: number | null;
}

export interface AgencyFigure {
  agencyId: number;
  agencyName: string;
  itemId: number;
  value: number | null;
  valueText: string | null;
  note: string | null;
  skipped: boolean;
  /** "Chưa có số liệu" / "Không áp dụng": answered, but no value (the reason is in `note`). */
  state: AnswerState | null;
  /** Answer saved but the agency has not submitted (only present when drafts are included). */
  draft: boolean;
  target: number | null;
  pctOfTarget: number | null; // 0.947 = 94,7 %
  change: Change | null;
  outlier: boolean;
  /** The official's explanation for an unusual value (from the answer's note). */
  outlierNote: string | null;
}

export interface FigureRow {
  no: number; // 1-based, used by "chi tiết <n>"
  key: string; // grouping key: ind:<id> | lbl:<folded label>|<unit>
  label: string;
  unit: string | null;
  kind: ValueKind;
  target: ReportTarget;
  method: AggregateMethod;
  methodLabel: string; // "tổng cộng" | "trung bình cộng, không trọng số" | "không tổng hợp"
  aggregate: number | null;
  /** Target the aggregate is compared with, and where it comes from. */
  aggregateTarget: number | null;
  aggregateTargetBasis: string | null;
  pctOfTarget: number | null;
  change: Change | null;
  expected: number; // agencies asked for this item
  answered: number; // agencies with a value
  stated: number; // agencies that answered "chưa có số liệu" / "không áp dụng"
  values: AgencyFigure[]; // one per agency asked, in agency order
  flagged: number; // agencies whose value is unusual
}

export interface AgencyTaskStatus {
  agencyId: number;
  agencyName: string;
  itemId: number;
  status: TaskStatusKey | null; // null = not reported (or answered with a state)
  state: AnswerState | null;
  statusLabel: string;
  percentDone: number | null; // 0–100
  note: string | null;
  skipped: boolean;
  draft: boolean;
}

export interface TaskRow {
  no: number;
  key: string;
  label: string;
  target: ReportTarget;
  statuses: AgencyTaskStatus[];
  /** `none`: not reported; `stated`: answered "chưa có số liệu" / "không áp dụng". */
  counts: Record<TaskStatusKey | 'none' | 'stated', number>;
  /** Mean of % done over the agencies that reported (hoàn thành counts as 100). */
  pctDone: number | null;
}

/** Which part of the written report a free-text item fills (from its label). */
export type TextSection = 'results' | 'difficulties' | 'next_steps' | 'proposals';

export interface AgencyText {
  agencyId: number;
  agencyName: string;
  itemId: number;
  text: string | null; // null = not answered (or answered with a state)
  state: AnswerState | null;
  note: string | null;
  skipped: boolean;
  draft: boolean;
}

/** A free-text item (khó khăn, vướng mắc, kiến nghị …) with one answer per agency asked. */
export interface TextRow {
  key: string;
  label: string;
  section: TextSection;
  answers: AgencyText[];
}

export interface AgencyProgress {
  agencyId: number;
  key: string;
  name: string;
  state: SubmissionState;
  submittedAt: Date | null;
  timeliness: Timeliness;
  timelinessLabel: string;
  daysLate: number | null;
  expected: number;
  answered: number;
  skipped: number;
  completeness: number; // 0–1
}

/** Why a figure is flagged: many times last period, a small fraction of it, or explained as unusual in its note. */
export type OutlierWhy = { kind: 'times'; ratio: number } | { kind: 'fraction'; ratio: number } | { kind: 'explained' };

export interface FlaggedEntry {
  rowNo: number;
  label: string;
  unit: string | null;
  agencyName: string;
  value: number | null;
  previous: number | null;
  note: string | null;
  reason: string; // "gấp 4,1 lần kỳ trước" / "có giải trình"
  /** The reason as computed, for a rendering in another language. */
  why: OutlierWhy;
}

export interface ReportTotals {
  agencies: number;
  submitted: number;
  onTime: number;
  late: number;
  /** Not submitted, deadline passed. */
  notSubmitted: number;
  /** Not submitted, deadline not passed yet: the on-time rate means nothing yet and is not shown. */
  notDue: number;
  /** "đã nộp 1/4 (25%), chưa đến hạn" while some agency is not due yet, else null (the on-time figures apply). */
  notDueSummary: string | null;
  /** answered / expected over all agencies (0–1). */
  completeness: number;
  /** on time / agencies (0–1). */
  timeliness: number;
}

export interface ConsolidatedReport {
  regime: {
    id: number;
    code: string;
    name: string;
    province: string | null;
    receivingBody: string | null;
    frequency: string;
    /** Today's name of the body that issued the regime's plan (as at the end of the period), when known. */
    issuingBody?: string | null;
  };
  period: ReportPeriod;
  previousPeriod: ReportPeriod | null;
  generatedAt: Date;
  includesDrafts: boolean;
  agencies: AgencyProgress[];
  figures: FigureRow[];
  tasks: TaskRow[];
  /** Free-text items; not numbered (they are not figures nor tasks) and not charted. */
  texts: TextRow[];
  flagged: FlaggedEntry[];
  totals: ReportTotals;
}
