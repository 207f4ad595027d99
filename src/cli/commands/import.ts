// `cli import <files or folders…>`: parse and store directive texts, a progress line per file, a summary table.
import type { RegisterCommands } from '../index.ts';
import { importPaths, type FileResult } from '../../ingest/pipeline.ts';
import { table } from '../format/table.ts';

const STATUS: Record<FileResult['status'], string> = { new: 'mới', updated: 'cập nhật', unchanged: 'không đổi', error: 'LỖI' };
const FORMAT: Record<string, string> = {
  text: 'văn bản',
  docx: 'DOCX',
  doc: 'DOC',
  pdf: 'PDF',
  'pdf-scan': 'PDF quét (OCR)',
  image: 'ảnh (OCR)',
  html: 'HTML',
};

/** "[██████░░░░░░] 3/8" */
export function progressBar(done: number, total: number, width = 20): string {
  const full = total ? Math.round((done / total) * width) : width;
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${done}/${total}`;
}

export const register: RegisterCommands = (program, getApp) => {
  program
    .command('import')
    .description('Nhập văn bản (tệp .txt/.md/.docx/.doc/.pdf/.html, ảnh quét, hoặc thư mục) vào cơ sở tri thức')
    .argument('<paths...>', 'tệp hoặc thư mục')
    .action(async (paths: string[]) => {
      const app = await getApp();
      // On a terminal the bar also shows the file being read (a scan takes seconds), on one line rewritten.
      const tty = process.stderr.isTTY;
      const summary = await importPaths(app, paths, {
        onStart: (file, i, total) => {
          if (tty) process.stderr.write(`\r\x1b[K${progressBar(i, total)} đang đọc ${file} …`);
        },
        onProgress: (r, i, total) => {
          if (tty) process.stderr.write('\r\x1b[K');
          console.log(`${progressBar(i + 1, total)} ${r.file}: ${r.message}${r.warnings.length ? ` (${r.warnings.length} lưu ý)` : ''}`);
        },
      });
      const rows = summary.files.map((r) => [
        r.file,
        r.format ? (FORMAT[r.format] ?? r.format) : '',
        STATUS[r.status],
        r.counts.documents,
        r.counts.sections,
        r.counts.tasks,
        r.counts.indicators,
        Math.round(r.ms),
      ]);
      console.log('\n' + table(['Tệp', 'Định dạng', 'Trạng thái', 'Văn bản', 'Mục', 'Nhiệm vụ', 'Chỉ tiêu', 'ms'], rows));
      const noted = summary.files.filter((r) => r.warnings.length);
      if (noted.length) {
        console.log(`\nLưu ý ở ${noted.length} tệp (vẫn được nhập; xem bằng "cli show <số hiệu>"):`);
        for (const r of noted) for (const w of r.warnings) console.log(`- ${r.file}: ${w}`);
      }
      const failed = summary.files.filter((r) => r.status === 'error').length;
      if (failed) {
        console.log(`\n${failed} tệp không nhập được (xem thông báo ở trên); các tệp khác đã được nhập.`);
        process.exitCode = 1;
      }
    });
};
