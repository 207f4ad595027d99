// `cli report status <regime> <period> [--agency <name>]`: who submitted on time, late or not; completeness and
// timeliness; one agency's answers. Shares the `report` parent command with `report build`.
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { getPeriod } from '../../reporting/period-service.ts';
import { agencyDetail, formatPeriodStatus, periodStatus } from '../../reporting/status.ts';
import { findAgency } from '../../users/agency.ts';

export function register(program: Command, getApp: () => Promise<App>): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('Báo cáo tiến độ');
  report
    .command('status')
    .description('Tình hình nộp báo cáo của một kỳ: đúng hạn, trễ, chưa nộp; tỷ lệ đầy đủ và đúng hạn')
    .argument('<regime>', 'mã chế độ báo cáo')
    .argument('<period>', 'kỳ, ví dụ 2026-Q4')
    .option('--agency <name>', 'xem chi tiết số liệu của một cơ quan')
    .option('--json', 'in JSON')
    .action(async (regimeCode: string, key: string, o: { agency?: string; json?: boolean }) => {
      const app = await getApp();
      const now = app.clock.now();
      const { regime, period } = await getPeriod(app.db, regimeCode, key);
      if (o.agency) {
        const agency = await findAgency(app, o.agency, regime.province);
        if (!agency)
          throw new AppError(ErrorCode.NotFound, `Không tìm thấy cơ quan "${o.agency}"${regime.province ? ` ở ${regime.province}` : ''}.`);
        return void console.log(await agencyDetail(app.db, period.id, agency.id));
      }
      const s = await periodStatus(app.db, period.id, now);
      console.log(o.json ? JSON.stringify(s, null, 2) : formatPeriodStatus(s, now));
    });
}
