// "bảng điều khiển" in chat: a one-time login link to the dashboard (an official's shows their agency only).
import type { App } from '../app.ts';
import type { ExtraCommand } from '../conversation/ports.ts';
import { fold } from '../core/text.ts';
import { canSignIn, dashboardLoginLink, isStaffRole } from './dashboard-auth.ts';
import { DASH_TEXT } from './dashboard-text.ts';

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
      const t = DASH_TEXT(user?.locale);
      if (!canSignIn(user)) return [{ text: t.notForYou }];
      const link = dashboardLoginLink(app, user, now);
      if (!link) return [{ text: t.notEnabled }];
      return [{ text: t.loginLink(!isStaffRole(user), link) }];
    },
  };
}
