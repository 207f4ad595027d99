// The web form runs the SAME pure engine as the chat (src/conversation/engine.ts), on a session of its own
// (`web:<user>:<period>`), so a field typed on the page is parsed, checked (outliers, targets, "1.728") and saved
// exactly as the same words typed in chat, through the same effects and audit trail.
import type { App } from '../app.ts';
import { inTransaction } from '../db/transaction.ts';
import { findAgencyById } from './repo/dashboard-reads.ts';
import type { OutboundMessage, TaskStatus } from '../core/types.ts';
import { applyEffects, loadFormContext } from '../conversation/repo/context.ts';
import { step } from '../conversation/engine.ts';
import { STATUS_LABELS, summary } from '../conversation/form.ts';
import { loadSession, saveSession } from '../conversation/sessions.ts';
import type { Effect, EngineInput, FormContext, Session } from '../conversation/types.ts';
import { userById, type BotUser } from '../users/users.ts';
import type { FormClaim } from './link.ts';

export interface WebForm {
  user: BotUser;
  ctx: FormContext;
}

export interface FieldResult {
  /** saved: stored; confirm: a question to answer (choices); note: why (outlier kept); refused: not stored. */
  state: 'saved' | 'confirm' | 'note' | 'refused' | 'locked';
  messages: OutboundMessage[];
}

const webKey = (c: FormClaim) => `web:${c.userId}:${c.periodId}:${c.agencyId}`;

/** The person behind a link, still allowed to report for that agency (an official moved elsewhere is not). */
export async function openWebForm(app: App, claim: FormClaim, now: Date): Promise<WebForm | null> {
  const user = await userById(app.db, claim.userId);
  if (!user) return null;
  const agency = await findAgencyById(app.db, claim.agencyId);
  if (!agency) return null;
  if (user.role === 'official' && user.agency?.id !== agency.id) return null;
  if (user.role !== 'official' && user.province && agency.province && user.province !== agency.province) return null;
  const ctx = await loadFormContext(app.db, {
    periodId: claim.periodId,
    agencyId: claim.agencyId,
    // the page speaks the person's language, as the chat does: its replies under the fields are the chat's
    user,
    channel: 'console',
    now,
    outlierFactor: app.config.REPORT_OUTLIER_FACTOR,
    isQuestion: () => false, // a field on the page is always an answer
  });
  return { user, ctx };
}

/** One engine step on the page's session; effects and session saved in one transaction. */
async function run(app: App, claim: FormClaim, inputs: EngineInput[], now: Date) {
  const form = await openWebForm(app, claim, now);
  if (!form) return null;
  const key = webKey(claim);
  let session: Session = await loadSession(app.db, key);
  const effects: Effect[] = [];
  let outbound: OutboundMessage[] = [];
  let ctx = form.ctx;
  if (!session.form || session.form.periodId !== claim.periodId) {
    const r = step(session, { kind: 'start' }, now, ctx);
    session = r.session;
    if (!session.form) return { form, session, outbound: r.outbound, effects: [] };
  }
  for (const input of inputs) {
    const r = step(session, input, now, ctx);
    session = r.session;
    outbound = r.outbound;
    effects.push(...r.effects);
    if (r.effects.length) ctx = (await openWebForm(app, claim, now))?.ctx ?? ctx;
  }
  await inTransaction(app.db, async (tx) => {
    await applyEffects(tx, effects, { periodId: claim.periodId, agencyId: claim.agencyId, userId: claim.userId, channel: 'web', now });
    await saveSession(tx, key, session);
  });
  return { form, session, outbound, effects };
}

export interface FieldInput {
  itemId: number;
  text?: string;
  choice?: string;
  /** A task item: its status, % done (when in progress) and note, sent together from the page. */
  status?: string;
  percent?: string;
  note?: string;
}

/** The chat inputs the same answer would take: a task's status, then its % and note (or "bỏ qua"). */
function inputsFor(f: FieldInput): EngineInput[] {
  if (f.status === undefined) return [{ kind: 'text', text: f.text ?? '', choice: f.choice, itemId: f.itemId }];
  const label = STATUS_LABELS[f.status as TaskStatus];
  if (!label) return [{ kind: 'text', text: f.status, itemId: f.itemId }];
  const inputs: EngineInput[] = [{ kind: 'text', text: label, choice: `st:${f.status}`, itemId: f.itemId }];
  if (f.status === 'dang_trien_khai') inputs.push({ kind: 'text', text: f.percent?.trim() || 'bỏ qua' });
  inputs.push({ kind: 'text', text: f.note?.trim() || 'bỏ qua' });
  return inputs;
}

/** The chat repeats the question after a refusal: on the page it is in view, so only the reason is shown. */
function withoutPrompt(m: OutboundMessage): OutboundMessage {
  return m.reason ? { ...m, text: m.reason } : m;
}

/** A value typed (or a choice tapped) in one field of the page. */
export async function answerField(app: App, claim: FormClaim, field: FieldInput, now: Date): Promise<FieldResult | null> {
  const r = await run(app, claim, inputsFor(field), now);
  if (!r) return null;
  if (!r.session.form) return { state: 'locked', messages: r.outbound.slice(0, 1) };
  const saved = r.effects.some((e) => e.kind === 'saveAnswer' && e.itemId === field.itemId);
  const pending = r.session.form.pending;
  const about = pending && 'itemId' in pending && pending.itemId === field.itemId;
  const relevant = r.outbound.filter((m) => !m.input || m.input.itemId === String(field.itemId));
  // a confirmed outlier: the chat then asks why (a short note, or "bỏ qua"); the page shows a note box
  if (about && pending.kind === 'outlierNote') return { state: 'note', messages: relevant.slice(-1) };
  if (about && pending.kind !== 'taskPercent' && pending.kind !== 'taskNote')
    return { state: 'confirm', messages: relevant.filter((m) => m.choices?.length).slice(-1) };
  if (saved && !about) return { state: 'saved', messages: relevant.slice(0, 1) };
  return { state: 'refused', messages: relevant.slice(0, 1).map(withoutPrompt) };
}

/** "Gửi báo cáo": the chat's own submit command and its confirmation, in one go. */
export async function submitForm(
  app: App,
  claim: FormClaim,
  now: Date,
): Promise<{ submitted: boolean; messages: OutboundMessage[] } | null> {
  const r = await run(
    app,
    claim,
    [
      { kind: 'text', text: 'gửi' },
      { kind: 'text', text: 'có', choice: 'yes' },
    ],
    now,
  );
  if (!r) return null;
  const submitted = r.effects.some((e) => e.kind === 'submit');
  const form = await openWebForm(app, claim, now);
  return { submitted, messages: form && submitted ? [summary(form.ctx), ...r.outbound] : r.outbound };
}
