// Telegram adapter (telegraf): long polling by default, webhook with a secret token when a URL is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Telegraf } from 'telegraf';
import type { CallbackQuery, Message } from 'telegraf/types';
import type { ChannelAdapter, DeliveryResult, Logger, MessageHandler } from '../../core/interfaces.ts';
import type { OutboundMessage } from '../../core/types.ts';
import { listen, readRawBody, reply, type RunningServer } from '../common/http.ts';
import { SendQueue, type SendQueueOptions } from '../common/queue.ts';
import { header, safeEqual } from '../common/signature.ts';
import { COMMANDS, toInbound, type BotIdentity } from './map.ts';
import { CallbackIds, deliver, toDeliveryResult } from './send.ts';

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  /** Webhook mode: Telegram posts to `url`; we listen on host:port at url's path. */
  webhook?: { url: string; secret?: string; port: number; host?: string };
  log: Logger;
  queue?: SendQueueOptions;
}

export class TelegramAdapter implements ChannelAdapter {
  readonly name = 'telegram' as const;
  private readonly bot: Telegraf;
  private readonly queue: SendQueue;
  private readonly ids = new CallbackIds();
  private readonly secret: string;
  private server: RunningServer | null = null;
  private polling = false;
  private me: BotIdentity | null = null;
  private handler: MessageHandler | null = null;

  constructor(private readonly opts: TelegramOptions) {
    this.bot = new Telegraf(opts.token, { telegram: { apiRoot: opts.apiRoot ?? 'https://api.telegram.org', webhookReply: false } });
    this.queue = new SendQueue({ chatIntervalMs: (id) => (id.startsWith('-') ? 3000 : 1000), globalPerSecond: 30, ...opts.queue });
    this.secret = opts.webhook?.secret ?? randomBytes(24).toString('hex');
    this.bot.on('message', (ctx) => this.onMessage(ctx.message));
    this.bot.on('callback_query', (ctx) => this.onCallback(ctx.callbackQuery));
    this.bot.catch((err) => opts.log.error({ err }, 'telegram: update failed'));
  }

  /** The port the webhook server listens on (useful when configured as 0). */
  get webhookPort(): number | undefined {
    return this.server?.port;
  }

  async start(handler: MessageHandler): Promise<void> {
    this.handler = handler;
    const me = await this.bot.telegram.getMe().catch((err: unknown) => {
      throw new Error(`Telegram: getMe failed, check TELEGRAM_BOT_TOKEN/TELEGRAM_API_ROOT (${err instanceof Error ? err.message : err})`);
    });
    this.me = { id: me.id, username: me.username };
    this.bot.botInfo = me;
    await this.bot.telegram.setMyCommands(COMMANDS).catch((err: unknown) => this.opts.log.warn({ err }, 'telegram: setMyCommands failed'));
    const wh = this.opts.webhook;
    if (wh) {
      const path = new URL(wh.url).pathname;
      this.server = await listen(wh.port, wh.host ?? '0.0.0.0', (req, res) => this.onHttp(path, req, res));
      await this.bot.telegram.setWebhook(wh.url, { secret_token: this.secret, allowed_updates: ['message', 'callback_query'] });
      this.opts.log.info({ url: wh.url, port: this.server.port }, 'telegram: webhook mode');
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.bot
        .launch({ allowedUpdates: ['message', 'callback_query'] }, () => resolve())
        .catch((err: unknown) => {
          this.polling = false;
          reject(err instanceof Error ? err : new Error(String(err)));
        });
      this.polling = true;
    });
    this.opts.log.info({ bot: me.username }, 'telegram: long polling');
  }

  async stop(): Promise<void> {
    if (this.polling) this.bot.stop('shutdown');
    this.polling = false;
    await this.server?.close();
    this.server = null;
  }

  async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
    try {
      await deliver(this.bot.telegram, this.queue, this.ids, chatId, messages);
      return { ok: true };
    } catch (err) {
      return toDeliveryResult(err);
    }
  }

  /** Webhook endpoint: secret header first (nothing is read or parsed before), then a 1 MB body cap. */
  private async onHttp(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return reply(res, 404, { ok: false });
    const given = header(req.headers, 'x-telegram-bot-api-secret-token');
    if (!given || !safeEqual(given, this.secret)) {
      req.resume();
      return reply(res, 401, { ok: false, error: 'bad secret token' });
    }
    const raw = await readRawBody(req);
    let update: unknown;
    try {
      update = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply(res, 400, { ok: false, error: 'invalid JSON' });
    }
    if (!update || typeof update !== 'object' || typeof (update as { update_id?: unknown }).update_id !== 'number') {
      return reply(res, 400, { ok: false, error: 'not an update' });
    }
    await this.bot.handleUpdate(update as Parameters<Telegraf['handleUpdate']>[0]);
    reply(res, 200, { ok: true });
  }

  private async onMessage(msg: Message): Promise<void> {
    if (!this.me || !this.handler) return;
    if (!('text' in msg)) {
      if (msg.chat.type === 'private') await this.send(String(msg.chat.id), [{ text: 'Hiện tôi chỉ đọc được tin nhắn dạng chữ.' }]);
      return;
    }
    const inbound = toInbound(msg, this.me);
    if (!inbound) return;
    const out = await this.handler(inbound);
    const result = await this.send(inbound.chatId, out);
    if (!result.ok) this.opts.log.warn({ result, chatId: inbound.chatId }, 'telegram: reply not delivered');
  }

  private async onCallback(q: CallbackQuery): Promise<void> {
    if (!this.handler || !('data' in q) || !q.message) return;
    const choice = this.ids.decode(q.data);
    const markup = 'reply_markup' in q.message ? q.message.reply_markup : undefined;
    const button = markup?.inline_keyboard.flat().find((b) => 'callback_data' in b && b.callback_data === q.data);
    const chatId = String(q.message.chat.id);
    await this.bot.telegram
      .answerCbQuery(q.id)
      .catch((err: unknown) => this.opts.log.warn({ err }, 'telegram: answerCallbackQuery failed'));
    // Remove the keyboard so the same choice cannot be pressed twice.
    await this.bot.telegram
      .editMessageReplyMarkup(chatId, q.message.message_id, undefined, undefined)
      .catch((err: unknown) => this.opts.log.debug({ err }, 'telegram: could not remove keyboard'));
    const out = await this.handler({
      channel: 'telegram',
      userId: String(q.from.id),
      chatId,
      text: button?.text ?? choice,
      choice,
      displayName: [q.from.first_name, q.from.last_name].filter(Boolean).join(' ') || q.from.username,
      isGroup: q.message.chat.type !== 'private',
    });
    const result = await this.send(chatId, out);
    if (!result.ok) this.opts.log.warn({ result, chatId }, 'telegram: reply not delivered');
  }
}
