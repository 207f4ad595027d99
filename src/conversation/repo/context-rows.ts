// The read behind one form context (src/conversation/repo/context.ts), run on every form message: one joined statement
// (the period with its regime, the agency's name, its items with this period's answer and last period's answers,
// and its submission) instead of Prisma's one statement per model and include. Portable SQL (SQLite and
// PostgreSQL): double-quoted identifiers, placeholders from the tagged template.
import { sqlFragment, sqlTag, type Db } from '../../db/client.ts';
import { previousPeriodKey } from '../../reporting/periods.ts';
import { predecessorIds } from '../../users/agency.ts';

export interface HeadRow {
  id: number;
  regimeId: number;
  key: string;
  deadline: Date;
  locksAt: Date;
  status: string;
  lockedAt: Date | null;
  lockedById: number | null;
  approvedAt: Date | null;
  approvedBy: number | null;
  regimeCode: string;
  regimeName: string;
  regimeProvince: string | null;
  agencyName: string;
}

export interface AnswerRow {
  itemId: number;
  value: number | null;
  valueText: string | null;
  status: string | null;
  percentDone: number | null;
  note: string | null;
  skipped: boolean;
}

export interface SubmissionRow {
  id: number;
  status: string;
  submittedAt: Date | null;
  reopenedAt: Date | null;
  lockedAt: Date | null;
  lockedById: number | null;
  approvedAt: Date | null;
  approvedById: number | null;
  answers: AnswerRow[];
}

export interface ItemRow {
  id: number;
  kind: string;
  label: string;
  unit: string | null;
  valueKind: string | null;
  min: number | null;
  max: number | null;
  targetText: string | null;
  targetValue: number | null;
  targetYear: number | null;
  key: string | null;
  partOf: string | null;
  cumulative: boolean;
}

export type PrevAnswer = Pick<AnswerRow, 'itemId' | 'value' | 'status' | 'percentDone'>;

export interface FormRows {
  period: HeadRow;
  items: ItemRow[];
  /** This agency's submission with its answers, or null when it has not answered anything yet. */
  submission: SubmissionRow | null;
  /** Last period's answers to these items: this agency's first, then those of the agencies merged into it. */
  previous: PrevAnswer[];
}

/** A row of the joined form statement (FORM_COLUMNS): the period's columns prefixed f_, then s_, i_, a_, p_. */
export type FormRow = {
  f_id: unknown;
  f_regimeId: unknown;
  f_key: string;
  f_deadline: Date;
  f_locksAt: Date;
  f_status: string;
  f_lockedAt: Date | null;
  f_lockedById: unknown;
  f_approvedAt: Date | null;
  f_approvedBy: unknown;
  f_regimeCode: string;
  f_regimeName: string;
  f_regimeProvince: string | null;
  f_agencyName: string | null;
  s_id: unknown;
  s_status: string | null;
  s_submittedAt: Date | null;
  s_reopenedAt: Date | null;
  s_lockedAt: Date | null;
  s_lockedById: unknown;
  s_approvedAt: Date | null;
  s_approvedById: unknown;
  i_id: unknown;
  i_kind: string;
  i_label: string;
  i_unit: string | null;
  i_valueKind: string | null;
  i_min: number | null;
  i_max: number | null;
  i_targetText: string | null;
  i_targetValue: number | null;
  i_targetYear: unknown;
  i_key: string | null;
  i_partOf: string | null;
  i_cumulative: unknown;
  a_value: number | null;
  a_valueText: string | null;
  a_status: string | null;
  a_percentDone: number | null;
  a_note: string | null;
  a_skipped: unknown;
  a_found: unknown;
  p_agencyId: unknown;
  p_value: number | null;
  p_status: string | null;
  p_percentDone: number | null;
};
type Row = FormRow;

const id = (x: unknown) => (x == null ? null : Number(x)); // raw integers may come back as BigInt

// A period's key never changes (only its state does): known once per database, so that last period's answers
// are read in the same statement as the rest from the second message of a form on.
const periodKeys = new WeakMap<Db, Map<number, string>>();

/** Everything one agency's form shows for a period: one statement (two the first time this process reads the period). */
export async function formRows(db: Db, periodId: number, agencyId: number): Promise<FormRows> {
  const prevKey = await previousKey(db, periodId);
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${FORM_COLUMNS} FROM (SELECT 1 AS "one") x ${formJoins(periodId, agencyId, prevKey)} ${FORM_ORDER}`;
  const found = await rowsToForm(db, agencyId, rows);
  if (found) return found;
  await db.period.findUniqueOrThrow({ where: { id: periodId } });
  await db.agency.findUniqueOrThrow({ where: { id: agencyId } });
  throw new Error(`period ${periodId} or agency ${agencyId} vanished while read`);
}

/** The form read from the rows of FORM_COLUMNS, or null when its period or agency does not exist. */
export async function rowsToForm(db: Db, agencyId: number, rows: Row[]): Promise<FormRows | null> {
  const r = rows[0];
  if (!r || r.f_id == null || r.f_agencyName == null) return null;
  const period: HeadRow = {
    id: Number(r.f_id),
    regimeId: Number(r.f_regimeId),
    key: r.f_key,
    deadline: r.f_deadline,
    locksAt: r.f_locksAt,
    status: r.f_status,
    lockedAt: r.f_lockedAt,
    lockedById: id(r.f_lockedById),
    approvedAt: r.f_approvedAt,
    approvedBy: id(r.f_approvedBy),
    regimeCode: r.f_regimeCode,
    regimeName: r.f_regimeName,
    regimeProvince: r.f_regimeProvince,
    agencyName: r.f_agencyName,
  };
  const items = new Map<number, ItemRow>();
  const answers = new Map<number, AnswerRow>();
  const prev: (PrevAnswer & { agencyId: number })[] = [];
  for (const x of rows) {
    const itemId = id(x.i_id);
    if (itemId == null) continue;
    if (!items.has(itemId)) items.set(itemId, itemOf(x, itemId));
    if (x.a_found != null && !answers.has(itemId)) answers.set(itemId, answerOf(x, itemId));
    if (x.p_agencyId != null)
      prev.push({ itemId, agencyId: Number(x.p_agencyId), value: x.p_value, status: x.p_status, percentDone: x.p_percentDone });
  }
  const submission: SubmissionRow | null =
    r.s_id == null
      ? null
      : {
          id: Number(r.s_id),
          status: r.s_status!,
          submittedAt: r.s_submittedAt,
          reopenedAt: r.s_reopenedAt,
          lockedAt: r.s_lockedAt,
          lockedById: id(r.s_lockedById),
          approvedAt: r.s_approvedAt,
          approvedById: id(r.s_approvedById),
          answers: [...answers.values()],
        };
  return { period, items: [...items.values()], submission, previous: await ownFirst(db, agencyId, prev) };
}

const answerOf = (x: Row, itemId: number): AnswerRow => ({
  itemId,
  value: x.a_value,
  valueText: x.a_valueText,
  status: x.a_status,
  percentDone: x.a_percentDone,
  note: x.a_note,
  skipped: Boolean(x.a_skipped),
});

/**
 * The key of the period before this one (its answers are "last period's"), from the period's key; null when the
 * period does not exist. Read once per database and period: a period's key never changes.
 */
async function previousKey(db: Db, periodId: number): Promise<string | null> {
  const key = await periodKey(db, periodId);
  return key ? previousPeriodKey(key) : null;
}

/** previousKey when this process has read the period already, else undefined (no statement). */
export function knownPreviousKey(db: Db, periodId: number): string | undefined {
  const key = periodKeys.get(db)?.get(periodId);
  return key ? previousPeriodKey(key) : undefined;
}

async function periodKey(db: Db, periodId: number): Promise<string | null> {
  const keys = periodKeys.get(db) ?? periodKeys.set(db, new Map()).get(db)!;
  const known = keys.get(periodId);
  if (known) return known;
  const rows = await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "Period" WHERE "id" = ${periodId}`;
  if (rows[0]) keys.set(periodId, rows[0].key);
  return rows[0]?.key ?? null;
}

/** This agency's answers first, then those of the agencies merged into it; the merge tree read only when needed. */
async function ownFirst(db: Db, agencyId: number, rows: (PrevAnswer & { agencyId: number })[]): Promise<PrevAnswer[]> {
  const own = rows.filter((r) => r.agencyId === agencyId);
  if (own.length === rows.length) return own.map(strip);
  const merged = new Set(await predecessorIds(db, agencyId));
  return [...own, ...rows.filter((r) => merged.has(r.agencyId))].map(strip);
}

const strip = ({ itemId, value, status, percentDone }: PrevAnswer): PrevAnswer => ({ itemId, value, status, percentDone });

function itemOf(x: Row, itemId: number): ItemRow {
  return {
    id: itemId,
    kind: x.i_kind,
    label: x.i_label,
    unit: x.i_unit,
    valueKind: x.i_valueKind,
    min: x.i_min,
    max: x.i_max,
    targetText: x.i_targetText,
    targetValue: x.i_targetValue,
    targetYear: id(x.i_targetYear),
    key: x.i_key,
    partOf: x.i_partOf,
    cumulative: Boolean(x.i_cumulative),
  };
}

// Rows: one per item, answer and last-period answer (own and merged agencies'); one with no item when the agency
// has no items; joined to a one-row FROM, so that the person's read (src/conversation/repo/person.ts) can carry it.
// Last period's answers: each of its submissions (unique periodId, agencyId) probed for the item (unique
// submissionId, itemId), never a scan of the answers.
export const FORM_COLUMNS = sqlFragment(`p."id" AS "f_id", p."regimeId" AS "f_regimeId", p."key" AS "f_key",
      p."deadline" AS "f_deadline", p."locksAt" AS "f_locksAt", p."status" AS "f_status", p."lockedAt" AS "f_lockedAt",
      p."lockedById" AS "f_lockedById", p."approvedAt" AS "f_approvedAt", p."approvedBy" AS "f_approvedBy",
      r."code" AS "f_regimeCode", r."name" AS "f_regimeName", r."province" AS "f_regimeProvince",
      fa."name" AS "f_agencyName",
      s."id" AS "s_id", s."status" AS "s_status", s."submittedAt" AS "s_submittedAt", s."reopenedAt" AS "s_reopenedAt",
      s."lockedAt" AS "s_lockedAt", s."lockedById" AS "s_lockedById", s."approvedAt" AS "s_approvedAt",
      s."approvedById" AS "s_approvedById",
      it."id" AS "i_id", it."kind" AS "i_kind", it."label" AS "i_label", it."unit" AS "i_unit",
      it."valueKind" AS "i_valueKind", it."min" AS "i_min", it."max" AS "i_max", it."targetText" AS "i_targetText",
      it."targetValue" AS "i_targetValue", it."targetYear" AS "i_targetYear", it."key" AS "i_key",
      it."partOf" AS "i_partOf", it."cumulative" AS "i_cumulative",
      ans."id" AS "a_found", ans."value" AS "a_value", ans."valueText" AS "a_valueText", ans."status" AS "a_status",
      ans."percentDone" AS "a_percentDone", ans."note" AS "a_note", ans."skipped" AS "a_skipped",
      ps."agencyId" AS "p_agencyId", pa."value" AS "p_value", pa."status" AS "p_status",
      pa."percentDone" AS "p_percentDone"`);

export const FORM_ORDER = sqlFragment(`ORDER BY it."ord" ASC, ps."id" ASC`);

export function formJoins(periodId: number, agencyId: number, prevKey: string | null) {
  return sqlTag`
      LEFT JOIN "Period" p ON p."id" = ${periodId}
      LEFT JOIN "Regime" r ON r."id" = p."regimeId"
      LEFT JOIN "Agency" fa ON fa."id" = ${agencyId}
      LEFT JOIN "Submission" s ON s."periodId" = p."id" AND s."agencyId" = fa."id"
      LEFT JOIN "RegimeItem" it ON it."regimeId" = p."regimeId" AND it."agencyId" = fa."id"
      LEFT JOIN "Answer" ans ON ans."submissionId" = s."id" AND ans."itemId" = it."id"
      LEFT JOIN "Period" pp ON pp."regimeId" = p."regimeId" AND pp."key" = ${prevKey}
      LEFT JOIN "Answer" pa ON pa."itemId" = it."id"
        AND pa."submissionId" IN (SELECT ps0."id" FROM "Submission" ps0 WHERE ps0."periodId" = pp."id")
      LEFT JOIN "Submission" ps ON ps."id" = pa."submissionId"`;
}
