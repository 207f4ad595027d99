// Slack Socket Mode end to end, offline: the real SlackAdapter (Bolt's SocketModeReceiver, undici WebSocket)
// against a local fake that hands out a ws:// URL from apps.connections.open, pushes envelopes and records acks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../../src/channels/slack/adapter.ts';
import { silentLogger } from '../../../src/log.ts';
import { fakeEngine, until } from '../common/fake-handler.ts';
import { APP_TOKEN, startFakeSocketSlack, type ApiCall, type FakeSocketSlack } from './fake-socket-mode.ts';

let fake: FakeSocketSlack;
let adapter: SlackAdapter;
const engine = fakeEngine();

const posts = () => fake.calls.filter((c) => c.method === 'chat.postMessage');
const blocksOf = (c: ApiCall) => c.args.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];

beforeAll(async () => {
  fake = await startFakeSocketSlack();
  adapter = new SlackAdapter({
    botToken: 'xoxb-socket',
    appToken: APP_TOKEN,
    apiUrl: fake.apiUrl,
    port: 0,
    log: silentLogger,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
    socket: { clientPingTimeoutMs: 600 },
  });
  await adapter.start(engine.handler);
}, 20_000);
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});
beforeEach(() => {
  fake.calls.length = 0;
});

describe('Slack adapter (Socket Mode)', () => {
  it('opens the connection with the app token on the configured API host, and no HTTP listener', async () => {
    await fake.connected();
    expect(fake.opens()).toBe(1);
    expect(adapter.port).toBeUndefined();
    expect(fake.live()).toHaveLength(1);
  });

  it('acks an app_mention envelope and posts the answer with the bot token, the citation in a context block', async () => {
    const ack = await fake.event({ type: 'app_mention', user: 'U2', text: '<@UBOT> hỏi chữ ký số', channel: 'C9', ts: '1.1' });
    expect(ack.envelope_id).toBeTruthy();
    const post = await until(() => posts()[0]);
    expect(post.auth).toBe('Bearer xoxb-socket');
    expect(post.args.channel).toBe('C9');
    const blocks = blocksOf(post);
    expect(blocks[0]).toMatchObject({ type: 'section', text: { text: 'Sở TT&amp;TT chủ trì &lt;triển khai&gt; chữ ký số.' } });
    expect(blocks[1]).toMatchObject({ type: 'context', elements: [{ text: 'Nguồn: 17/CT-UBND (Quảng Ngãi), Điều 2.5.b' }] });
    expect(engine.seen.at(-1)).toMatchObject({ userId: 'U2', chatId: 'C9', text: 'hỏi chữ ký số', isGroup: true });
  });

  it('acks a /chithi slash command envelope and answers in the DM', async () => {
    const ack = await fake.command({ text: 'baocao', user_id: 'U1', user_name: 'lan', channel_id: 'D1' });
    expect(fake.acks.map((a) => a.envelope_id)).toContain(ack.envelope_id);
    const menu = await until(() => posts()[0]);
    expect(menu.args.channel).toBe('D1');
    expect(engine.seen.at(-1)).toMatchObject({ text: 'báo cáo', userId: 'U1', displayName: 'lan', isGroup: false });
    const buttons = blocksOf(menu).find((b) => b.type === 'actions')!.elements!;
    expect(buttons.map((e) => (e.text as unknown as { text: string }).text)).toEqual(['Tỷ lệ hộ có máy tính', 'Bỏ qua']);
  });

  it('acks an interactive envelope (button press) and handles the choice', async () => {
    const ack = await fake.interactive({
      type: 'block_actions',
      user: { id: 'U1' },
      trigger_id: 'trig-1',
      channel: { id: 'D1' },
      container: { type: 'message', channel_id: 'D1' },
      response_url: 'https://hooks.invalid/actions/1',
      actions: [
        {
          type: 'button',
          action_id: 'choice:1',
          block_id: 'b',
          text: { type: 'plain_text', text: 'Bỏ qua' },
          value: 'skip',
          action_ts: '1',
        },
      ],
    });
    expect(ack.envelope_id).toBeTruthy();
    const post = await until(() => posts()[0]);
    expect(blocksOf(post)[0]!.text!.text).toBe('Đã bỏ qua chỉ tiêu này.');
    expect(engine.seen.at(-1)).toMatchObject({ choice: 'skip', chatId: 'D1', userId: 'U1' });
  });

  it('a modal submission is acked over the socket with the validation errors in its payload', async () => {
    const submit = (value: string) =>
      fake.interactive({
        type: 'view_submission',
        user: { id: 'U1' },
        trigger_id: 'trig-2',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'report_form',
          private_metadata: JSON.stringify({
            chatId: 'D1',
            input: { itemId: 'item-1', label: 'Tỷ lệ (%)', kind: 'number', min: 0, max: 100, decimal: true },
          }),
          state: { values: { 'item-1': { value: { type: 'number_input', value } } } },
        },
      });
    const refused = await submit('150');
    expect(refused.payload).toEqual({
      response_action: 'errors',
      errors: { 'item-1': 'Giá trị phải từ 0 đến 100 (%). Vui lòng nhập lại.' },
    });
    expect(posts()).toHaveLength(0);
    const accepted = await submit('42');
    expect(accepted.payload ?? {}).toEqual({});
    const done = await until(() => posts()[0]);
    expect(blocksOf(done)[0]!.text!.text).toBe('Đã ghi nhận 42%. Cảm ơn anh/chị.');
  });

  it('after a refresh_requested disconnect it opens a new connection and keeps answering', async () => {
    const opensBefore = fake.opens();
    const old = await fake.connected();
    fake.disconnect('refresh_requested');
    await until(() => !old.open || undefined);
    await fake.connected(opensBefore + 1);
    expect(fake.opens()).toBe(opensBefore + 1);
    expect(fake.live()).toHaveLength(1);
    await fake.event({ type: 'app_mention', user: 'U7', text: '<@UBOT> hỏi chữ ký số', channel: 'C7', ts: '3.1' });
    const post = await until(() => posts().find((p) => p.args.channel === 'C7'));
    expect(blocksOf(post)[1]!.type).toBe('context');
  });

  it('survives apps.connections.open failing during a refresh: it retries, reconnects and answers', async () => {
    const opensBefore = fake.opens();
    const old = await fake.connected();
    fake.failOpens(2);
    fake.disconnect('refresh_requested');
    await until(() => !old.open || undefined);
    await fake.connected(opensBefore + 1);
    const attempts = fake.calls.filter((c) => c.method === 'apps.connections.open');
    expect(attempts).toHaveLength(3); // two 503s, then the URL
    await fake.command({ text: 'hỏi chữ ký số', user_id: 'U8', user_name: 'minh', channel_id: 'D8' });
    const post = await until(() => posts().find((p) => p.args.channel === 'D8'));
    expect(blocksOf(post)[1]!.type).toBe('context');
  });
});

describe('Slack adapter (Socket Mode) lifecycle', () => {
  it('a wrong app token fails start() with a clear message instead of retrying forever', async () => {
    const other = await startFakeSocketSlack();
    const bad = new SlackAdapter({ botToken: 'xoxb-x', appToken: 'xapp-wrong', apiUrl: other.apiUrl, port: 0, log: silentLogger });
    try {
      await expect(bad.start(fakeEngine().handler)).rejects.toThrow(/SLACK_APP_TOKEN/);
      expect(other.live()).toHaveLength(0);
    } finally {
      await bad.stop();
      await other.close();
    }
  });

  it('stop() closes the socket promptly and does not reconnect', async () => {
    const other = await startFakeSocketSlack();
    const a = new SlackAdapter({ botToken: 'xoxb-y', appToken: APP_TOKEN, apiUrl: other.apiUrl, port: 0, log: silentLogger });
    await a.start(fakeEngine().handler);
    const peer = await other.connected();
    const t0 = Date.now();
    await a.stop();
    expect(Date.now() - t0).toBeLessThan(3000);
    await until(() => !peer.open || undefined, 2000);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.opens()).toBe(1);
    expect(other.live()).toHaveLength(0);
    await other.close();
  });
});
