// What the bot says about a file sent in chat (an admin's import, its progress, summary and undo), in the person's
// language. The document's own words (type, number, issuer, agencies) and the importer's warnings stay as written.
import { catalog } from '../core/i18n.ts';

/** The counts of one imported document, as the summary lists them. */
export interface DocCounts {
  sections: number;
  tasks: number;
  indicators: number;
}

const s = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const UPLOAD_TEXT = catalog({
  vi: {
    notAdmin:
      'Cảm ơn anh/chị đã gửi tệp. Chỉ quản trị viên của hệ thống mới nhập được văn bản vào cơ sở tri thức; ' +
      'anh/chị vui lòng gửi tệp cho quản trị viên (hoặc bộ phận CNTT của Sở) để nhập. Tệp này không được lưu.',
    tooBig: (file: string, size: string | null, max: string) =>
      `Tệp ${file}${size ? ` (${size} MB)` : ''} vượt quá giới hạn ${max} MB (UPLOAD_MAX_MB): không nhập, không lưu gì.`,
    downloadFailed: (file: string, why: string | null) =>
      `Không tải được tệp ${file} từ nền tảng${why ? `: ${why}` : ''}. Hãy gửi lại sau ít phút.`,
    failed: (file: string, why: string) => `Không nhập được tệp ${file}: ${why}`,
    unchanged: (file: string) => `Tệp ${file} đã được nhập trước đây, nội dung không đổi: không có gì mới.`,
    working: (file: string, size: string) => `Đang xử lý tệp ${file} (${size} MB)… Tôi sẽ báo kết quả khi nhập xong.`,
    ocrPages: (file: string, done: number, total: number) => `Đang nhận dạng chữ bản quét ${file}: đã đọc ${done}/${total} trang…`,
    noDate: 'không rõ ngày',
    noNumber: '(không có số hiệu)',
    noIssuer: 'không rõ cơ quan ban hành',
    counts: (c: DocCounts) => `${c.sections} mục, ${c.tasks} nhiệm vụ, ${c.indicators} chỉ tiêu`,
    leads: (name: string, tasks: number) => `${name}: ${tasks} nhiệm vụ chủ trì`,
    moreAgencies: (n: number) => `… và ${n} cơ quan khác`,
    imported: (file: string, format: string | null) => `Đã nhập tệp ${file} (${format ?? 'văn bản'}):`,
    replaced: (file: string, format: string | null, what: string) =>
      `Đã nhập và thay thế bản cũ (${what}) tệp ${file} (${format ?? 'văn bản'}):`,
    warnings: 'Lưu ý:',
    showHow: (number: string) => `Xem chi tiết: npm run cli -- show ${number}`,
    replacedNoUndo: 'Tệp này thay thế một bản đã có nên không thể "Hủy nhập" (bản cũ không còn để khôi phục); hãy gửi lại bản cũ nếu cần.',
    undoHow: 'Nhập nhầm? Bấm "Hủy nhập" hoặc gõ "hủy nhập" trong 24 giờ.',
    undoButton: 'Hủy nhập',
    undoAdminOnly: 'Chỉ quản trị viên mới hủy được một lần nhập văn bản.',
    nothingToUndo: 'Không có lần nhập văn bản nào để hủy.',
    undoTooLate: 'Đã quá 24 giờ kể từ khi nhập tệp này nên không hủy nhập được nữa. Văn bản vẫn được giữ nguyên.',
    undoneBefore: 'Lần nhập này đã được hủy trước đó.',
    undoReplaced: 'Lần nhập này đã thay thế một bản cũ nên không thể hủy (bản cũ không còn để khôi phục); hãy gửi lại bản cũ nếu cần.',
    undone: (file: string, removed: number) => `Đã hủy nhập ${file}: đã xóa ${removed} văn bản vừa nhập.`,
  },
  en: {
    notAdmin:
      'Thank you for the file. Only an administrator of the system can import documents into the knowledge base; ' +
      'please send the file to an administrator (or your department’s IT team) to import it. This file was not kept.',
    tooBig: (file: string, size: string | null, max: string) =>
      `The file ${file}${size ? ` (${size} MB)` : ''} is over the ${max} MB limit (UPLOAD_MAX_MB): nothing was imported or kept.`,
    downloadFailed: (file: string, why: string | null) =>
      `Could not fetch the file ${file} from the platform${why ? `: ${why}` : ''}. Please send it again in a few minutes.`,
    failed: (file: string, why: string) => `Could not import the file ${file}: ${why}`,
    unchanged: (file: string) => `The file ${file} was imported before and its content has not changed: nothing new.`,
    working: (file: string, size: string) => `Processing the file ${file} (${size} MB)… I will report when the import is done.`,
    ocrPages: (file: string, done: number, total: number) => `Reading the scanned ${file} (OCR): ${done}/${total} pages read…`,
    noDate: 'date unknown',
    noNumber: '(no number)',
    noIssuer: 'issuer unknown',
    counts: (c: DocCounts) => `${s(c.sections, 'section')}, ${s(c.tasks, 'task')}, ${s(c.indicators, 'target')}`,
    leads: (name: string, tasks: number) => `${name}: leads ${s(tasks, 'task')}`,
    moreAgencies: (n: number) => `… and ${s(n, 'other agency').replace(/agencys$/, 'agencies')}`,
    imported: (file: string, format: string | null) => `Imported the file ${file} (${format ?? 'text'}):`,
    replaced: (file: string, format: string | null, what: string) =>
      `Imported the file ${file} (${format ?? 'text'}), replacing the earlier version (${what}):`,
    warnings: 'Notes:',
    showHow: (number: string) => `Details: npm run cli -- show ${number}`,
    replacedNoUndo:
      'This file replaces an earlier version, so its import cannot be undone (the earlier version is gone); send the earlier version again if needed.',
    undoHow: 'Imported by mistake? Press "Undo import" or type "undo import" within 24 hours.',
    undoButton: 'Undo import',
    undoAdminOnly: 'Only an administrator can undo a document import.',
    nothingToUndo: 'There is no document import to undo.',
    undoTooLate: 'This file was imported more than 24 hours ago, so the import can no longer be undone. The documents stay as they are.',
    undoneBefore: 'This import was undone before.',
    undoReplaced:
      'This import replaced an earlier version, so it cannot be undone (the earlier version is gone); send the earlier version again if needed.',
    undone: (file: string, removed: number) => `Undid the import of ${file}: removed the ${s(removed, 'document')} it had added.`,
  },
});
