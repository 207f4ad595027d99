// Slack adapter (@slack/bolt): Socket Mode when an app-level token is set, otherwise HTTP on our own
// signed receiver. /chithi, app mentions, DMs, buttons, and a modal for number steps of the report form.
import type { App, BlockAction, ButtonAction, SlackViewAction } from '@slack/bolt';
import type { ChannelAdapter, ChannelPacing, DeliveryResult, Logger, MessageHandler } from '../../core/interfaces.ts';
import type { WebhookRoutes } from '../common/http.ts';
import type { InboundMessage, OutboundMessage } from '../../core/types.ts';
import { fileNote } from '../common/format.ts';
import { queuePacing, RateLimitedError, SendQueue, type SendQueueOptions } from '../common/queue.ts';
import { fileEventId, inboundFile, type SlackFileObject } from './files.ts';
import { CHOICE_ACTION, FORM_CALLBACK, formView, OPEN_FORM_ACTION, toPosts, type FormInput, type FormMeta } from './blocks.ts';
import { HOME_COMMAND, homeView } from './home.ts';
import { SignedHttpReceiver } from './receiver.ts';
import { bolt } from './bolt.ts';
import { boltLogger, socketReceiver, socketStartError } from './socket.ts';

export interface SlackOptions {
  botToken: string;
  signingSecret?: string; // HTTP mode
  appToken?: string; // Socket Mode (xapp-…)
  apiUrl?: string; // e.g. GovSlack or a test fake, ending in /api/
  port: number;
  host?: string;
  /** HTTP mode on the shared server (port and host then unused). */
  routes?: WebhookRoutes;
  log: Logger;
  queue?: SendQueueOptions;
  /** Socket Mode tuning (tests): ping/pong timeout, which also paces reconnects. */
  socket?: { clientPingTimeoutMs?: number };
}

/** `/chithi baocao` → the words the engine understands. */
export function slashText(text: string): string {
  const t = text.trim();
  if (/^(bao ?cao|báo cáo)$/i.test(t)) return 'báo cáo';
  if (t === '' || /^(tro ?giup|trợ giúp|help)$/i.test(t)) return 'trợ giúp';
  return t;
}

/** Slack's chat.postMessage: ~1 message/s per channel; 20/s across channels stays under the workspace's limits. */
/** How long a person's first message waits for their Slack locale. */
const LOCALE_LOOKUP_MS = 2000;

export const SLACK_PACING: ChannelPacing = { perSecond: 20, perChatMs: 1000 };

export class SlackAdapter implements ChannelAdapter {
  readonly pacing = SLACK_PACING;
  readonly name = 'slack' as const;
  private readonly app: App;
  private readonly receiver: SignedHttpReceiver | null;
  private readonly queue: SendQueue;
  private handler: MessageHandler | null = null;
  private botUserId = '';
  /** Each person's Slack locale once asked (null: none given). */
  private readonly locales = new Map<string, string | null>();
  /** Uploads being downloaded and imported after their event was acknowledged; stop() waits for them. */
  private readonly uploads = new Set<Promise<void>>();

  constructor(private readonly opts: SlackOptions) {
    const logger = boltLogger(opts.log);
    const clientOptions = { slackApiUrl: opts.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
    const common = { token: opts.botToken, logger, clientOptions, deferInitialization: true };
    if (opts.appToken) {
      this.receiver = null;
      const receiver = socketReceiver({
        appToken: opts.appToken,
        apiUrl: opts.apiUrl,
        logger,
        clientPingTimeoutMs: opts.socket?.clientPingTimeoutMs,
      });
      this.app = new (bolt().App)({ ...common, receiver, socketMode: true });
    } else {
      if (!opts.signingSecret) throw new Error('Slack: SLACK_SIGNING_SECRET is required in HTTP mode');
      this.receiver = new SignedHttpReceiver({
        signingSecret: opts.signingSecret,
        port: opts.port,
        host: opts.host,
        routes: opts.routes,
        log: opts.log,
      });
      this.app = new (bolt().App)({ ...common, receiver: this.receiver });
    }
    this.queue = new SendQueue({ ...queuePacing(SLACK_PACING), ...opts.queue });
    this.register();
  }

  get port(): number | undefined {
    return this.receiver?.port;
  }

  async start(handler: MessageHandler): Promise<void> {
    this.handler = handler;
    const auth = await this.app.client.auth.test().catch((err: unknown) => {
      throw new Error(`Slack: auth.test failed, check SLACK_BOT_TOKEN/SLACK_API_URL (${err instanceof Error ? err.message : err})`);
    });
    this.botUserId = auth.user_id ?? '';
    await this.app.init();
    await this.app.start().catch((err: unknown) => {
      throw this.receiver ? err : socketStartError(err);
    });
    this.opts.log.info({ mode: this.receiver ? 'http' : 'socket', port: this.receiver?.port }, 'slack: started');
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await Promise.allSettled([...this.uploads]);
  }

  async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
    try {
      await this.post(chatId, messages);
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimitedError) return { ok: false, reason: 'unavailable', retryAfterMs: err.retryAfterMs };
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === 'channel_not_found' || code === 'user_not_found' || code === 'not_in_channel')
        return { ok: false, reason: 'unavailable', error: code };
      if (code === 'account_inactive' || code === 'is_archived') return { ok: false, reason: 'blocked', error: code };
      return { ok: false, reason: 'error', error: code ?? (err instanceof Error ? err.message : String(err)) };
    }
  }

  private async call<T>(chatId: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.run(chatId, async () => {
      try {
        return await fn();
      } catch (err) {
        const e = err as { code?: string; retryAfter?: number };
        if (e.code === bolt().webApi.ErrorCode.RateLimitedError)
          throw new RateLimitedError((e.retryAfter ?? 1) * 1000, 'slack rate limited');
        throw err;
      }
    });
  }

  private async post(chatId: string, messages: OutboundMessage[]): Promise<void> {
    const client = this.app.client;
    for (let msg of messages) {
      if (msg.file) {
        const file = msg.file;
        // A plain text goes with the file as its comment; text with buttons or a citation is posted after it.
        const comment = !msg.choices?.length && !msg.citation && !msg.input && msg.text.length <= 3000 ? msg.text : undefined;
        try {
          await this.call(chatId, () =>
            client.files.uploadV2({
              channel_id: chatId,
              file: file.data,
              filename: file.name,
              title: file.name,
              ...(comment ? { initial_comment: comment } : {}),
            }),
          );
          if (comment !== undefined) continue;
        } catch (err) {
          if (err instanceof RateLimitedError) throw err;
          this.opts.log.warn({ err }, 'slack: file upload failed');
          // The text still goes out, naming the file that could not be attached.
          msg = { ...msg, text: msg.text ? `${msg.text}\n${fileNote(file.name, msg.locale)}` : fileNote(file.name, msg.locale) };
        }
      }
      for (const p of toPosts(msg))
        await this.call(chatId, () => client.chat.postMessage({ channel: chatId, text: p.text, blocks: p.blocks }));
    }
  }

  private async dispatch(msg: InboundMessage): Promise<void> {
    if (!this.handler) return;
    const language = msg.isGroup ? undefined : await this.languageOf(msg.userId);
    const out = await this.handler(language ? { ...msg, language } : msg);
    const r = await this.send(msg.chatId, out);
    if (!r.ok) this.opts.log.warn({ result: r, chatId: msg.chatId }, 'slack: reply not delivered');
  }

  /**
   * The language the person's Slack is set to ("en-US"), as Telegram's language_code: Slack's events carry none, so
   * users.info is asked once per person (include_locale; the users:read scope). A person whose Slack is in English is
   * offered English when they register. Without the scope, or on a failure, no language: they are not asked again.
   */
  private async languageOf(user: string): Promise<string | undefined> {
    if (!this.locales.has(user)) {
      this.locales.set(user, null);
      try {
        // Bounded: the reply must not wait for Slack's retries of a lookup that only chooses an offer.
        const r = await Promise.race([
          this.app.client.users.info({ user, include_locale: true }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), LOCALE_LOOKUP_MS).unref()),
        ]);
        this.locales.set(user, r?.user?.locale ?? null);
      } catch (err) {
        this.opts.log.debug({ err, user }, 'slack: users.info gave no locale');
      }
    }
    return this.locales.get(user) ?? undefined;
  }

  /**
   * A file shared in a DM: the conversation decides (only admins import). The event is acknowledged at once and
   * the download and import go on in the background, as on Telegram: held for them, Slack would re-send the
   * event after 3 s. Both of a file's events carry the same event id, so the file is handled once.
   */
  private onFile(user: string, chatId: string, file: SlackFileObject | (() => Promise<SlackFileObject | null>)): void {
    if (!this.handler || user === this.botUserId) return;
    const notify = (m: OutboundMessage) =>
      void this.send(chatId, [m]).then((r) => r.ok || this.opts.log.warn({ result: r, chatId }, 'slack: progress not delivered'));
    const work = (async () => {
      const f = typeof file === 'function' ? await file() : file;
      if (!f) return;
      const upload = inboundFile(f, this.opts.botToken, notify);
      await this.dispatch({ channel: 'slack', userId: user, chatId, text: '', isGroup: false, eventId: fileEventId(f.id), file: upload });
    })().catch((err: unknown) => this.opts.log.error({ err, chatId }, 'slack: upload failed'));
    this.uploads.add(work);
    void work.finally(() => this.uploads.delete(work));
  }

  private register(): void {
    this.app.error(async (err) => this.opts.log.error({ err }, 'slack: unhandled listener error'));
    this.registerMessages();
    this.registerButtons();
  }

  /** The slash command, mentions, direct messages, files shared and the Home tab. */
  private registerMessages(): void {
    const app = this.app;
    app.command('/chithi', async ({ command, ack }) => {
      await ack();
      await this.dispatch({
        eventId: `slack:command:${command.trigger_id}`,
        channel: 'slack',
        userId: command.user_id,
        chatId: command.channel_id,
        text: slashText(command.text),
        displayName: command.user_name,
        isGroup: !command.channel_id.startsWith('D'),
      });
    });

    // Events API re-deliveries (X-Slack-Retry-Num) carry the same event_id.
    const eventId = (body: unknown) => {
      const id = (body as { event_id?: unknown }).event_id;
      return typeof id === 'string' ? { eventId: `slack:event:${id}` } : {};
    };

    app.event('app_mention', async ({ event, body }) => {
      if (!event.user) return;
      const text = event.text
        .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      await this.dispatch({ channel: 'slack', userId: event.user, chatId: event.channel, text, isGroup: true, ...eventId(body) });
    });

    app.message(async ({ message, body }) => {
      if (message.channel_type === 'im' && message.subtype === 'file_share' && !('bot_id' in message)) {
        for (const f of message.files ?? []) this.onFile(message.user, message.channel, f);
        return;
      }
      if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
      if (message.user === this.botUserId || !message.text) return;
      await this.dispatch({
        channel: 'slack',
        userId: message.user,
        chatId: message.channel,
        text: message.text,
        isGroup: false,
        ...eventId(body),
      });
    });

    // Sent besides the message when the app subscribes to it; carries only the file's id.
    app.event('file_shared', async ({ event, client }) => {
      if (!event.channel_id.startsWith('D')) return;
      this.onFile(event.user_id, event.channel_id, async () => {
        const info = await client.files.info({ file: event.file_id });
        return (info.file as SlackFileObject | undefined) ?? null;
      });
    });

    app.event('app_home_opened', async ({ event, client }) => {
      if (event.tab !== 'home' || !this.handler) return;
      const out = await this.handler({ channel: 'slack', userId: event.user, chatId: event.channel, text: HOME_COMMAND, isGroup: false });
      await client.views
        .publish({ user_id: event.user, view: homeView(out) })
        .catch((err: unknown) => this.opts.log.warn({ err, user: event.user }, 'slack: views.publish failed'));
    });
  }

  /** Buttons (choices, the one-screen form) and the form's modal. */
  private registerButtons(): void {
    const app = this.app;
    app.action<BlockAction<ButtonAction>>(CHOICE_ACTION, async ({ ack, action, body }) => {
      await ack();
      // A button on the Home tab has no channel: the answer goes to the user's DM with the app (posting to a user id).
      const chatId = body.channel?.id ?? body.user.id;
      await this.dispatch({
        channel: 'slack',
        userId: body.user.id,
        chatId,
        text: action.text.text,
        choice: action.value,
        isGroup: body.channel ? !chatId.startsWith('D') : false,
        eventId: `slack:action:${body.trigger_id}`,
      });
    });

    app.action<BlockAction<ButtonAction>>(OPEN_FORM_ACTION, async ({ ack, action, body, client }) => {
      await ack();
      const { locale, ...input } = JSON.parse(action.value ?? '{}') as FormInput & { locale?: 'en' };
      const meta: FormMeta = { chatId: body.channel?.id ?? body.user.id, input, ...(locale === 'en' ? { locale } : {}) };
      await client.views.open({ trigger_id: body.trigger_id, view: formView(meta) });
    });

    app.view<SlackViewAction>(FORM_CALLBACK, async ({ ack, body, view }) => {
      const meta = JSON.parse(view.private_metadata) as FormMeta;
      const itemId = meta.input.itemId;
      const value = view.state.values[itemId]?.value?.value ?? '';
      if (!this.handler) return ack({ response_action: 'errors', errors: { [itemId]: 'Hệ thống đang khởi động, vui lòng thử lại.' } });
      const out = await this.handler({
        channel: 'slack',
        userId: body.user.id,
        chatId: meta.chatId,
        text: value,
        formValues: { [itemId]: value },
        isGroup: !meta.chatId.startsWith('D'),
        eventId: `slack:view:${(body as { trigger_id?: string }).trigger_id ?? `${body.view.id}:${body.view.hash}`}`,
      });
      // The engine asking for the same item again means the value was refused: show why, in the modal (the
      // question itself is the modal's label).
      const reask = out.find((m) => m.input?.itemId === itemId);
      if (reask) return ack({ response_action: 'errors', errors: { [itemId]: (reask.reason ?? reask.text).slice(0, 2000) } });
      await ack();
      const r = await this.send(meta.chatId, out);
      if (!r.ok) this.opts.log.warn({ result: r }, 'slack: reply after form not delivered');
    });
  }
}
