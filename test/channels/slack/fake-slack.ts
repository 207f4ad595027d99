// A local fake of the Slack Web API: answers the methods the adapter uses and records every call.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackSignature } from '../../../src/channels/common/signature.ts';

export interface Call {
  method: string;
  args: Record<string, unknown>;
}

export async function startFakeSlack(): Promise<{ url: string; calls: Call[]; close(): Promise<void> }> {
  const calls: Call[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const raw = Buffer.concat(chunks).toString('utf8');
      const args: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
        ? JSON.parse(raw || '{}')
        : Object.fromEntries(new URLSearchParams(raw));
      for (const k of ['blocks', 'view']) if (typeof args[k] === 'string') args[k] = JSON.parse(args[k] as string);
      calls.push({ method, args });
      const result: Record<string, unknown> = { ok: true };
      if (method === 'auth.test') Object.assign(result, { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'chithi' });
      else if (method === 'chat.postMessage') Object.assign(result, { channel: args.channel, ts: `${Date.now() / 1000}` });
      else if (method === 'views.open') Object.assign(result, { view: { id: 'V1' } });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/api/`, calls, close: () => new Promise((r) => server.close(() => r())) };
}

export function signedHeaders(
  secret: string,
  body: string,
  contentType: string,
  ts = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(secret, String(ts), body),
  };
}
