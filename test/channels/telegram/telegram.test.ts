// End to end against telegram-test-api (a Telegram Bot API emulator) in webhook mode. The emulator does not
// send the secret-token header, so a relay in front of the adapter adds it as Telegram's servers would;
// the secret check itself is exercised with plain HTTP requests.
import { freePort } from '../../helpers/free-port.ts';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import TelegramServer from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../src/channels/telegram/adapter.ts';
import { silentLogger } from '../../../src/log.ts';
import { fakeEngine, LONG_WORD } from '../common/fake-handler.ts';

const TOKEN = '123456:TEST-token';
const SECRET = 'relay-secret_123';

let emulator: InstanceType<typeof TelegramServer>;
let relay: Server;
let adapter: TelegramAdapter;
const engine = fakeEngine();

beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await emulator.start();
  const port = (emulator as unknown as { server: Server }).server.address() as AddressInfo;
  emulator.config.apiURL = `http://127.0.0.1:${port.port}`;
  relay = createServer((req, res) => {
    // Fresh connections both ways (agent: false, Connection: close): the emulator's keep-alive reuse is flaky.
    const fwd = request(
      {
        host: '127.0.0.1',
        port: adapter.webhookPort,
        path: '/tg/hook',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, { 'content-type': 'application/json', connection: 'close' });
        r.pipe(res);
      },
    );
    fwd.on('error', () => res.writeHead(502, { connection: 'close' }).end());
    req.pipe(fwd);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  const relayPort = (relay.address() as AddressInfo).port;
  adapter = new TelegramAdapter({
    token: TOKEN,
    apiRoot: emulator.config.apiURL,
    webhook: { url: `http://127.0.0.1:${relayPort}/tg/hook`, secret: SECRET, port: 0, host: '127.0.0.1' },
    log: silentLogger,
    queue: { chatIntervalMs: () => 20 },
  });
  await adapter.start(engine.handler);
});

afterAll(async () => {
  await adapter?.stop();
  await new Promise((r) => relay?.close(r));
  await emulator?.stop();
});

type Client = ReturnType<InstanceType<typeof TelegramServer>['getClient']>;
type BotMessage = Awaited<ReturnType<Client['getUpdates']>>['result'][number]['message'];
/** The emulator answers the user before the webhook finishes: collect the bot's messages until `enough`. */
async function replies(client: Client, enough: (msgs: BotMessage[]) => boolean = (m) => m.length > 0): Promise<BotMessage[]> {
  const got: BotMessage[] = [];
  const end = Date.now() + 5000;
  while (!enough(got)) {
    if (Date.now() > end) throw new Error(`only ${got.length} replies: ${JSON.stringify(got.map((m) => m.text.slice(0, 40)))}`);
    const u = await client.getUpdates().catch(() => ({ result: [] }));
    got.push(...u.result.map((x) => x.message));
  }
  return got;
}

describe('Telegram adapter (webhook mode, telegram-test-api)', () => {
  it('answers a text message, with the citation line', async () => {
    const client = emulator.getClient(TOKEN, { userId: 501, chatId: 501, firstName: 'Lan', timeout: 3000 });
    await client.sendMessage(client.makeMessage('hỏi chữ ký số'));
    const [m] = await replies(client);
    expect(m?.text).toContain('Sở TT&TT chủ trì <triển khai> chữ ký số.');
    expect(m?.text).toContain('Nguồn: 17/CT-UBND (Quảng Ngãi), Điều 2.5.b');
    expect(engine.seen.at(-1)).toMatchObject({ channel: 'telegram', userId: '501', chatId: '501', isGroup: false, displayName: 'Lan' });
  });

  it('maps /start CODE, /baocao and /trogiup to the text the engine understands', async () => {
    const client = emulator.getClient(TOKEN, { userId: 502, chatId: 502, firstName: 'Minh', timeout: 3000 });
    await client.sendCommand(client.makeCommand('/start ABC123'));
    expect((await replies(client))[0]?.text).toContain('mã ABC123 đã được ghi nhận');
    expect(engine.seen.at(-1)?.text).toBe('/start ABC123');
    await client.sendCommand(client.makeCommand('/trogiup'));
    expect((await replies(client))[0]?.text).toContain('báo cáo');
    expect(engine.seen.at(-1)?.text).toBe('trợ giúp');
  });

  it('runs a reporting step with inline buttons: keyboard out, callback in, value recorded', async () => {
    const client = emulator.getClient(TOKEN, { userId: 503, chatId: 503, firstName: 'Ha', timeout: 3000 });
    await client.sendCommand(client.makeCommand('/baocao'));
    const [menu] = await replies(client);
    const rows = (menu?.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    const buttons = rows.flat();
    expect(buttons.map((b) => b.text)).toEqual(['Tỷ lệ hộ có máy tính', 'Bỏ qua']);
    const pressed = buttons[0]!;
    const history = await client.getUpdatesHistory();
    const menuId = history.at(-1)!.messageId;
    await client.sendCallback(
      client.makeCallbackQuery(pressed.callback_data, { message: { message_id: menuId, reply_markup: menu?.reply_markup } } as never),
    );
    expect((await replies(client))[0]?.text).toContain('Nhập tỷ lệ');
    expect(engine.seen.at(-1)).toMatchObject({ choice: 'item:1', text: 'Tỷ lệ hộ có máy tính' });
    await client.sendMessage(client.makeMessage('42,5'));
    expect((await replies(client))[0]?.text).toBe('Đã ghi nhận 42,5%. Cảm ơn anh/chị.');
  });

  it('splits a long reply under 4096 characters without breaking words', async () => {
    const client = emulator.getClient(TOKEN, { userId: 504, chatId: 504, firstName: 'Tu', timeout: 3000 });
    await client.sendMessage(client.makeMessage('dài'));
    const words = (msgs: BotMessage[]) =>
      msgs
        .map((m) => m.text)
        .join(' ')
        .split(' ').length;
    const parts = (await replies(client, (m) => words(m) >= 1500)).map((m) => m.text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      for (const w of p.split(' ')) expect(w).toMatch(new RegExp(`^${LONG_WORD}\\d+$`));
    }
    expect(parts.join(' ').split(' ')).toHaveLength(1500);
  });

  it('in a group, answers only when addressed', async () => {
    const client = emulator.getClient(TOKEN, { userId: 505, chatId: -9001, type: 'group', firstName: 'Quan', timeout: 800 });
    const before = engine.seen.length;
    await client.sendMessage(client.makeMessage('mọi người ơi họp lúc 9h'));
    expect(engine.seen.length).toBe(before);
    const text = '@TestNameBot hỏi chữ ký số';
    await client.sendMessage(client.makeMessage(text, { entities: [{ type: 'mention', offset: 0, length: 12 }] }));
    const got = await replies(client);
    expect(got).toHaveLength(1); // the unaddressed message got no answer
    expect(got[0]?.text).toContain('Nguồn:');
    expect(engine.seen.at(-1)).toMatchObject({ text: 'hỏi chữ ký số', isGroup: true, chatId: '-9001' });
    expect(engine.seen.length).toBe(before + 1);
  });

  it('refuses webhook calls without the secret token, and bodies over 1 MB', async () => {
    const url = `http://127.0.0.1:${adapter.webhookPort}/tg/hook`;
    const before = engine.seen.length;
    const update = JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7, type: 'private' },
        from: { id: 7, is_bot: false, first_name: 'X' },
        text: 'giả mạo',
      },
    });
    const noHeader = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: update });
    expect(noHeader.status).toBe(401);
    const wrong = await fetch(url, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': 'wrong-secret' }, body: update });
    expect(wrong.status).toBe(401);
    const huge = await fetch(url, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      body: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(huge.status).toBe(413);
    expect(engine.seen.length).toBe(before);
  });
});
