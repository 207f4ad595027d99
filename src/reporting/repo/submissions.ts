// The Submission table (one agency's report for one period) and the answers read with it.
import type { Db, Prisma } from '../../db/client.ts';

const periodAgency = (periodId: number, agencyId: number) => ({ periodId_agencyId: { periodId, agencyId } });

export const findSubmission = (db: Db, periodId: number, agencyId: number) =>
  db.submission.findUnique({ where: periodAgency(periodId, agencyId) });

export const findSubmissionWithAnswers = (db: Db, periodId: number, agencyId: number) =>
  db.submission.findUnique({ where: periodAgency(periodId, agencyId), include: { answers: true } });

/** Updates an agency's submission for a period, or creates it as `create` says. */
export const upsertSubmission = (
  db: Db,
  periodId: number,
  agencyId: number,
  update: Prisma.SubmissionUncheckedUpdateInput,
  create: Omit<Prisma.SubmissionUncheckedCreateInput, 'periodId' | 'agencyId'>,
) => db.submission.upsert({ where: periodAgency(periodId, agencyId), update, create: { periodId, agencyId, ...create } });

/** The submissions of these periods, with their agencies and answers: the figures of a consolidated report. */
export const findReportSubmissions = (db: Db, periodIds: number[]) =>
  db.submission.findMany({
    where: { periodId: { in: periodIds } },
    include: {
      agency: { select: { id: true, key: true, name: true } },
      answers: {
        select: { itemId: true, value: true, valueText: true, status: true, percentDone: true, note: true, skipped: true },
      },
    },
  });

/** The answers to these items in one period, with their submission's state. */
export const findItemAnswersInPeriod = (db: Db, itemIds: number[], periodId: number) =>
  db.answer.findMany({
    where: { itemId: { in: itemIds }, submission: { periodId } },
    include: { submission: { select: { status: true, submittedAt: true } } },
  });
