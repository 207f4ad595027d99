// The words of `cli import`, `cli show`, `cli documents` and `cli agencies`. What the documents say (titles,
// agency names, the extracted tree) and what the importer reports about a file stay as they are written.
import { catalog, countOf, type Locale } from '../../core/i18n.ts';

export const DOCUMENTS_TEXT = catalog({
  vi: {
    import: 'Nhập văn bản (tệp .txt/.md/.docx/.doc/.pdf/.html, ảnh quét, hoặc thư mục) vào cơ sở tri thức',
    paths: 'tệp hoặc thư mục',
    reading: (file: string) => `đang đọc ${file} …`,
    warnings: (n: number) => ` (${n} lưu ý)`,
    statusNew: 'mới',
    statusUpdated: 'cập nhật',
    statusUnchanged: 'không đổi',
    statusError: 'LỖI',
    formatText: 'văn bản',
    formatScan: 'PDF quét (OCR)',
    formatImage: 'ảnh (OCR)',
    noted: (n: number) => `Lưu ý ở ${n} tệp (vẫn được nhập; xem bằng "cli show <số hiệu>"):`,
    failed: (n: number) => `${n} tệp không nhập được (xem thông báo ở trên); các tệp khác đã được nhập.`,
    show: 'Xem cây nội dung đã trích xuất của một văn bản (mục, nhiệm vụ, chỉ tiêu)',
    showRef: 'số hiệu (vd. 17/CT-UBND) hoặc mã văn bản',
    showJson: 'in toàn bộ kết quả trích xuất dưới dạng JSON (không cắt bớt)',
    documents: 'Liệt kê các văn bản đã nhập',
    noNumber: '(không số)',
    counts: (tasks: number, indicators: number) => `${tasks} nhiệm vụ, ${indicators} chỉ tiêu`,
    agencies: 'Liệt kê cơ quan đã gặp trong văn bản; --unknown: những cơ quan chưa có trong danh mục (để xác nhận hoặc thêm bí danh)',
    unknown: 'chỉ các cơ quan chưa có trong data/agencies.yaml',
    tasks: (n: number) => `${String(n).padStart(4)} nhiệm vụ`,
    example: (doc: string) => `  — vd. ${doc}`,
    unknownTotal: (n: number) =>
      `${n} cơ quan chưa có trong danh mục. Thêm vào data/agencies.yaml (tên chuẩn hoặc bí danh) rồi nhập lại văn bản.`,
    total: (n: number) => `${n} cơ quan.`,
  },
  en: {
    import: 'Import documents (.txt/.md/.docx/.doc/.pdf/.html files, scans, or folders) into the knowledge base',
    paths: 'files or folders',
    reading: (file: string) => `reading ${file} …`,
    warnings: (n: number) => ` (${countOf(n, 'warning')})`,
    statusNew: 'new',
    statusUpdated: 'updated',
    statusUnchanged: 'unchanged',
    statusError: 'ERROR',
    formatText: 'text',
    formatScan: 'scanned PDF (OCR)',
    formatImage: 'image (OCR)',
    noted: (n: number) => `Warnings in ${countOf(n, 'file')} (imported all the same; see them with "cli show <number>"):`,
    failed: (n: number) => `${countOf(n, 'file')} could not be imported (see the messages above); the other files were imported.`,
    show: 'Show the extracted tree of a document (sections, tasks, targets)',
    showRef: 'document number (e.g. 17/CT-UBND) or document id',
    showJson: 'print the whole extraction as JSON (nothing cut)',
    documents: 'List the imported documents',
    noNumber: '(no number)',
    counts: (tasks: number, indicators: number) => `${countOf(tasks, 'task')}, ${countOf(indicators, 'target')}`,
    agencies: 'List the agencies met in the documents; --unknown: those not in the catalogue yet (to confirm or add an alias)',
    unknown: 'only the agencies not in data/agencies.yaml',
    tasks: (n: number) => `${String(n).padStart(4)} ${n === 1 ? 'task' : 'tasks'}`,
    example: (doc: string) => `  — e.g. ${doc}`,
    unknownTotal: (n: number) =>
      `${countOf(n, 'agency', 'agencies')} not in the catalogue. Add them to data/agencies.yaml (standard name or alias), then import the documents again.`,
    total: (n: number) => `${countOf(n, 'agency', 'agencies')}.`,
  },
});

/** The columns of `cli import`'s summary table. */
export const IMPORT_HEADERS: Record<Locale, readonly string[]> = {
  vi: ['Tệp', 'Định dạng', 'Trạng thái', 'Văn bản', 'Mục', 'Nhiệm vụ', 'Chỉ tiêu', 'ms'],
  en: ['File', 'Format', 'Status', 'Documents', 'Sections', 'Tasks', 'Targets', 'ms'],
};
