// Zalo end to end: the real ZaloBotAdapter (webhook) and ZaloOaAdapter against local fakes of both Zalo
// APIs (test/channels/zalo/fakes.ts, written from the notes), with the real bot behind them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaSignature } from '../../src/channels/common/signature.ts';
import { ZaloBotAdapter } from '../../src/channels/zalo/bot.ts';
import type { ZaloOaAdapter } from '../../src/channels/zalo/oa.ts';
import { startZaloOa, type ZaloOaRig } from './zalo-oa-harness.ts';
import { silentLogger } from '../../src/log.ts';
import { startFakeZaloBot } from '../channels/zalo/fakes.ts';
import { ANSWER_AGENCY, CITATION, post, QUESTION, startBot, storedAnswers, until, type Bot } from './helpers.ts';

const BOT_TOKEN = 'zalo-bot-token';
const BOT_SECRET = 'zalo-webhook-secret';
const APP_ID = '777';
const OA_SECRET = 'oa-secret-key';

let bot: Bot;
let zbFake: Awaited<ReturnType<typeof startFakeZaloBot>>;
let oaFake: ZaloOaRig['fake'];
let zb: ZaloBotAdapter;
let oa: ZaloOaAdapter;
let closeOa: () => Promise<void>;

beforeAll(async () => {
  bot = await startBot();
  zbFake = await startFakeZaloBot(BOT_TOKEN);
  zb = new ZaloBotAdapter({
    token: BOT_TOKEN,
    apiRoot: zbFake.url,
    webhook: { secret: BOT_SECRET, port: 0, host: '127.0.0.1', url: 'https://bot.example.vn/zalo/bot' },
    log: silentLogger,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
  });
  await zb.start(bot.runtime.bot.handle);
  ({
    oa,
    fake: oaFake,
    close: closeOa,
  } = await startZaloOa(bot.runtime.bot.handle, {
    appId: APP_ID,
    secret: OA_SECRET,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
  }));
});
afterAll(async () => {
  await zb?.stop();
  await zbFake?.close();
  await closeOa?.();
  await bot?.close();
});

/** A Zalo Bot webhook update from `user`; resolves with the texts the bot sent back to that chat. */
async function zaloSay(user: string, text: string): Promise<string> {
  const from = zbFake.sent.length;
  const body = JSON.stringify({
    event_name: 'message.text.received',
    message: {
      message_id: `m${Math.random()}`,
      from: { id: user, display_name: 'Cán bộ' },
      chat: { id: user, chat_type: 'PRIVATE' },
      date: Date.now(),
      text,
    },
  });
  expect(await post(`http://127.0.0.1:${zb.webhookPort}/zalo/bot`, body, { 'x-bot-api-secret-token': BOT_SECRET })).toBe(200);
  return zbFake.sent
    .slice(from)
    .filter((s) => s.chat_id === user)
    .map((s) => s.text)
    .join('\n');
}

/** A signed OA user_send_text webhook; resolves once `n` more replies went out to that user. */
async function oaSay(user: string, text: string, opts: { secret?: string; n?: number } = {}): Promise<{ status: number; reply: string }> {
  const from = oaFake.sent.length;
  const ts = String(Date.now());
  const body = JSON.stringify({
    app_id: APP_ID,
    event_name: 'user_send_text',
    timestamp: ts,
    sender: { id: user },
    recipient: { id: 'oa1' },
    message: { msg_id: `oa${Math.random()}`, text },
  });
  const status = await post(`http://127.0.0.1:${oa.webhookPort}/zalo/oa`, body, {
    'x-zevent-signature': zaloOaSignature(APP_ID, body, ts, opts.secret ?? OA_SECRET),
  });
  if (status !== 200) return { status, reply: '' };
  const got = await until(() => {
    const mine = oaFake.sent.slice(from).filter((s) => s.user_id === user);
    return mine.length >= (opts.n ?? 1) && mine;
  });
  return { status, reply: got.map((s) => s.text).join('\n') };
}

describe('Zalo Bot Platform × real bot', () => {
  it('registers its webhook with setWebhook at start', () => {
    expect(zbFake.calls).toContain('setWebhook');
  });

  it('onboards, answers with a citation, and runs a form answered with numbered choices', async () => {
    expect(await zaloSay('z1', QUESTION)).toMatch(new RegExp(`${ANSWER_AGENCY} chủ trì[\\s\\S]*${CITATION.source}`));
    expect(await zaloSay('z1', `/start ${await bot.invite()}`)).toContain('Đăng ký thành công');
    expect(await zaloSay('z1', 'báo cáo')).toContain('Câu 1/4');
    expect(await zaloSay('z1', '85')).toContain('Câu 2/4');
    expect(await zaloSay('z1', '150')).toContain('Câu 3/4');
    const q4 = await zaloSay('z1', '2000');
    expect(q4).toContain('1. Chưa triển khai\n2. Đang triển khai\n3. Hoàn thành\n(Trả lời bằng số thứ tự.)');
    expect(await zaloSay('z1', '3')).toContain('Đã ghi câu 4: Hoàn thành.');
    await zaloSay('z1', 'bỏ qua');
    expect(await zaloSay('z1', 'bỏ qua')).toContain('Đã hết các câu hỏi');
    expect(await zaloSay('z1', 'gửi')).toContain('1. Gửi báo cáo\n2. Chưa gửi');
    expect(await zaloSay('z1', '1')).toMatch(/Đã gửi báo cáo quý IV\/2026 của Sở Khoa học và Công nghệ/);
    const stored = await storedAnswers(bot);
    expect(stored.map((a) => [a.value, a.status, a.submission])).toEqual([
      [85, null, 'submitted'],
      [150, null, 'submitted'],
      [2000, null, 'submitted'],
      [null, 'hoan_thanh', 'submitted'],
    ]);
  });

  it('speaks English to an official who chose it: the form, its numbered choices and their hint', async () => {
    await zaloSay('z2', `/start ${await bot.invite()}`);
    expect(await zaloSay('z2', '/lang en')).toContain('From now on I reply in English');
    expect(await zaloSay('z2', 'báo cáo')).toMatch(/Report for Q4 2026[\s\S]*The report is sent\. You can still change it until/);
    expect(await zaloSay('z2', 'edit 4')).toContain('1. Not started\n2. In progress\n3. Completed\n(Answer with the number.)');
    expect(await zaloSay('z2', '2')).toContain('Saved question 4: In progress.');
    expect(await zaloSay('z2', '60')).toContain('Saved question 4: 60% done.');
    expect(await zaloSay('z2', 'skip')).toContain('The report is sent.');
    expect((await storedAnswers(bot))[3]).toMatchObject({ status: 'dang_trien_khai', percentDone: 60, submission: 'submitted' });
  });

  it('a wrong secret token is refused and changes nothing', async () => {
    const before = await bot.counts();
    const sent = zbFake.sent.length;
    const body = JSON.stringify({
      event_name: 'message.text.received',
      message: { from: { id: 'z9' }, chat: { id: 'z9' }, text: `/start ${await bot.invite()}` },
    });
    expect(await post(`http://127.0.0.1:${zb.webhookPort}/zalo/bot`, body, { 'x-bot-api-secret-token': 'not-the-secret' })).toBe(401);
    expect(await bot.counts()).toEqual({ ...before, auditLog: before.auditLog + 1 }); // only the invite made above
    expect(zbFake.sent.length).toBe(sent);
  });
});

describe('Zalo OA × real bot', () => {
  it('onboards and answers a question with its citation', async () => {
    expect((await oaSay('oa-u1', `đăng ký ${await bot.invite()}`)).reply).toContain('Đăng ký thành công');
    const { reply } = await oaSay('oa-u1', QUESTION);
    expect(reply).toContain(ANSWER_AGENCY);
    expect(reply).toMatch(CITATION);
  });

  it('refreshes the access token mid-conversation and the reply still arrives, once', async () => {
    const refreshes = oaFake.state.refreshes;
    oaFake.expireAccessToken();
    const { reply } = await oaSay('oa-u1', 'tôi là ai');
    expect(reply).toContain('Bạn đã đăng ký');
    expect(oaFake.state.refreshes).toBe(refreshes + 1);
    expect(oaFake.sent.at(-1)!.token).toBe(oaFake.state.access);
    expect(oaFake.sent.filter((s) => s.text === oaFake.sent.at(-1)!.text)).toHaveLength(1);
  });

  it('a bad signature is refused and changes nothing', async () => {
    const code = await bot.invite();
    const before = await bot.counts();
    const sent = oaFake.sent.length;
    expect((await oaSay('oa-u9', `đăng ký ${code}`, { secret: 'forged' })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 150));
    expect(await bot.counts()).toEqual(before);
    expect(oaFake.sent.length).toBe(sent);
  });
});
