// Files sent in chat: only an admin imports them (the same pipeline and limits as `cli import`); the reply says
// what was read and offers "Hủy nhập" for 24 hours. Uploads and undos are written to the audit log.
import { countsChangeIn, outcomeIn } from '../ingest/import-text.ts';
import type { App } from '../app.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { findUndoOf, findUploadAudit } from './repo/chat-reads.ts';
import { isAppError } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import type { ChannelName, InboundFile, OutboundMessage } from '../core/types.ts';
import { importUpload, removeUploaded, uploadMaxBytes, type UploadedDoc, type UploadResult } from '../ingest/upload.ts';
import type { BotUser } from '../users/users.ts';
import type { Locale } from '../core/i18n.ts';
import { UPLOAD_TEXT } from './upload-text.ts';

export const UNDO_MS = 24 * 3600_000;
const UNDO_CHOICE = 'upload:undo:';
const UPLOAD_ACTION = 'document.upload';
const UNDO_ACTION = 'document.upload.undo';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** "hủy nhập" / "undo import" typed (with or without diacritics), or its button. */
export function undoRequest(text: string, choice?: string): { auditId: number | null } | null {
  if (choice?.startsWith(UNDO_CHOICE)) return { auditId: Number(choice.slice(UNDO_CHOICE.length)) || null };
  return /^(huy nhap|\/huynhap|undo import)$/.test(fold(text).replace(/[.!\s]+$/, '')) ? { auditId: null } : null;
}

export const notAdmin = (locale?: Locale): OutboundMessage => ({ text: UPLOAD_TEXT(locale).notAdmin });

export async function uploadReply(
  app: App,
  user: BotUser | null,
  file: InboundFile,
  channel: ChannelName,
  now: Date,
  refresh?: () => Promise<unknown>,
): Promise<OutboundMessage[]> {
  if (user?.role !== 'admin') return [notAdmin(user?.locale)];
  const t = UPLOAD_TEXT(user.locale);
  const max = uploadMaxBytes(app.config);
  const tooBig = (size: number | null) => ({ text: t.tooBig(file.name, size ? mb(size) : null, mb(max)) });
  if (file.size !== null && file.size > max) return [tooBig(file.size)];
  let bytes: Buffer;
  try {
    bytes = await file.fetch(max);
  } catch (e) {
    if (isAppError(e) && e.details?.tooLarge) return [tooBig(null)];
    app.log.warn({ err: (e as Error).message, file: file.name }, 'upload: download failed');
    return [{ text: t.downloadFailed(file.name, isAppError(e) ? e.messageIn(user.locale) : null) }];
  }
  if (bytes.length > max) return [tooBig(bytes.length)];
  const progress = importProgress(file, bytes.length, app.config.UPLOAD_PROGRESS_SECONDS * 1000, user.locale);
  let up: UploadResult;
  try {
    up = await importUpload(app, file.name, bytes, { onOcrPage: progress.page });
  } finally {
    progress.done();
  }
  if (up.result.status === 'error') return [{ text: t.failed(file.name, outcomeIn(user.locale, up.result)) }];
  if (up.result.status === 'unchanged') return [{ text: t.unchanged(file.name) }];
  await refresh?.();
  const audit = await addAuditLog(app.db, {
    at: now,
    userId: user.id,
    channel,
    action: UPLOAD_ACTION,
    entity: 'document',
    entityId: up.source,
    newValue: JSON.stringify({ status: up.result.status, ids: up.docs.map((d) => d.id), sha256: up.sha256, original: up.original }),
  });
  return [summary(up, audit.id, user.locale)];
}

/**
 * What a slow import tells the chat while it runs: "Đang xử lý tệp …" once it has taken `everyMs`, then the
 * pages OCR has read, at most once per `everyMs` (never the last page: the summary follows it).
 */
function importProgress(file: InboundFile, bytes: number, everyMs: number, locale: Locale) {
  const t = UPLOAD_TEXT(locale);
  const now = () => performance.now(); // wall time: how long the admin has been waiting
  let told = false;
  let last = 0;
  const start = () => {
    if (told) return;
    told = true;
    last = now();
    file.notify?.({ text: t.working(file.name, mb(bytes)) });
  };
  const timer = file.notify && everyMs > 0 ? setTimeout(start, everyMs) : null;
  if (file.notify && everyMs === 0) start();
  return {
    page(done: number, total: number) {
      if (!file.notify || done >= total) return;
      if (!told) return start();
      if (now() - last < everyMs) return;
      last = now();
      file.notify({ text: t.ocrPages(file.name, done, total) });
    },
    done: () => timer && clearTimeout(timer),
  };
}

function docLine(d: UploadedDoc, locale: Locale): string {
  const t = UPLOAD_TEXT(locale);
  const date = d.issueDate ? d.issueDate.split('-').reverse().join('/') : t.noDate;
  const head = `${d.type} ${d.number ?? t.noNumber} — ${d.issuer ?? t.noIssuer}, ${date}`;
  const leads = d.leads.slice(0, 5).map((l) => `  • ${t.leads(l.name, l.tasks)}`);
  const more = d.leads.length > 5 ? [`  • ${t.moreAgencies(d.leads.length - 5)}`] : [];
  return [head, t.counts(d), ...leads, ...more].join('\n');
}

function summary(up: UploadResult, auditId: number, locale: Locale): OutboundMessage {
  const t = UPLOAD_TEXT(locale);
  const r = up.result;
  const file = r.file.replace(/^chat\//, '');
  const head =
    r.status === 'updated' && r.before
      ? t.replaced(file, r.format ?? null, countsChangeIn(locale, r.before, r.counts))
      : t.imported(file, r.format ?? null);
  const lines = [head, ...up.docs.map((d) => docLine(d, locale))];
  const warnings = locale === 'en' ? (r.warningsEn ?? r.warnings) : r.warnings;
  if (warnings.length) lines.push(t.warnings, ...warnings.map((w) => `- ${w}`));
  const numbers = up.docs.map((d) => d.number).filter(Boolean);
  if (numbers.length) lines.push(t.showHow(numbers[0]!));
  if (r.status === 'updated') {
    lines.push(t.replacedNoUndo);
    return { text: lines.join('\n') };
  }
  lines.push(t.undoHow);
  return { text: lines.join('\n'), choices: [{ id: `${UNDO_CHOICE}${auditId}`, label: t.undoButton }] };
}

export async function undoReply(
  app: App,
  user: BotUser | null,
  req: { auditId: number | null },
  channel: ChannelName,
  now: Date,
  refresh?: () => Promise<unknown>,
): Promise<OutboundMessage[]> {
  const t = UPLOAD_TEXT(user?.locale);
  if (user?.role !== 'admin') return [{ text: t.undoAdminOnly }];
  const upload = req.auditId
    ? await findUploadAudit(app.db, UPLOAD_ACTION, { id: req.auditId })
    : await findUploadAudit(app.db, UPLOAD_ACTION, { userId: user.id });
  if (!upload) return [{ text: t.nothingToUndo }];
  if (now.getTime() - upload.at.getTime() > UNDO_MS) return [{ text: t.undoTooLate }];
  const done = await findUndoOf(app.db, UNDO_ACTION, upload.id);
  if (done) return [{ text: t.undoneBefore }];
  const info = JSON.parse(upload.newValue ?? '{}') as { status?: string; ids?: number[] };
  if (info.status !== 'new') return [{ text: t.undoReplaced }];
  const removed = await removeUploaded(app, upload.entityId, info.ids ?? []);
  await addAuditLog(app.db, {
    at: now,
    userId: user.id,
    channel,
    action: UNDO_ACTION,
    entity: 'auditLog',
    entityId: String(upload.id),
    oldValue: upload.newValue,
  });
  await refresh?.();
  return [{ text: t.undone(upload.entityId.replace(/^chat\//, ''), removed) }];
}
