// Public surface of the conversation module.
export { createBot, type Bot } from './bot.ts';
export type { Answerer, BotDeps, BotUser, ExtraCommand, Intent } from './ports.ts';
export { step } from './engine.ts';
export type { Effect, EngineInput, FormContext, Session } from './types.ts';
export { DbSessionStore, sessionKey } from './sessions.ts';
