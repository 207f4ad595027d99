// "bảng điều khiển" in chat: a one-time login link to the dashboard (an official's shows their agency only).
import type { App } from '../app.ts';
import type { ExtraCommand } from '../conversation/ports.ts';
import { fold } from '../core/text.ts';
import { canSignIn, dashboardLoginLink, isStaffRole, NOT_SIGNED_IN } from './dashboard-auth.ts';

export function dashboardChat(app: App): ExtraCommand {
  return {
    name: 'web.dashboard',
    help: {
      usage: 'bảng điều khiển',
      what: 'đường dẫn đăng nhập bảng điều khiển báo cáo (dùng một lần)',
      en: 'a one-time sign-in link to the reporting dashboard',
      who: 'registered',
    },
    match: (text) => /^(bang dieu khien|dashboard)$/.test(fold(text).trim()),
    async run({ user, now }) {
      if (!canSignIn(user)) return [{ text: NOT_SIGNED_IN }];
      const link = dashboardLoginLink(app, user, now);
      if (!link) return [{ text: 'Bảng điều khiển chưa được bật (cần WEB_BASE_URL và WEB_SECRET). Xin báo quản trị viên.' }];
      const scope = isStaffRole(user) ? '' : ', chỉ hiện cơ quan của bạn';
      return [{ text: `Đường dẫn đăng nhập bảng điều khiển (dùng một lần, trong 15 phút${scope}):\n${link}` }];
    },
  };
}
