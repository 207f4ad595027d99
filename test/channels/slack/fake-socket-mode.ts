// A local fake of Slack's Socket Mode: the Web API (apps.connections.open with the app token, plus the bot
// methods the adapter calls) on 127.0.0.1, and the WebSocket end that says hello, pushes envelopes and
// records the client's acks. Every call and ack is recorded for assertions.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptWebSocket, type WsPeer } from './ws-server.ts';

export interface ApiCall {
  method: string;
  auth: string; // the Authorization header as sent
  args: Record<string, unknown>;
}
export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}
export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export const APP_TOKEN = 'xapp-1-A1-socket-test';

export interface FakeSocketSlack {
  apiUrl: string;
  calls: ApiCall[];
  acks: Ack[];
  /** How many times apps.connections.open handed out a URL. */
  opens(): number;
  /** Sockets currently open. */
  live(): WsPeer[];
  /** Waits until a socket has been opened and greeted with hello `n` times in total. */
  connected(n?: number): Promise<WsPeer>;
  /** Pushes an envelope on the newest socket and resolves with the client's ack for it. */
  push(type: EnvelopeType, payload: Record<string, unknown>, timeoutMs?: number): Promise<Ack>;
  event(ev: Record<string, unknown>): Promise<Ack>;
  command(fields: Record<string, string>): Promise<Ack>;
  interactive(payload: Record<string, unknown>): Promise<Ack>;
  /** The next `n` apps.connections.open calls get HTTP 503, like a proxy or Slack having a bad minute. */
  failOpens(n: number): void;
  /** Sends `{ type: "disconnect", reason }` on the newest socket, as Slack does before rotating it. */
  disconnect(reason?: string): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startFakeSocketSlack(opts: { appToken?: string } = {}): Promise<FakeSocketSlack> {
  const appToken = opts.appToken ?? APP_TOKEN;
  const calls: ApiCall[] = [];
  const acks: Ack[] = [];
  const sockets: WsPeer[] = [];
  const waiting = new Map<string, (a: Ack) => void>();
  let opens = 0;
  let failing = 0;
  let hellos = 0;
  let port = 0;

  const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const args: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    for (const k of ['blocks', 'view']) if (typeof args[k] === 'string') args[k] = JSON.parse(args[k] as string);
    const auth = String(req.headers.authorization ?? '');
    calls.push({ method, auth, args });
    if (method === 'apps.connections.open') {
      if (failing > 0) {
        failing -= 1;
        return res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream unavailable');
      }
      if (auth !== `Bearer ${appToken}`) return json(res, { ok: false, error: 'invalid_auth' });
      opens += 1;
      return json(res, { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=A1` });
    }
    if (!auth.startsWith('Bearer xoxb-')) return json(res, { ok: false, error: 'not_authed' });
    switch (method) {
      case 'auth.test':
        return json(res, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'chithi' });
      case 'chat.postMessage':
        return json(res, { ok: true, channel: args.channel, ts: `${Date.now() / 1000}` });
      case 'views.open':
      case 'views.publish':
        return json(res, { ok: true, view: { id: 'V1' } });
      default:
        return json(res, { ok: false, error: 'unknown_method' });
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket) => {
    if (!(req.url ?? '').startsWith('/link/')) return socket.destroy();
    const peer = acceptWebSocket(req, socket);
    if (!peer) return;
    sockets.push(peer);
    peer.onMessage((text) => {
      const ack = JSON.parse(text) as Ack;
      acks.push(ack);
      waiting.get(ack.envelope_id)?.(ack);
    });
    peer.send(
      JSON.stringify({
        type: 'hello',
        num_connections: sockets.filter((s) => s.open).length,
        debug_info: { host: 'applink-fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A1' },
      }),
    );
    hellos += 1;
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;

  const newest = () => {
    const s = sockets.filter((p) => p.open).at(-1);
    if (!s) throw new Error('fake socket mode: no open socket');
    return s;
  };

  const push = (type: EnvelopeType, payload: Record<string, unknown>, timeoutMs = 5000) => {
    const envelope_id = randomUUID();
    const acked = new Promise<Ack>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`)), timeoutMs);
      waiting.set(envelope_id, (a) => {
        clearTimeout(t);
        waiting.delete(envelope_id);
        resolve(a);
      });
    });
    newest().send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    acks,
    opens: () => opens,
    live: () => sockets.filter((s) => s.open),
    async connected(n = 1) {
      const end = Date.now() + 15_000;
      while (hellos < n || sockets.filter((s) => s.open).length === 0) {
        if (Date.now() > end) throw new Error(`fake socket mode: connection ${n} never came`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return newest();
    },
    push,
    event: (ev) =>
      push('events_api', {
        token: 'legacy',
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: `Ev${randomUUID().slice(0, 8)}`,
        event_time: Math.floor(Date.now() / 1000),
        event: ev,
      }),
    command: (fields) =>
      push('slash_commands', {
        token: 'legacy',
        team_id: 'T1',
        api_app_id: 'A1',
        command: '/chithi',
        response_url: 'https://hooks.invalid/commands/1',
        trigger_id: `tr-${randomUUID().slice(0, 8)}`, // unique per interaction, as Slack's are
        ...fields,
      }),
    interactive: (payload) => push('interactive', { team: { id: 'T1' }, api_app_id: 'A1', ...payload }),
    failOpens(n) {
      failing = n;
    },
    disconnect(reason = 'refresh_requested') {
      newest().send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
