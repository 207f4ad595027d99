// What every dashboard route shares: the signed-in person (session cookie), HTML replies, the staff-only and CSRF
// refusals, and the web audit record.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import { addAuditLog } from '../db/audit-log.ts';
import type { Scheduler } from '../scheduler/index.ts';
import type { BotUser } from '../users/users.ts';
import { cookieOf, dashboardCsrf, isStaffRole, sessionUser } from './dashboard-auth.ts';
import { errorPage } from './form-page.ts';
import { DASH_TEXT } from './dashboard-text.ts';
import { browserLocale } from './web-text.ts';

/** What the dashboard's actions need beyond the app: the scheduler, to send a reminder now. */
export interface DashboardDeps {
  scheduler?: Pick<Scheduler, 'sendNow'>;
}

type DashRefusal = 'csrf' | 'staffOnly' | 'regimeNotInScope' | 'periodNotInScope' | 'targetNotInScope' | 'badFormat' | 'badAction';

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
    if (!s) notSignedIn(req, reply);
    else if (!isStaffRole(s.user)) staffOnly(reply, s);
    else if (typeof b.csrf !== 'string' || b.csrf !== dashboardCsrf(app.config.WEB_SECRET!, s.cookie)) refuse(reply, 403, s, 'csrf');
    else return s;
    return null;
  };
  /** A refusal page in the signed-in person's language. */
  const refuse = (reply: FastifyReply, status: number, s: Session, why: DashRefusal) =>
    page(reply, status, errorPage(DASH_TEXT(s.user.locale)[why], s.user.locale));
  /** Nobody signed in: the browser's language. */
  const notSignedIn = (req: FastifyRequest, reply: FastifyReply, how = false) => {
    const lang = browserLocale(req.headers['accept-language']);
    return page(reply, 401, errorPage(DASH_TEXT(lang)[how ? 'notSignedInHow' : 'notSignedIn'], lang));
  };
  /** Figures of the province and downloads: coordinators and admins only. */
  const staffOnly = (reply: FastifyReply, s: Session) => refuse(reply, 403, s, 'staffOnly');
  const audit = (userId: number, action: string, entityId: string, value: unknown) =>
    addAuditLog(app.db, { at: now(), userId, channel: 'web', action, entity: 'Period', entityId, newValue: JSON.stringify(value) });
  /** Back to the dashboard with a message. */
  const back = (reply: FastifyReply, msg: string) => reply.redirect(`/dashboard?msg=${encodeURIComponent(msg)}`, 303);
  return { now, page, who, staffAction, staffOnly, refuse, notSignedIn, audit, back };
}

export type DashboardContext = ReturnType<typeof dashboardContext>;
