// Telegram adapter (telegraf): long polling by default, webhook with a secret token when a URL is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Telegraf, TelegramError } from 'telegraf';
import type { CallbackQuery, Message } from 'telegraf/types';
import type { ChannelAdapter, ChannelPacing, DeliveryResult, ExclusiveLease, Logger, MessageHandler } from '../../core/interfaces.ts';
import type { OutboundMessage } from '../../core/types.ts';
import { listen, readRawBody, reply, type RunningServer, type WebhookRoutes } from '../common/http.ts';
import { queuePacing, SendQueue, type SendQueueOptions } from '../common/queue.ts';
import { header, safeEqual } from '../common/signature.ts';
import { downloadLimited } from '../common/download.ts';
import { COMMANDS, COMMANDS_EN, toInbound, type BotIdentity } from './map.ts';
import { CallbackIds, deliver, toDeliveryResult } from './send.ts';

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  /** Webhook mode: Telegram posts to `url`; served at url's path on the shared server (`routes`), else on host:port. */
  webhook?: { url: string; secret?: string; port: number; host?: string; routes?: WebhookRoutes };
  log: Logger;
  queue?: SendQueueOptions;
  /** Pause before polling restarts after a non-retryable error (409 conflict, 400…); default 5 s. */
  restartDelayMs?: number;
  /**
   * Long polling only while this is held: Telegram allows one poller per token, so with several instances on one
   * database the others wait (and take over when the holder stops renewing it). Unset: poll unconditionally.
   */
  pollerLease?: ExclusiveLease;
}

const NOT_THE_POLLER =
  'telegram: another instance holds the polling lease (Telegram allows one long poller per bot token), so this one does not poll; ' +
  'it takes over if that instance stops. To run several instances, set TELEGRAM_WEBHOOK_URL (webhook mode)';

const STOP_WAIT_MS = 10_000;

/** Waits for `p`, at most `ms`. */
async function withTimeout(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** Telegram's Bot FAQ: ~30 messages/s in bulk (29: a margin for network jitter), ~1/s per chat, 20/min per group. */
export const TELEGRAM_PACING: ChannelPacing = { perSecond: 29, perChatMs: (chatId) => (chatId.startsWith('-') ? 3000 : 1000) };

export class TelegramAdapter implements ChannelAdapter {
  readonly pacing = TELEGRAM_PACING;
  readonly name = 'telegram' as const;
  private readonly bot: Telegraf;
  private readonly queue: SendQueue;
  private readonly ids = new CallbackIds();
  private readonly secret: string;
  private server: RunningServer | null = null;
  private polling = false;
  private stopping = false;
  private loop: Promise<void> = Promise.resolve();
  private restartTimer: NodeJS.Timeout | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private leased = false;
  private readonly deliveries = new Set<Promise<void>>();
  private me: BotIdentity | null = null;
  private handler: MessageHandler | null = null;

  constructor(private readonly opts: TelegramOptions) {
    this.bot = new Telegraf(opts.token, { telegram: { apiRoot: opts.apiRoot ?? 'https://api.telegram.org', webhookReply: false } });
    this.queue = new SendQueue({ ...queuePacing(TELEGRAM_PACING), ...opts.queue });
    this.secret = opts.webhook?.secret ?? randomBytes(24).toString('hex');
    this.bot.on('message', (ctx) => this.onMessage(ctx.message, ctx.update.update_id));
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
    const menu = (commands: typeof COMMANDS, language_code?: string) =>
      this.bot.telegram
        .setMyCommands(commands, language_code ? { language_code } : {})
        .catch((err: unknown) => this.opts.log.warn({ err, language_code }, 'telegram: setMyCommands failed'));
    await menu(COMMANDS);
    await menu(COMMANDS_EN, 'en');
    const wh = this.opts.webhook;
    if (wh) {
      const path = new URL(wh.url).pathname;
      const handle = (req: IncomingMessage, res: ServerResponse) => this.onHttp(path, req, res);
      if (wh.routes) wh.routes.mount(path, handle);
      else this.server = await listen(wh.port, wh.host ?? '0.0.0.0', handle);
      await this.bot.telegram.setWebhook(wh.url, { secret_token: this.secret, allowed_updates: ['message', 'callback_query'] });
      this.opts.log.info({ url: wh.url, port: this.server?.port ?? 'shared' }, 'telegram: webhook mode');
      return;
    }
    // Fail at start (wrong token, unreachable API root) rather than inside the polling loop.
    await this.bot.telegram.deleteWebhook();
    this.stopping = false;
    const lease = this.opts.pollerLease;
    if (lease) {
      this.leased = await lease.take();
      let checking = false;
      this.leaseTimer = setInterval(() => {
        if (checking) return;
        checking = true;
        void this.checkLease(lease).finally(() => (checking = false));
      }, lease.everyMs);
      this.leaseTimer.unref();
      if (!this.leased) {
        this.opts.log.error({ bot: me.username }, NOT_THE_POLLER);
        return;
      }
    }
    this.poll();
    this.opts.log.info({ bot: me.username }, 'telegram: long polling');
  }

  /** Renews the poller lease, or tries to take it: polls while it is ours, stops polling when it was lost. */
  private async checkLease(lease: ExclusiveLease): Promise<void> {
    const held = await lease.take().catch((err: unknown) => {
      this.opts.log.warn({ err }, 'telegram: could not renew the polling lease');
      return this.leased; // a database hiccup: keep doing what we did until the lease says otherwise
    });
    if (this.stopping || held === this.leased) return;
    this.leased = held;
    if (held) {
      this.opts.log.info({}, 'telegram: took the polling lease over, long polling');
      if (!this.polling) this.poll();
      return;
    }
    this.opts.log.error({}, 'telegram: the polling lease went to another instance, polling stopped');
    await this.stopPolling();
  }

  private async stopPolling(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (this.polling) {
      try {
        this.bot.stop('shutdown');
      } catch {
        // not running (between a failure and its restart)
      }
      await withTimeout(this.loop, STOP_WAIT_MS);
    }
    this.polling = false;
  }

  /**
   * Runs telegraf's polling loop. telegraf confirms an update (next getUpdates offset) only after its handler
   * returned, and confirms the last batch when polling stops; the loop ends on 401/409 and other non-retryable
   * errors, which would leave the bot silently deaf, so it is restarted after a pause unless we are stopping.
   */
  private poll(): void {
    this.polling = true;
    this.loop = this.bot
      .launch({ allowedUpdates: ['message', 'callback_query'] })
      .catch((err: unknown) => {
        if (this.stopping) return;
        const unauthorized = err instanceof TelegramError && err.code === 401;
        this.opts.log.error({ err }, unauthorized ? 'telegram: token rejected, polling stopped' : 'telegram: polling failed, restarting');
        if (unauthorized) return;
        this.restartTimer = setTimeout(() => {
          this.restartTimer = null;
          if (!this.stopping && (this.leased || !this.opts.pollerLease)) this.poll();
        }, this.opts.restartDelayMs ?? 5000);
      })
      .finally(() => {
        if (!this.restartTimer) this.polling = false;
      });
  }

  /** Stops polling (the in-flight long poll is aborted, handled updates are confirmed) and waits for replies. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = null;
    await this.stopPolling();
    if (this.leased) await this.opts.pollerLease?.release().catch(() => undefined);
    this.leased = false;
    await withTimeout(Promise.allSettled([...this.deliveries]), STOP_WAIT_MS);
    await this.server?.close();
    this.server = null;
    if (this.opts.webhook?.routes) this.opts.webhook.routes.unmount(new URL(this.opts.webhook.url).pathname);
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

  private async onMessage(msg: Message, updateId: number): Promise<void> {
    if (!this.me || !this.handler) return;
    if ('document' in msg && msg.chat.type === 'private') return this.onDocument(msg, updateId);
    if (!('text' in msg)) {
      if (msg.chat.type === 'private') await this.send(String(msg.chat.id), [{ text: 'Hiện tôi chỉ đọc được tin nhắn dạng chữ.' }]);
      return;
    }
    const inbound = toInbound(msg, this.me);
    if (!inbound) return;
    // the bot's update ids are unique and re-sent unchanged when Telegram re-delivers (webhook timeouts)
    const out = await this.handler({ ...inbound, eventId: `telegram:update:${updateId}` });
    this.reply(inbound.chatId, out);
  }

  /**
   * A file sent to the bot in a private chat: the conversation decides; the bytes come through getFile. The
   * update is confirmed at once and the download and import go on in the background: held for them, long
   * polling stops (telegraf waits for a whole batch) and a webhook call times out and is re-sent, so nobody
   * else got an answer until the import was over.
   */
  private onDocument(msg: Message.DocumentMessage, updateId: number): void {
    const doc = msg.document;
    const chatId = String(msg.chat.id);
    const telegram = this.bot.telegram;
    const work = this.handler!({
      channel: 'telegram',
      userId: String(msg.from?.id ?? msg.chat.id),
      chatId,
      text: msg.caption ?? '',
      displayName: [msg.from?.first_name, msg.from?.last_name].filter(Boolean).join(' ') || msg.from?.username,
      eventId: `telegram:update:${updateId}`,
      file: {
        name: doc.file_name ?? 'tep',
        mime: doc.mime_type ?? null,
        size: doc.file_size ?? null,
        fetch: async (maxBytes) => downloadLimited(String(await telegram.getFileLink(doc.file_id)), maxBytes),
        notify: (m) => this.reply(chatId, [m]),
      },
    }).then(
      (out) => this.reply(chatId, out),
      (err: unknown) => this.opts.log.error({ err, chatId }, 'telegram: upload failed'),
    );
    this.track(work);
  }

  /**
   * Sends a reply without holding up the update: the per-chat queue keeps replies in order, while pacing and
   * 429 waits (up to a minute) would otherwise stall polling, or a webhook call until Telegram re-sends it.
   */
  private reply(chatId: string, out: OutboundMessage[]): void {
    this.track(
      this.send(chatId, out).then((result) => {
        if (!result.ok) this.opts.log.warn({ result, chatId }, 'telegram: reply not delivered');
      }),
    );
  }

  /** Work that outlives its update; stop() waits for it. */
  private track(p: Promise<void>): void {
    this.deliveries.add(p);
    void p.finally(() => this.deliveries.delete(p));
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
      eventId: `telegram:callback:${q.id}`,
    });
    this.reply(chatId, out);
  }
}
