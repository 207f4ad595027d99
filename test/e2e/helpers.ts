// Shared setup for the end-to-end tests: the REAL bot (documents imported, a seeded regime with an open
// quarter and invite codes, buildRuntime) behind the real channel adapters, on 127.0.0.1 ephemeral ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { buildRuntime, type Runtime } from '../../src/runtime.ts';
import { createInvite } from '../../src/users/invites.ts';
import { NOW, REGIME } from '../transcripts/seed.ts';

export { NOW };

/** The question every channel asks, and what its cited answer must show. */
export const QUESTION = 'Ai chủ trì bố trí kinh phí triển khai Kế hoạch 37/KH-STTTT?';
export const ANSWER_AGENCY = 'Sở Tài chính';
export const CITATION = /37\/KH-STTTT, Cà Mau, mục V\.2\.2/;

export interface Counts {
  answer: number;
  identity: number;
  auditLog: number;
  session: number;
  submission: number;
  user: number;
}

export interface Bot {
  app: App;
  clock: ManualClock;
  runtime: Runtime;
  periodId: number;
  /** A fresh single-use invite code for Sở TT&TT (official; stored as its successor, Sở KH&CN) or the province's coordinator. */
  invite(role?: 'official' | 'coordinator', agency?: string): Promise<string>;
  counts(): Promise<Counts>;
  close(): Promise<void>;
}

/** App on a temp database + index, data/documents imported, the Cà Mau regime with 2026-Q4 open. */
/**
 * `databaseUrl`: another database (a PostgreSQL one); `join`: a second instance on a database another startBot
 * already filled (nothing imported or seeded again).
 */
export async function startBot(now = NOW, opts: { databaseUrl?: string; join?: boolean } = {}): Promise<Bot> {
  const dir = mkdtempSync(join(tmpdir(), 'da-e2e-'));
  const clock = new ManualClock(new Date(now));
  const app = await createApp({
    config: { DATABASE_URL: opts.databaseUrl ?? `file:${join(dir, 'app.db')}`, INDEX_DIR: join(dir, 'index') },
    clock,
    log: silentLogger,
  });
  if (!opts.join) {
    const imported = await importPaths(app, ['data/documents']);
    const bad = imported.files.filter((f) => f.status === 'error');
    if (bad.length) throw new Error(`import failed: ${bad.map((f) => f.file).join(', ')}`);
    await saveRegime(app, REGIME);
  }
  const period = opts.join
    ? await app.db.period.findFirstOrThrow({ where: { key: '2026-Q4', regime: { code: REGIME.code } } })
    : await openPeriod(app, REGIME.code, '2026-Q4');
  const runtime = await buildRuntime(app, { scheduler: { clock, cron: false } });
  const counts = async (): Promise<Counts> => ({
    answer: await app.db.answer.count(),
    identity: await app.db.identity.count(),
    auditLog: await app.db.auditLog.count(),
    session: await app.db.session.count(),
    submission: await app.db.submission.count(),
    user: await app.db.user.count(),
  });
  return {
    app,
    clock,
    runtime,
    periodId: period.id,
    counts,
    async invite(role = 'official', name = 'Sở TT&TT') {
      const agency = role === 'official' ? name : undefined;
      return (await createInvite(app, { role, agency, province: 'Cà Mau', expiresDays: 30 })).code;
    },
    async close() {
      await runtime.scheduler.stop().catch(() => undefined);
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Answer rows of the user's agency for the open period, with their item labels, in form order. */
export async function storedAnswers(bot: Bot) {
  const rows = await bot.app.db.answer.findMany({
    where: { submission: { periodId: bot.periodId, agency: { key: 'so-khcn@ca-mau' } } },
    include: { item: true, submission: true },
    orderBy: { item: { ord: 'asc' } },
  });
  return rows.map((r) => ({
    label: r.item.label,
    value: r.value,
    status: r.status,
    percentDone: r.percentDone,
    submission: r.submission.status,
  }));
}

export async function until<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 8000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Served {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1:0 for fakes; the handler gets the whole raw body. */
export async function serve(handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => unknown): Promise<Served> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve(handler(req, Buffer.concat(chunks), res)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));

/** Plain POST that never throws on HTTP errors; returns the status. */
export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<number> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  await r.arrayBuffer().catch(() => undefined);
  return r.status;
}
