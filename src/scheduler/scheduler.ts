// The scheduler: node-cron calls tick() every minute; tick() takes the lease, plans due messages into the
// Outbox and flushes it. Tests call tick(now) directly with a ManualClock.
import cron, { type ScheduledTask } from 'node-cron';
import type { App } from '../app.ts';
import type { Clock } from '../core/clock.ts';
import type { ChannelAdapter } from '../core/interfaces.ts';
import type { ChannelName } from '../core/types.ts';
import { isPostgresUrl } from '../db/migrate-pg.ts';
import { acquireLease, instanceName, lastRunAt, markRun, releaseLease } from './lease.ts';
import { limitsOf, RateLimiter, type ChannelLimit } from './limiter.ts';
import { parseOffsets, planDue, queueManual, type PlanContext } from './planner.ts';
import { flush, type DispatchContext, type FlushStats } from './dispatcher.ts';
import { calendarFromConfig, type Calendar } from './time.ts';

export const LEASE_NAME = 'scheduler';
export const JOB_NAME = 'scheduler.tick';

export interface SchedulerDeps {
  adapters: Map<ChannelName, ChannelAdapter>;
  clock?: Clock;
  /** Who holds the lease; unique per process by default. */
  holder?: string;
  /** node-cron expression for the tick (default every minute); false = no cron (tests drive tick()). */
  cron?: string | false;
  /** Time zone of the cron job (default TZ_REPORTS, Asia/Ho_Chi_Minh). */
  timezone?: string;
  /** How long a lease lasts without renewal (default SCHEDULER_LEASE_SECONDS, 2 min). */
  leaseMs?: number;
  /** A channel call taking longer is abandoned and retried later (default half of sendingLeaseMs, at most 1 min). */
  sendTimeoutMs?: number;
  /** How long a 'sending' row may stay unconfirmed before it is considered interrupted (default SCHEDULER_LEASE_SECONDS). */
  sendingLeaseMs?: number;
  limits?: Partial<Record<ChannelName, ChannelLimit>>;
  /** Sends in flight at once (the limiter still paces them). */
  concurrency?: number;
  chunkSize?: number;
  maxAttempts?: number;
  /** Pacing time source for the rate limiter (real time by default). */
  limiterNow?: () => number;
}

export interface TickResult extends FlushStats {
  leader: boolean;
  planned: number;
}

export interface Scheduler {
  readonly holder: string;
  readonly calendar: Calendar;
  /** Runs one catch-up tick if ticks were missed while the bot was down, then starts the cron job. */
  start(): Promise<void>;
  /** Stops the cron job, waits for a running tick and gives the lease up. */
  stop(): Promise<void>;
  /** One planning + sending round (deterministic with a ManualClock). */
  tick(now?: Date): Promise<TickResult>;
  /** Queues a reminder, due now, to the officials of late agencies (all regimes, or the given ones). */
  sendNow(regimeIds?: number[], now?: Date, agencyIds?: number[]): Promise<{ officials: number; agencies: number; periods: number }>;
  /** True while the cron job runs. */
  readonly running: boolean;
}

const TICK_MS = 60_000;

const IDLE_TICK: TickResult = {
  leader: false,
  planned: 0,
  quiet: false,
  sent: 0,
  retried: 0,
  deferred: 0,
  cancelled: 0,
  failed: 0,
  recovered: 0,
};

/** How the Outbox is flushed: pacing, timeouts, retries and batch sizes from the deps, or their defaults. */
function dispatchContext(
  app: App,
  deps: SchedulerDeps,
  t: { cal: Calendar; clock: Clock; sendingLeaseMs: number; keepLease: () => Promise<boolean> },
): DispatchContext {
  return {
    db: app.db,
    cal: t.cal,
    log: app.log,
    clock: t.clock,
    adapters: deps.adapters,
    limiter: new RateLimiter({ limits: { ...limitsOf(deps.adapters), ...deps.limits }, now: deps.limiterNow }),
    idleMs: app.config.IDLE_MINUTES * 60_000,
    sendingLeaseMs: t.sendingLeaseMs,
    sendTimeoutMs: deps.sendTimeoutMs ?? Math.min(TICK_MS, t.sendingLeaseMs / 2),
    maxAttempts: deps.maxAttempts ?? 8,
    concurrency: deps.concurrency ?? 8,
    chunkSize: deps.chunkSize ?? 200,
    keepLease: t.keepLease,
    skipLocked: isPostgresUrl(app.config.DATABASE_URL),
  };
}

/** One round, by the lease holder only: plan what is due, flush the Outbox, record the run. */
async function tickOnce(
  t: { app: App; holder: string; leaseMs: number; plan: PlanContext; dispatch: DispatchContext },
  now: Date,
): Promise<TickResult> {
  const { app } = t;
  if (!(await acquireLease(app.db, LEASE_NAME, t.holder, now, t.leaseMs))) return { ...IDLE_TICK };
  const planned = await planDue(t.plan, now);
  const stats = await flush(t.dispatch, now);
  await markRun(app.db, JOB_NAME, now);
  if (stats.sent || stats.failed || stats.recovered) app.log.info({ planned, ...stats }, 'scheduler: tick');
  return { leader: true, planned, ...stats };
}

export function createScheduler(app: App, deps: SchedulerDeps): Scheduler {
  const clock = deps.clock ?? app.clock;
  const holder = deps.holder ?? instanceName();
  const cal = calendarFromConfig(app.config);
  const leaseMs = deps.leaseMs ?? app.config.SCHEDULER_LEASE_SECONDS * 1000;
  const sendingLeaseMs = deps.sendingLeaseMs ?? app.config.SCHEDULER_LEASE_SECONDS * 1000;
  const plan: PlanContext = { db: app.db, cal, offsets: parseOffsets(app.config.REMINDER_OFFSETS_DAYS), log: app.log };
  let stopping = false;
  // Renewed between chunks of a batch; a stopping scheduler lets its batch end at the next chunk.
  const keepLease = async () => !stopping && acquireLease(app.db, LEASE_NAME, holder, clock.now(), leaseMs);
  const dispatch = dispatchContext(app, deps, { cal, clock, sendingLeaseMs, keepLease });
  let task: ScheduledTask | null = null;
  let inFlight: Promise<TickResult> | null = null;

  const runTick = (now: Date) => tickOnce({ app, holder, leaseMs, plan, dispatch }, now);

  const scheduler: Scheduler = {
    holder,
    calendar: cal,
    get running() {
      return task !== null;
    },
    async tick(now?: Date) {
      while (inFlight) await inFlight.catch(() => undefined);
      const p = runTick(now ?? clock.now());
      inFlight = p;
      try {
        return await p;
      } finally {
        inFlight = null;
      }
    },
    async start() {
      stopping = false;
      const last = await lastRunAt(app.db, JOB_NAME);
      const now = clock.now();
      if (!last || now.getTime() - last.getTime() > 2 * TICK_MS) {
        app.log.info({ lastRunAt: last, now }, 'scheduler: catch-up run after downtime');
        await scheduler.tick(now);
      }
      if (deps.cron === false || task) return;
      task = cron.schedule(
        deps.cron ?? '* * * * *',
        async () => {
          if (inFlight) return; // a long batch is still going: this tick is covered by it
          try {
            await scheduler.tick();
          } catch (e) {
            app.log.error({ err: e }, 'scheduler: tick failed');
          }
        },
        { timezone: deps.timezone ?? app.config.TZ_REPORTS, name: `reminders:${holder}`, noOverlap: true },
      );
    },
    async stop() {
      stopping = true;
      if (task) {
        await task.destroy();
        task = null;
      }
      if (inFlight) await inFlight.catch(() => undefined);
      await releaseLease(app.db, LEASE_NAME, holder);
    },
    async sendNow(regimeIds?: number[], now?: Date, agencyIds?: number[]) {
      return queueManual(plan, now ?? clock.now(), regimeIds, agencyIds);
    },
  };
  return scheduler;
}
