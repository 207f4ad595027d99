// The real TelegramAdapter in its default mode (long polling) against a faithful fake Bot API server:
// replies, update confirmation (also across a restart), 429 retry_after, a prompt stop, no busy loop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../src/channels/telegram/adapter.ts';
import { silentLogger } from '../../../src/log.ts';
import { fakeEngine, until } from '../common/fake-handler.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '123456:POLL-token-abcdefghijklmnopqrstu';
const LAN = { id: 701, first_name: 'Lan' };
const MINH = { id: 702, first_name: 'Minh' };

let api: FakeBotApi;
const running: TelegramAdapter[] = [];

function adapter(): TelegramAdapter {
  const a = new TelegramAdapter({ token: TOKEN, apiRoot: api.url, log: silentLogger, queue: { chatIntervalMs: () => 10 } });
  running.push(a);
  return a;
}

beforeEach(async () => {
  api = await new FakeBotApi(TOKEN).start();
});
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
  await api.stop();
});

describe('Telegram adapter (long polling, fake Bot API)', () => {
  it('starts by dropping any webhook, registers the commands, and answers a text with a reply', async () => {
    const engine = fakeEngine();
    await adapter().start(engine.handler);
    expect(api.count('deleteWebhook')).toBeGreaterThanOrEqual(1);
    expect(api.commands.map((c) => c.command)).toEqual(['start', 'baocao', 'timkiem', 'trogiup']);
    // an app set to English shows the same commands described in English
    expect(api.commandsFor.en?.map((c) => c.command)).toEqual(['start', 'baocao', 'timkiem', 'trogiup']);
    expect(api.commandsFor.en?.map((c) => c.description)).toEqual([
      'Start / link your account with an invite code',
      'Report figures and progress',
      'Search the directives',
      'How to use the bot (type /lang en for English)',
    ]);

    api.userSays(LAN, 'hỏi chữ ký số');
    const [reply] = await until(() => (api.sentTo(LAN.id).length ? api.sentTo(LAN.id) : undefined));
    expect(reply!.text).toContain('Sở TT&TT chủ trì <triển khai> chữ ký số.');
    expect(reply!.text).toContain('17/CT-UBND');
    expect(engine.seen[0]).toMatchObject({ channel: 'telegram', userId: '701', chatId: '701', text: 'hỏi chữ ký số', displayName: 'Lan' });
  });

  it('turns /baocao into the form, shows choices as an inline keyboard and takes a pressed button once', async () => {
    const engine = fakeEngine();
    await adapter().start(engine.handler);
    api.userSays(MINH, '/baocao');
    const menu = await until(() => api.sentTo(MINH.id).find((m) => m.reply_markup));
    expect(menu.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(['Tỷ lệ hộ có máy tính', 'Bỏ qua']);
    api.userPresses(MINH, menu.message_id, 'skip');
    await until(() => api.sentTo(MINH.id).find((m) => m.text === 'Đã bỏ qua chỉ tiêu này.'));
    expect(api.answeredCallbacks).toHaveLength(1);
    expect(api.editedMarkups).toEqual([{ chat_id: '702', message_id: menu.message_id }]);
    expect(engine.seen.map((m) => [m.text, m.choice])).toEqual([
      ['báo cáo', undefined],
      ['Bỏ qua', 'skip'],
    ]);
  });

  it('sends a file as a multipart document with the text as its caption', async () => {
    await adapter().start(fakeEngine().handler);
    api.userSays(LAN, 'tệp');
    const doc = await until(() => api.documents[0]);
    expect(doc).toMatchObject({ chat_id: '701', filename: 'bao-cao.xlsx', caption: 'Báo cáo tổng hợp:', bytes: 1 });
  });

  it('confirms every handled update: each is processed exactly once, also after stop() and a new adapter', async () => {
    const engine = fakeEngine();
    const first = adapter();
    await first.start(engine.handler);
    for (const n of [1, 2, 3]) api.userSays(LAN, `tin ${n}`);
    await until(() => api.sentTo(LAN.id).length === 3);
    await first.stop();
    expect(api.pending).toBe(0); // the last batch was confirmed on the way out

    const second = adapter();
    await second.start(engine.handler);
    api.userSays(LAN, 'tin 4');
    await until(() => api.sentTo(LAN.id).length === 4);
    // Give a re-delivery every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 300));
    expect(engine.seen.map((m) => m.text)).toEqual(['tin 1', 'tin 2', 'tin 3', 'tin 4']);
    expect(api.sentTo(LAN.id).map((m) => m.text)).toEqual(['Bạn nói: tin 1', 'Bạn nói: tin 2', 'Bạn nói: tin 3', 'Bạn nói: tin 4']);
  });

  it('stop() during a handler waits for it and confirms the update: the next adapter does not see it again', async () => {
    const seen: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const handler = async (m: { text: string }) => {
      seen.push(m.text);
      if (m.text === 'chậm') await gate;
      return [{ text: `Bạn nói: ${m.text}` }];
    };
    const first = adapter();
    await first.start(handler);
    api.userSays(LAN, 'chậm');
    await until(() => seen.length === 1);
    const stopping = first.stop();
    setTimeout(release, 200);
    await stopping;
    expect(api.pending).toBe(0);
    expect(api.sentTo(LAN.id).map((m) => m.text)).toEqual(['Bạn nói: chậm']); // the reply went out before stop() returned

    await adapter().start(handler);
    api.userSays(LAN, 'nhanh');
    await until(() => api.sentTo(LAN.id).length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual(['chậm', 'nhanh']);
  });

  it('a file being imported holds up nothing: the update is confirmed, others are answered, its reply follows', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const handler = async (m: { text: string; file?: { name: string } }) => {
      if (m.file) {
        await gate; // the download and import of a long scan
        return [{ text: `Đã nhập tệp ${m.file.name}` }];
      }
      return [{ text: `Bạn nói: ${m.text}` }];
    };
    await adapter().start(handler);
    api.userSendsDocument(LAN, { name: 'ke-hoach.pdf', size: 1000 });
    api.userSays(MINH, 'hai');
    await until(() => api.sentTo(MINH.id)[0], 5000);
    await until(() => api.pending === 0 || undefined, 5000); // the file's update is confirmed
    api.userSays(LAN, 'ba');
    await until(() => api.sentTo(LAN.id)[0], 5000);
    release();
    await until(() => api.sentTo(LAN.id)[1], 5000);
    expect(api.sentTo(LAN.id).map((m) => m.text)).toEqual(['Bạn nói: ba', 'Đã nhập tệp ke-hoach.pdf']);
  });

  it('honours a 429 retry_after on sendMessage and sends the reply exactly once', async () => {
    await adapter().start(fakeEngine().handler);
    api.failNext('sendMessage', { code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    api.userSays(LAN, 'trợ giúp');
    await until(() => api.sentTo(LAN.id)[0], 5000);
    const attempts = api.calls.filter((c) => c.method === 'sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.sentTo(LAN.id).map((m) => m.text)).toEqual(['Hỏi về văn bản chỉ đạo hoặc gõ "báo cáo".']);
  });

  it('keeps polling while one chat waits out a 429: another user is answered meanwhile', async () => {
    await adapter().start(fakeEngine().handler);
    api.failNext('sendMessage', { code: 429, description: 'Too Many Requests: retry after 2', retry_after: 2 });
    api.userSays(LAN, 'một');
    await until(() => api.count('sendMessage') === 1);
    api.userSays(MINH, 'hai');
    await until(() => api.sentTo(MINH.id)[0]);
    expect(api.sentTo(LAN.id)).toHaveLength(0); // Lan's reply is still waiting for its retry_after
    await until(() => api.sentTo(LAN.id)[0], 5000);
  });

  it('stops promptly while a long poll is held, and does not spin when idle', async () => {
    const a = adapter();
    await a.start(fakeEngine().handler);
    await new Promise((r) => setTimeout(r, 2000));
    // telegraf asks with timeout=50 s: one held request (plus the start-up one), not thousands.
    expect(api.count('getUpdates')).toBeLessThanOrEqual(3);
    expect(api.calls.find((c) => c.method === 'getUpdates')!.params.timeout).toBe(50);
    const t0 = Date.now();
    await a.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    const after = api.count('getUpdates');
    await new Promise((r) => setTimeout(r, 300));
    expect(api.count('getUpdates')).toBe(after);
  });

  it('comes back after a non-retryable polling error (409 conflict) instead of going deaf', async () => {
    const a = new TelegramAdapter({ token: TOKEN, apiRoot: api.url, log: silentLogger, restartDelayMs: 100 });
    running.push(a);
    api.failNext('getUpdates', { code: 409, description: 'Conflict: terminated by other getUpdates request' });
    await a.start(fakeEngine().handler);
    api.userSays(LAN, 'còn đó không');
    await until(() => api.sentTo(LAN.id)[0]);
    expect(api.sentTo(LAN.id)[0]!.text).toBe('Bạn nói: còn đó không');
  });

  it('refuses to start with a rejected token', async () => {
    const a = new TelegramAdapter({ token: '1:wrong-token-abcdefghijklmnopqrst', apiRoot: api.url, log: silentLogger });
    await expect(a.start(fakeEngine().handler)).rejects.toThrow(/getMe failed.*TELEGRAM_BOT_TOKEN/);
  });
});
