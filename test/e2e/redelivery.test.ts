// Platforms re-deliver an event when our answer is slow (Telegram the same update_id, Slack the same event_id
// with X-Slack-Retry-Num, Zalo the same message). A re-delivery is acknowledged and ignored: one "85" is the
// answer to question 1 only (it was saved as the answer to question 1 and then to question 2), even when the
// adapter restarted in between (Zalo OA remembered deliveries in memory only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature, zaloOaSignature } from '../../src/channels/common/signature.ts';
import { ZaloBotAdapter } from '../../src/channels/zalo/bot.ts';
import { silentLogger } from '../../src/log.ts';
import { startFakeZaloBot } from '../channels/zalo/fakes.ts';
import { pause, post, startBot, until, type Bot } from './helpers.ts';
import { SLACK_SECRET, startSlack, type SlackRig } from './slack-harness.ts';
import { startTelegram, TG_SECRET, type TelegramRig } from './telegram-harness.ts';
import { startZaloOa } from './zalo-oa-harness.ts';

let bot: Bot;
let tg: TelegramRig;
let slack: SlackRig;

beforeAll(async () => {
  bot = await startBot();
  tg = await startTelegram(bot.runtime.bot.handle);
  slack = await startSlack(bot.runtime.bot.handle);
}, 60_000);
afterAll(async () => {
  await slack?.close();
  await tg?.close();
  await bot?.close();
});

/** What the person's agency has stored for question 1 and question 2 of the open period. */
async function firstTwo(agencyKey = 'so-khcn@ca-mau'): Promise<(number | null)[]> {
  const items = await bot.app.db.regimeItem.findMany({ where: { agency: { key: agencyKey } }, orderBy: { ord: 'asc' }, take: 2 });
  const answers = await bot.app.db.answer.findMany({ where: { itemId: { in: items.map((i) => i.id) } } });
  return items.map((i) => answers.find((a) => a.itemId === i.id)?.value ?? null);
}

async function clearAnswers(): Promise<void> {
  await bot.app.db.answer.deleteMany({});
  await bot.app.db.session.deleteMany({});
}

describe('a re-delivered event is applied once', () => {
  it('Telegram: the same update_id posted twice (webhook retry) saves "85" once', async () => {
    const url = `http://127.0.0.1:${tg.adapter.webhookPort}/tg/hook`;
    const update = (id: number, text: string) =>
      JSON.stringify({
        update_id: id,
        message: { message_id: id, date: 0, chat: { id: 501, type: 'private' }, from: { id: 501, is_bot: false, first_name: 'A' }, text },
      });
    const h = { 'x-telegram-bot-api-secret-token': TG_SECRET };
    expect(await post(url, update(1000, `/start ${await bot.invite()}`), h)).toBe(200);
    expect(await post(url, update(1001, 'báo cáo'), h)).toBe(200);
    expect(await post(url, update(1002, '85'), h)).toBe(200);
    expect(await post(url, update(1002, '85'), h)).toBe(200); // acknowledged, so Telegram stops re-sending
    await pause(100);
    expect(await firstTwo()).toEqual([85, null]);
    expect(await bot.app.db.auditLog.count({ where: { action: 'answer.set' } })).toBe(1);
    await clearAnswers();
  });

  it('Slack: the same event_id delivered again with X-Slack-Retry-Num saves "85" once', async () => {
    await slack.command('US1', `/start ${await bot.invite()}`);
    const dm = (id: string, text: string) =>
      JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: id,
        event_time: 1,
        event: { type: 'message', channel_type: 'im', channel: 'DUS1', user: 'US1', text, ts: '1.1' },
      });
    const send = (body: string, retry?: number) => {
      const ts = String(Math.floor(Date.now() / 1000));
      return post(slack.url, body, {
        'content-type': 'application/json',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': slackSignature(SLACK_SECRET, ts, body),
        ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
      });
    };
    expect(await send(dm('EvForm', 'báo cáo'))).toBe(200);
    await until(async () => (await bot.app.db.session.count()) > 0, 8000, 'form opened');
    expect(await send(dm('Ev85', '85'))).toBe(200);
    expect(await send(dm('Ev85', '85'), 1)).toBe(200);
    expect(await send(dm('Ev85', '85'), 2)).toBe(200);
    await pause(300);
    expect(await firstTwo()).toEqual([85, null]);
    await clearAnswers();
  });

  it('Zalo Bot: the same update posted twice saves "85" once', async () => {
    const fake = await startFakeZaloBot('zb-token');
    const zb = new ZaloBotAdapter({
      token: 'zb-token',
      apiRoot: fake.url,
      webhook: { secret: 'zalo-bot-secret', port: 0, host: '127.0.0.1' },
      log: silentLogger,
    });
    await zb.start(bot.runtime.bot.handle);
    const url = `http://127.0.0.1:${zb.webhookPort}/zalo/bot`;
    const upd = (id: string, text: string) =>
      JSON.stringify({ event_name: 'message.text.received', message: { message_id: id, from: { id: 'z1' }, chat: { id: 'z1' }, text } });
    const h = { 'x-bot-api-secret-token': 'zalo-bot-secret' };
    await post(url, upd('m1', `/start ${await bot.invite()}`), h);
    await post(url, upd('m2', 'báo cáo'), h);
    await post(url, upd('m3', '85'), h);
    await post(url, upd('m3', '85'), h);
    await pause(100);
    expect(await firstTwo()).toEqual([85, null]);
    await zb.stop();
    await fake.close();
    await clearAnswers();
  });

  it('Zalo OA: an event without msg_id re-delivered after the adapter restarted is still ignored', async () => {
    const o = { appId: '999', secret: 'oa-secret' };
    let rig = await startZaloOa(bot.runtime.bot.handle, o);
    const event = (ts: number, text: string) =>
      JSON.stringify({ app_id: '999', event_name: 'user_send_text', timestamp: String(ts), sender: { id: 'oa1' }, message: { text } });
    const deliver = (body: string, ts: number) =>
      post(`http://127.0.0.1:${rig.oa.webhookPort}/zalo/oa`, body, {
        'x-zevent-signature': zaloOaSignature('999', body, String(ts), 'oa-secret'),
      });
    const t = Date.now();
    await deliver(event(t, `/start ${await bot.invite()}`), t);
    await until(async () => (await bot.app.db.identity.count({ where: { channel: 'zalo-oa' } })) === 1, 8000, 'registered');
    await deliver(event(t + 1, 'báo cáo'), t + 1);
    await pause(300);
    const answer = event(t + 2, '85');
    expect(await deliver(answer, t + 2)).toBe(200);
    await until(async () => (await firstTwo())[0] === 85, 8000, 'answer saved');
    await rig.close();
    rig = await startZaloOa(bot.runtime.bot.handle, o);
    expect(await deliver(answer, t + 2)).toBe(200);
    await pause(300);
    expect(await firstTwo()).toEqual([85, null]);
    await rig.close();
  });
});
