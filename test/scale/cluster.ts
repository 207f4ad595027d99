// Several real bot processes (`tsx src/main.ts`) on one database, Zalo Bot webhooks on a port each behind a
// round-robin proxy, and a fake Zalo Bot API recording what they send: what the multi-instance test and
// `npm run bench:scale` drive. Each simulated official has an agency of their own with three figures to report.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { startFakeZaloBot } from '../channels/zalo/fakes.ts';
import { freePort } from '../helpers/free-port.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOKEN = 'zalo-scale-token';
const SECRET = 'zalo-scale-secret';
export const ITEMS = 3;

const agencyName = (i: number) => `Sở Thử nghiệm ${i + 1}`;

/** A database with one quarterly regime, one agency and one registered official (zalo `u<i>`) per user. */
export async function seedScale(dbUrl: string, users: number): Promise<{ dir: string; agenciesFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'da-scale-'));
  const agenciesFile = join(dir, 'agencies.yaml');
  const yaml = Array.from({ length: users }, (_, i) => `  - key: so-tn${i + 1}\n    name: ${agencyName(i)}\n    kind: so\n`).join('');
  writeFileSync(agenciesFile, `agencies:\n${yaml}`);
  const app = await createApp({
    config: { DATABASE_URL: dbUrl, AGENCIES_FILE: agenciesFile, INDEX_DIR: join(dir, 'seed-index') },
    log: silentLogger,
  });
  try {
    const items = Array.from({ length: ITEMS }, (_, k) => ({
      label: `Chỉ tiêu số ${k + 1}`,
      kind: 'figure' as const,
      valueKind: 'count' as const,
      unit: 'hồ sơ',
    }));
    await saveRegime(app, {
      code: 'tn-scale',
      name: 'Báo cáo thử tải',
      frequency: 'quarter',
      deadlineDays: 40,
      lockAfterDays: 30,
      province: 'Cà Mau',
      agencies: Array.from({ length: users }, (_, i) => ({ agency: agencyName(i), items })),
    });
    await openPeriod(app, 'tn-scale', '2026-Q4');
    for (let i = 0; i < users; i++) {
      const agency = await app.db.agency.findFirstOrThrow({ where: { name: agencyName(i) } });
      const user = await app.db.user.create({
        data: { name: `Cán bộ ${i + 1}`, role: 'official', agencyId: agency.id, province: 'Cà Mau' },
      });
      await app.db.identity.create({ data: { channel: 'zalo', externalId: `u${i}`, chatId: `u${i}`, userId: user.id } });
    }
  } finally {
    await app.close();
  }
  return { dir, agenciesFile };
}

export interface Instance {
  port: number;
  child: ChildProcess;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface BotOptions {
  /** Reminders (the scheduler) on, at any hour and day; default true. */
  scheduler?: boolean;
  /** The platform's send pacing in the adapter (1 message/s per chat, 20/s overall); default true. */
  pacing?: boolean;
}

interface Place {
  dbUrl: string;
  dir: string;
  agenciesFile: string;
  apiRoot: string;
}

/** One `npm start` process (through tsx) with the Zalo Bot webhook on its own port. */
export function instance(at: Place, port: number, name: string, opts: BotOptions = {}): Instance {
  const { dbUrl, dir, agenciesFile, apiRoot } = at;
  const home = join(dir, name);
  mkdirSync(join(home, 'documents'), { recursive: true });
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    AGENCIES_FILE: agenciesFile,
    DATA_DIR: join(home, 'documents'),
    REGIMES_DIR: join(home, 'regimes'),
    INDEX_DIR: join(home, 'index'),
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_BOT_API_ROOT: apiRoot,
    ZALO_BOT_WEBHOOK_SECRET: SECRET,
    ZALO_BOT_WEBHOOK_PORT: String(port),
    SCHEDULER: opts.scheduler === false ? 'off' : 'on',
    QUIET_START: '00:00',
    QUIET_END: '23:59',
    WORK_DAYS: '1,2,3,4,5,6,7',
    // The reminder job and a send cut off by a kill are taken over after 20 s (in production 2 min), at a tick.
    SCHEDULER_LEASE_SECONDS: '20',
    // ...and sent once its official has been idle 12 s (in production 10 min).
    IDLE_MINUTES: '0.2',
    LOG_LEVEL: process.env.SCALE_LOG_LEVEL ?? 'error',
  };
  const self: Instance = {
    port,
    child: null as unknown as ChildProcess,
    async start() {
      const preload = opts.pacing === false ? ['--import', join(ROOT, 'test/scale/no-pacing.ts')] : [];
      const child = spawn(process.execPath, ['--import', 'tsx', ...preload, join(ROOT, 'src/main.ts')], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      self.child = child;
      const end = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`instance ${name} exited with ${child.exitCode}`);
        if (await listening(port)) return;
        if (Date.now() > end) throw new Error(`instance ${name} did not listen on ${port}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill() {
      const gone = new Promise((r) => self.child.once('exit', r));
      self.child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      if (self.child.exitCode !== null || self.child.signalCode !== null) return;
      const gone = new Promise((r) => self.child.once('exit', r));
      self.child.kill('SIGTERM');
      const timer = setTimeout(() => self.child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
  return self;
}

async function listening(port: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/zalo/bot`, { method: 'GET' });
    await r.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Round robin over the instances' ports; an instance refusing connections is skipped (nginx's proxy_next_upstream). */
async function startProxy(ports: number[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const forward = (port: number, body: Buffer, headers: Record<string, string>) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/zalo/bot', method: 'POST', headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, body: Buffer.concat(parts) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', async () => {
      const body = Buffer.concat(parts);
      const headers = { 'content-type': 'application/json', 'x-bot-api-secret-token': String(req.headers['x-bot-api-secret-token'] ?? '') };
      const first = next++ % ports.length;
      for (let k = 0; k < ports.length; k++) {
        try {
          const r = await forward(ports[(first + k) % ports.length]!, body, headers);
          res.writeHead(r.status).end(r.body);
          return;
        } catch (e) {
          // Refused before anything was sent: the next instance may take it. Cut mid-request: the platform re-sends.
          if ((e as NodeJS.ErrnoException).code !== 'ECONNREFUSED') break;
        }
      }
      res.writeHead(502).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/bot`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export interface Cluster {
  instances: Instance[];
  fake: Awaited<ReturnType<typeof startFakeZaloBot>>;
  /** Posts one Zalo text message until an instance answers 200 (a re-sent update keeps its message id). */
  say(user: number, text: string, messageId: string): Promise<void>;
  close(): Promise<void>;
}

/** Seeds `users` officials, starts `instances` bot processes and the proxy. `scheduler: false` keeps reminders off. */
export async function startBots(dbUrl: string, users: number, instances: number, opts: BotOptions = {}): Promise<Cluster> {
  const { dir, agenciesFile } = await seedScale(dbUrl, users);
  const fake = await startFakeZaloBot(TOKEN);
  const list: Instance[] = [];
  const at = { dbUrl, dir, agenciesFile, apiRoot: fake.url };
  for (let i = 0; i < instances; i++) list.push(instance(at, await freePort(), `i${i}`, opts));
  await Promise.all(list.map((x) => x.start()));
  const proxy = await startProxy(list.map((x) => x.port));
  return {
    instances: list,
    fake,
    async say(user, text, messageId) {
      const body = JSON.stringify({
        event_name: 'message.text.received',
        message: {
          message_id: messageId,
          from: { id: `u${user}`, display_name: `Cán bộ ${user + 1}` },
          chat: { id: `u${user}`, chat_type: 'PRIVATE' },
          date: Date.now(),
          text,
        },
      });
      for (let attempt = 0; ; attempt++) {
        const status = await fetch(proxy.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
          body,
        })
          .then(async (r) => (await r.arrayBuffer(), r.status))
          .catch(() => 0);
        if (status === 200) return;
        if (attempt > 100) throw new Error(`u${user}: "${text}" not accepted (last status ${status})`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async close() {
      await proxy.close();
      await Promise.all(list.map((x) => x.stop()));
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
