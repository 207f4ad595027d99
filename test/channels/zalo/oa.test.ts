// Zalo OA end to end against local fakes of openapi.zalo.me and oauth.zaloapp.com.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zaloOaSignature } from '../../../src/channels/common/signature.ts';
import { ZaloOaAdapter } from '../../../src/channels/zalo/oa.ts';
import { FileTokenStore, ZaloOaApi } from '../../../src/channels/zalo/oa-api.ts';
import { OaQuota } from '../../../src/channels/zalo/quota.ts';
import { silentLogger } from '../../../src/log.ts';
import { fakeEngine, until } from '../common/fake-handler.ts';
import { startFakeZaloOa } from './fakes.ts';

const APP_ID = '4321';
const SECRET = 'oa-secret-key';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(clock = { t: Date.now() }) {
  const fake = await startFakeZaloOa(APP_ID, SECRET, { access: 'access-0', refresh: 'refresh-0' });
  const dir = await mkdtemp(join(tmpdir(), 'zalo-oa-'));
  const store = new FileTokenStore(join(dir, 'tokens.json'));
  const api = new ZaloOaApi({
    appId: APP_ID,
    secretKey: SECRET,
    apiRoot: fake.url,
    oauthRoot: fake.url,
    store,
    initial: { accessToken: 'access-0', refreshToken: 'refresh-0' },
  });
  const engine = fakeEngine();
  const now = () => clock.t;
  const adapter = new ZaloOaAdapter({
    appId: APP_ID,
    secretKey: SECRET,
    api,
    webhook: { port: 0, host: '127.0.0.1' },
    quota: new OaQuota(8, 48 * 3600_000, now),
    now,
    log: silentLogger,
    queue: { chatIntervalMs: () => 5 },
  });
  await adapter.start(engine.handler);
  cleanup.push(
    () => rm(dir, { recursive: true, force: true }),
    () => fake.close(),
    () => adapter.stop(),
  );
  const hook = (text: string, opts: { user?: string; secret?: string; ts?: number; msgId?: string } = {}) => {
    const ts = String(opts.ts ?? clock.t);
    const body = JSON.stringify({
      app_id: APP_ID,
      event_name: 'user_send_text',
      timestamp: ts,
      sender: { id: opts.user ?? 'zu1' },
      recipient: { id: 'oa1' },
      message: { msg_id: opts.msgId ?? `msg-${Math.random()}`, text },
    });
    return fetch(`http://127.0.0.1:${adapter.webhookPort}/zalo/oa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': zaloOaSignature(APP_ID, body, ts, opts.secret ?? SECRET) },
      body,
    });
  };
  return { fake, engine, adapter, hook, store, clock };
}

describe('Zalo OA adapter', () => {
  it('a signed user_send_text webhook gets a reply through message/cs', async () => {
    const { fake, engine, hook } = await setup();
    expect((await hook('xin chào')).status).toBe(200);
    await until(() => fake.sent[0]);
    expect(fake.sent).toEqual([{ user_id: 'zu1', text: 'Bạn nói: xin chào', token: 'access-0' }]);
    expect(engine.seen[0]).toMatchObject({ channel: 'zalo-oa', userId: 'zu1', chatId: 'zu1' });
  });

  it('on -216 refreshes once, persists the new pair, retries once; later sends use the new token', async () => {
    const { fake, hook, store } = await setup();
    fake.expireAccessToken();
    await hook('một');
    await until(() => fake.sent[0]);
    expect(fake.state.refreshes).toBe(1);
    expect(fake.sent[0]).toMatchObject({ text: 'Bạn nói: một', token: 'access-1' });
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await hook('hai');
    await until(() => fake.sent[1]);
    expect(fake.sent[1]).toMatchObject({ text: 'Bạn nói: hai', token: 'access-1' });
    expect(fake.state.refreshes).toBe(1);
    expect(fake.sent).toHaveLength(2);
  });

  it('two sends hitting an expired token share one refresh (the refresh token is single-use)', async () => {
    const { fake, adapter, hook } = await setup();
    await hook('a', { user: 'zu2' });
    await hook('b', { user: 'zu3' });
    await until(() => (fake.sent.length === 2 ? true : undefined));
    fake.expireAccessToken();
    const [r1, r2] = await Promise.all([adapter.send('zu2', [{ text: 'Nhắc 1' }]), adapter.send('zu3', [{ text: 'Nhắc 2' }])]);
    expect([r1, r2]).toEqual([{ ok: true }, { ok: true }]);
    expect(fake.state.refreshes).toBe(1);
  });

  it('a restart uses the stored token pair, not the spent one from the environment', async () => {
    const { fake, hook, store } = await setup();
    fake.expireAccessToken();
    await hook('một');
    await until(() => fake.sent[0]);
    const api2 = new ZaloOaApi({
      appId: APP_ID,
      secretKey: SECRET,
      apiRoot: fake.url,
      oauthRoot: fake.url,
      store,
      initial: { accessToken: 'access-0', refreshToken: 'refresh-0' },
    });
    await api2.init();
    await api2.sendText('zu1', 'sau khởi động lại');
    expect(fake.sent.at(-1)).toMatchObject({ text: 'sau khởi động lại', token: 'access-1' });
  });

  it('bad signature, stale timestamp, oversized body → 401/413; nothing handled, nothing sent', async () => {
    const { fake, engine, hook, adapter, clock } = await setup();
    expect((await hook('giả mạo', { secret: 'not-the-secret' })).status).toBe(401);
    expect((await hook('cũ', { ts: clock.t - 10 * 60_000 })).status).toBe(401);
    const big = await fetch(`http://127.0.0.1:${adapter.webhookPort}/zalo/oa`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    await new Promise((r) => setTimeout(r, 100));
    expect(engine.seen).toHaveLength(0);
    expect(fake.sent).toHaveLength(0);
  });

  it('a retried webhook (same msg_id) is answered once', async () => {
    const { fake, hook } = await setup();
    await hook('một lần', { msgId: 'same' });
    await hook('một lần', { msgId: 'same' });
    await until(() => fake.sent[0]);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sent).toHaveLength(1);
  });

  it('proactive sends: within 48 h up to 8 messages, then reason quota; none after 48 h; nothing sent beyond', async () => {
    const { fake, adapter, hook, clock } = await setup();
    expect(await adapter.send('nobody', [{ text: 'Nhắc hạn' }])).toMatchObject({ ok: false, reason: 'quota' });
    await hook('xin chào', { user: 'zu5' }); // 1 reply used
    await until(() => fake.sent[0]);
    for (let i = 0; i < 7; i++) expect(await adapter.send('zu5', [{ text: `Nhắc ${i}` }])).toEqual({ ok: true });
    expect(await adapter.send('zu5', [{ text: 'Nhắc thứ 9' }])).toMatchObject({ ok: false, reason: 'quota' });
    await hook('tôi đây', { user: 'zu5' }); // a new message from the user opens a new window
    await until(() => fake.sent[8]);
    clock.t += 49 * 3600_000;
    expect(await adapter.send('zu5', [{ text: 'Nhắc muộn' }])).toMatchObject({ ok: false, reason: 'quota' });
    expect(fake.sent.map((s) => s.text)).not.toContain('Nhắc thứ 9');
    expect(fake.sent.map((s) => s.text)).not.toContain('Nhắc muộn');
  });
});
