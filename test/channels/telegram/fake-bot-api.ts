// A small, faithful fake of the Telegram Bot API for tests (http on 127.0.0.1, ephemeral port). Unlike
// telegram-test-api it honours getUpdates' `offset` (updates below it are confirmed and forgotten) and
// `timeout` (the request is held until an update arrives or the timeout passes, then answers []), so a
// long-polling bot can run against it without spinning. The test injects user messages and callback
// queries and reads what the bot sent; `failNext` scripts a platform error (e.g. 429 retry_after).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotUser {
  id: number;
  first_name: string;
  username?: string;
}

export interface SentMessage {
  message_id: number;
  chat_id: string;
  text: string;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

export interface SentDocument {
  chat_id: string;
  filename: string;
  caption?: string;
  bytes: number;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

type Update = { update_id: number } & Record<string, unknown>;
type Failure = { code: number; description: string; retry_after?: number };
interface Waiter {
  offset: number;
  limit: number;
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

export const BOT: BotUser & { is_bot: true; username: string } = { id: 999, is_bot: true, first_name: 'Chỉ thị', username: 'chithi_bot' };

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly documents: SentDocument[] = [];
  readonly answeredCallbacks: string[] = [];
  readonly editedMarkups: { chat_id: string; message_id: number }[] = [];
  commands: { command: string; description: string }[] = [];
  /** The menus set for one language (setMyCommands with language_code). */
  commandsFor: Record<string, { command: string; description: string }[]> = {};
  private updates: Update[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private waiters: Waiter[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private server!: Server;
  url = '';

  constructor(readonly token: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters.splice(0)) clearTimeout(w.timer);
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Updates the bot has not confirmed yet (still at or above the last offset it sent). */
  get pending(): number {
    return this.updates.length;
  }

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** The next `times` calls of `method` fail with this error instead of running. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(times).fill(failure)]);
  }

  /** A user writes `text` in a private chat (entities for a leading /command, as Telegram sets them). */
  userSays(from: BotUser, text: string): number {
    const cmd = /^\/\S+/.exec(text);
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      from: { ...from, is_bot: false },
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      text,
      ...(cmd ? { entities: [{ type: 'bot_command', offset: 0, length: cmd[0].length }] } : {}),
    };
    return this.push({ message });
  }

  /** A user sends a file in a private chat (the Bot API's document message). */
  userSendsDocument(from: BotUser, file: { name: string; size: number }): number {
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      from: { ...from, is_bot: false },
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      document: {
        file_id: `file${this.nextMessageId}`,
        file_unique_id: `u${this.nextMessageId}`,
        file_name: file.name,
        file_size: file.size,
      },
    };
    return this.push({ message });
  }

  /** A user presses the inline button `data` under the bot's message `messageId`. */
  userPresses(from: BotUser, messageId: number, data: string): number {
    const shown = this.sent.find((m) => m.message_id === messageId);
    const message = {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      from: BOT,
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      text: shown?.text ?? '',
      ...(shown?.reply_markup ? { reply_markup: shown.reply_markup } : {}),
    };
    return this.push({
      callback_query: { id: `cb${this.nextUpdateId}`, from: { ...from, is_bot: false }, chat_instance: 'ci', message, data },
    });
  }

  /** Messages the bot sent to `chatId`. */
  sentTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((m) => m.chat_id === String(chatId));
  }

  private push(body: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...body });
    this.wake();
    return update_id;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      this.answerUpdates(w.res, w.offset, w.limit);
    }
  }

  /** Telegram semantics: an offset confirms every update below it; the rest are returned oldest first. */
  private confirm(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
  }

  private answerUpdates(res: ServerResponse, offset: number, limit: number): void {
    this.confirm(offset);
    ok(res, this.updates.slice(0, limit));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    if (!m || m[1] !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const params = parseParams(String(req.headers['content-type'] ?? ''), body);
    this.calls.push({ method, params, at: Date.now() });
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      const parameters = failure.retry_after !== undefined ? { retry_after: failure.retry_after } : undefined;
      return send(res, failure.code, { ok: false, error_code: failure.code, description: failure.description, parameters });
    }
    switch (method) {
      case 'getMe':
        return ok(res, BOT);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'answerCallbackQuery':
        if (method === 'answerCallbackQuery') this.answeredCallbacks.push(String(params.callback_query_id));
        return ok(res, true);
      case 'setMyCommands':
        if (params.language_code) this.commandsFor[String(params.language_code)] = params.commands as typeof this.commands;
        else this.commands = params.commands as typeof this.commands;
        return ok(res, true);
      case 'getUpdates':
        return this.getUpdates(params, res);
      case 'sendMessage': {
        const msg: SentMessage = { message_id: this.nextMessageId++, chat_id: String(params.chat_id), text: String(params.text ?? '') };
        if (params.reply_markup) msg.reply_markup = params.reply_markup as SentMessage['reply_markup'];
        this.sent.push(msg);
        return ok(res, { message_id: msg.message_id, date: 0, chat: { id: Number(msg.chat_id), type: 'private' }, text: msg.text });
      }
      case 'editMessageReplyMarkup': {
        this.editedMarkups.push({ chat_id: String(params.chat_id), message_id: Number(params.message_id) });
        const shown = this.sent.find((s) => s.message_id === Number(params.message_id));
        if (shown) delete shown.reply_markup;
        return ok(res, true);
      }
      case 'sendDocument': {
        const doc = params.document as { filename: string; bytes: number } | undefined;
        if (!doc) return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: there is no document in the request' });
        const caption = params.caption === undefined ? undefined : String(params.caption);
        this.documents.push({ chat_id: String(params.chat_id), filename: doc.filename, caption, bytes: doc.bytes });
        return ok(res, { message_id: this.nextMessageId++, date: 0, chat: { id: Number(params.chat_id), type: 'private' } });
      }
      default:
        return send(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private getUpdates(params: Record<string, unknown>, res: ServerResponse): void {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
    const timeout = Math.max(0, Number(params.timeout ?? 0));
    this.confirm(offset);
    if (this.updates.length > 0 || timeout === 0) return this.answerUpdates(res, offset, limit);
    // Long poll: hold the request. A client that goes away (aborted poll) is simply forgotten.
    const waiter: Waiter = {
      offset,
      limit,
      res,
      timer: setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        ok(res, []);
      }, timeout * 1000),
    };
    res.on('close', () => {
      clearTimeout(waiter.timer);
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
    this.waiters.push(waiter);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const ok = (res: ServerResponse, result: unknown) => send(res, 200, { ok: true, result });

/** JSON, form-encoded or multipart/form-data parameters (files become { filename, bytes }). */
function parseParams(type: string, body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  if (type.includes('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  if (!boundary) return {};
  const out: Record<string, unknown> = {};
  const text = body.toString('latin1'); // byte-preserving
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const head = part.slice(0, headerEnd);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    const raw = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined)
      out[name] = { filename: Buffer.from(filename, 'latin1').toString('utf8'), bytes: Buffer.byteLength(raw, 'latin1') };
    else {
      const value = Buffer.from(raw, 'latin1').toString('utf8');
      out[name] = /^[[{]/.test(value) ? safeJson(value) : value;
    }
  }
  return out;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
