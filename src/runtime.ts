// Assembles the running bot from an App: answerer, the one conversation engine with every module's chat
// commands, and the scheduler. main.ts and the end-to-end tests build it the same way.
import type { App } from './app.ts';
import type { ChannelAdapter } from './core/interfaces.ts';
import type { ChannelName } from './core/types.ts';
import { createAnswerer } from './answers/index.ts';
import type { Answerer } from './answers/index.ts';
import { createBot, type Bot } from './conversation/index.ts';
import { progressChat } from './reporting/report/progress-chat.ts';
import { reportChatCommands } from './reporting/report/chat-commands.ts';
import { dashboardChat } from './web/dashboard-chat.ts';
import { formOfferOf } from './web/offer.ts';
import { createScheduler, schedulerCommands, type Scheduler, type SchedulerDeps } from './scheduler/index.ts';

export interface Runtime {
  answerer: Answerer;
  bot: Bot;
  scheduler: Scheduler;
  /** Channels the scheduler may deliver through; fill it as adapters start. */
  adapters: Map<ChannelName, ChannelAdapter>;
}

export async function buildRuntime(app: App, opts: { scheduler?: Omit<SchedulerDeps, 'adapters'> } = {}): Promise<Runtime> {
  const answerer = await createAnswerer(app);
  const adapters = new Map<ChannelName, ChannelAdapter>();
  const scheduler = createScheduler(app, { ...opts.scheduler, adapters });
  const bot = createBot(app, {
    answerer,
    formOffer: formOfferOf(app.config),
    commands: [
      ...reportChatCommands(app),
      ...schedulerCommands(app, scheduler),
      progressChat(app, () => answerer.agencies?.()),
      dashboardChat(app),
    ],
  });
  return { answerer, bot, scheduler, adapters };
}

/**
 * Keeps a running bot's search index in step with the database: documents imported by `cli import` (another
 * process) become searchable within INDEX_REFRESH_SECONDS. Returns the function that stops watching.
 */
export function watchKnowledgeBase(app: App, answerer: Answerer, everyMs = app.config.INDEX_REFRESH_SECONDS * 1000): () => void {
  if (everyMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    answerer
      .refreshIfChanged()
      .then((changed) => changed && app.log.info({}, 'documents changed: search index refreshed'))
      .catch((e: unknown) => app.log.warn({ err: (e as Error).message }, 'search index refresh failed; keeping the current index'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
