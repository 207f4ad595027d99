// "bảng điều khiển" in chat: a one-time login link to the dashboard, for coordinators and admins only.
import type { App } from '../app.ts';
import type { ExtraCommand } from '../conversation/ports.ts';
import { fold } from '../core/text.ts';
import { dashboardLoginLink, isStaffRole } from './dashboard-auth.ts';

export function dashboardChat(app: App): ExtraCommand {
  return {
    name: 'web.dashboard',
    help: { usage: 'bảng điều khiển', what: 'đường dẫn đăng nhập bảng điều khiển báo cáo (dùng một lần)', who: 'staff' },
    match: (text) => /^(bang dieu khien|dashboard)$/.test(fold(text).trim()),
    async run({ user, now }) {
      if (!isStaffRole(user)) return [{ text: 'Bảng điều khiển chỉ dành cho điều phối viên và quản trị viên.' }];
      const link = dashboardLoginLink(app, user, now);
      if (!link) return [{ text: 'Bảng điều khiển chưa được bật (cần WEB_BASE_URL và WEB_SECRET). Xin báo quản trị viên.' }];
      return [{ text: `Đường dẫn đăng nhập bảng điều khiển (dùng một lần, trong 15 phút):\n${link}` }];
    },
  };
}
