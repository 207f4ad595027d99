// "trợ giúp" lists exactly the commands the person's role may use (the running bot's full command set: reports,
// reminders), and the commands it leaves out are the ones that role is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntime, type Runtime } from '../../src/runtime.ts';
import { createInvite } from '../../src/users/invites.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
let runtime: Runtime;
beforeAll(async () => {
  seed = await seedReporting();
  await createInvite(seed.app, { role: 'admin', name: 'Quản Trị', province: 'Cà Mau', code: 'ADMNHELP' });
  runtime = await buildRuntime(seed.app);
  await say('official', `/start ${CODES.tttt}`);
  await say('coordinator', `/start ${CODES.coordinator}`);
  await say('admin', '/start ADMNHELP');
}, 60_000);
afterAll(async () => seed.close());

async function say(who: string, text: string): Promise<string> {
  const out = await runtime.bot.handle({ channel: 'console', userId: who, chatId: who, text });
  return out.map((m) => m.text).join('\n');
}

/** The commands a help reply lists: the quoted text at the start of each "•" line. */
async function commands(who: string): Promise<string[]> {
  const help = await say(who, 'trợ giúp');
  return [...help.matchAll(/^• "(.+?)" — /gm)].map((m) => m[1]!);
}

const EVERYONE = ['thêm', 'lọc <tỉnh, năm, số hiệu văn bản, cơ quan>'];
const REGISTERED = ['trang chủ', 'tôi là ai', '/lang en', 'liên kết', 'nhắc lại sau [2 giờ | ngày mai]'];
const STAFF = [
  'báo cáo <tên cơ quan>',
  'tình hình báo cáo [tên cơ quan]',
  'mở lại <tên cơ quan> [kỳ]',
  'khóa kỳ [mã chế độ] [kỳ]',
  'phê duyệt kỳ [mã chế độ] [kỳ]',
  'mở lại kỳ [mã chế độ] [kỳ]',
  'báo cáo tổng hợp [mã chế độ] [quý 4]',
  'chi tiết <số>',
  'lịch nhắc',
  'nhắc ngay [mã chế độ]',
  'nhắc <tên cơ quan>',
  'tạm dừng <mã chế độ>',
  'tiếp tục <mã chế độ>',
  'tạm nghỉ <số người dùng> đến <ngày>',
  'bảng điều khiển',
];

describe('help by role', () => {
  it('someone not registered: how to register, and the questions everyone may ask', async () => {
    expect((await commands('stranger')).sort()).toEqual(['/start <mã>', ...EVERYONE].sort());
  });

  it('an official: reporting for their agency, its status and history, snoozing; no coordinator command', async () => {
    const got = await commands('official');
    expect(got.sort()).toEqual(
      [...EVERYONE, ...REGISTERED, 'báo cáo', 'tiếp tục', 'tình hình báo cáo', 'lịch sử báo cáo', 'bảng điều khiển'].sort(),
    );
    expect(got).not.toContain('nhắc ngay [mã chế độ]');
  });

  it('a coordinator and an admin: every report and reminder command, including "lịch nhắc" and "nhắc ngay"', async () => {
    for (const who of ['coordinator', 'admin']) expect((await commands(who)).sort()).toEqual([...EVERYONE, ...REGISTERED, ...STAFF].sort());
    expect(await say('admin', 'trợ giúp')).toContain('npm run cli -- user invite');
    expect(await say('coordinator', 'trợ giúp')).not.toContain('npm run cli');
  });

  it('the reminder and report commands the official is not shown are the ones an official is refused', async () => {
    for (const text of [
      'lịch nhắc',
      'nhắc ngay',
      'tạm dừng cds-ca-mau',
      'tạm nghỉ 1 đến 15/11/2026',
      'báo cáo tổng hợp',
      'khóa kỳ',
      'phê duyệt kỳ',
      'mở lại kỳ',
    ])
      expect(await say('official', text)).toMatch(/chỉ dành cho cán bộ điều phối|Chỉ điều phối viên/);
    expect(await say('coordinator', 'lịch nhắc')).not.toMatch(/chỉ dành cho/);
    // a coordinator snoozes like anyone (it was read as "remind the agency 'sau 2 giờ'")
    expect(await say('coordinator', 'nhắc lại sau 2 giờ')).toMatch(/^(?:Đã hoãn|Hiện anh\/chị không có lời nhắc nào cần hoãn)/);
  });
});

describe('help in English', () => {
  it("a coordinator who chose English reads every line in English, the modules' commands included", async () => {
    await say('coordinator', '/lang en');
    const help = await say('coordinator', 'trợ giúp');
    await say('coordinator', '/lang vi');
    const lines = help.split('\n').filter((l) => l.startsWith('• "'));
    expect(lines.length).toBeGreaterThan(15);
    // after the quoted command, no Vietnamese letter (the commands themselves are typed in Vietnamese)
    for (const l of lines)
      expect(l.replace(/^• "[^"]*" — /, '').replace(/"[^"]*"/g, ''), l).not.toMatch(
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýÁÀ]/i,
      );
  });
});
