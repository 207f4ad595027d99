// Zalo Bot Platform adapter: webhook (X-Bot-Api-Secret-Token) when a secret is configured, otherwise long
// polling (one update per getUpdates call, 408 = nothing new). Plain text, 2,000 characters per message,
// choices as a numbered list the user answers with a number.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelAdapter, ChannelPacing, ChoiceMemory, DeliveryResult, Logger, MessageHandler } from '../../core/interfaces.ts';
import type { InboundMessage, OutboundMessage } from '../../core/types.ts';
import { processChoices } from '../common/choices.ts';
import { fileNote, numberedChoices, pickNumbered, textWithCitation } from '../common/format.ts';
import { listen, readRawBody, reply, type RunningServer, type WebhookRoutes } from '../common/http.ts';
import { queuePacing, RateLimitedError, SendQueue, type SendQueueOptions } from '../common/queue.ts';
import { header, safeEqual } from '../common/signature.ts';
import { splitMessage } from '../common/split.ts';
import { unwrapUpdates, ZaloBotApi, ZaloBotError, type ZaloBotUpdate } from './bot-api.ts';

export const ZALO_LIMIT = 2000;

export interface ZaloBotOptions {
  token: string;
  apiRoot?: string;
  /**
   * Webhook mode; `url` (https) is registered with setWebhook when given, else set it in the Zalo Bot console.
   * Served on the shared server when `routes` is given, else on host:port.
   */
  webhook?: { secret: string; port: number; host?: string; path?: string; url?: string; routes?: WebhookRoutes };
  pollTimeoutSec?: number;
  log: Logger;
  queue?: SendQueueOptions;
  /** The numbered lists shown (shared by instances through the database; this process's by default). */
  choices?: ChoiceMemory;
}

/** Zalo Bot Platform: one message a second to a chat, 20/s in all. */
export const ZALO_BOT_PACING: ChannelPacing = { perSecond: 20, perChatMs: 1000 };

export class ZaloBotAdapter implements ChannelAdapter {
  readonly pacing = ZALO_BOT_PACING;
  readonly name = 'zalo' as const;
  private readonly api: ZaloBotApi;
  private readonly queue: SendQueue;
  private readonly choices: ChoiceMemory;
  private handler: MessageHandler | null = null;
  private server: RunningServer | null = null;
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly opts: ZaloBotOptions) {
    this.api = new ZaloBotApi(opts.token, opts.apiRoot);
    this.queue = new SendQueue({ ...queuePacing(ZALO_BOT_PACING), ...opts.queue });
    this.choices = opts.choices ?? processChoices();
  }

  get webhookPort(): number | undefined {
    return this.server?.port;
  }

  async start(handler: MessageHandler): Promise<void> {
    this.handler = handler;
    await this.api.call('getMe').catch((err: unknown) => {
      throw new Error(`Zalo Bot: getMe failed, check ZALO_BOT_TOKEN/ZALO_BOT_API_ROOT (${err instanceof Error ? err.message : err})`);
    });
    const wh = this.opts.webhook;
    if (wh) {
      const path = wh.path ?? '/zalo/bot';
      const handle = (req: IncomingMessage, res: ServerResponse) => this.onHttp(wh.secret, path, req, res);
      if (wh.routes) wh.routes.mount(path, handle);
      else this.server = await listen(wh.port, wh.host ?? '0.0.0.0', handle);
      if (wh.url) await this.api.call('setWebhook', { url: wh.url, secret_token: wh.secret });
      this.opts.log.info({ port: this.server?.port ?? 'shared' }, 'zalo bot: webhook mode');
      return;
    }
    await this.api.call('deleteWebhook').catch((err: unknown) => this.opts.log.debug({ err }, 'zalo bot: deleteWebhook failed'));
    this.abort = new AbortController();
    this.loop = this.poll(this.abort.signal);
    this.opts.log.info({}, 'zalo bot: long polling');
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = null;
    await this.server?.close();
    this.server = null;
    this.opts.webhook?.routes?.unmount(this.opts.webhook.path ?? '/zalo/bot');
  }

  async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
    const offered = messages.findLast((m) => m.choices?.length)?.choices;
    try {
      // a list not remembered only costs a typed "1"; it never stops the message itself
      await this.choices
        .remember(chatId, offered ?? null)
        .catch((e: unknown) => this.opts.log.warn({ err: String(e) }, 'zalo: numbered list not remembered'));
      for (const msg of messages) {
        let text = textWithCitation(msg);
        if (msg.file) text = `${text}\n${fileNote(msg.file.name, msg.locale)}`;
        if (msg.choices?.length) text = `${text}\n${numberedChoices(msg.choices, msg.locale)}`;
        for (const part of splitMessage(text, ZALO_LIMIT))
          await this.queue.run(chatId, () => this.api.call('sendMessage', { chat_id: chatId, text: part }));
      }
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimitedError) return { ok: false, reason: 'unavailable', retryAfterMs: err.retryAfterMs };
      if (err instanceof ZaloBotError && err.code === 403) return { ok: false, reason: 'blocked', error: err.message };
      return { ok: false, reason: 'error', error: err instanceof Error ? err.message : String(err) };
    }
  }

  private async poll(signal: AbortSignal): Promise<void> {
    let backoff = 1000;
    while (!signal.aborted) {
      try {
        const result = await this.api.call<unknown>('getUpdates', { timeout: String(this.opts.pollTimeoutSec ?? 30) }, signal);
        for (const u of unwrapUpdates(result)) await this.onUpdate(u);
        backoff = 1000;
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof ZaloBotError && err.code === 408) continue; // long poll timed out: nothing new
        this.opts.log.warn({ err }, 'zalo bot: getUpdates failed');
        await new Promise((r) => setTimeout(r, err instanceof RateLimitedError ? err.retryAfterMs : backoff));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  private async onHttp(secret: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return reply(res, 404, { ok: false });
    const given = header(req.headers, 'x-bot-api-secret-token');
    if (!given || !safeEqual(given, secret)) {
      req.resume();
      return reply(res, 401, { ok: false, error: 'bad secret token' });
    }
    const raw = await readRawBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply(res, 400, { ok: false, error: 'invalid JSON' });
    }
    for (const u of unwrapUpdates(body)) await this.onUpdate(u);
    reply(res, 200, { ok: true });
  }

  private async onUpdate(u: ZaloBotUpdate): Promise<void> {
    const m = u.message;
    if (!this.handler || !m) return;
    if (typeof m.text !== 'string') return this.onNotText(u);
    if (u.event_name && u.event_name !== 'message.text.received') return;
    const userId = String(m.from?.id ?? m.chat?.id ?? '');
    const chatId = String(m.chat?.id ?? userId);
    if (!userId) return;
    const picked = /^\s*\d{1,2}\s*\.?\s*$/.test(m.text)
      ? pickNumbered(m.text, (await this.choices.recall(chatId)) ?? undefined)
      : undefined;
    if (picked) await this.choices.remember(chatId, null).catch(() => undefined); // the pick stands even if forgetting fails
    const inbound: InboundMessage = {
      channel: 'zalo',
      userId,
      chatId,
      text: picked ? picked.label : m.text,
      ...(picked ? { choice: picked.id } : {}),
      displayName: m.from?.display_name ?? m.from?.first_name,
      isGroup: !!m.chat?.chat_type && m.chat.chat_type.toUpperCase() !== 'PRIVATE',
      // A re-delivered update carries the same message id; without one, an update with its send time is hashed (two
      // identical texts without either could be two real messages, so they are not de-duplicated).
      ...(m.message_id
        ? { eventId: `zalo:msg:${m.message_id}` }
        : m.date
          ? { eventId: `zalo:hash:${createHash('sha256').update(JSON.stringify(u)).digest('hex')}` }
          : {}),
    };
    try {
      const r = await this.send(chatId, await this.handler(inbound));
      if (!r.ok) this.opts.log.warn({ result: r, chatId }, 'zalo bot: reply not delivered');
    } catch (err) {
      this.opts.log.error({ err }, 'zalo bot: handling failed');
    }
  }

  /**
   * A photo, sticker or file in a private chat: Zalo Bot delivers no files (a document arrives as
   * message.unsupported.received, without its bytes), so the sender is told where documents can be sent.
   */
  private async onNotText(u: ZaloBotUpdate): Promise<void> {
    const chatId = u.message?.chat?.id;
    if (!u.event_name || !chatId || (u.message?.chat?.chat_type ?? '').toUpperCase() !== 'PRIVATE') return;
    const r = await this.send(String(chatId), [{ text: NOT_TEXT }]);
    if (!r.ok) this.opts.log.warn({ result: r, chatId }, 'zalo bot: reply not delivered');
  }
}

const NOT_TEXT =
  'Hiện tôi chỉ đọc được tin nhắn dạng chữ: Zalo Bot không chuyển tệp hay ảnh cho hệ thống. ' +
  'Để nhập văn bản, quản trị viên gửi tệp qua Zalo OA, Telegram hoặc Slack, hoặc dùng lệnh `npm run cli -- import`.';
