// A fake Telegram Bot API for bench:reminders, run in its own process (so its work does not share the
// dispatcher's event loop and CPU). It enforces Telegram's documented limits (30 messages a second overall, one a
// second per chat) with 429 retry_after, and answers a planned share of calls with 429 as well: the plan is seeded
// (`--seed`), by chat and attempt, so the same chats meet the same faults on every run whatever the timing.
// Prints {"port": N} on its first line; GET /stats returns what it counted and delivered; SIGTERM ends it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    'fail-rate': { type: 'string', default: '0.03' },
    'per-second': { type: 'string', default: '30' },
    'per-chat-ms': { type: 'string', default: '1000' },
  },
});
const SEED = Number(args.seed);
const FAIL_RATE = Number(args['fail-rate']);
const PER_SECOND = Number(args['per-second']);
const PER_CHAT_MS = Number(args['per-chat-ms']);

/** A number in [0, 1) fixed by the seed, the chat and the attempt (FNV-1a, then a murmur-style finaliser). */
function planned(chat: string, attempt: number): number {
  let h = 2166136261 ^ SEED;
  for (const c of `${chat}#${attempt}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 2 ** 32;
}

const delivered = new Map<string, number>();
const attempts = new Map<string, number>();
const window: number[] = [];
const lastPerChat = new Map<string, number>();
const counts = { calls: 0, accepted: 0, planned429: 0, global429: 0, chat429: 0 };

function reply(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
const tooMany = (res: ServerResponse, s: number) =>
  reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${s}`, parameters: { retry_after: s } });

function sendMessage(body: { chat_id: string | number; text: string }, res: ServerResponse): void {
  const chat = String(body.chat_id);
  counts.calls++;
  const attempt = (attempts.get(chat) ?? 0) + 1;
  attempts.set(chat, attempt);
  if (planned(chat, attempt) < FAIL_RATE) {
    counts.planned429++;
    return tooMany(res, 1);
  }
  const now = performance.now();
  while (window.length && window[0]! <= now - 1000) window.shift();
  if (window.length >= PER_SECOND) {
    counts.global429++;
    return tooMany(res, 1);
  }
  const last = lastPerChat.get(chat);
  if (last !== undefined && now - last < PER_CHAT_MS) {
    counts.chat429++;
    return tooMany(res, 1);
  }
  window.push(now);
  lastPerChat.set(chat, now);
  counts.accepted++;
  delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
  reply(res, 200, {
    ok: true,
    result: { message_id: counts.accepted, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, text: body.text },
  });
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/stats') return reply(res, 200, { counts, delivered: Object.fromEntries(delivered) });
    const method = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1];
    if (method === 'sendMessage') return sendMessage(JSON.parse(raw) as { chat_id: string; text: string }, res);
    if (method === 'getMe')
      return reply(res, 200, { ok: true, result: { id: 1, is_bot: true, first_name: 'Bench', username: 'bench_bot' } });
    reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  });
});

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
