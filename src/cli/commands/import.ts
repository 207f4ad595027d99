// `cli import <files or folders…>`: parse and store directive texts, a progress line per file, a summary table.
import type { RegisterCommands } from '../index.ts';
import { importPaths, type FileResult } from '../../ingest/pipeline.ts';
import { table } from '../format/table.ts';

const STATUS: Record<FileResult['status'], string> = { new: 'mới', updated: 'cập nhật', unchanged: 'không đổi', error: 'LỖI' };

export const register: RegisterCommands = (program, getApp) => {
  program
    .command('import')
    .description('Nhập văn bản (tệp .txt/.md hoặc thư mục) vào cơ sở tri thức')
    .argument('<paths...>', 'tệp hoặc thư mục')
    .action(async (paths: string[]) => {
      const app = await getApp();
      const summary = await importPaths(app, paths, {
        onProgress: (r, i, total) =>
          console.log(`[${i + 1}/${total}] ${r.file}: ${r.message}${r.warnings.length ? ` (${r.warnings.length} lưu ý)` : ''}`),
      });
      const rows = summary.files.map((r) => [
        r.file,
        STATUS[r.status],
        r.counts.documents,
        r.counts.sections,
        r.counts.tasks,
        r.counts.indicators,
        Math.round(r.ms),
      ]);
      console.log('\n' + table(['Tệp', 'Trạng thái', 'Văn bản', 'Mục', 'Nhiệm vụ', 'Chỉ tiêu', 'ms'], rows));
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
