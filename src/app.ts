// The application context every service is built on: config, database, logger, clock, agency registry.
import { resolve } from 'node:path';
import { loadConfig, type Config } from './config.ts';
import { configureLocale } from './core/locale.ts';
import { openDb, type Db } from './db/client.ts';
import { keyLockFor, type KeyLock } from './db/person-lock.ts';
import type { Clock } from './core/clock.ts';
import { systemClock } from './core/clock.ts';
import type { Logger } from './core/interfaces.ts';
import { createLogger, SECRET_SETTINGS } from './log.ts';
import { loadAgencyRegistry, type AgencyRegistry } from './ingest/agencies.ts';

export interface App {
  config: Config;
  db: Db;
  log: Logger;
  clock: Clock;
  registry: AgencyRegistry;
  /** Runs a person's turn exclusively across the instances sharing the database (none on SQLite: in-process only). */
  keyLock?: KeyLock;
  close(): Promise<void>;
}

export interface AppOptions {
  config?: Partial<Config>;
  clock?: Clock;
  log?: Logger;
}

export async function createApp(opts: AppOptions = {}): Promise<App> {
  const config = { ...loadConfig(), ...opts.config } as Config;
  configureLocale({ timeZone: config.TZ_REPORTS });
  const log =
    opts.log ??
    createLogger(
      config.LOG_LEVEL,
      SECRET_SETTINGS.map((k) => String(config[k as keyof Config] ?? '')),
    );
  const db = await openDb(config.DATABASE_URL);
  const registry = loadAgencyRegistry(resolve(config.AGENCIES_FILE));
  return {
    config,
    db,
    log,
    clock: opts.clock ?? systemClock,
    registry,
    keyLock: keyLockFor(config.DATABASE_URL),
    async close() {
      await db.$disconnect();
    },
  };
}
