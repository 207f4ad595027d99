// Files sent in chat: only an admin imports them (the same pipeline and limits as `cli import`); the reply says
// what was read and offers "Hủy nhập" for 24 hours. Uploads and undos are written to the audit log.
import type { App } from '../app.ts';
import { isAppError } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import type { ChannelName, InboundFile, OutboundMessage } from '../core/types.ts';
import { importUpload, removeUploaded, uploadMaxBytes, type UploadedDoc, type UploadResult } from '../ingest/upload.ts';
import type { BotUser } from '../users/users.ts';

export const UNDO_MS = 24 * 3600_000;
const UNDO_CHOICE = 'upload:undo:';
const UPLOAD_ACTION = 'document.upload';
const UNDO_ACTION = 'document.upload.undo';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** "hủy nhập" typed (with or without diacritics), or its button. */
export function undoRequest(text: string, choice?: string): { auditId: number | null } | null {
  if (choice?.startsWith(UNDO_CHOICE)) return { auditId: Number(choice.slice(UNDO_CHOICE.length)) || null };
  return /^(huy nhap|\/huynhap)$/.test(fold(text).replace(/[.!\s]+$/, '')) ? { auditId: null } : null;
}

export const notAdmin = (): OutboundMessage => ({
  text:
    'Cảm ơn anh/chị đã gửi tệp. Chỉ quản trị viên của hệ thống mới nhập được văn bản vào cơ sở tri thức; ' +
    'anh/chị vui lòng gửi tệp cho quản trị viên (hoặc bộ phận CNTT của Sở) để nhập. Tệp này không được lưu.',
});

export async function uploadReply(
  app: App,
  user: BotUser | null,
  file: InboundFile,
  channel: ChannelName,
  now: Date,
  refresh?: () => Promise<unknown>,
): Promise<OutboundMessage[]> {
  if (user?.role !== 'admin') return [notAdmin()];
  const max = uploadMaxBytes(app.config);
  const tooBig = (size: number | null) => ({
    text: `Tệp ${file.name}${size ? ` (${mb(size)} MB)` : ''} vượt quá giới hạn ${mb(max)} MB (UPLOAD_MAX_MB): không nhập, không lưu gì.`,
  });
  if (file.size !== null && file.size > max) return [tooBig(file.size)];
  let bytes: Buffer;
  try {
    bytes = await file.fetch(max);
  } catch (e) {
    if (isAppError(e) && e.details?.tooLarge) return [tooBig(null)];
    app.log.warn({ err: (e as Error).message, file: file.name }, 'upload: download failed');
    return [{ text: `Không tải được tệp ${file.name} từ nền tảng${isAppError(e) ? `: ${e.userMessage}` : ''}. Hãy gửi lại sau ít phút.` }];
  }
  if (bytes.length > max) return [tooBig(bytes.length)];
  const progress = importProgress(file, bytes.length, app.config.UPLOAD_PROGRESS_SECONDS * 1000);
  let up: UploadResult;
  try {
    up = await importUpload(app, file.name, bytes, { onOcrPage: progress.page });
  } finally {
    progress.done();
  }
  if (up.result.status === 'error') return [{ text: `Không nhập được tệp ${file.name}: ${up.result.message}` }];
  if (up.result.status === 'unchanged') return [{ text: `Tệp ${file.name} đã được nhập trước đây, nội dung không đổi: không có gì mới.` }];
  await refresh?.();
  const audit = await app.db.auditLog.create({
    data: {
      at: now,
      userId: user.id,
      channel,
      action: UPLOAD_ACTION,
      entity: 'document',
      entityId: up.source,
      newValue: JSON.stringify({ status: up.result.status, ids: up.docs.map((d) => d.id), sha256: up.sha256, original: up.original }),
    },
  });
  return [summary(up, audit.id)];
}

/**
 * What a slow import tells the chat while it runs: "Đang xử lý tệp …" once it has taken `everyMs`, then the
 * pages OCR has read, at most once per `everyMs` (never the last page: the summary follows it).
 */
function importProgress(file: InboundFile, bytes: number, everyMs: number) {
  const now = () => performance.now(); // wall time: how long the admin has been waiting
  let told = false;
  let last = 0;
  const start = () => {
    if (told) return;
    told = true;
    last = now();
    file.notify?.({ text: `Đang xử lý tệp ${file.name} (${mb(bytes)} MB)… Tôi sẽ báo kết quả khi nhập xong.` });
  };
  const timer = file.notify && everyMs > 0 ? setTimeout(start, everyMs) : null;
  if (file.notify && everyMs === 0) start();
  return {
    page(done: number, total: number) {
      if (!file.notify || done >= total) return;
      if (!told) return start();
      if (now() - last < everyMs) return;
      last = now();
      file.notify({ text: `Đang nhận dạng chữ bản quét ${file.name}: đã đọc ${done}/${total} trang…` });
    },
    done: () => timer && clearTimeout(timer),
  };
}

function docLine(d: UploadedDoc): string {
  const date = d.issueDate ? d.issueDate.split('-').reverse().join('/') : 'không rõ ngày';
  const head = `${d.type} ${d.number ?? '(không có số hiệu)'} — ${d.issuer ?? 'không rõ cơ quan ban hành'}, ${date}`;
  const counts = `${d.sections} mục, ${d.tasks} nhiệm vụ, ${d.indicators} chỉ tiêu`;
  const leads = d.leads.slice(0, 5).map((l) => `  • ${l.name}: ${l.tasks} nhiệm vụ chủ trì`);
  const more = d.leads.length > 5 ? [`  • … và ${d.leads.length - 5} cơ quan khác`] : [];
  return [head, counts, ...leads, ...more].join('\n');
}

function summary(up: UploadResult, auditId: number): OutboundMessage {
  const r = up.result;
  const verb = r.status === 'updated' ? `Đã nhập và thay thế bản cũ (${r.message.replace(/^đã thay thế bản cũ \(|\)$/g, '')})` : 'Đã nhập';
  const lines = [`${verb} tệp ${r.file.replace(/^chat\//, '')} (${r.format ?? 'văn bản'}):`, ...up.docs.map(docLine)];
  if (r.warnings.length) lines.push('Lưu ý:', ...r.warnings.map((w) => `- ${w}`));
  const numbers = up.docs.map((d) => d.number).filter(Boolean);
  if (numbers.length) lines.push(`Xem chi tiết: npm run cli -- show ${numbers[0]}`);
  if (r.status === 'updated') {
    lines.push('Tệp này thay thế một bản đã có nên không thể "Hủy nhập" (bản cũ không còn để khôi phục); hãy gửi lại bản cũ nếu cần.');
    return { text: lines.join('\n') };
  }
  lines.push('Nhập nhầm? Bấm "Hủy nhập" hoặc gõ "hủy nhập" trong 24 giờ.');
  return { text: lines.join('\n'), choices: [{ id: `${UNDO_CHOICE}${auditId}`, label: 'Hủy nhập' }] };
}

export async function undoReply(
  app: App,
  user: BotUser | null,
  req: { auditId: number | null },
  channel: ChannelName,
  now: Date,
  refresh?: () => Promise<unknown>,
): Promise<OutboundMessage[]> {
  if (user?.role !== 'admin') return [{ text: 'Chỉ quản trị viên mới hủy được một lần nhập văn bản.' }];
  const upload = req.auditId
    ? await app.db.auditLog.findFirst({ where: { id: req.auditId, action: UPLOAD_ACTION } })
    : await app.db.auditLog.findFirst({ where: { action: UPLOAD_ACTION, userId: user.id }, orderBy: { id: 'desc' } });
  if (!upload) return [{ text: 'Không có lần nhập văn bản nào để hủy.' }];
  if (now.getTime() - upload.at.getTime() > UNDO_MS)
    return [{ text: 'Đã quá 24 giờ kể từ khi nhập tệp này nên không hủy nhập được nữa. Văn bản vẫn được giữ nguyên.' }];
  const done = await app.db.auditLog.findFirst({ where: { action: UNDO_ACTION, entity: 'auditLog', entityId: String(upload.id) } });
  if (done) return [{ text: 'Lần nhập này đã được hủy trước đó.' }];
  const info = JSON.parse(upload.newValue ?? '{}') as { status?: string; ids?: number[] };
  if (info.status !== 'new')
    return [{ text: 'Lần nhập này đã thay thế một bản cũ nên không thể hủy (bản cũ không còn để khôi phục); hãy gửi lại bản cũ nếu cần.' }];
  const removed = await removeUploaded(app, upload.entityId, info.ids ?? []);
  await app.db.auditLog.create({
    data: {
      at: now,
      userId: user.id,
      channel,
      action: UNDO_ACTION,
      entity: 'auditLog',
      entityId: String(upload.id),
      oldValue: upload.newValue,
    },
  });
  await refresh?.();
  return [{ text: `Đã hủy nhập ${upload.entityId.replace(/^chat\//, '')}: đã xóa ${removed} văn bản vừa nhập.` }];
}
