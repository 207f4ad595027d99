// Loads what the engine needs for one agency's form, and applies the engine's effects (answers, submission,
// audit trail) inside the runner's transaction.
import type { AnswerState, ChannelName, ItemKind, TaskStatus } from '../../core/types.ts';
import type { Db } from '../../db/client.ts';
import type { ValueKind } from '../../reporting/numbers.ts';
import { lockNames, lockState, reopenerNames } from '../../reporting/period-service.ts';
import { periodLabelIn } from '../../core/i18n.ts';
import type { BotUser } from '../../users/users.ts';
import { formRows, type AnswerRow, type FormRows } from './context-rows.ts';
import type { AnswerValues, Effect, FormContext, SavedAnswer } from '../types.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface ContextInput {
  periodId: number;
  agencyId: number;
  user: BotUser;
  channel: ChannelName;
  now: Date;
  outlierFactor: number;
  targetFactor?: number;
  isQuestion?: (text: string) => boolean;
  /** The rows when already read (with the person: src/conversation/repo/person.ts). */
  rows?: FormRows | null;
}

const toSaved = (a: AnswerRow): SavedAnswer => ({
  value: a.value,
  valueText: a.valueText,
  status: a.status as TaskStatus | AnswerState | null,
  percentDone: a.percentDone,
  note: a.note,
  skipped: a.skipped,
});

export async function loadFormContext(db: Db, input: ContextInput): Promise<FormContext> {
  // Last period's figures: this agency's, or those of the agency merged into it (Sở TT&TT before 01/3/2025).
  const { period, items, submission: sub, previous: prevAnswers } = input.rows ?? (await formRows(db, input.periodId, input.agencyId));
  const lock = lockState(period, sub, input.now);
  const reopeners = lock ? await reopenerNames(db, period.regimeProvince) : [];
  const names = lock ? await lockNames(db, period, sub) : new Map<number, string>();
  return {
    user: input.user,
    channel: input.channel,
    period: {
      id: period.id,
      key: period.key,
      label: periodLabelIn(input.user.locale, period.key),
      regimeCode: period.regimeCode,
      regimeName: period.regimeName,
      deadline: period.deadline,
      locksAt: period.locksAt,
    },
    agency: { id: input.agencyId, name: period.agencyName },
    items: items.map((it, i) => {
      const p = prevAnswers.find((a) => a.itemId === it.id);
      return {
        id: it.id,
        n: i + 1,
        kind: it.kind as ItemKind,
        label: it.label,
        unit: it.unit,
        valueKind: it.valueKind as ValueKind | null,
        min: it.min,
        max: it.max,
        targetText: it.targetText,
        targetValue: it.targetValue,
        targetYear: it.targetYear,
        key: it.key,
        partOf: it.partOf,
        cumulative: it.cumulative || /lũy kế|luỹ kế/i.test(it.label),
        prev: p ? { value: p.value, status: p.status as TaskStatus | AnswerState | null, percentDone: p.percentDone } : null,
      };
    }),
    answers: Object.fromEntries((sub?.answers ?? []).map((a) => [a.itemId, toSaved(a)])),
    submission: sub ? { id: sub.id, status: sub.status, submittedAt: sub.submittedAt, reopenedAt: sub.reopenedAt } : null,
    lock: lock ? { message: lockState(period, sub, input.now, { reopeners, names, locale: input.user.locale })!.message } : null,
    outlierFactor: input.outlierFactor,
    targetFactor: input.targetFactor,
    isQuestion: input.isQuestion,
  };
}

export interface EffectMeta {
  periodId: number;
  agencyId: number;
  userId: number;
  /** Where the change came from, for the audit trail: a chat channel or the web form page. */
  channel: ChannelName | 'web';
  now: Date;
  /** The agency's submission of the period when the form's context found one: answers go to it without an upsert. */
  submissionId?: number;
  /** The answers the form's context showed: a change is written on the condition that it still holds. */
  seen?: Record<number, SavedAnswer>;
}

/** Persists answers and submission, writing an audit record (old → new, who, channel, when) for each change. */
export async function applyEffects(tx: Tx, effects: Effect[], m: EffectMeta): Promise<void> {
  const writes = effects.filter((e) => e.kind !== 'askQuestion');
  if (!writes.length) return;
  // answers alone go to the submission the context found; a first answer or a submit upserts it (and reads it)
  const known = m.submissionId != null && writes.every((e) => e.kind === 'saveAnswer');
  const sub = known
    ? null
    : await tx.submission.upsert({
        where: { periodId_agencyId: { periodId: m.periodId, agencyId: m.agencyId } },
        // a no-op update: with an empty one Prisma reads the row three times instead of one INSERT … ON CONFLICT
        update: { agencyId: m.agencyId },
        create: { periodId: m.periodId, agencyId: m.agencyId, status: 'draft' },
      });
  const audit: Audit = (action, entity, entityId, oldValue, newValue) =>
    tx.auditLog.create({
      data: {
        at: m.now,
        userId: m.userId,
        channel: m.channel,
        action,
        entity,
        entityId,
        oldValue: oldValue == null ? null : JSON.stringify(oldValue),
        newValue: JSON.stringify(newValue),
      },
    });
  for (const e of writes) {
    if (e.kind === 'saveAnswer') {
      const to = { submissionId: sub?.id ?? m.submissionId!, userId: m.userId };
      if (!(m.seen && (await saveAsSeen(tx, to, e, m.seen[e.itemId] ?? null, audit)))) await saveAnswer(tx, to, e, audit);
    } else if (e.kind === 'submit') await submit(tx, sub!, m, audit);
  }
}

type Audit = (action: string, entity: string, entityId: string, oldValue: unknown, newValue: unknown) => Promise<unknown>;
type SubmissionRecord = { id: number; status: string; submittedAt: Date | null; reopenedAt: Date | null };

type SaveAnswer = Extract<Effect, { kind: 'saveAnswer' }>;
type AnswerTarget = { submissionId: number; userId: number };

/**
 * Writes the answer in one statement on the condition that it is still as the context showed it (none, or these
 * values): the old value for the audit is then known without reading it. False when someone changed it meanwhile
 * (another official of the agency, the web page): the caller reads it and writes it then.
 */
async function saveAsSeen(tx: Tx, to: AnswerTarget, e: SaveAnswer, seen: SavedAnswer | null, audit: Audit): Promise<boolean> {
  const before = seen ? pickValues({ ...seen, itemId: e.itemId }) : null;
  const after = changed(before, e.values);
  if (!after) return true;
  const { submissionId, userId } = to;
  const now = new Date();
  const written = before
    ? (await tx.answer.updateMany({ where: { submissionId, itemId: e.itemId, ...before }, data: { ...e.values, updatedById: userId } }))
        .count
    : await tx.$executeRaw`
        INSERT INTO "Answer" ("submissionId", "itemId", "value", "valueText", "status", "percentDone", "note", "skipped",
          "updatedAt", "updatedById")
        VALUES (${submissionId}, ${e.itemId}, ${after.value}, ${after.valueText}, ${after.status}, ${after.percentDone},
          ${after.note}, ${after.skipped}, ${now}, ${userId})
        ON CONFLICT ("submissionId", "itemId") DO NOTHING`;
  if (written !== 1) return false;
  await auditAnswer(audit, submissionId, e.itemId, before, after);
  return true;
}

/** Reads the answer and writes it (insert or update), whatever happened to it since the context was read. */
async function saveAnswer(tx: Tx, { submissionId, userId }: AnswerTarget, e: SaveAnswer, audit: Audit): Promise<void> {
  const where = { submissionId_itemId: { submissionId, itemId: e.itemId } };
  const old = await tx.answer.findUnique({ where });
  const before = old ? pickValues(old) : null;
  const after = changed(before, e.values);
  if (!after) return;
  await tx.answer.upsert({
    where,
    update: { ...e.values, updatedById: userId },
    create: { submissionId, itemId: e.itemId, ...after, updatedById: userId },
  });
  await auditAnswer(audit, submissionId, e.itemId, before, after);
}

/** The answer with `values` applied, or null when they change nothing. */
function changed(before: Required<AnswerValues> | null, values: AnswerValues): Required<AnswerValues> | null {
  const after = { ...(before ?? blank()), ...values };
  return before && JSON.stringify(before) === JSON.stringify(after) ? null : after;
}

function auditAnswer(audit: Audit, submissionId: number, itemId: number, before: unknown, after: Required<AnswerValues>) {
  const action = after.skipped && after.value == null && after.status == null ? 'answer.skip' : 'answer.set';
  return audit(action, 'Answer', `${submissionId}:${itemId}`, before, after);
}

async function submit(tx: Tx, sub: SubmissionRecord, m: EffectMeta, audit: Audit): Promise<void> {
  const first = sub.status !== 'submitted';
  const updated = await tx.submission.update({
    where: { id: sub.id },
    data: {
      status: 'submitted',
      submittedAt: first || sub.reopenedAt ? m.now : sub.submittedAt,
      submittedById: m.userId,
      reopenedAt: null,
    },
  });
  await audit(
    'submission.submit',
    'Submission',
    String(sub.id),
    { status: sub.status, submittedAt: sub.submittedAt },
    { status: updated.status, submittedAt: updated.submittedAt },
  );
}

function blank(): Required<AnswerValues> {
  return { value: null, valueText: null, status: null, percentDone: null, note: null, skipped: false };
}

function pickValues(a: AnswerRow): Required<AnswerValues> {
  return {
    value: a.value,
    valueText: a.valueText,
    status: a.status as TaskStatus | AnswerState | null,
    percentDone: a.percentDone,
    note: a.note,
    skipped: a.skipped,
  };
}
