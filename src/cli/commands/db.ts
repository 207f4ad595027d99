// `cli db copy --from <url> --to <url>`: moves a deployment to another database (SQLite → PostgreSQL), verified.
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { copyDatabase } from '../../db/copy.ts';

export function register(program: Command, _getApp: () => Promise<App>): void {
  const cmd = program.command('db').description('Cơ sở dữ liệu: chép sang cơ sở dữ liệu khác');
  cmd
    .command('copy')
    .description(
      'Chép toàn bộ dữ liệu sang một cơ sở dữ liệu mới, trống (vd. SQLite → PostgreSQL), kiểm tra số dòng và mã kiểm tra từng bảng',
    )
    .requiredOption('--from <url>', 'nguồn, vd. file:./data/app.db')
    .requiredOption('--to <url>', 'đích, vd. postgresql://user:pass@host:5432/db')
    .action(async (opts: { from: string; to: string }) => {
      const tables = await copyDatabase(opts.from, opts.to);
      const w = Math.max(...tables.map((t) => t.table.length));
      console.log(`${'Bảng'.padEnd(w)}  ${'Số dòng'.padStart(8)}  Mã kiểm tra       Khớp`);
      for (const t of tables) console.log(`${t.table.padEnd(w)}  ${String(t.rows).padStart(8)}  ${t.checksum}  ${t.same ? 'có' : 'KHÔNG'}`);
      const bad = tables.filter((t) => !t.same);
      if (bad.length)
        throw new AppError(
          ErrorCode.Internal,
          `Dữ liệu đích không khớp nguồn ở bảng ${bad.map((t) => t.table).join(', ')}: đừng dùng cơ sở dữ liệu đích.`,
        );
      console.log(`Đã chép ${tables.reduce((a, t) => a + t.copied, 0)} dòng của ${tables.length} bảng; mọi bảng khớp.`);
    });
}
