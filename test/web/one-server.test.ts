// One web server for the whole bot: the Telegram, Slack, Zalo Bot and Zalo OA webhooks and the form page answered
// on the same port (WEB_PORT), each webhook keeping its own protection there (secret token, signature, 1 MB cap);
// a webhook with a port setting of its own keeps that port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelAdapters, startChannelAdapters, stopChannelAdapters } from '../../src/channels/index.ts';
import { WebhookRoutes } from '../../src/channels/common/http.ts';
import { zaloOaSignature } from '../../src/channels/common/signature.ts';
import type { ChannelAdapter } from '../../src/core/interfaces.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { signFormToken } from '../../src/web/link.ts';
import { startWebServer } from '../../src/web/server.ts';
import { fakeEngine, until } from '../channels/common/fake-handler.ts';
import { signedHeaders, startFakeSlack } from '../channels/slack/fake-slack.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { startFakeZaloBot, startFakeZaloOa } from '../channels/zalo/fakes.ts';
import { SECRET, webFixture, type WebFixture } from './helpers.ts';

const TG_TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi';
const TG_SECRET = 'tg-webhook-secret';
const SLACK_SECRET = 'slack-signing-secret';
const ZALO_SECRET = 'zalo-webhook-secret';
const OA_ID = '4321';
const OA_SECRET = 'oa-secret-key';

let fx: WebFixture;
let tg: FakeBotApi;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let zalo: Awaited<ReturnType<typeof startFakeZaloBot>>;
let oa: Awaited<ReturnType<typeof startFakeZaloOa>>;
let web: Awaited<ReturnType<typeof startWebServer>>;
let started: ChannelAdapter[] = [];
let dir: string;
const engine = fakeEngine();

function env(extra: Record<string, string> = {}) {
  return loadConfig({
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_API_ROOT: tg.url,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg/hook',
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.url,
    ZALO_BOT_TOKEN: '1234:zalo-bot-token',
    ZALO_BOT_API_ROOT: zalo.url,
    ZALO_BOT_WEBHOOK_SECRET: ZALO_SECRET,
    ZALO_OA_APP_ID: OA_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: 'access-0',
    ZALO_OA_REFRESH_TOKEN: 'refresh-0',
    ZALO_OA_API_ROOT: oa.url,
    ZALO_OA_OAUTH_ROOT: oa.url,
    WEB_PORT: '0',
    ...extra,
  });
}

beforeAll(async () => {
  fx = await webFixture();
  dir = mkdtempSync(join(tmpdir(), 'da-one-server-'));
  tg = await new FakeBotApi(TG_TOKEN).start();
  slack = await startFakeSlack();
  zalo = await startFakeZaloBot('1234:zalo-bot-token');
  oa = await startFakeZaloOa(OA_ID, OA_SECRET, { access: 'access-0', refresh: 'refresh-0' });
  const webhooks = new WebhookRoutes();
  web = await startWebServer(fx.app, { webhooks }, 0, '127.0.0.1');
  const built = await createChannelAdapters(env(), silentLogger, { routes: webhooks, zaloOaTokenFile: join(dir, 'oa.json') });
  expect(built.problems).toEqual([]);
  const run = await startChannelAdapters(built.adapters, engine.handler);
  expect(run.problems).toEqual([]);
  started = run.started;
});

afterAll(async () => {
  await stopChannelAdapters(started);
  await web?.close();
  await Promise.all([tg?.stop(), slack?.close(), zalo?.close(), oa?.close()]);
  await fx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path: string) => `http://127.0.0.1:${web.port}${path}`;
const post = (path: string, body: string, headers: Record<string, string>) => fetch(url(path), { method: 'POST', headers, body });
const seenText = (t: string) => engine.seen.some((m) => m.text === t);

function oaEvent(text: string, secret = OA_SECRET) {
  const ts = String(Date.now());
  const body = JSON.stringify({
    app_id: OA_ID,
    event_name: 'user_send_text',
    timestamp: ts,
    sender: { id: 'zu1' },
    message: { msg_id: `m-${text}`, text },
  });
  return post('/zalo/oa', body, { 'content-type': 'application/json', 'x-zevent-signature': zaloOaSignature(OA_ID, body, ts, secret) });
}

describe('one web server on WEB_PORT', () => {
  it('answers the four webhooks and the form page on the same port; no channel opened a port of its own', async () => {
    for (const a of started)
      expect((a as { webhookPort?: number; port?: number }).webhookPort ?? (a as { port?: number }).port).toBeUndefined();

    const update = JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 501, type: 'private' },
        from: { id: 501, first_name: 'Lan' },
        text: 'telegram chung cổng',
      },
    });
    const r1 = await post('/tg/hook', update, { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET });
    expect(r1.status).toBe(200);

    const cmd = new URLSearchParams({
      command: '/chithi',
      text: 'slack chung cổng',
      user_id: 'U1',
      user_name: 'lan',
      channel_id: 'D1',
      team_id: 'T1',
      trigger_id: 'tr1',
      response_url: 'http://127.0.0.1:1/r',
    }).toString();
    const r2 = await post('/slack/events', cmd, signedHeaders(SLACK_SECRET, cmd, 'application/x-www-form-urlencoded'));
    expect(r2.status).toBe(200);

    const zu = JSON.stringify({
      event_name: 'message.text.received',
      message: { message_id: 'zm1', from: { id: 'z1' }, chat: { id: 'z1', chat_type: 'PRIVATE' }, date: 1, text: 'zalo chung cổng' },
    });
    const r3 = await post('/zalo/bot', zu, { 'content-type': 'application/json', 'x-bot-api-secret-token': ZALO_SECRET });
    expect(r3.status).toBe(200);

    expect((await oaEvent('zalo oa chung cổng')).status).toBe(200);

    await until(() => ['telegram', 'slack', 'zalo', 'zalo oa'].every((c) => seenText(`${c} chung cổng`)) || undefined);
    await until(() => tg.sent.find((m) => m.text.includes('telegram chung cổng')));
    await until(() => zalo.sent.find((m) => m.text.includes('zalo chung cổng')));

    const t = signFormToken(SECRET, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId, exp: Date.parse('2030-01-01') });
    const page = await fetch(url(`/form?t=${t}`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Gửi báo cáo');
  });

  it('refuses forged requests on the shared port, before the engine sees them', async () => {
    const before = engine.seen.length;
    const update = JSON.stringify({
      update_id: 2,
      message: { message_id: 2, date: 1, chat: { id: 502, type: 'private' }, from: { id: 502, first_name: 'X' }, text: 'giả mạo' },
    });
    for (const secret of [undefined, 'wrong-secret']) {
      const h: Record<string, string> = { 'content-type': 'application/json' };
      if (secret) h['x-telegram-bot-api-secret-token'] = secret;
      expect((await post('/tg/hook', update, h)).status).toBe(401);
    }
    const cmd = new URLSearchParams({ command: '/chithi', text: 'giả mạo', user_id: 'U9', channel_id: 'D9', trigger_id: 'x' }).toString();
    expect((await post('/slack/events', cmd, signedHeaders('another-secret', cmd, 'application/x-www-form-urlencoded'))).status).toBe(401);
    const stale = signedHeaders(SLACK_SECRET, cmd, 'application/x-www-form-urlencoded', Math.floor(Date.now() / 1000) - 3600);
    expect((await post('/slack/events', cmd, stale)).status).toBe(401);
    const zu = JSON.stringify({ message: { message_id: 'zm9', from: { id: 'z9' }, chat: { id: 'z9' }, text: 'giả mạo' } });
    expect((await post('/zalo/bot', zu, { 'content-type': 'application/json', 'x-bot-api-secret-token': 'nope-nope' })).status).toBe(401);
    expect((await oaEvent('giả mạo', 'another-oa-secret')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(engine.seen.length).toBe(before);
  });

  it('keeps the 1 MB cap per webhook (413) and answers 404 for a path nobody serves', async () => {
    const big = JSON.stringify({ update_id: 3, pad: 'x'.repeat(1024 * 1024 + 10) });
    expect((await post('/tg/hook', big, { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET })).status).toBe(
      413,
    );
    expect((await post('/khong-co', '{}', { 'content-type': 'application/json' })).status).toBe(404);
  });

  it('a channel with a port setting of its own keeps that port, and the shared server does not serve its path', async () => {
    const routes = new WebhookRoutes();
    const built = await createChannelAdapters(
      loadConfig({
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        TELEGRAM_API_ROOT: tg.url,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg/own',
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        TELEGRAM_WEBHOOK_PORT: '0',
        WEB_PORT: '0',
      }),
      silentLogger,
      { routes },
    );
    const run = await startChannelAdapters(built.adapters, engine.handler);
    try {
      const own = run.started[0] as unknown as { webhookPort?: number };
      expect(own.webhookPort).toBeGreaterThan(0);
      expect(routes.get('/tg/own')).toBeUndefined();
      const r = await fetch(`http://127.0.0.1:${own.webhookPort}/tg/own`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' },
        body: '{}',
      });
      expect(r.status).toBe(401);
    } finally {
      await stopChannelAdapters(run.started);
    }
  });
});
