// `cli reminders list | send-now <regime> | pause <regime> | resume <regime> | leave <userId> --until <date>`.
// The CLI has no channel connections: send-now writes the reminders to the Outbox and the running bot's
// scheduler sends them on its next tick (within a minute, inside the allowed hours).
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { calendarFromConfig, fmtDate, fmtDateTime, isAllowed, nextAllowedSlot, atLocal, addDays } from '../../scheduler/time.ts';
import { parseOffsets, queueManual } from '../../scheduler/planner.ts';
import { findRegime, pauseUser, setRegimePaused } from '../../scheduler/snooze.ts';
import { formatUpcoming, upcoming } from '../../scheduler/upcoming.ts';
import { parseDay } from '../../scheduler/commands.ts';

async function regimeOrFail(app: App, q: string) {
  const r = await findRegime(app.db, q);
  if (!r) {
    const all = await app.db.regime.findMany({ select: { code: true } });
    throw new AppError(
      ErrorCode.NotFound,
      `Không tìm thấy chế độ báo cáo “${q}”. Hiện có: ${all.map((x) => x.code).join(', ') || '(chưa có)'}.`,
    );
  }
  return r;
}

export function register(program: Command, getApp: () => Promise<App>): void {
  const cmd = program.command('reminders').description('Lịch nhắc báo cáo: xem, gửi ngay, tạm dừng/tiếp tục, nghỉ phép');

  cmd
    .command('list')
    .description('Các mốc nhắc sắp tới và tin đang chờ gửi')
    .option('--limit <n>', 'số tin chờ hiển thị', '20')
    .action(async (opts: { limit: string }) => {
      const app = await getApp();
      const cal = calendarFromConfig(app.config);
      const u = await upcoming(app.db, cal, parseOffsets(app.config.REMINDER_OFFSETS_DAYS), app.clock.now(), Number(opts.limit) || 20);
      process.stdout.write(`${formatUpcoming(u, cal.tz)}\n`);
    });

  cmd
    .command('send-now')
    .description('Xếp tin nhắc gửi ngay tới cán bộ các cơ quan chưa gửi báo cáo')
    .argument('<regime>', 'mã hoặc tên chế độ báo cáo')
    .action(async (q: string) => {
      const app = await getApp();
      const regime = await regimeOrFail(app, q);
      if (regime.paused)
        throw new AppError(ErrorCode.Conflict, `Chế độ “${regime.name}” đang tạm dừng; chạy “reminders resume ${regime.code}” trước.`);
      const cal = calendarFromConfig(app.config);
      const now = app.clock.now();
      const r = await queueManual({ db: app.db, cal, offsets: [], log: app.log }, now, [regime.id]);
      const when = isAllowed(now, cal)
        ? 'bot đang chạy sẽ gửi trong vòng một phút'
        : `ngoài giờ gửi tin, sẽ gửi lúc ${fmtDateTime(nextAllowedSlot(now, cal), cal.tz)}`;
      process.stdout.write(`Đã xếp ${r.officials} tin nhắc (${r.agencies} cơ quan chưa gửi, ${r.periods} kỳ đang mở); ${when}.\n`);
    });

  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    cmd
      .command(name)
      .description(paused ? 'Tạm dừng nhắc của một chế độ báo cáo' : 'Bật lại nhắc của một chế độ báo cáo')
      .argument('<regime>', 'mã hoặc tên chế độ báo cáo')
      .action(async (q: string) => {
        const app = await getApp();
        const regime = await regimeOrFail(app, q);
        await setRegimePaused(app.db, regime.id, paused, app.clock.now());
        process.stdout.write(`${paused ? 'Đã tạm dừng' : 'Đã bật lại'} nhắc báo cáo “${regime.name}” (${regime.code}).\n`);
      });
  }

  cmd
    .command('leave')
    .description('Tạm dừng nhắc cho một người đến hết một ngày (nghỉ phép); --until none để bỏ')
    .argument('<userId>', 'số người dùng')
    .requiredOption('--until <date>', 'ngày cuối nghỉ: 15/11/2026 hoặc 2026-11-15; "none" để bỏ')
    .action(async (id: string, opts: { until: string }) => {
      const app = await getApp();
      const tz = app.config.TZ_REPORTS;
      let until: Date | null = null;
      if (opts.until !== 'none') {
        const day = parseDay(opts.until, app.clock.now(), tz);
        if (!day) throw new AppError(ErrorCode.InvalidInput, `Ngày “${opts.until}” không hợp lệ. Ví dụ: 15/11/2026.`);
        until = atLocal(addDays(day, 1), 0, tz);
      }
      if (!(await pauseUser(app.db, Number(id), until))) throw new AppError(ErrorCode.NotFound, `Không tìm thấy người dùng số ${id}.`);
      process.stdout.write(
        until
          ? `Người dùng ${id} tạm nghỉ đến hết ngày ${fmtDate(new Date(until.getTime() - 1), tz)}.\n`
          : `Người dùng ${id} nhận nhắc bình thường trở lại.\n`,
      );
    });
}
