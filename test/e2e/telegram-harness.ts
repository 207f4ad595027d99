// telegram-test-api (Bot API emulator) + the real TelegramAdapter in webhook mode, wired to the real bot.
// Small shims, as channels.md explains: a relay that adds the secret-token header the emulator never sends, an
// API proxy in front of the emulator that can play sendDocument and getFile (which the emulator lacks), and
// user updates posted one at a time: the emulator numbers an update before its webhook call and counts on only
// after it returns, so two updates sent during one call got the same update_id (Telegram's are unique) and the
// second was taken for a re-delivery of the first and ignored.
import { freePort } from '../helpers/free-port.ts';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import TelegramServer from 'telegram-test-api';
import { TelegramAdapter } from '../../src/channels/telegram/adapter.ts';
import type { MessageHandler } from '../../src/core/interfaces.ts';
import { silentLogger } from '../../src/log.ts';
import { sendJson, serve, until, type Served } from './helpers.ts';

export const TG_TOKEN = '123456:E2E-token-abcdefghijklmnop';
export const TG_SECRET = 'e2e-relay-secret_1';

type Emulator = InstanceType<typeof TelegramServer>;
export type TgClient = ReturnType<Emulator['getClient']>;
export type TgMessage = Awaited<ReturnType<TgClient['getUpdates']>>['result'][number]['message'];
export type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

export interface SentDocument {
  chatId: string;
  filename: string;
  caption: string;
  bytes: number;
}

export interface TelegramRig {
  emulator: Emulator;
  adapter: TelegramAdapter;
  /** 'accept' plays sendDocument; 'emulator' lets the emulator answer it (404: not implemented). */
  documents: { mode: 'accept' | 'emulator'; sent: SentDocument[] };
  /** Files users "sent": getFile and the file download are played by the API proxy (the emulator has neither). */
  files: Map<string, Buffer>;
  /** How many file downloads were served; while `hold` is set, downloads wait for it (a slow platform). */
  downloads: { count: number; hold?: Promise<void> };
  client(userId: number, firstName?: string): TgClient;
  close(): Promise<void>;
}

function forward(
  port: number,
  path: string,
  headers: Record<string, string>,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
): void {
  // Fresh connections both ways (agent: false, Connection: close): the emulator's keep-alive reuse is flaky.
  const fwd = request({ host: '127.0.0.1', port, path, method: req.method, agent: false, headers }, (r) => {
    res.writeHead(r.statusCode ?? 502, { 'content-type': r.headers['content-type'] ?? 'application/json', connection: 'close' });
    r.pipe(res);
  });
  fwd.on('error', () => res.writeHead(502, { connection: 'close' }).end());
  fwd.end(body);
}

export async function startTelegram(handler: MessageHandler): Promise<TelegramRig> {
  const emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await emulator.start();
  serializeUserUpdates(emulator);
  const emuPort = ((emulator as unknown as { server: Server }).server.address() as AddressInfo).port;
  emulator.config.apiURL = `http://127.0.0.1:${emuPort}`;
  const documents: TelegramRig['documents'] = { mode: 'accept', sent: [] };
  const ref: { adapter?: TelegramAdapter } = {};
  const files = new Map<string, Buffer>();
  const downloads: TelegramRig['downloads'] = { count: 0 };

  const api: Served = await serve(async (req, body, res) => {
    if (/\/getFile$/.test(req.url ?? '')) {
      const id = String((JSON.parse(body.toString('utf8') || '{}') as { file_id?: string }).file_id ?? '');
      if (!files.has(id)) return sendJson(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      return sendJson(res, 200, { ok: true, result: { file_id: id, file_unique_id: id, file_path: `documents/${id}` } });
    }
    const dl = /\/file\/bot[^/]+\/documents\/(.+)$/.exec(req.url ?? '');
    if (dl) {
      downloads.count++;
      if (downloads.hold) await downloads.hold;
      const bytes = files.get(decodeURIComponent(dl[1]!));
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream', connection: 'close' });
      return void res.end(bytes ?? '');
    }
    if (documents.mode === 'accept' && /\/sendDocument$/.test(req.url ?? '')) {
      const text = body.toString('latin1');
      const chatId = /name="chat_id"\r\n\r\n([^\r]+)/.exec(text)?.[1] ?? '';
      const filename = Buffer.from(/name="document"; filename="([^"]+)"/.exec(text)?.[1] ?? '', 'latin1').toString('utf8');
      const caption = Buffer.from(/name="caption"\r\n\r\n([^\r]*)/.exec(text)?.[1] ?? '', 'latin1').toString('utf8');
      documents.sent.push({ chatId, filename, caption, bytes: body.length });
      return sendJson(res, 200, {
        ok: true,
        result: {
          message_id: 9000 + documents.sent.length,
          date: 0,
          chat: { id: Number(chatId), type: 'private' },
          document: { file_id: 'f', file_unique_id: 'u', file_name: filename },
        },
      });
    }
    const headers: Record<string, string> = {
      'content-type': String(req.headers['content-type'] ?? 'application/json'),
      'content-length': String(body.length),
      connection: 'close',
    };
    forward(emuPort, req.url ?? '/', headers, req, body, res);
  });
  const relay: Served = await serve((req, body, res) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'x-telegram-bot-api-secret-token': TG_SECRET,
      connection: 'close',
    };
    forward(ref.adapter!.webhookPort!, '/tg/hook', headers, req, body, res);
  });
  const adapter = (ref.adapter = new TelegramAdapter({
    token: TG_TOKEN,
    apiRoot: api.url,
    webhook: { url: `${relay.url}/tg/hook`, secret: TG_SECRET, port: 0, host: '127.0.0.1' },
    log: process.env.E2E_DEBUG ? { info: console.log, warn: console.log, error: console.log, debug: () => {} } : silentLogger,
    queue: { chatIntervalMs: () => 5, globalPerSecond: 1000 },
  }));
  await adapter.start(handler);
  return {
    emulator,
    adapter,
    documents,
    files,
    downloads,
    client: (userId, firstName = `User${userId}`) => emulator.getClient(TG_TOKEN, { userId, chatId: userId, firstName, timeout: 1000 }),
    async close() {
      await adapter.stop();
      await relay.close();
      await api.close();
      await emulator.stop();
    },
  };
}

function serializeUserUpdates(emulator: Emulator): void {
  const emu = emulator as unknown as Record<string, (u: unknown) => Promise<void>>;
  let chain: Promise<void> = Promise.resolve();
  for (const method of ['addUserMessage', 'addUserCommand', 'addUserCallback']) {
    const original = emu[method]!.bind(emulator);
    emu[method] = (u) => (chain = chain.then(() => original(u)).catch(() => undefined));
  }
}

/**
 * The bot's unread messages to this client, in one request. Not the client's getUpdates: when it times out (1 s,
 * easily reached while an import keeps the process busy) its retry loop goes on in the background, marking
 * later replies read and dropping them, so a test saw no reply to anything it sent after a slow message.
 */
async function botMessages(client: TgClient): Promise<TgMessage[]> {
  const c = client as unknown as { url: string; botToken: string; chatId: number };
  const res = await fetch(`${c.url}/getUpdates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: c.botToken, chatId: c.chatId }),
  });
  const body = (await res.json()) as { result?: { message: TgMessage }[] };
  return (body.result ?? []).map((x) => x.message);
}

/** The emulator answers the user before the webhook is processed: collect bot messages until `enough`. */
export async function replies(
  client: TgClient,
  enough: (msgs: TgMessage[]) => boolean = (m) => m.length > 0,
  ms = 10_000,
): Promise<TgMessage[]> {
  const got: TgMessage[] = [];
  await until(
    async () => {
      got.push(...(await botMessages(client).catch(() => [])));
      return enough(got);
    },
    ms,
    `bot replies (got ${got.length}: ${JSON.stringify(got.map((m) => m.text.slice(0, 50)))})`,
  );
  return got;
}

/** Collects replies until one contains `text`. */
export const replyContaining = (client: TgClient, text: string | RegExp, ms = 10_000) =>
  replies(client, (got) => got.some((m) => (typeof text === 'string' ? m.text.includes(text) : text.test(m.text))), ms);

export async function say(client: TgClient, text: string, until: string | RegExp): Promise<TgMessage[]> {
  await (text.startsWith('/') ? client.sendCommand(client.makeCommand(text)) : client.sendMessage(client.makeMessage(text)));
  return replyContaining(client, until);
}

/** Presses the inline button labelled `label` on the latest bot message that has a keyboard. */
export async function press(
  client: TgClient,
  msgs: TgMessage[],
  label: string,
  expect: string | RegExp,
  ms = 10_000,
): Promise<TgMessage[]> {
  const withKb = msgs.findLast((m) => (m.reply_markup as Keyboard | undefined)?.inline_keyboard);
  if (!withKb) throw new Error(`no keyboard in ${JSON.stringify(msgs.map((m) => m.text.slice(0, 40)))}`);
  const markup = withKb.reply_markup as Keyboard;
  const button = markup.inline_keyboard.flat().find((b) => b.text === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(markup.inline_keyboard)}`);
  const history = await client.getUpdatesHistory();
  const entry = history.findLast((h) => 'message' in h && h.message.text === withKb.text);
  const messageId = entry?.messageId ?? history.at(-1)!.messageId;
  await client.sendCallback(
    client.makeCallbackQuery(button.callback_data, { message: { message_id: messageId, reply_markup: markup } } as never),
  );
  return replyContaining(client, expect, ms);
}

/** Sends a document from `client` as Telegram would (file_id known to the proxy's getFile). */
export async function sendFile(
  rig: TelegramRig,
  client: TgClient,
  file: { name: string; bytes: Buffer; mime?: string; size?: number | null },
): Promise<void> {
  const id = `f${rig.files.size + 1}`;
  rig.files.set(id, file.bytes);
  const base = client.makeMessage('') as Record<string, unknown>;
  delete base.text;
  const document = {
    file_id: id,
    file_unique_id: id,
    file_name: file.name,
    mime_type: file.mime ?? 'application/octet-stream',
    ...(file.size === null ? {} : { file_size: file.size ?? file.bytes.length }),
  };
  await client.sendMessage({ ...base, document } as never);
}
