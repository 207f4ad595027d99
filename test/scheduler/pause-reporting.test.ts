// "tạm dừng <chế độ>" holds the regime's reminders, nothing else: its officials still open the form, answer and
// see their status, and the coordinator still gets the consolidated report (they were told "Hiện không có kỳ
// báo cáo nào" while it was paused).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { buildRuntime, type Runtime } from '../../src/runtime.ts';
import { createInvite } from '../../src/users/invites.ts';

const CODE = '37-kh-stttt-ca-mau';
const clock = new ManualClock(new Date('2026-12-10T09:00:00+07:00'));
let app: App;
let rt: Runtime;
const say = async (user: string, text: string) =>
  (await rt.bot.handle({ channel: 'console', userId: user, chatId: user, text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pause-'));
  app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'a.db')}`, INDEX_DIR: join(dir, 'idx') }, clock, log: silentLogger });
  await loadRegimeFolder(app, 'data/regimes');
  await openPeriod(app, CODE, '2026-Q4');
  rt = await buildRuntime(app);
  await say('coord', `/start ${(await createInvite(app, { role: 'coordinator', province: 'Cà Mau' })).code}`);
  await say('off', `/start ${(await createInvite(app, { role: 'official', agency: 'Sở Y tế', province: 'Cà Mau' })).code}`);
}, 60_000);
afterAll(async () => app.close());

it('a paused regime is still reported on; only its reminders wait', async () => {
  expect(await say('coord', `tạm dừng ${CODE}`)).toContain('Đã tạm dừng nhắc báo cáo');
  const form = await say('off', 'báo cáo');
  expect(form).not.toContain('không có kỳ báo cáo');
  expect(form).toContain('Câu 1/');
  expect(await say('off', '12')).toMatch(/Đã ghi câu 1: 12/);
  expect(await say('off', 'tình hình báo cáo')).toContain('Sở Y tế — báo cáo quý IV/2026');
  expect(await say('coord', `báo cáo tổng hợp ${CODE} quý 4`)).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
  expect(await say('coord', `nhắc ngay ${CODE}`)).toContain('đang tạm dừng nhắc');
  expect(await app.db.outbox.count()).toBe(0);
});
