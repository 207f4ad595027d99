// `cli reminders list | send-now <regime> | pause <regime> | resume <regime> | leave <userId> --until <date>`.
// The CLI has no channel connections: send-now writes the reminders to the Outbox and the running bot's
// scheduler sends them on its next tick (within a minute, inside the allowed hours).
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { listRegimeCodes } from '../repo/listings.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { calendarFromConfig, fmtDate, fmtDateTime, isAllowed, nextAllowedSlot, atLocal, addDays } from '../../scheduler/time.ts';
import { parseOffsets, queueManual } from '../../scheduler/planner.ts';
import { findRegime, pauseUser, setRegimePaused } from '../../scheduler/snooze.ts';
import { formatUpcoming, upcoming } from '../../scheduler/upcoming.ts';
import { parseDay } from '../../scheduler/commands.ts';
import { cliError, userNumber } from '../text/common.ts';
import { REMINDERS_TEXT } from '../text/reminders.ts';

async function regimeOrFail(app: App, q: string) {
  const r = await findRegime(app.db, q);
  if (!r) {
    const all = await listRegimeCodes(app.db);
    throw cliError(REMINDERS_TEXT, ErrorCode.NotFound, (t) => t.noRegime(q, all.map((x) => x.code).join(', ')));
  }
  return r;
}

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = REMINDERS_TEXT(locale);
  const cmd = program.command('reminders').description(T.group);

  cmd
    .command('list')
    .description(T.list)
    .option('--limit <n>', T.limit, '20')
    .action(async (opts: { limit: string }) => {
      const app = await getApp();
      const cal = calendarFromConfig(app.config);
      const u = await upcoming(app.db, cal, parseOffsets(app.config.REMINDER_OFFSETS_DAYS), app.clock.now(), Number(opts.limit) || 20);
      process.stdout.write(`${formatUpcoming(u, cal.tz, locale)}\n`);
    });

  cmd
    .command('send-now')
    .description(T.sendNow)
    .argument('<regime>', T.regime)
    .action(async (q: string) => {
      const app = await getApp();
      const regime = await regimeOrFail(app, q);
      if (regime.paused) throw cliError(REMINDERS_TEXT, ErrorCode.Conflict, (t) => t.paused(regime.name, regime.code));
      const cal = calendarFromConfig(app.config);
      const now = app.clock.now();
      const r = await queueManual({ db: app.db, cal, offsets: [], log: app.log }, now, [regime.id]);
      const when = isAllowed(now, cal) ? T.soon : T.later(fmtDateTime(nextAllowedSlot(now, cal), cal.tz));
      process.stdout.write(`${T.queued(r.officials, r.agencies, r.periods, when)}\n`);
    });

  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    cmd
      .command(name)
      .description(paused ? T.pause : T.resume)
      .argument('<regime>', T.regime)
      .action(async (q: string) => {
        const app = await getApp();
        const regime = await regimeOrFail(app, q);
        await setRegimePaused(app.db, regime.id, paused, app.clock.now());
        process.stdout.write(`${(paused ? T.pausedNow : T.resumedNow)(regime.name, regime.code)}\n`);
      });
  }

  cmd
    .command('leave')
    .description(T.leave)
    .argument('<userId>', T.userId)
    .requiredOption('--until <date>', T.until)
    .action(async (id: string, opts: { until: string }) => {
      const app = await getApp();
      const tz = app.config.TZ_REPORTS;
      let until: Date | null = null;
      if (opts.until !== 'none') {
        const day = parseDay(opts.until, app.clock.now(), tz);
        if (!day) throw cliError(REMINDERS_TEXT, ErrorCode.InvalidInput, (t) => t.badDay(opts.until));
        until = atLocal(addDays(day, 1), 0, tz);
      }
      if (!(await pauseUser(app.db, userNumber(id), until))) throw cliError(REMINDERS_TEXT, ErrorCode.NotFound, (t) => t.noUser(id));
      process.stdout.write(`${until ? T.onLeave(id, fmtDate(new Date(until.getTime() - 1), tz)) : T.back(id)}\n`);
    });
}
