// Structured logs to stderr (stdout belongs to the console chat and the JSON CLI). Secrets never reach the log:
// library errors carry request URLs such as https://api.telegram.org/bot<TOKEN>/getUpdates, so every line is
// scrubbed of the configured secrets and of anything shaped like a bot token before it is written.
import pino from 'pino';
import type { Logger } from './core/interfaces.ts';

/** Environment settings whose values are secrets. */
export const SECRET_SETTINGS = [
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'WEB_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'ZALO_BOT_TOKEN',
  'ZALO_BOT_WEBHOOK_SECRET',
  'ZALO_OA_SECRET_KEY',
  'ZALO_OA_ACCESS_TOKEN',
  'ZALO_OA_REFRESH_TOKEN',
];

const TOKEN_SHAPES = [
  /\bbot\d{5,}:[\w-]{20,}/g, // Telegram and Zalo Bot Platform tokens inside API URLs
  /\bx(?:ox[abpr]|app)-[\w-]{10,}/g, // Slack tokens
];

export function scrubber(secrets: string[]): (line: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line;
    for (const v of values) out = out.split(v).join('***');
    for (const re of TOKEN_SHAPES) out = out.replace(re, (m) => (m.startsWith('bot') ? 'bot***' : '***'));
    return out;
  };
}

export function createLogger(level = 'info', secrets: string[] = [], sink: { write(s: string): unknown } = process.stderr): Logger {
  const scrub = scrubber(secrets);
  return pino({ level, base: undefined }, { write: (line: string) => sink.write(scrub(line)) });
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
