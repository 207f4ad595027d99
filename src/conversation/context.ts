// Loads what the engine needs for one agency's form, and applies the engine's effects (answers, submission,
// audit trail) inside the runner's transaction.
import type { AnswerState, ChannelName, ItemKind, TaskStatus } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import type { ValueKind } from '../reporting/numbers.ts';
import { lockNames, lockState, reopenerNames } from '../reporting/period-service.ts';
import { periodLabel, previousPeriodKey } from '../reporting/periods.ts';
import type { BotUser } from '../users/users.ts';
import { headRow, previousAnswers, submissionRow, type AnswerRow } from './context-rows.ts';
import type { AnswerValues, Effect, FormContext, SavedAnswer } from './types.ts';

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
  const period = await headRow(db, input.periodId, input.agencyId);
  const items = await db.regimeItem.findMany({ where: { regimeId: period.regimeId, agencyId: input.agencyId }, orderBy: { ord: 'asc' } });
  const sub = await submissionRow(db, period.id, input.agencyId);
  // Last period's figures: this agency's, or those of the agency merged into it (Sở TT&TT before 01/3/2025).
  const prevAnswers = await previousAnswers(
    db,
    period.regimeId,
    previousPeriodKey(period.key),
    input.agencyId,
    items.map((it) => it.id),
  );
  const lock = lockState(period, sub, input.now);
  const reopeners = lock ? await reopenerNames(db, period.regimeProvince) : [];
  const names = lock ? await lockNames(db, period, sub) : new Map<number, string>();
  return {
    user: input.user,
    channel: input.channel,
    period: {
      id: period.id,
      key: period.key,
      label: periodLabel(period.key),
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
    submission: sub ? { status: sub.status, submittedAt: sub.submittedAt, reopenedAt: sub.reopenedAt } : null,
    lock: lock ? { message: lockState(period, sub, input.now, reopeners, names)!.message } : null,
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
}

/** Persists answers and submission, writing an audit record (old → new, who, channel, when) for each change. */
export async function applyEffects(tx: Tx, effects: Effect[], m: EffectMeta): Promise<void> {
  const writes = effects.filter((e) => e.kind !== 'askQuestion');
  if (!writes.length) return;
  const sub = await tx.submission.upsert({
    where: { periodId_agencyId: { periodId: m.periodId, agencyId: m.agencyId } },
    // a no-op update: with an empty one Prisma reads the row three times instead of one INSERT … ON CONFLICT
    update: { agencyId: m.agencyId },
    create: { periodId: m.periodId, agencyId: m.agencyId, status: 'draft' },
  });
  const audit = (action: string, entity: string, entityId: string, oldValue: unknown, newValue: unknown) =>
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
      const old = await tx.answer.findUnique({ where: { submissionId_itemId: { submissionId: sub.id, itemId: e.itemId } } });
      const before = old ? pickValues(old) : null;
      const after = { ...(before ?? blank()), ...e.values };
      if (before && JSON.stringify(before) === JSON.stringify(after)) continue;
      await tx.answer.upsert({
        where: { submissionId_itemId: { submissionId: sub.id, itemId: e.itemId } },
        update: { ...e.values, updatedById: m.userId },
        create: { submissionId: sub.id, itemId: e.itemId, ...after, updatedById: m.userId },
      });
      await audit(
        after.skipped && after.value == null && after.status == null ? 'answer.skip' : 'answer.set',
        'Answer',
        `${sub.id}:${e.itemId}`,
        before,
        after,
      );
    } else if (e.kind === 'submit') {
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
  }
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
