export { runConsole, ConsoleChannel, DEFAULT_CONSOLE_USER, type ConsoleOptions } from './console.ts';
export { renderMessage, pickChoice } from './format.ts';
