// Assembles the running bot from an App: answerer, the one conversation engine with every module's chat
// commands, and the scheduler. main.ts and the end-to-end tests build it the same way.
import type { App } from './app.ts';
import type { ChannelAdapter } from './core/interfaces.ts';
import type { ChannelName } from './core/types.ts';
import { createAnswerer } from './answers/index.ts';
import type { Answerer } from './answers/index.ts';
import { createBot, type Bot } from './conversation/index.ts';
import { reportChatCommands } from './reporting/report/chat-commands.ts';
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
  const bot = createBot(app, { answerer, commands: [...reportChatCommands(app), ...schedulerCommands(app, scheduler)] });
  return { answerer, bot, scheduler, adapters };
}
