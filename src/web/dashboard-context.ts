// What every dashboard route shares: the signed-in person (session cookie), HTML replies, the staff-only and CSRF
// refusals, and the web audit record.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import type { Scheduler } from '../scheduler/index.ts';
import type { BotUser } from '../users/users.ts';
import { cookieOf, dashboardCsrf, isStaffRole, sessionUser } from './dashboard-auth.ts';
import { errorPage } from './form-page.ts';

/** What the dashboard's actions need beyond the app: the scheduler, to send a reminder now. */
export interface DashboardDeps {
  scheduler?: Pick<Scheduler, 'sendNow'>;
}

export interface Session {
  user: BotUser;
  cookie: string;
}

export function dashboardContext(app: App) {
  const now = () => app.clock.now();
  const page = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const who = async (req: FastifyRequest): Promise<Session | null> => {
    const cookie = cookieOf(req.headers.cookie);
    const user = await sessionUser(app, cookie, now());
    return user && cookie ? { user, cookie } : null;
  };
  /**
   * An action by a coordinator or admin with the page's CSRF token: the session, or null after replying with the
   * refusal (not signed in 401; an official, whose view is their agency only, 403; a missing token 403).
   */
  const staffAction = async (req: FastifyRequest, reply: FastifyReply): Promise<Session | null> => {
    const s = await who(req);
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (!s) page(reply, 401, errorPage('Bạn chưa đăng nhập.'));
    else if (!isStaffRole(s.user)) staffOnly(reply);
    else if (typeof b.csrf !== 'string' || b.csrf !== dashboardCsrf(app.config.WEB_SECRET!, s.cookie))
      page(reply, 403, errorPage('Phiên làm việc không hợp lệ; xin tải lại trang.'));
    else return s;
    return null;
  };
  /** Figures of the province and downloads: coordinators and admins only. */
  const staffOnly = (reply: FastifyReply) =>
    page(reply, 403, errorPage('Chỉ điều phối viên và quản trị viên làm được việc này; bảng điều khiển của bạn chỉ hiện cơ quan của bạn.'));
  const audit = (userId: number, action: string, entityId: string, value: unknown) =>
    app.db.auditLog.create({
      data: { at: now(), userId, channel: 'web', action, entity: 'Period', entityId, newValue: JSON.stringify(value) },
    });
  /** Back to the dashboard with a message. */
  const back = (reply: FastifyReply, msg: string) => reply.redirect(`/dashboard?msg=${encodeURIComponent(msg)}`, 303);
  return { now, page, who, staffAction, staffOnly, audit, back };
}

export type DashboardContext = ReturnType<typeof dashboardContext>;
