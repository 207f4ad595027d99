// Forged, stale and oversized webhook requests against every adapter, with the real bot behind them: each
// carries a valid invite code, so anything getting through would store an Identity, an AuditLog row, a Session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature, zaloOaSignature } from '../../src/channels/common/signature.ts';
import { ZaloBotAdapter } from '../../src/channels/zalo/bot.ts';
import type { ZaloOaAdapter } from '../../src/channels/zalo/oa.ts';
import { startZaloOa, type ZaloOaRig } from './zalo-oa-harness.ts';
import { silentLogger } from '../../src/log.ts';
import { startFakeZaloBot } from '../channels/zalo/fakes.ts';
import { pause, post, startBot, type Bot } from './helpers.ts';
import { SLACK_SECRET, startSlack, type SlackRig } from './slack-harness.ts';
import { startTelegram, TG_SECRET, type TelegramRig } from './telegram-harness.ts';

const OVER_1MB = 1024 * 1024 + 16;
let bot: Bot;
let tg: TelegramRig;
let slack: SlackRig;
let zbFake: Awaited<ReturnType<typeof startFakeZaloBot>>;
let oaFake: ZaloOaRig['fake'];
let zb: ZaloBotAdapter;
let oa: ZaloOaAdapter;
let closeOa: () => Promise<void>;
let code: string;

beforeAll(async () => {
  bot = await startBot();
  code = await bot.invite();
  tg = await startTelegram(bot.runtime.bot.handle);
  slack = await startSlack(bot.runtime.bot.handle);
  zbFake = await startFakeZaloBot('zb-token');
  zb = new ZaloBotAdapter({
    token: 'zb-token',
    apiRoot: zbFake.url,
    webhook: { secret: 'zalo-bot-secret', port: 0, host: '127.0.0.1' },
    log: silentLogger,
  });
  await zb.start(bot.runtime.bot.handle);
  ({ oa, fake: oaFake, close: closeOa } = await startZaloOa(bot.runtime.bot.handle, { appId: '999', secret: 'oa-secret' }));
});
afterAll(async () => {
  await zb?.stop();
  await slack?.close();
  await tg?.close();
  await zbFake?.close();
  await closeOa?.();
  await bot?.close();
});

async function expectNothingStored(run: () => Promise<number[]>, statuses: number[]) {
  const before = await bot.counts();
  const sent = { slack: slack.posts().length, zalo: zbFake.sent.length, oa: oaFake.sent.length };
  expect(await run()).toEqual(statuses);
  await pause(100);
  expect(await bot.counts()).toEqual(before);
  expect({ slack: slack.posts().length, zalo: zbFake.sent.length, oa: oaFake.sent.length }).toEqual(sent);
  expect((await bot.app.db.invite.findUniqueOrThrow({ where: { code } })).usedAt).toBeNull();
}

describe('forged, stale and oversized requests change nothing', () => {
  it('Telegram: missing or wrong secret token → 401, over 1 MB → 413', async () => {
    const url = `http://127.0.0.1:${tg.adapter.webhookPort}/tg/hook`;
    const update = JSON.stringify({
      update_id: 7,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 77, type: 'private' },
        from: { id: 77, is_bot: false, first_name: 'X' },
        text: `/start ${code}`,
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    await expectNothingStored(
      async () => [
        await post(url, update),
        await post(url, update, { 'x-telegram-bot-api-secret-token': 'wrong-secret' }),
        await post(url, `${update}${' '.repeat(OVER_1MB)}`, { 'x-telegram-bot-api-secret-token': TG_SECRET }),
      ],
      [401, 401, 413],
    );
  });

  it('Slack: bad signature → 401, a correctly signed but 6-minute-old request → 401, over 1 MB → 413', async () => {
    const body = new URLSearchParams({
      command: '/chithi',
      text: `/start ${code}`,
      user_id: 'UF',
      channel_id: 'DUF',
      team_id: 'T1',
    }).toString();
    const headers = (ts: number, secret = SLACK_SECRET, b = body) => ({
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(secret, String(ts), b),
    });
    const now = Math.floor(Date.now() / 1000);
    const big = `${body}&pad=${'a'.repeat(OVER_1MB)}`;
    await expectNothingStored(
      async () => [
        await post(slack.url, body, headers(now, 'forged-secret')),
        await post(slack.url, body, headers(now - 6 * 60)),
        await post(slack.url, big, headers(now, SLACK_SECRET, big)),
      ],
      [401, 401, 413],
    );
  });

  it('Zalo Bot: missing or wrong X-Bot-Api-Secret-Token → 401, over 1 MB → 413', async () => {
    const url = `http://127.0.0.1:${zb.webhookPort}/zalo/bot`;
    const body = JSON.stringify({
      event_name: 'message.text.received',
      message: { from: { id: 'zf' }, chat: { id: 'zf' }, text: `/start ${code}` },
    });
    await expectNothingStored(
      async () => [
        await post(url, body),
        await post(url, body, { 'x-bot-api-secret-token': 'wrong-secret-123' }),
        await post(url, `${body}${' '.repeat(OVER_1MB)}`, { 'x-bot-api-secret-token': 'zalo-bot-secret' }),
      ],
      [401, 401, 413],
    );
  });

  it('Zalo OA: bad X-ZEvent-Signature → 401, a correctly signed 10-minute-old event → 401, over 1 MB → 413', async () => {
    const url = `http://127.0.0.1:${oa.webhookPort}/zalo/oa`;
    const event = (ts: number) =>
      JSON.stringify({
        app_id: '999',
        event_name: 'user_send_text',
        timestamp: String(ts),
        sender: { id: 'of' },
        recipient: { id: 'oa' },
        message: { msg_id: `f${ts}`, text: `/start ${code}` },
      });
    const now = Date.now();
    const fresh = event(now);
    const stale = event(now - 10 * 60_000);
    await expectNothingStored(
      async () => [
        await post(url, fresh, { 'x-zevent-signature': zaloOaSignature('999', fresh, String(now), 'forged') }),
        await post(url, stale, { 'x-zevent-signature': zaloOaSignature('999', stale, String(now - 10 * 60_000), 'oa-secret') }),
        await post(url, `${fresh}${' '.repeat(OVER_1MB)}`, { 'x-zevent-signature': 'mac=00' }),
      ],
      [401, 401, 413],
    );
  });

  it('Zalo OA: a null or non-event body → 401 when unsigned, 400 when signed; never 500, never parsed first', async () => {
    const url = `http://127.0.0.1:${oa.webhookPort}/zalo/oa`;
    const now = Date.now();
    // signed by the real secret, but a list instead of an event: the signature holds, the shape does not
    const list = JSON.stringify([{ app_id: '999', timestamp: String(now), event_name: 'user_send_text' }]);
    const nul = 'null';
    await expectNothingStored(
      async () => [
        await post(url, nul, { 'x-zevent-signature': 'mac=00' }),
        await post(url, nul, { 'x-zevent-signature': zaloOaSignature('999', nul, String(now), 'oa-secret') }),
        await post(url, '{"app_id":"999","timestamp":', { 'x-zevent-signature': 'mac=00' }),
        await post(url, list, { 'x-zevent-signature': zaloOaSignature('999', list, String(now), 'oa-secret') }),
      ],
      [401, 401, 401, 400],
    );
  });
});
