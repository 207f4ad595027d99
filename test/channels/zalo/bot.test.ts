// Zalo Bot Platform end to end against a local fake of its API: webhook and long polling.
import { afterEach, describe, expect, it } from 'vitest';
import { ZaloBotAdapter } from '../../../src/channels/zalo/bot.ts';
import { silentLogger } from '../../../src/log.ts';
import { fakeEngine, LONG_WORD, until } from '../common/fake-handler.ts';
import { startFakeZaloBot } from './fakes.ts';

const TOKEN = '1234:zalo-bot-token';
const SECRET = 'zalo-webhook-secret';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const update = (text: string, id = 'u1') => ({
  event_name: 'message.text.received',
  message: {
    message_id: `m-${Math.random()}`,
    from: { id, display_name: 'Lan' },
    chat: { id, chat_type: 'PRIVATE' },
    date: Date.now(),
    text,
  },
});

async function setup(mode: 'webhook' | 'polling') {
  const fake = await startFakeZaloBot(TOKEN);
  const engine = fakeEngine();
  const adapter = new ZaloBotAdapter({
    token: TOKEN,
    apiRoot: fake.url,
    log: silentLogger,
    pollTimeoutSec: 1,
    queue: { chatIntervalMs: () => 5 },
    ...(mode === 'webhook' ? { webhook: { secret: SECRET, port: 0, host: '127.0.0.1' } } : {}),
  });
  await adapter.start(engine.handler);
  cleanup.push(
    () => fake.close(),
    () => adapter.stop(),
  );
  const post = (body: unknown, secret: string | null = SECRET) =>
    fetch(`http://127.0.0.1:${adapter.webhookPort}/zalo/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-bot-api-secret-token': secret } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { fake, engine, adapter, post };
}

describe('Zalo Bot adapter', () => {
  it('webhook: a text in, a sendMessage out; bare and {ok,result}-wrapped bodies both work', async () => {
    const { fake, engine, post } = await setup('webhook');
    expect((await post(update('xin chào'))).status).toBe(200);
    expect(fake.sent).toEqual([{ chat_id: 'u1', text: 'Bạn nói: xin chào' }]);
    expect(engine.seen[0]).toMatchObject({ channel: 'zalo', userId: 'u1', chatId: 'u1', displayName: 'Lan', isGroup: false });
    expect((await post({ ok: true, result: update('hỏi chữ ký số', 'u2') })).status).toBe(200);
    expect(fake.sent[1]).toEqual({
      chat_id: 'u2',
      text: 'Sở TT&TT chủ trì <triển khai> chữ ký số.\nNguồn: 17/CT-UBND (Quảng Ngãi), Điều 2.5.b',
    });
  });

  it('webhook: a file (Zalo Bot delivers it only as an unsupported message) gets told where files can be sent', async () => {
    const { fake, engine, post } = await setup('webhook');
    const { text: _text, ...message } = update('').message;
    expect((await post({ event_name: 'message.unsupported.received', message })).status).toBe(200);
    expect(
      (await post({ event_name: 'message.sticker.received', message: { ...message, chat: { id: 'g1', chat_type: 'GROUP' } } })).status,
    ).toBe(200);
    expect(engine.seen).toEqual([]);
    expect(fake.sent).toHaveLength(1); // the group is not answered
    expect(fake.sent[0]!.chat_id).toBe('u1');
    expect(fake.sent[0]!.text).toMatch(/chỉ đọc được tin nhắn dạng chữ.*Zalo OA, Telegram hoặc Slack/s);
  });

  it('webhook: choices as a numbered list, answered by number', async () => {
    const { fake, engine, post } = await setup('webhook');
    await post(update('báo cáo'));
    expect(fake.sent[0]!.text).toContain('1. Tỷ lệ hộ có máy tính\n2. Bỏ qua');
    await post(update('2'));
    expect(engine.seen.at(-1)).toMatchObject({ choice: 'skip', text: 'Bỏ qua' });
    expect(fake.sent[1]!.text).toBe('Đã bỏ qua chỉ tiêu này.');
  });

  it('webhook: splits replies over 2,000 characters between words', async () => {
    const { fake, post } = await setup('webhook');
    await post(update('dài'));
    expect(fake.sent.length).toBeGreaterThan(5);
    for (const s of fake.sent) {
      expect(s.text.length).toBeLessThanOrEqual(2000);
      for (const w of s.text.split(' ')) expect(w).toMatch(new RegExp(`^${LONG_WORD}\\d+$`));
    }
    expect(
      fake.sent
        .map((s) => s.text)
        .join(' ')
        .split(' '),
    ).toHaveLength(1500);
  });

  it('webhook: refuses a missing or wrong secret and an oversized body; nothing is handled or sent', async () => {
    const { fake, engine, post } = await setup('webhook');
    expect((await post(update('giả mạo'), null)).status).toBe(401);
    expect((await post(update('giả mạo'), 'wrong-secret-value')).status).toBe(401);
    expect((await post(`{"x":"${'a'.repeat(1024 * 1024)}"}`)).status).toBe(413);
    expect(engine.seen).toHaveLength(0);
    expect(fake.sent).toHaveLength(0);
  });

  it('long polling: one update per getUpdates call, 408s in between, timeout sent as a string', async () => {
    const { fake, engine } = await setup('polling');
    await until(() => fake.calls.filter((c) => c === 'getUpdates').length >= 2); // at least one 408 seen
    fake.updates.push(update('một', 'p1'), update('hai', 'p1'));
    await until(() => (fake.sent.length >= 2 ? true : undefined));
    expect(fake.sent.map((s) => s.text)).toEqual(['Bạn nói: một', 'Bạn nói: hai']);
    expect(engine.seen.map((m) => m.text)).toEqual(['một', 'hai']);
  });

  it('a 429 on sendMessage is retried after retry_after and the message is sent exactly once', async () => {
    const { fake, adapter } = await setup('webhook');
    fake.failNextSends(1);
    const r = await adapter.send('u9', [{ text: 'Nhắc: hạn báo cáo Quý I là ngày 15.' }]);
    expect(r).toEqual({ ok: true });
    expect(fake.sent).toEqual([{ chat_id: 'u9', text: 'Nhắc: hạn báo cáo Quý I là ngày 15.' }]);
  });
});
