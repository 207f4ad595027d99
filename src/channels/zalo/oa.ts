// Zalo Official Account adapter: `user_send_text` and `user_send_file` webhooks verified by X-ZEvent-Signature (a
// file is downloaded from its CDN url only when the conversation asks, after the webhook was answered), replies through
// the OA API v3, and a message budget (OaQuota) so proactive sends report 'quota' instead of failing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelAdapter, ChannelPacing, ChoiceMemory, DeliveryResult, Logger, MessageHandler } from '../../core/interfaces.ts';
import type { InboundFile, OutboundMessage } from '../../core/types.ts';
import { downloadLimited } from '../common/download.ts';
import { processChoices } from '../common/choices.ts';
import { fileNote, numberedChoices, pickNumbered, textWithCitation } from '../common/format.ts';
import { listen, readRawBody, reply, type RunningServer, type WebhookRoutes } from '../common/http.ts';
import { queuePacing, RateLimitedError, SendQueue, type SendQueueOptions } from '../common/queue.ts';
import { header, safeEqual, zaloOaSignature } from '../common/signature.ts';
import { splitMessage } from '../common/split.ts';
import { ZaloOaApi, ZaloOaError } from './oa-api.ts';
import { OaQuota, type OaBudget } from './quota.ts';

export const ZALO_OA_LIMIT = 2000;
const MAX_AGE_MS = 5 * 60_000;

export interface ZaloOaOptions {
  appId: string;
  /** OA secret key: signs webhooks and authenticates the token refresh. */
  secretKey: string;
  api: ZaloOaApi;
  /** Served on the shared server when `routes` is given, else on host:port. */
  webhook: { port: number; host?: string; path?: string; routes?: WebhookRoutes };
  quota?: OaBudget;
  log: Logger;
  queue?: SendQueueOptions;
  /** The numbered lists shown (shared by instances through the database; this process's by default). */
  choices?: ChoiceMemory;
  now?: () => number;
}

interface OaEvent {
  app_id?: string;
  event_name?: string;
  timestamp?: string | number;
  sender?: { id?: string };
  message?: { msg_id?: string; text?: string; attachments?: OaAttachment[] };
}

/** An attachment of `user_send_file`: the file on Zalo's CDN (`size` in bytes, as a string). */
interface OaAttachment {
  type?: string;
  payload?: { url?: string; name?: string; size?: string | number; type?: string };
}

/** The files of a user_send_file event, as the conversation sees them (downloaded only when it asks). */
function oaFiles(ev: OaEvent, notify: (m: OutboundMessage) => void): InboundFile[] {
  if (ev.event_name !== 'user_send_file' || !Array.isArray(ev.message?.attachments)) return [];
  return ev.message.attachments.flatMap((a) => {
    const url = a?.payload?.url;
    if (a?.type !== 'file' || typeof url !== 'string' || !/^https?:\/\//.test(url)) return [];
    const size = Number(a.payload?.size);
    const name = typeof a.payload?.name === 'string' && a.payload.name ? a.payload.name : 'tep';
    return [
      {
        name,
        mime: null,
        size: Number.isFinite(size) && size > 0 ? size : null,
        fetch: (max: number) => downloadLimited(url, max),
        notify,
      },
    ];
  });
}

/**
 * Zalo OA: proactive messages are metered by the OA's plan, budgeted here at 2,000 a day and 10/s; replies to a chat
 * 0.5 s apart (a reply of two messages reads as one). The 48-hour window per user is OaQuota's.
 */
export const ZALO_OA_PACING: ChannelPacing = { perSecond: 10, perChatMs: 500, dailyQuota: 2000 };

export class ZaloOaAdapter implements ChannelAdapter {
  readonly pacing = ZALO_OA_PACING;
  readonly name = 'zalo-oa' as const;
  private readonly quota: OaBudget;
  private readonly queue: SendQueue;
  private readonly seen = new Set<string>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly choices: ChoiceMemory;
  private handler: MessageHandler | null = null;
  private server: RunningServer | null = null;

  constructor(private readonly opts: ZaloOaOptions) {
    this.quota = opts.quota ?? new OaQuota();
    this.queue = new SendQueue({ ...queuePacing(ZALO_OA_PACING), ...opts.queue });
    this.choices = opts.choices ?? processChoices();
  }

  get webhookPort(): number | undefined {
    return this.server?.port;
  }

  async start(handler: MessageHandler): Promise<void> {
    this.handler = handler;
    await this.opts.api.init();
    const wh = this.opts.webhook;
    const path = wh.path ?? '/zalo/oa';
    const handle = (req: IncomingMessage, res: ServerResponse) => this.onHttp(path, req, res);
    if (wh.routes) wh.routes.mount(path, handle);
    else this.server = await listen(wh.port, wh.host ?? '0.0.0.0', handle);
    this.opts.log.info({ port: this.server?.port ?? 'shared' }, 'zalo oa: webhook listening');
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
    this.opts.webhook.routes?.unmount(this.opts.webhook.path ?? '/zalo/oa');
    await Promise.allSettled([...this.inflight]);
  }

  /** Sends all messages or none: when the budget cannot cover every part, nothing goes out ('quota'). */
  async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
    const parts = messages.flatMap((msg) => {
      let text = textWithCitation(msg);
      if (msg.file) text = `${text}\n${fileNote(msg.file.name, msg.locale)}`;
      if (msg.choices?.length) text = `${text}\n${numberedChoices(msg.choices, msg.locale)}`;
      return splitMessage(text, ZALO_OA_LIMIT);
    });
    if (parts.length > (await this.quota.remaining(chatId)))
      return { ok: false, reason: 'quota', error: 'Zalo OA message budget exhausted for this user' };
    const offered = messages.findLast((m) => m.choices?.length)?.choices;
    try {
      // a list not remembered only costs a typed "1"; it never stops the message itself
      await this.choices
        .remember(chatId, offered ?? null)
        .catch((e: unknown) => this.opts.log.warn({ err: String(e) }, 'zalo: numbered list not remembered'));
      for (const part of parts) {
        await this.queue.run(chatId, () => this.opts.api.sendText(chatId, part));
        await this.quota.consume(chatId);
      }
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimitedError) return { ok: false, reason: 'unavailable', retryAfterMs: err.retryAfterMs };
      return { ok: false, reason: 'error', error: err instanceof ZaloOaError || err instanceof Error ? err.message : String(err) };
    }
  }

  /**
   * Zalo signs app_id + body + timestamp. Both are read off the raw text, so nothing from the request is parsed
   * before its signature holds; the parsed event must then carry the same two values.
   */
  private verify(raw: string, signature: string | undefined): { timestamp: string } | null {
    const ts = /"timestamp"\s*:\s*"?(\d{1,16})"?/.exec(raw)?.[1];
    const appId = /"app_id"\s*:\s*"([^"\\]{1,64})"/.exec(raw)?.[1];
    if (!signature || !ts || appId !== this.opts.appId) return null;
    if (Math.abs((this.opts.now ?? Date.now)() - Number(ts)) > MAX_AGE_MS) return null;
    const ok = safeEqual(signature, zaloOaSignature(this.opts.appId, Buffer.from(raw, 'utf8'), ts, this.opts.secretKey));
    return ok ? { timestamp: ts } : null;
  }

  private async onHttp(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return reply(res, 404, { error: 1 });
    const raw = (await readRawBody(req)).toString('utf8');
    const signature = header(req.headers, 'x-zevent-signature');
    const signed = this.verify(raw, signature);
    if (!signed) {
      this.opts.log.warn({}, 'zalo oa: rejected webhook with a bad or stale signature');
      return reply(res, 401, { error: 1, message: 'invalid signature' });
    }
    let ev: OaEvent | null;
    try {
      ev = JSON.parse(raw) as OaEvent | null;
    } catch {
      return reply(res, 400, { error: 1, message: 'invalid JSON' });
    }
    if (!ev || typeof ev !== 'object' || Array.isArray(ev) || String(ev.timestamp) !== signed.timestamp || ev.app_id !== this.opts.appId)
      return reply(res, 400, { error: 1, message: 'not an event' });
    reply(res, 200, { error: 0 }); // answer at once; the reply goes out through the API (an upload's after its import)
    const userId = ev.sender?.id;
    const text = ev.message?.text;
    if (typeof userId !== 'string' || !userId) return;
    const files = oaFiles(ev, (m) => void this.send(userId, [m]));
    if (!files.length && (ev.event_name !== 'user_send_text' || typeof text !== 'string')) return;
    const msgId = ev.message?.msg_id;
    // Durable key: the message id, or (events without one) the signature, which covers the body and its timestamp.
    const eventId = `zalo-oa:${typeof msgId === 'string' && msgId ? `msg:${msgId}` : `sig:${signature}`}`;
    if (this.seen.has(eventId)) return; // retried while the first delivery is still in memory: not even counted
    this.seen.add(eventId);
    if (this.seen.size > 5000) this.seen.delete(this.seen.values().next().value as string);
    await this.quota.inbound(userId);
    const jobs = files.length
      ? files.map((file, i) => this.handle(userId, '', files.length > 1 ? `${eventId}:${i}` : eventId, file))
      : [this.handle(userId, text ?? '', eventId)];
    for (const p of jobs) {
      const job = p.finally(() => this.inflight.delete(job));
      this.inflight.add(job);
    }
  }

  private async handle(userId: string, text: string, eventId: string, file?: InboundFile): Promise<void> {
    if (!this.handler) return;
    const numbered = !file && /^\s*\d{1,2}\s*\.?\s*$/.test(text);
    const picked = numbered ? pickNumbered(text, (await this.choices.recall(userId)) ?? undefined) : undefined;
    try {
      const out = await this.handler({
        channel: 'zalo-oa',
        userId,
        chatId: userId,
        text: picked?.label ?? text,
        ...(picked ? { choice: picked.id } : {}),
        ...(file ? { file } : {}),
        isGroup: false,
        eventId,
      });
      const r = await this.send(userId, out);
      if (!r.ok) this.opts.log.warn({ result: r, userId }, 'zalo oa: reply not delivered');
    } catch (err) {
      this.opts.log.error({ err }, 'zalo oa: handling failed');
    }
  }
}
