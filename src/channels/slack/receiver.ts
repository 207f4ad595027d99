// A Bolt receiver on our own HTTP server: 1 MB body cap (413), Slack v0 signature and 5-minute timestamp
// check (401) before anything is parsed, then the body is handed to Bolt. One path serves events (JSON),
// slash commands and interactivity (form-encoded, `payload=<json>`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/interfaces.ts';
import { listen, readRawBody, reply, type RunningServer, type WebhookRoutes } from '../common/http.ts';
import { header, verifySlack } from '../common/signature.ts';

export interface ReceiverOptions {
  signingSecret: string;
  port: number;
  host?: string;
  path?: string;
  log: Logger;
  /** Served on the shared server at `path` instead of a port of its own. */
  routes?: WebhookRoutes;
}

function parseBody(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(text));
  return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
}

export class SignedHttpReceiver implements Receiver {
  private app: App | null = null;
  private server: RunningServer | null = null;

  constructor(private readonly opts: ReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  get port(): number | undefined {
    return this.server?.port;
  }

  async start(): Promise<unknown> {
    const handle = (req: IncomingMessage, res: ServerResponse) => this.handle(req, res);
    if (this.opts.routes) {
      this.opts.routes.mount(this.opts.path ?? '/slack/events', handle);
      return undefined;
    }
    this.server = await listen(this.opts.port, this.opts.host ?? '0.0.0.0', handle);
    return this.server.server;
  }

  async stop(): Promise<unknown> {
    await this.server?.close();
    this.server = null;
    this.opts.routes?.unmount(this.opts.path ?? '/slack/events');
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = this.opts.path ?? '/slack/events';
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return reply(res, 404, { ok: false });
    const raw = await readRawBody(req);
    const ts = header(req.headers, 'x-slack-request-timestamp');
    if (!verifySlack(this.opts.signingSecret, ts, header(req.headers, 'x-slack-signature'), raw)) {
      this.opts.log.warn({ ts }, 'slack: rejected request with a bad or stale signature');
      return reply(res, 401, { ok: false, error: 'invalid signature' });
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req.headers, 'content-type') ?? '');
    } catch {
      return reply(res, 400, { ok: false, error: 'unreadable body' });
    }
    if (body.type === 'url_verification') return reply(res, 200, { challenge: body.challenge });
    if (body.ssl_check) return reply(res, 200, '');
    if (!this.app) return reply(res, 503, { ok: false });

    let acked = false;
    const event: ReceiverEvent = {
      body,
      retryNum: Number(header(req.headers, 'x-slack-retry-num') ?? 0) || undefined,
      retryReason: header(req.headers, 'x-slack-retry-reason'),
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === '') reply(res, 200, '');
        else if (typeof response === 'string') reply(res, 200, response, 'text/plain');
        else reply(res, 200, response);
      },
    };
    try {
      await this.app.processEvent(event);
    } catch (err) {
      this.opts.log.error({ err }, 'slack: listener failed');
      if (!acked) return reply(res, 500, { ok: false });
    }
    if (!acked) reply(res, 200, '');
  }
}
