// The read behind one form context (src/conversation/context.ts), run on every form message: one joined statement
// (the period with its regime, the agency's name, its items with this period's answer and last period's answers,
// and its submission) instead of Prisma's one statement per model and include. Portable SQL (SQLite and
// PostgreSQL): double-quoted identifiers, placeholders from the tagged template.
import type { Db } from '../db/client.ts';
import { previousPeriodKey } from '../reporting/periods.ts';
import { predecessorIds } from '../users/agency.ts';

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

type Row = Omit<HeadRow, 'lockedById' | 'approvedBy'> & {
  lockedById: unknown;
  approvedBy: unknown;
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

const id = (x: unknown) => (x == null ? null : Number(x)); // raw integers may come back as BigInt

// A period's key never changes (only its state does): known once per database, so that last period's answers
// are read in the same statement as the rest from the second message of a form on.
const periodKeys = new WeakMap<Db, Map<number, string>>();

/** Everything one agency's form shows for a period: one statement (two the first time this process reads the period). */
export async function formRows(db: Db, periodId: number, agencyId: number): Promise<FormRows> {
  const key = await periodKey(db, periodId);
  const rows = await joinedRows(db, periodId, agencyId, key ? previousPeriodKey(key) : null);
  const r = rows[0];
  if (!r) {
    await db.period.findUniqueOrThrow({ where: { id: periodId } });
    await db.agency.findUniqueOrThrow({ where: { id: agencyId } });
    throw new Error(`period ${periodId} or agency ${agencyId} vanished while read`);
  }
  const period: HeadRow = { ...r, lockedById: id(r.lockedById), approvedBy: id(r.approvedBy) };
  const items = new Map<number, ItemRow>();
  const answers = new Map<number, AnswerRow>();
  const prev: (PrevAnswer & { agencyId: number })[] = [];
  for (const x of rows) {
    const itemId = id(x.i_id);
    if (itemId == null) continue;
    if (!items.has(itemId)) items.set(itemId, itemOf(x, itemId));
    if (x.a_found != null && !answers.has(itemId))
      answers.set(itemId, {
        itemId,
        value: x.a_value,
        valueText: x.a_valueText,
        status: x.a_status,
        percentDone: x.a_percentDone,
        note: x.a_note,
        skipped: Boolean(x.a_skipped),
      });
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
// has no items. Last period's answers: each of its submissions (unique periodId, agencyId) probed for the item
// (unique submissionId, itemId), never a scan of the answers.
function joinedRows(db: Db, periodId: number, agencyId: number, prevKey: string | null): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT p."id", p."regimeId", p."key", p."deadline", p."locksAt", p."status", p."lockedAt", p."lockedById",
      p."approvedAt", p."approvedBy", r."code" AS "regimeCode", r."name" AS "regimeName",
      r."province" AS "regimeProvince", a."name" AS "agencyName",
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
      pa."percentDone" AS "p_percentDone"
    FROM "Period" p JOIN "Regime" r ON r."id" = p."regimeId" JOIN "Agency" a ON a."id" = ${agencyId}
      LEFT JOIN "Submission" s ON s."periodId" = p."id" AND s."agencyId" = a."id"
      LEFT JOIN "RegimeItem" it ON it."regimeId" = p."regimeId" AND it."agencyId" = a."id"
      LEFT JOIN "Answer" ans ON ans."submissionId" = s."id" AND ans."itemId" = it."id"
      LEFT JOIN "Period" pp ON pp."regimeId" = p."regimeId" AND pp."key" = ${prevKey}
      LEFT JOIN "Answer" pa ON pa."itemId" = it."id"
        AND pa."submissionId" IN (SELECT ps0."id" FROM "Submission" ps0 WHERE ps0."periodId" = pp."id")
      LEFT JOIN "Submission" ps ON ps."id" = pa."submissionId"
    WHERE p."id" = ${periodId}
    ORDER BY it."ord" ASC, ps."id" ASC`;
}
