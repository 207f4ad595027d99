// `cli dashboard-link --user <id>`: a one-time login link to the coordinator dashboard (coordinators, admins; an official's shows their agency).
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { userById } from '../../users/users.ts';
import { canSignIn, dashboardLoginLink } from '../../web/dashboard-auth.ts';
import { DASH_TEXT } from '../../web/dashboard-text.ts';
import { cliError, userNumber } from '../text/common.ts';
import { TOOLS_TEXT } from '../text/tools.ts';

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = TOOLS_TEXT(locale);
  program
    .command('dashboard-link')
    .description(T.dashboard)
    .requiredOption('--user <id>', T.dashboardUser)
    .action(async (o: { user: string }) => {
      const app = await getApp();
      const user = await userById(app.db, userNumber(o.user));
      if (!user) throw cliError(TOOLS_TEXT, ErrorCode.NotFound, (t) => t.noUser(o.user));
      if (!canSignIn(user)) throw cliError(DASH_TEXT, ErrorCode.InvalidInput, (t) => t.notForYou);
      const link = dashboardLoginLink(app, user, app.clock.now());
      if (!link) throw cliError(TOOLS_TEXT, ErrorCode.InvalidInput, (t) => t.needWeb);
      console.log(link);
    });
}
