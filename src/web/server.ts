// The bot's one web server (fastify): the form page, its static assets (files of this package, nothing fetched),
// the Telegram Web App entry, the dashboard, and the channels' webhooks mounted in WebhookRoutes. Body limit,
// per-route authentication (signed link + CSRF, Telegram initData, or the channel's own signature check) and the
// webhooks' request timeouts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { App } from '../app.ts';
import { addAuditLog } from '../db/audit-log.ts';
import { findAuditEntry } from './repo/audit-marks.ts';
import { findIdentitiesByRecency, findTelegramIdentity } from './repo/dashboard-reads.ts';
import type { ChannelAdapter } from '../core/interfaces.ts';
import type { ChannelName, OutboundMessage } from '../core/types.ts';
import { createTimedServer, guarded, MAX_BODY_BYTES, type WebhookRoutes } from '../channels/common/http.ts';
import { answerField, openWebForm, submitForm, type FieldInput } from './form-service.ts';
import { errorPage, esc, formPage, layout } from './form-page.ts';
import { checkCsrf, csrfFor, verifyFormToken, verifyInitData, type FormClaim } from './link.ts';
import { formLinkFor } from './links.ts';
import { browserLocale, WEB_TEXT } from './web-text.ts';
import type { Locale } from '../core/i18n.ts';
import { dashboardRoutes, type DashboardDeps } from './dashboard.ts';
import formbody from '@fastify/formbody';

export interface WebDeps extends DashboardDeps {
  /** Channels the confirmation after a submission is sent through (the runtime's map). */
  adapters?: Map<ChannelName, ChannelAdapter>;
  /** Webhooks served here (channels without a port of their own). */
  webhooks?: WebhookRoutes;
}

const STATIC: Record<string, { type: string; body: string }> = Object.fromEntries(
  [
    ['form.js', 'text/javascript; charset=utf-8'],
    ['tg.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
  ].map(([name, type]) => [name, { type: type!, body: readFileSync(fileURLToPath(new URL(`./static/${name}`, import.meta.url)), 'utf8') }]),
);

type Refusal = 'forged' | 'expired' | 'person' | 'csrf' | 'used';

/** Why a page or a change is refused, in the person's language when known, else the browser's. */
const refused = (why: Refusal, locale: Locale) => WEB_TEXT(locale)[why];
const langOf = (req: { headers: Record<string, unknown> }) => browserLocale(req.headers['accept-language']);

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'self'; img-src 'self' data:; frame-ancestors 'self' https://web.telegram.org")
    .header('referrer-policy', 'no-referrer')
    .send(body);

export function buildWebServer(app: App, deps: WebDeps = {}): FastifyInstance {
  const secret = app.config.WEB_SECRET;
  const f = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    connectionTimeout: 30_000,
    logger: false,
    serverFactory: (handler) => createTimedServer(handler),
  });
  const now = () => app.clock.now();
  const claimOf = (token: unknown): { ok: true; claim: FormClaim } | { ok: false; reason: 'forged' | 'expired' } =>
    !secret || typeof token !== 'string' ? { ok: false, reason: 'forged' } : verifyFormToken(secret, token, now());

  f.get<{ Params: { name: string } }>('/static/:name', (req, reply) => {
    const s = STATIC[req.params.name];
    if (!s) return reply.code(404).send('');
    return reply.header('content-type', s.type).header('cache-control', 'public, max-age=3600').send(s.body);
  });

  f.get<{ Querystring: { t?: string } }>('/form', async (req, reply) => {
    const c = claimOf(req.query.t);
    const lang = langOf(req);
    if (!c.ok) return html(reply, 403, errorPage(refused(c.reason, lang), lang));
    const form = await openWebForm(app, c.claim, now());
    if (!form) return html(reply, 403, errorPage(refused('person', lang), lang));
    return html(reply, 200, formPage({ ctx: form.ctx, token: req.query.t!, csrf: csrfFor(secret!, req.query.t!) }));
  });

  /** Every change: a signed link and its CSRF token (header), or 403 with nothing stored. */
  const guarded = (req: { body: unknown; headers: Record<string, unknown> }) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const c = claimOf(body.t);
    if (!c.ok) return { error: refused(c.reason, langOf(req)) } as const;
    const given = req.headers['x-csrf-token'];
    if (!checkCsrf(secret!, body.t as string, typeof given === 'string' ? given : undefined))
      return { error: refused('csrf', langOf(req)) } as const;
    return { claim: c.claim, body } as const;
  };

  f.post('/form/field', async (req, reply) => {
    const g = guarded(req);
    if ('error' in g) return reply.code(403).send({ state: 'refused', messages: [{ text: g.error }] });
    const b = g.body;
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, 4000) : undefined);
    const itemId = Number(b.itemId);
    if (!Number.isInteger(itemId)) return reply.code(400).send({ state: 'refused', messages: [{ text: WEB_TEXT(langOf(req)).noItem }] });
    const input: FieldInput = {
      itemId,
      text: str('text'),
      choice: str('choice'),
      status: str('status'),
      percent: str('percent'),
      note: str('note'),
    };
    const form = await openWebForm(app, g.claim, now());
    if (!form) return reply.code(403).send({ state: 'refused', messages: [{ text: refused('person', langOf(req)) }] });
    const lang = form.user.locale;
    if (!form.ctx.items.some((i) => i.id === itemId))
      return reply.code(400).send({ state: 'refused', messages: [{ text: WEB_TEXT(lang).notYourItem }] });
    return (await answerField(app, g.claim, input, now())) ?? { state: 'refused', messages: [{ text: refused('person', lang) }] };
  });

  f.post('/form/submit', async (req, reply) => {
    const g = guarded(req);
    if ('error' in g) return reply.code(403).send({ submitted: false, messages: [{ text: g.error }] });
    const r = await submitForm(app, g.claim, now());
    if (!r) return reply.code(403).send({ submitted: false, messages: [{ text: refused('person', langOf(req)) }] });
    if (r.submitted) await notifyChat(app, deps, g.claim.userId, r.messages);
    return r;
  });

  telegramRoutes(f, app, now);
  if (deps.webhooks) webhookRoutes(f, deps.webhooks);
  void f.register(formbody, { bodyLimit: 64 * 1024 });
  dashboardRoutes(f, app, deps);
  return f;
}

/**
 * The channels' webhooks: any other POST path is looked up in `routes` and handed, unread, to the channel's own
 * handler (its signature or secret check first, then its 1 MB cap); unknown paths get 404.
 */
function webhookRoutes(f: FastifyInstance, routes: WebhookRoutes): void {
  void f.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    scope.post('/*', (req, reply) => {
      const handler = routes.get(req.url.split('?')[0]!);
      if (!handler) return reply.code(404).send({ ok: false });
      reply.hijack();
      guarded(handler)(req.raw, reply.raw);
    });
  });
}

/** Telegram Web App: the page reads initData from its URL fragment and trades it for a signed form link. */
function telegramRoutes(f: FastifyInstance, app: App, now: () => Date): void {
  // the person is not known until initData is checked: the page speaks the browser's language
  f.get('/tg/form', (req, reply) => {
    const lang = langOf(req);
    const t = WEB_TEXT(lang);
    const p = `<p id="tg" data-outside="${esc(t.tgOutside)}" data-failed="${esc(t.tgFailed)}" data-offline="${esc(t.tgOffline)}">${esc(t.tgOpening)}</p>`;
    return html(reply, 200, layout(t.tgTitle, `<main>${p}</main><script src="/static/tg.js" defer></script>`, '', lang));
  });
  f.post('/tg/session', async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const token = app.config.TELEGRAM_BOT_TOKEN;
    const periodId = Number(b.periodId);
    const lang = langOf(req);
    if (!token || typeof b.initData !== 'string' || !Number.isInteger(periodId))
      return reply.code(403).send({ error: refused('forged', lang) });
    const v = verifyInitData(token, b.initData, now(), app.config.TELEGRAM_INITDATA_MAX_AGE_SECONDS);
    if (!v.ok) return reply.code(403).send({ error: refused(v.reason === 'stale' ? 'expired' : 'forged', lang) });
    const idn = await findTelegramIdentity(app.db, v.telegramUserId);
    const agencyId = Number(b.agencyId) || idn?.user.agencyId;
    if (!idn || !agencyId) return reply.code(403).send({ error: refused('person', lang) });
    const url = formLinkFor(app.config, { userId: idn.userId, periodId, agencyId }, now());
    const form = url && (await openWebForm(app, { userId: idn.userId, periodId, agencyId, exp: 0 }, now()));
    if (!url || !form) return reply.code(403).send({ error: refused('person', lang) });
    // One launch of the Web App, one link: initData copied out of a page (or a proxy log) cannot open it again
    // within its age window. Kept in the audit log, so a restart does not forget it.
    const used = { action: 'webapp.initdata', entity: 'InitData', entityId: v.hash };
    if (await findAuditEntry(app.db, used)) return reply.code(403).send({ error: refused('used', form.user.locale) });
    await addAuditLog(app.db, { ...used, at: now(), userId: idn.userId, channel: 'telegram', newValue: '{}' });
    return { url: new URL(url).pathname + new URL(url).search };
  });
}

/** The confirmation reaches the chat the person last used, as if they had typed "gửi" there. */
async function notifyChat(app: App, deps: WebDeps, userId: number, messages: OutboundMessage[]): Promise<void> {
  const ids = await findIdentitiesByRecency(app.db, userId);
  for (const i of ids) {
    const a = deps.adapters?.get(i.channel as ChannelName);
    if (!a) continue;
    try {
      await a.send(i.chatId ?? i.externalId, messages);
      return;
    } catch (err) {
      app.log.warn({ err, channel: i.channel }, 'web: could not send the submission confirmation to the chat');
    }
  }
}

/** Starts the web server on WEB_PORT; 0 picks a free port (tests). */
export async function startWebServer(app: App, deps: WebDeps = {}, port = app.config.WEB_PORT ?? 0, host = app.config.WEB_HOST) {
  const f = buildWebServer(app, deps);
  await f.listen({ port, host });
  const addr = f.server.address();
  return { server: f, port: typeof addr === 'object' && addr ? addr.port : port, close: () => f.close() };
}
