// `cli reminders …`: the coordinator's tools without a chat. send-now only writes the Outbox; the bot sends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { App } from '../../src/app.ts';
import { register } from '../../src/cli/commands/reminders.ts';
import { FakeAdapter, newScheduler, seed, testApp, vn, type Seeded } from './helpers.ts';

describe('reminders CLI', () => {
  let t: TempDb;
  let app: App;
  let clock: ManualClock;
  let s: Seeded;
  let out: string;

  const cli = async (...argv: string[]) => {
    out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      const program = new Command('cli').exitOverride();
      register(program, async () => app, 'vi');
      await program.parseAsync(['node', 'cli', ...argv]);
    } finally {
      spy.mockRestore();
    }
    return out;
  };

  beforeEach(async () => {
    t = await tempDb();
    clock = new ManualClock(vn('2026-10-06T10:00'));
    app = await testApp(t.url, clock);
    s = await seed(app.db, { agencies: 2, officialsPerAgency: 2 });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('send-now queues reminders that the running scheduler delivers; pause/resume/list/leave work', async () => {
    expect(await cli('reminders', 'send-now', 'kh37')).toBe(
      'Đã xếp 4 tin nhắc (2 cơ quan chưa gửi, 1 kỳ đang mở); bot đang chạy sẽ gửi trong vòng một phút.\n',
    );
    expect(await cli('reminders', 'list')).toContain('Tin đang chờ gửi: 4');
    expect(await cli('reminders', 'pause', 'KH37')).toBe('Đã tạm dừng nhắc báo cáo “Kế hoạch ứng dụng CNTT” (KH37).\n');
    const tg = new FakeAdapter('telegram', clock);
    const sched = newScheduler(app, [tg]);
    await sched.tick();
    expect(tg.sent).toHaveLength(0);
    await cli('reminders', 'resume', 'KH37');
    const u = s.agencies[0]!.officials[0]!;
    expect(await cli('reminders', 'leave', String(u), '--until', '2026-10-09')).toBe(`Người dùng ${u} tạm nghỉ đến hết ngày 09/10/2026.\n`);
    await sched.tick();
    // The opening prompt (current stage) goes to the three officials not on leave; the manual reminder queued with
    // it is not sent back to back with it. A send-now later is delivered.
    expect(tg.sent.map((m) => m.text.slice(0, 8))).toEqual(['Đã mở kỳ', 'Đã mở kỳ', 'Đã mở kỳ']);
    clock.advance(2 * 60 * 60_000);
    await cli('reminders', 'send-now', 'kh37');
    await sched.tick();
    expect(tg.sent.filter((m) => m.text.startsWith('Nhắc việc'))).toHaveLength(3);
    await expect(cli('reminders', 'pause', 'KH99')).rejects.toThrow('Không tìm thấy chế độ báo cáo “KH99”. Hiện có: KH37.');
  });
});
