// Structured logs to stderr (stdout belongs to the console chat and the JSON CLI).
import pino from 'pino';
import type { Logger } from './core/interfaces.ts';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
