// `cli dashboard-link --user <id>`: a one-time login link to the coordinator dashboard (coordinators, admins; an official's shows their agency).
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { userById } from '../../users/users.ts';
import { canSignIn, dashboardLoginLink } from '../../web/dashboard-auth.ts';
import { DASH_TEXT } from '../../web/dashboard-text.ts';

export function register(program: Command, getApp: () => Promise<App>): void {
  program
    .command('dashboard-link')
    .description('Đường dẫn đăng nhập bảng điều khiển (dùng một lần, 15 phút); cán bộ chỉ thấy cơ quan của mình')
    .requiredOption('--user <id>', 'mã người dùng (xem `cli user list`)')
    .action(async (o: { user: string }) => {
      const app = await getApp();
      const user = await userById(app.db, Number(o.user));
      if (!user) throw new AppError(ErrorCode.NotFound, `Không có người dùng #${o.user}.`);
      if (!canSignIn(user)) throw new AppError(ErrorCode.InvalidInput, DASH_TEXT('vi').notForYou);
      const link = dashboardLoginLink(app, user, app.clock.now());
      if (!link) throw new AppError(ErrorCode.InvalidInput, 'Cần đặt WEB_BASE_URL và WEB_SECRET để dùng bảng điều khiển.');
      console.log(link);
    });
}
