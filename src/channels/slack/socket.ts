// Socket Mode wiring and Bolt's logger, kept apart from the adapter's translation code.
// Socket Mode: apps.connections.open (app token) on the configured API host → WebSocket → envelopes acked on the socket.
import type { LogLevel, SocketModeReceiver, Logger as BoltLogger } from '@slack/bolt';
import { bolt } from './bolt.ts';
import type { Logger } from '../../core/interfaces.ts';

/** Bolt, the Web API client and the Socket Mode client log through our logger (scrubbed, structured), not console. */
export function boltLogger(log: Logger, initial?: LogLevel): BoltLogger {
  const { LogLevel } = bolt();
  const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  let level = initial ?? LogLevel.INFO;
  let name = 'slack';
  const at =
    (l: LogLevel, fn: (obj: unknown, msg?: string) => void) =>
    (...parts: unknown[]) => {
      if (ORDER.indexOf(l) < ORDER.indexOf(level)) return;
      const text = parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
      fn({ component: name }, text);
    };
  return {
    debug: at(LogLevel.DEBUG, (o, m) => log.debug(o, m)),
    info: at(LogLevel.INFO, (o, m) => log.info(o, m)),
    warn: at(LogLevel.WARN, (o, m) => log.warn(o, m)),
    error: at(LogLevel.ERROR, (o, m) => log.error(o, m)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: (n) => void (name = n),
  };
}

export interface SocketOptions {
  appToken: string;
  apiUrl?: string;
  logger: BoltLogger;
  /** Ping/pong timeout; the client also waits this long (× failures) before reconnecting. Default 5000. */
  clientPingTimeoutMs?: number;
}

/**
 * The Socket Mode receiver with its own Web API options: apps.connections.open goes to the same (configurable)
 * API host as the bot's calls, and it retries transient failures. The bot client sends with `retries: 0` (our
 * queue retries once, never twice); sharing that with the socket client would make one failed
 * apps.connections.open during a routine refresh fatal (an unhandled rejection inside @slack/socket-mode).
 */
export function socketReceiver(o: SocketOptions): SocketModeReceiver {
  return new (bolt().SocketModeReceiver)({
    appToken: o.appToken,
    logger: o.logger,
    clientPingTimeout: o.clientPingTimeoutMs,
    installerOptions: {
      clientOptions: {
        slackApiUrl: o.apiUrl,
        retryConfig: { retries: 10_000, factor: 1.5, minTimeout: 250, maxTimeout: 30_000, randomize: true },
      },
    },
  });
}

/** A start-up failure in words an operator can act on. */
export function socketStartError(err: unknown): Error {
  const code = (err as { data?: { error?: string } }).data?.error;
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked')
    return new Error(`Slack: Socket Mode refused SLACK_APP_TOKEN (${code}); it must be an app-level token (xapp-…) of this app`);
  if (code === 'missing_scope') return new Error('Slack: SLACK_APP_TOKEN lacks the connections:write scope');
  return new Error(`Slack: Socket Mode could not connect (${err instanceof Error ? err.message : String(err)})`);
}
