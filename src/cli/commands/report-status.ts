// `cli report status <regime> <period> [--agency <name>]`: who submitted on time, late or not; completeness and
// timeliness; one agency's answers. Shares the `report` parent command with `report build`.
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { getPeriod } from '../../reporting/period-service.ts';
import { agencyDetail, formatPeriodStatus, periodStatus } from '../../reporting/status.ts';
import { findAgency } from '../../users/agency.ts';
import { cliError } from '../text/common.ts';
import { REPORT_TEXT } from '../text/report.ts';
import { reportCommand } from './report-build.ts';

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = REPORT_TEXT(locale);
  reportCommand(program, locale)
    .command('status')
    .description(T.status)
    .argument('<regime>', T.statusRegime)
    .argument('<period>', T.statusPeriod)
    .option('--agency <name>', T.statusAgency)
    .option('--json', T.json)
    .action(async (regimeCode: string, key: string, o: { agency?: string; json?: boolean }) => {
      const app = await getApp();
      const now = app.clock.now();
      const { regime, period } = await getPeriod(app.db, regimeCode, key);
      if (o.agency) {
        const agency = await findAgency(app, o.agency, regime.province);
        if (!agency) throw cliError(REPORT_TEXT, ErrorCode.NotFound, (t) => t.noAgency(o.agency!, regime.province));
        return void console.log(await agencyDetail(app.db, period.id, agency.id, locale));
      }
      const s = await periodStatus(app.db, period.id, now);
      console.log(o.json ? JSON.stringify(s, null, 2) : formatPeriodStatus(s, now, locale));
    });
}
