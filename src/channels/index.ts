// Builds one adapter per channel whose settings are present. A missing or malformed setting becomes a clear
// problem message for that channel only; the others still start. A channel's module (and its library: telegraf,
// the Zalo clients) is loaded only when that channel is configured: a console start loads none of them.
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import type { ChannelAdapter, ChoiceMemory, ExclusiveLease, Logger, MessageHandler } from '../core/interfaces.ts';
import type { WebhookRoutes } from './common/http.ts';
import { isBotUsername } from './telegram/deep-link.ts';
import type { TokenStore } from './zalo/oa-api.ts';
import type { OaBudget } from './zalo/quota.ts';

export interface ChannelOptions {
  /** Where the Zalo OA token pair is kept (the refresh token is single-use). */
  zaloOaTokenFile?: string;
  /** The shared web server's webhook paths: a webhook without a port setting of its own is served there. */
  routes?: WebhookRoutes;
  /** Telegram long polling only while this is held (one poller per bot token across instances). */
  telegramPollerLease?: ExclusiveLease;
  /** Where Zalo's numbered lists are kept (the database, so any instance reads a "1" right); in process when absent. */
  choices?: (channel: 'zalo' | 'zalo-oa') => ChoiceMemory;
  /** Where the Zalo OA token pair is shared by instances (the database), read from `before` (the file) until first saved. */
  sharedTokens?: (name: string, before: TokenStore) => TokenStore;
  /** Zalo OA's free-message budget per user, counted in the database so every instance sees one window. */
  oaBudget?: OaBudget;
}

/** A webhook's own port when set, else the shared server when there is one, else the channel's former default. */
function hosting(own: number | undefined, fallback: number, routes: WebhookRoutes | undefined) {
  return own === undefined && routes ? { port: 0, routes } : { port: own ?? fallback };
}

const isUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

type Built = { adapter?: ChannelAdapter; problems: string[] };

async function telegram(c: Config, log: Logger, routes?: WebhookRoutes, pollerLease?: ExclusiveLease): Promise<Built> {
  const p: string[] = [];
  if (!c.TELEGRAM_BOT_TOKEN) {
    if (c.TELEGRAM_WEBHOOK_URL || c.TELEGRAM_WEBHOOK_SECRET)
      p.push('Telegram: TELEGRAM_WEBHOOK_* is set but TELEGRAM_BOT_TOKEN is missing');
    return { problems: p };
  }
  if (!/^\d+:[\w-]{20,}$/.test(c.TELEGRAM_BOT_TOKEN))
    p.push('Telegram: TELEGRAM_BOT_TOKEN does not look like a BotFather token (<digits>:<35 characters>)');
  if (c.TELEGRAM_API_ROOT && !isUrl(c.TELEGRAM_API_ROOT)) p.push('Telegram: TELEGRAM_API_ROOT is not an http(s) URL');
  if (c.TELEGRAM_WEBHOOK_URL && !/^https:\/\//.test(c.TELEGRAM_WEBHOOK_URL))
    p.push('Telegram: TELEGRAM_WEBHOOK_URL must be a public https:// URL');
  if (c.TELEGRAM_BOT_USERNAME && !isBotUsername(c.TELEGRAM_BOT_USERNAME))
    p.push("Telegram: TELEGRAM_BOT_USERNAME must be the bot's username as in t.me/<username> (5–32 of A-Z a-z 0-9 _)");
  if (c.TELEGRAM_WEBHOOK_SECRET && !/^[A-Za-z0-9_-]{1,256}$/.test(c.TELEGRAM_WEBHOOK_SECRET))
    p.push('Telegram: TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z a-z 0-9 _ -');
  if (p.length) return { problems: p };
  const webhook = c.TELEGRAM_WEBHOOK_URL
    ? { url: c.TELEGRAM_WEBHOOK_URL, secret: c.TELEGRAM_WEBHOOK_SECRET, ...hosting(c.TELEGRAM_WEBHOOK_PORT, 8443, routes) }
    : undefined;
  const { TelegramAdapter } = await import('./telegram/adapter.ts');
  const adapter = new TelegramAdapter({ token: c.TELEGRAM_BOT_TOKEN, apiRoot: c.TELEGRAM_API_ROOT, webhook, log, pollerLease });
  return { adapter, problems: [] };
}

async function slack(c: Config, log: Logger, routes?: WebhookRoutes): Promise<Built> {
  const p: string[] = [];
  if (!c.SLACK_BOT_TOKEN) {
    if (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)
      p.push('Slack: SLACK_SIGNING_SECRET/SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing');
    return { problems: p };
  }
  if (!c.SLACK_BOT_TOKEN.startsWith('xoxb-')) p.push('Slack: SLACK_BOT_TOKEN must be a bot token (xoxb-…)');
  if (c.SLACK_APP_TOKEN && !c.SLACK_APP_TOKEN.startsWith('xapp-'))
    p.push('Slack: SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write');
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
    p.push('Slack: HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  if (c.SLACK_API_URL && !isUrl(c.SLACK_API_URL)) p.push('Slack: SLACK_API_URL is not an http(s) URL');
  if (p.length) return { problems: p };
  const apiUrl = c.SLACK_API_URL && !c.SLACK_API_URL.endsWith('/') ? `${c.SLACK_API_URL}/` : c.SLACK_API_URL;
  const { SlackAdapter } = await import('./slack/adapter.ts');
  const adapter = new SlackAdapter({
    botToken: c.SLACK_BOT_TOKEN,
    signingSecret: c.SLACK_SIGNING_SECRET,
    appToken: c.SLACK_APP_TOKEN,
    apiUrl,
    ...hosting(c.SLACK_PORT, 3000, routes),
    log,
  });
  return { adapter, problems: [] };
}

async function zaloBot(c: Config, log: Logger, routes?: WebhookRoutes, choices?: ChoiceMemory): Promise<Built> {
  const p: string[] = [];
  if (!c.ZALO_BOT_TOKEN) {
    if (c.ZALO_BOT_WEBHOOK_SECRET) p.push('Zalo Bot: ZALO_BOT_WEBHOOK_SECRET is set but ZALO_BOT_TOKEN is missing');
    return { problems: p };
  }
  const secret = c.ZALO_BOT_WEBHOOK_SECRET;
  if (secret && (secret.length < 8 || secret.length > 256)) p.push('Zalo Bot: ZALO_BOT_WEBHOOK_SECRET must be 8–256 characters');
  if (c.ZALO_BOT_API_ROOT && !isUrl(c.ZALO_BOT_API_ROOT)) p.push('Zalo Bot: ZALO_BOT_API_ROOT is not an http(s) URL');
  if (c.ZALO_BOT_WEBHOOK_URL && !/^https:\/\//.test(c.ZALO_BOT_WEBHOOK_URL))
    p.push('Zalo Bot: ZALO_BOT_WEBHOOK_URL must be a public https:// URL');
  if (c.ZALO_BOT_WEBHOOK_URL && !secret) p.push('Zalo Bot: ZALO_BOT_WEBHOOK_URL needs ZALO_BOT_WEBHOOK_SECRET (8–256 characters)');
  if (p.length) return { problems: p };
  // With a URL the webhook is registered through setWebhook; with only a secret it is set in the Zalo Bot console.
  const webhook = secret
    ? {
        secret,
        ...hosting(c.ZALO_BOT_WEBHOOK_PORT, 8444, routes),
        url: c.ZALO_BOT_WEBHOOK_URL,
        path: c.ZALO_BOT_WEBHOOK_URL ? new URL(c.ZALO_BOT_WEBHOOK_URL).pathname : undefined,
      }
    : undefined;
  const { ZaloBotAdapter } = await import('./zalo/bot.ts');
  return { adapter: new ZaloBotAdapter({ token: c.ZALO_BOT_TOKEN, apiRoot: c.ZALO_BOT_API_ROOT, webhook, log, choices }), problems: [] };
}

async function zaloOa(c: Config, log: Logger, tokenFile: string, opts: ChannelOptions): Promise<Built> {
  const any = c.ZALO_OA_APP_ID || c.ZALO_OA_SECRET_KEY || c.ZALO_OA_ACCESS_TOKEN || c.ZALO_OA_REFRESH_TOKEN;
  if (!any) return { problems: [] };
  const missing: string[] = (['ZALO_OA_APP_ID', 'ZALO_OA_SECRET_KEY'] as const).filter((k) => !c[k]);
  // with the tokens in the database a missing pair is found (and said) when the adapter starts
  if (!c.ZALO_OA_REFRESH_TOKEN && !existsSync(tokenFile) && !opts.sharedTokens) missing.push('ZALO_OA_REFRESH_TOKEN');
  const p = missing.length ? [`Zalo OA: missing ${missing.join(', ')}`] : [];
  for (const k of ['ZALO_OA_API_ROOT', 'ZALO_OA_OAUTH_ROOT'] as const)
    if (c[k] && !isUrl(c[k])) p.push(`Zalo OA: ${k} is not an http(s) URL`);
  if (p.length || !c.ZALO_OA_APP_ID || !c.ZALO_OA_SECRET_KEY) return { problems: p };
  const [{ FileTokenStore, ZaloOaApi }, { ZaloOaAdapter }] = await Promise.all([import('./zalo/oa-api.ts'), import('./zalo/oa.ts')]);
  const api = new ZaloOaApi({
    appId: c.ZALO_OA_APP_ID,
    secretKey: c.ZALO_OA_SECRET_KEY,
    apiRoot: c.ZALO_OA_API_ROOT,
    oauthRoot: c.ZALO_OA_OAUTH_ROOT,
    store: opts.sharedTokens ? opts.sharedTokens('zalo-oa', new FileTokenStore(tokenFile)) : new FileTokenStore(tokenFile),
    initial: { accessToken: c.ZALO_OA_ACCESS_TOKEN, refreshToken: c.ZALO_OA_REFRESH_TOKEN },
  });
  const adapter = new ZaloOaAdapter({
    appId: c.ZALO_OA_APP_ID,
    secretKey: c.ZALO_OA_SECRET_KEY,
    api,
    webhook: hosting(c.ZALO_OA_WEBHOOK_PORT, 8445, opts.routes),
    log,
    choices: opts.choices?.('zalo-oa'),
    ...(opts.oaBudget ? { quota: opts.oaBudget } : {}),
  });
  return { adapter, problems: [] };
}

export async function createChannelAdapters(
  config: Config,
  log: Logger,
  opts: ChannelOptions = {},
): Promise<{ adapters: ChannelAdapter[]; problems: string[] }> {
  const tokenFile = opts.zaloOaTokenFile ?? './data/zalo-oa-tokens.json';
  const adapters: ChannelAdapter[] = [];
  const problems: string[] = [];
  const builds: (() => Promise<Built>)[] = [
    () => telegram(config, log, opts.routes, opts.telegramPollerLease),
    () => slack(config, log, opts.routes),
    () => zaloBot(config, log, opts.routes, opts.choices?.('zalo')),
    () => zaloOa(config, log, tokenFile, opts),
  ];
  for (const build of builds) {
    try {
      const b = await build();
      if (b.adapter) adapters.push(b.adapter);
      problems.push(...b.problems);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return { adapters, problems };
}

/** Starts every adapter independently: one failing (wrong token, port in use) does not stop the others. */
export async function startChannelAdapters(
  adapters: ChannelAdapter[],
  handler: MessageHandler,
): Promise<{ started: ChannelAdapter[]; problems: string[] }> {
  const results = await Promise.allSettled(adapters.map((a) => a.start(handler)));
  const started: ChannelAdapter[] = [];
  const problems: string[] = [];
  for (const [i, r] of results.entries()) {
    const a = adapters[i]!;
    if (r.status === 'fulfilled') {
      started.push(a);
      continue;
    }
    problems.push(`${a.name}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
    await a.stop().catch(() => undefined); // release a port it may have opened before failing
  }
  return { started, problems };
}

export async function stopChannelAdapters(adapters: ChannelAdapter[]): Promise<void> {
  await Promise.allSettled(adapters.map((a) => a.stop()));
}
