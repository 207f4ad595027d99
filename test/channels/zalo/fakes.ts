// Local fakes of the two Zalo APIs, written from the facts in shared/notes/channels.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

async function serve(handler: (req: IncomingMessage, body: string, res: ServerResponse) => unknown) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Zalo Bot Platform: getUpdates hands out one queued update per call, or 408 after a short wait. */
export async function startFakeZaloBot(token: string) {
  const sent: { chat_id: string; text: string }[] = [];
  const updates: unknown[] = [];
  const calls: string[] = [];
  let sendFailures = 0; // answer the next N sendMessage calls with 429
  const srv = await serve(async (req, body, res) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!m || m[1] !== token) return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    calls.push(method);
    const args = JSON.parse(body || '{}') as Record<string, string>;
    if (method === 'getMe') return json(res, 200, { ok: true, result: { id: 'bot1', account_name: 'chithi.bot' } });
    if (method === 'deleteWebhook' || method === 'setWebhook') return json(res, 200, { ok: true, result: {} });
    if (method === 'getUpdates') {
      if (typeof args.timeout !== 'string') return json(res, 400, { ok: false, error_code: 400, description: 'timeout must be a string' });
      const next = updates.shift();
      if (next) return json(res, 200, { ok: true, result: next });
      await new Promise((r) => setTimeout(r, 50));
      return json(res, 408, { ok: false, error_code: 408, description: 'Request timeout' });
    }
    if (method === 'sendMessage') {
      if (sendFailures > 0) {
        sendFailures--;
        return json(res, 429, { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 1 } });
      }
      sent.push({ chat_id: String(args.chat_id), text: String(args.text) });
      return json(res, 200, { ok: true, result: { message_id: `m${sent.length}` } });
    }
    return json(res, 404, { ok: false, error_code: 404, description: 'Not found' });
  });
  return { ...srv, sent, updates, calls, failNextSends: (n: number) => (sendFailures = n) };
}

/** Zalo OA: openapi (message/cs) + oauth (access_token refresh with single-use refresh tokens). */
export async function startFakeZaloOa(appId: string, secretKey: string, initial: { access: string; refresh: string }) {
  const state = { access: initial.access, refresh: initial.refresh, refreshes: 0, n: 0 };
  const sent: { user_id: string; text: string; token: string }[] = [];
  const rejected: string[] = [];
  // Files users sent the OA, on Zalo's CDN (no token needed); while `downloads.hold` is set they wait for it.
  const files = new Map<string, Buffer>();
  const downloads: { count: number; hold?: Promise<void> } = { count: 0 };
  const srv = await serve(async (req, body, res) => {
    const file = /^\/cdn\/(.+)$/.exec(req.url ?? '');
    if (file) {
      downloads.count++;
      if (downloads.hold) await downloads.hold;
      const bytes = files.get(decodeURIComponent(file[1]!));
      return res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream', connection: 'close' }).end(bytes ?? '');
    }
    if (req.url === '/v3.0/oa/message/cs') {
      const token = String(req.headers.access_token ?? '');
      if (token !== state.access) {
        rejected.push(token);
        return json(res, 200, { error: -216, message: 'Access token is invalid' });
      }
      const b = JSON.parse(body) as { recipient: { user_id: string }; message: { text: string } };
      sent.push({ user_id: b.recipient.user_id, text: b.message.text, token });
      return json(res, 200, { error: 0, message: 'Success', data: { message_id: `m${sent.length}` } });
    }
    if (req.url === '/v4/oa/access_token') {
      const f = new URLSearchParams(body);
      if (req.headers.secret_key !== secretKey || f.get('app_id') !== appId || f.get('grant_type') !== 'refresh_token')
        return json(res, 200, { error: -14002, error_description: 'Invalid app' });
      if (f.get('refresh_token') !== state.refresh) return json(res, 200, { error: -14020, error_description: 'Refresh token is invalid' });
      state.refreshes++;
      state.n++;
      state.access = `access-${state.n}`;
      state.refresh = `refresh-${state.n}`; // the old refresh token is spent
      return json(res, 200, { access_token: state.access, refresh_token: state.refresh, expires_in: '90000' });
    }
    return json(res, 404, { error: 404 });
  });
  return {
    ...srv,
    state,
    sent,
    rejected,
    files,
    downloads,
    /** Puts a file on the fake CDN and returns the attachment Zalo puts in a user_send_file event. */
    hostFile(name: string, bytes: Buffer, size: number | null = bytes.length) {
      const key = `${files.size + 1}/${name}`;
      files.set(key, bytes);
      const payload = { url: `${srv.url}/cdn/${encodeURIComponent(key)}`, name, type: name.split('.').pop(), checksum: 'x' };
      return { type: 'file', payload: size === null ? payload : { ...payload, size: String(size) } };
    },
    expireAccessToken: () => (state.access = `rotated-${Date.now()}`),
  };
}
