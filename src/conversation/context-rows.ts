// The reads behind one form context (src/conversation/context.ts), run on every form message: joined statements
// instead of Prisma's one statement per model and include. Portable SQL (SQLite and PostgreSQL): double-quoted
// identifiers, placeholders from the tagged template.
import { sqlList, type Db } from '../db/client.ts';
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

/** The period with its regime, and the agency's name; Prisma's not-found error when either does not exist. */
export async function headRow(db: Db, periodId: number, agencyId: number): Promise<HeadRow> {
  const rows = await db.$queryRaw<HeadRow[]>`
    SELECT p."id", p."regimeId", p."key", p."deadline", p."locksAt", p."status", p."lockedAt", p."lockedById",
      p."approvedAt", p."approvedBy", r."code" AS "regimeCode",
      r."name" AS "regimeName", r."province" AS "regimeProvince", a."name" AS "agencyName"
    FROM "Period" p JOIN "Regime" r ON r."id" = p."regimeId" JOIN "Agency" a ON a."id" = ${agencyId}
    WHERE p."id" = ${periodId}`;
  const id = (x: unknown) => (x == null ? null : Number(x)); // raw integers may come back as BigInt
  if (rows[0]) return { ...rows[0], lockedById: id(rows[0].lockedById), approvedBy: id(rows[0].approvedBy) };
  await db.period.findUniqueOrThrow({ where: { id: periodId } });
  await db.agency.findUniqueOrThrow({ where: { id: agencyId } });
  throw new Error(`period ${periodId} or agency ${agencyId} vanished while read`);
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
  status: string;
  submittedAt: Date | null;
  reopenedAt: Date | null;
  lockedAt: Date | null;
  lockedById: number | null;
  approvedAt: Date | null;
  approvedById: number | null;
  answers: AnswerRow[];
}

type JoinedRow = Omit<SubmissionRow, 'answers'> & { [K in keyof AnswerRow as `a_${K}`]: AnswerRow[K] | null };

/** One agency's submission of a period with its answers, or null when it has not answered anything yet. */
export async function submissionRow(db: Db, periodId: number, agencyId: number): Promise<SubmissionRow | null> {
  const rows = await db.$queryRaw<JoinedRow[]>`
    SELECT s."status", s."submittedAt", s."reopenedAt", s."lockedAt", s."lockedById", s."approvedAt", s."approvedById",
      ans."itemId" AS "a_itemId",
      ans."value" AS "a_value", ans."valueText" AS "a_valueText", ans."status" AS "a_status",
      ans."percentDone" AS "a_percentDone", ans."note" AS "a_note", ans."skipped" AS "a_skipped"
    FROM "Submission" s LEFT JOIN "Answer" ans ON ans."submissionId" = s."id"
    WHERE s."periodId" = ${periodId} AND s."agencyId" = ${agencyId}`;
  const r = rows[0];
  if (!r) return null;
  const answers = rows
    .filter((x) => x.a_itemId != null)
    .map((x) => ({
      itemId: Number(x.a_itemId),
      value: x.a_value,
      valueText: x.a_valueText,
      status: x.a_status,
      percentDone: x.a_percentDone,
      note: x.a_note,
      skipped: Boolean(x.a_skipped),
    }));
  return {
    status: r.status,
    submittedAt: r.submittedAt,
    reopenedAt: r.reopenedAt,
    lockedAt: r.lockedAt,
    lockedById: r.lockedById == null ? null : Number(r.lockedById),
    approvedAt: r.approvedAt,
    approvedById: r.approvedById == null ? null : Number(r.approvedById),
    answers,
  };
}

export type PrevAnswer = Pick<AnswerRow, 'itemId' | 'value' | 'status' | 'percentDone'>;

/**
 * Last period's answers to these items: this agency's first, then those of the agencies merged into it (Sở TT&TT
 * before 01/3/2025), each agency's submissions in id order. One statement; the merge tree is read only when an
 * answer of another agency came back.
 */
export async function previousAnswers(
  db: Db,
  regimeId: number,
  prevKey: string,
  agencyId: number,
  itemIds: number[],
): Promise<PrevAnswer[]> {
  if (!itemIds.length) return [];
  const rows = await db.$queryRaw<(PrevAnswer & { agencyId: number })[]>`
    SELECT s."agencyId", ans."itemId", ans."value", ans."status", ans."percentDone"
    FROM "Period" pp JOIN "Submission" s ON s."periodId" = pp."id" JOIN "Answer" ans ON ans."submissionId" = s."id"
    WHERE pp."regimeId" = ${regimeId} AND pp."key" = ${prevKey} AND ans."itemId" IN (${sqlList(itemIds)})
    ORDER BY s."id" ASC`;
  const own = rows.filter((r) => Number(r.agencyId) === agencyId);
  if (own.length === rows.length) return own;
  const merged = new Set(await predecessorIds(db, agencyId));
  return [...own, ...rows.filter((r) => merged.has(Number(r.agencyId)))];
}
