// `npm start`: import data/, build the answerer and the conversation engine, start every configured channel
// (the console chat when none is configured; a wrong channel setting stops the start with the reason), and the
// reminder scheduler. Logs go to stderr; stdout is the console chat.
import { createApp, type App } from './app.ts';
import { createChannelAdapters, startChannelAdapters, stopChannelAdapters } from './channels/index.ts';
import { ConsoleChannel } from './channels/console/index.ts';
import { importPaths } from './ingest/pipeline.ts';
import { loadRegimeFolder } from './reporting/regime-folder.ts';
import { moveToSuccessors } from './users/succession.ts';
import { buildRuntime, watchKnowledgeBase } from './runtime.ts';
import { WebhookRoutes } from './channels/common/http.ts';
import { instanceName, leaseFor } from './scheduler/lease.ts';
import { databaseChoices } from './conversation/choice-memory.ts';
import { databaseTokenStore } from './db/token-store.ts';
import { databaseWindowBudget } from './db/window-budget.ts';

/** Telegram polling moves to another instance within this long after its poller died (renewed every 10 s). */
const POLLER_LEASE_MS = 30_000;

async function importData(app: App): Promise<void> {
  const t0 = performance.now();
  const r = await importPaths(app, [app.config.DATA_DIR], {
    onProgress: (f, i, total) => {
      if (f.status !== 'unchanged') process.stderr.write(`[${i + 1}/${total}] ${f.file}: ${f.message}\n`);
    },
  });
  const count = (s: string) => r.files.filter((f) => f.status === s).length;
  app.log.info(
    {
      new: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      errors: count('error'),
      ms: Math.round(performance.now() - t0),
    },
    'documents imported',
  );
}

/** Regimes written (or proposed and reviewed) as YAML/JSON in data/regimes/ are loaded at every start. */
async function loadRegimes(app: App): Promise<void> {
  const r = await loadRegimeFolder(app, app.config.REGIMES_DIR);
  for (const e of r.errors) process.stderr.write(`Chế độ báo cáo ${e.file}: ${e.message}\n`);
  // People of an agency that no longer exists now work for its successor.
  const moved = await moveToSuccessors(app);
  for (const n of moved.notes) process.stderr.write(`Lưu ý: ${n}\n`);
  // A shipped regime naming agencies that no longer exist: say who got their items, until the file is updated.
  for (const w of r.warnings) for (const m of w.warnings) process.stderr.write(`Lưu ý — chế độ báo cáo ${w.code}: ${m}\n`);
}

export async function main(): Promise<void> {
  const app = await createApp();
  // A library failing outside any handler: say so through the (secret-scrubbing) log and exit, so the service
  // manager restarts a clean process instead of Node printing the raw error, tokens included.
  const fatal = (kind: string) => (err: unknown) => {
    app.log.error({ err }, `${kind}: stopping; the service manager should restart the bot`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  };
  process.on('unhandledRejection', fatal('unhandled rejection'));
  process.on('uncaughtException', fatal('uncaught exception'));
  // A wrong channel setting stops the start, before the import: running on the console (or without that channel)
  // instead would look like a working bot that nobody on the platform can reach.
  // One web server on WEB_PORT, when set, serves the pages and every webhook without a port setting of its own.
  const webhooks = app.config.WEB_PORT !== undefined ? new WebhookRoutes() : undefined;
  const telegramPollerLease = leaseFor(app.db, 'telegram-poller', instanceName(), POLLER_LEASE_MS, () => app.clock.now());
  const { adapters: configured, problems } = await createChannelAdapters(app.config, app.log, {
    routes: webhooks,
    telegramPollerLease,
    choices: (channel) => databaseChoices(app.db, channel),
    sharedTokens: (name, before) =>
      databaseTokenStore(
        app.db,
        name,
        leaseFor(app.db, `${name}-token-refresh`, instanceName(), 30_000, () => app.clock.now()),
        { before },
      ),
    oaBudget: databaseWindowBudget(app.db, 'zalo-oa', 8, 48 * 3600_000),
  });
  if (problems.length) {
    for (const p of problems) app.log.error({}, p);
    await app.close();
    throw new Error(`cấu hình kênh chưa đúng: ${problems.join('; ')}. Sửa biến môi trường rồi chạy lại.`);
  }
  await importData(app);
  await loadRegimes(app);
  const { answerer, bot, scheduler, adapters } = await buildRuntime(app);
  const stopWatching = watchKnowledgeBase(app, answerer);
  const scriptedConsole = !process.stdin.isTTY;

  // Listening before the channels start, so a webhook registered with the platform is answered at once. The pages
  // reach the chat through the same adapters (the map fills as they start).
  // (loaded only then: the server, its pages and fastify cost a console start ~0.3 s of CPU and ~50 MB)
  const web = webhooks ? await (await import('./web/server.ts')).startWebServer(app, { adapters, scheduler, webhooks }) : null;
  if (web) app.log.info({ port: web.port }, 'web server listening (pages and shared webhooks)');

  const run = await startChannelAdapters(configured, bot.handle);
  for (const p of run.problems) app.log.error({}, p);
  for (const a of run.started) adapters.set(a.name, a);
  // One channel refused (a wrong token) while another runs: keep running. All refused: stop, not the console.
  if (configured.length && !run.started.length) {
    stopWatching();
    await web?.close();
    await app.close();
    throw new Error(`không kênh nào khởi động được: ${run.problems.join('; ')}`);
  }

  let console_: ConsoleChannel | null = null;
  if (run.started.length === 0) {
    console_ = new ConsoleChannel({
      input: process.stdin,
      output: process.stdout,
      interactive: !scriptedConsole,
      userId: app.config.CONSOLE_USER,
    });
    adapters.set('console', console_);
    await console_.start(bot.handle);
  } else {
    app.log.info({ channels: run.started.map((a) => a.name) }, 'channels started');
  }

  // A piped console session is a script: no reminders interleaved with its replies unless asked for.
  const withScheduler = app.config.SCHEDULER ? app.config.SCHEDULER === 'on' : !(console_ && scriptedConsole);
  if (withScheduler) await scheduler.start();

  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    stopWatching();
    await scheduler.stop().catch(() => {});
    await web?.close().catch(() => {});
    await stopChannelAdapters(run.started).catch(() => {});
    await app.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  if (console_) {
    await console_.done;
    await shutdown(0);
  }
}

main().catch((e) => {
  console.error(`Không khởi động được: ${(e as Error).message}`);
  process.exit(1);
});
