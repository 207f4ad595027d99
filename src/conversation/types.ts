// Data the pure engine works on: the persisted session, what it is fed, what it asks the runner to persist.
import type { AnswerState, ChannelName, ItemKind, OutboundMessage, TaskStatus } from '../core/types.ts';
import type { ValueKind } from '../reporting/numbers.ts';
import type { BotUser } from '../users/users.ts';

/** A figure held back until the official confirms it; `check` is the kind of doubt (outlier, target, parts). */
interface HeldFigure {
  itemId: number;
  value: number;
  raw: string;
  approx: boolean;
  qualifier?: string;
  reason?: string;
  check?: string;
}

export type Pending =
  | { kind: 'disambiguate'; itemId: number; candidates: number[]; raw: string }
  /** A figure that needs a confirmation (far from last period, above target, parts vs total): `reason` says why. */
  | ({ kind: 'outlierConfirm' } & HeldFigure)
  | ({ kind: 'outlierNote' } & HeldFigure)
  /** "chưa có số liệu" / "không áp dụng" saved without a reason: asked once. */
  | { kind: 'stateReason'; itemId: number }
  /** "như kỳ trước": last period's answer shown, to confirm. */
  | { kind: 'copyConfirm'; itemId: number }
  /** Several answers typed in one message, understood and shown back before they are saved. */
  | { kind: 'confirmBatch'; entries: BatchEntry[] }
  /** A free-text item's answer (only inside noteOrQuestion: "is this the answer, or a question?"). */
  | { kind: 'textItem'; itemId: number }
  | { kind: 'taskPercent'; itemId: number }
  | { kind: 'taskNote'; itemId: number }
  | { kind: 'confirmSubmit' }
  /** A note step got what reads as a question: asked once whether to save it as the note. */
  | { kind: 'noteOrQuestion'; itemId: number; text: string; note: NotePending };

export type NotePending = Extract<Pending, { kind: 'taskNote' | 'outlierNote' | 'textItem' }>;

export interface BatchEntry {
  itemId: number;
  values: AnswerValues;
  shown: string;
}

export interface FormState {
  periodId: number;
  agencyId: number;
  cursor: number; // index into the agency's items; === items.length means the end (review)
  pending: Pending | null;
  returnTo: number | null; // after "sửa <n>", go back to this cursor instead of the next item
}

/** The persisted conversation state (JSON in the Session table). */
export interface Session {
  v: 1;
  form: FormState | null;
  lastQuestion: { text: string; page: number; hasMore?: boolean } | null;
  /** Search filter set with "lọc …" (kept until "bỏ lọc"). */
  filter?: string | null;
  /** The readings offered for a question not understood for sure ("Bạn muốn: 1. … 2. …"), asked when one is picked. */
  readings?: string[] | null;
}

export const emptySession = (): Session => ({ v: 1, form: null, lastQuestion: null });

export type EngineInput =
  | { kind: 'start'; then?: string } // "báo cáo" (then: a command to run once the form is open, e.g. "sửa 2")
  | { kind: 'reminder'; periodId: number } // proactive prompt from the scheduler
  | { kind: 'text'; text: string; choice?: string; itemId?: number }; // itemId: value of a native form field

export interface AnswerValues {
  value?: number | null;
  valueText?: string | null;
  status?: TaskStatus | AnswerState | null;
  percentDone?: number | null;
  note?: string | null;
  skipped?: boolean;
}

export type Effect =
  { kind: 'saveAnswer'; itemId: number; values: AnswerValues } | { kind: 'submit' } | { kind: 'askQuestion'; text: string }; // a search question typed mid-form: the runner answers it first

export interface FormItem {
  id: number;
  n: number; // 1-based position shown to the user
  kind: ItemKind;
  label: string;
  unit: string | null;
  valueKind: ValueKind | null;
  min: number | null;
  max: number | null;
  targetText: string | null;
  targetValue: number | null;
  targetYear: number | null;
  /** Rules between answers: this item's name, the total it is a part of, lũy kế (must not decrease). */
  key?: string | null;
  partOf?: string | null;
  cumulative?: boolean;
  prev: { value: number | null; status: TaskStatus | AnswerState | null; percentDone: number | null } | null;
}

export interface SavedAnswer {
  value: number | null;
  valueText: string | null;
  /** A task's progress, or 'no_data' / 'not_applicable' for any item (the reason in note). */
  status: TaskStatus | AnswerState | null;
  percentDone: number | null;
  note: string | null;
  skipped: boolean;
}

export const emptyAnswer = (): SavedAnswer => ({
  value: null,
  valueText: null,
  status: null,
  percentDone: null,
  note: null,
  skipped: false,
});

export interface FormContext {
  user: BotUser;
  channel: ChannelName;
  period: { id: number; key: string; label: string; regimeCode: string; regimeName: string; deadline: Date; locksAt: Date };
  agency: { id: number; name: string };
  items: FormItem[];
  answers: Record<number, SavedAnswer>;
  submission: { id?: number; status: string; submittedAt: Date | null; reopenedAt?: Date | null } | null;
  lock: { message: string } | null;
  outlierFactor: number;
  /** A figure above its target times this is confirmed before it is saved (1: never asked). */
  targetFactor?: number;
  /** True when free text typed instead of an answer looks like a knowledge-base question. */
  isQuestion?: (text: string) => boolean;
}

export interface StepResult {
  session: Session;
  outbound: OutboundMessage[];
  effects: Effect[];
}

/**
 * What the official is told when an answer is saved: the value as written back ("Đã ghi câu 3: 85%."), a sentence
 * of its own ("Đã lưu lý do cho câu 3."), or nothing (the next message says it).
 */
export type SavedReply = { value: string } | { sentence: string } | null;

/** What the engine's step exposes to the pending sub-questions (pending.ts) and answer flows. */
export interface PendingHost {
  readonly form: FormState;
  readonly item: FormItem | undefined;
  /** The form as this step sees it (answers saved in the step included). */
  readonly context: FormContext;
  emit(m: OutboundMessage): void;
  say(text: string, extra?: Partial<OutboundMessage>): void;
  prompt(): void;
  reprompt(reason: string): void;
  save(item: FormItem, values: AnswerValues, told: SavedReply): void;
  advance(): void;
  submit(): void;
  acceptFigure(item: FormItem, value: number, raw: string, approx: boolean, qualifier?: string): void;
  /** Whether a text reads as a question about the documents, and asking it (the form resumes after the answer). */
  isQuestion(text: string): boolean;
  question(text: string): void;
}
