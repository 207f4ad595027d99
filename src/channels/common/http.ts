// Minimal HTTP plumbing for webhooks: a server on an ephemeral-or-fixed port, raw bodies with a size cap, and
// WebhookRoutes, through which an adapter is served by the bot's shared web server instead of a port of its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body over 1 MB');
  }
}

/** Reads the raw body, refusing (before reading it all) anything over `limit` bytes. */
export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLargeError());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!done) reject(e);
    });
  });
}

export function reply(res: ServerResponse, status: number, body: unknown = '', type = 'application/json'): void {
  if (res.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type });
  res.end(text);
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface ListenOptions {
  /** The headers must arrive within this (default 10 s). */
  headersTimeoutMs?: number;
  /** The whole request, body included, must arrive within this (default 20 s); then 408 and the socket closes. */
  requestTimeoutMs?: number;
}

/** A handler crash becomes a 500, a too-large body a 413 (for `listen` and the shared server alike). */
export function guarded(handler: Handler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) reply(res, 413, { ok: false, error: 'payload too large' });
      else reply(res, 500, { ok: false, error: 'internal error' });
    });
  };
}

/**
 * Webhook paths served by one shared server (the bot's web server, on WEB_PORT): an adapter given these mounts its
 * handler at its path instead of listening on a port; the handler sees the raw, unread request as it would on its
 * own port, so its authentication (signature, secret token) still runs before anything is parsed.
 */
export class WebhookRoutes {
  private readonly routes = new Map<string, Handler>();

  mount(path: string, handler: Handler): void {
    if (this.routes.has(path)) throw new Error(`webhook path ${path} is already served by another channel`);
    this.routes.set(path, handler);
  }

  unmount(path: string): void {
    this.routes.delete(path);
  }

  get(path: string): Handler | undefined {
    return this.routes.get(path);
  }
}

/** A node server with the webhook timeouts (the shared web server is built on it too). */
export function createTimedServer(handler: (req: IncomingMessage, res: ServerResponse) => void, opts: ListenOptions = {}): Server {
  const requestTimeout = opts.requestTimeoutMs ?? 20_000;
  const headersTimeout = Math.min(opts.headersTimeoutMs ?? 10_000, requestTimeout);
  const checking = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
  const server = createServer({ requestTimeout, headersTimeout, connectionsCheckingInterval: checking }, handler);
  server.keepAliveTimeout = 5000;
  return server;
}

/**
 * Starts a server; a handler crash becomes a 500, a too-large body a 413. Slow or half-sent requests are cut off
 * (they stayed open for minutes): platforms send a webhook in one go, well within these limits.
 */
export async function listen(port: number, host: string, handler: Handler, opts: ListenOptions = {}): Promise<RunningServer> {
  const server = createTimedServer(guarded(handler), opts);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
