// Coordinator status figures and the CLI commands of this module, run through the real command tree.
import { runCli } from '../helpers/cli.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { periodStatus } from '../../src/reporting/status.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await seed.close();
});

const cli = (...args: string[]) => runCli(seed.app, ...args);

async function report(channelUser: string, code: string, answers: string[]) {
  const bot = createBot(seed.app);
  const say = (text: string) => bot.handle({ channel: 'console', userId: channelUser, chatId: channelUser, text });
  await say(`/start ${code}`);
  await say('báo cáo');
  for (const a of answers) await say(a);
}

describe('report status', () => {
  it('before the deadline: the share submitted and "chưa đến hạn", not an on-time rate that reads as lateness', async () => {
    await report('tc', CODES.taichinh, ['95', 'gửi', '1']); // 5 January, the deadline is 10 January
    const text = await cli('report', 'status', 'cds-ca-mau', '2026-Q4');
    expect(text).toContain('Đã gửi 1/2 cơ quan (50%), chưa đến hạn; đầy đủ 20%.');
    expect(text).not.toContain('đúng hạn 50%');
    expect(text).toMatch(/• Sở Thông tin và Truyền thông: chưa báo cáo \(chưa đến hạn\);/);
    seed.clock.set('2027-01-12T10:00:00+07:00');
    const late = await cli('report', 'status', 'cds-ca-mau', '2026-Q4');
    expect(late).toContain('Đã gửi 1/2 cơ quan; đầy đủ 20%; đúng hạn 50%.');
    expect(late).toMatch(/• Sở Thông tin và Truyền thông: chưa báo cáo \(đã quá hạn\);/);
  });

  it('counts on-time, late and missing agencies, completeness and timeliness', async () => {
    await report('tc', CODES.taichinh, ['95', 'gửi', '1']); // on time (5 January)
    seed.clock.set('2027-01-12T10:00:00+07:00');
    await report('tt', CODES.tttt, ['80', 'bỏ qua', '300', '3', 'bỏ qua', 'gửi', '1']); // two days late, 3 of 4 answered
    const s = await periodStatus(seed.app.db, seed.periodId, seed.clock.now());
    expect(s.rows.map((r) => [r.agencyKey, r.state, r.answered, r.items, r.daysLate])).toEqual([
      ['so-tc@ca-mau', 'on_time', 1, 1, 0],
      ['so-tttt@ca-mau', 'late', 3, 4, 2],
    ]);
    expect(s.completeness).toBe(80);
    expect(s.timeliness).toBe(50);

    const text = await cli('report', 'status', 'cds-ca-mau', '2026-Q4');
    expect(text).toContain('Đã gửi 2/2 cơ quan; đầy đủ 80%; đúng hạn 50%.');
    expect(text).toContain(
      '• Sở Thông tin và Truyền thông: đã gửi trễ lúc 10:00 12/01/2027 (Trần Thị Bích), trễ 2 ngày; 3/4 câu có số liệu',
    );
    const one = await cli('report', 'status', 'cds-ca-mau', 'quý 4/2026', '--agency', 'Sở TT&TT');
    expect(one).toContain('3. Kinh phí đã giải ngân cho ứng dụng CNTT: 300 triệu đồng');
    expect(one).toContain('2. Số doanh nghiệp sử dụng hóa đơn điện tử: bỏ qua');
  });
});

describe('CLI commands', () => {
  it('user invite prints a code that registers from chat; user list shows the identity', async () => {
    const out = await cli(
      'user',
      'invite',
      '--agency',
      'Sở Tài chính',
      '--province',
      'Cà Mau',
      '--role',
      'official',
      '--expires-days',
      '3',
    );
    const code = /Mã mời: ([A-Z0-9]{8})/.exec(out)![1]!;
    expect(out).toContain('Sở Tài chính (so-tc@ca-mau)');
    const bot = createBot(seed.app);
    const r = await bot.handle({ channel: 'telegram', userId: '42', chatId: '42', text: `đăng ký ${code}`, displayName: 'Anh Minh' });
    expect(r[0]?.text).toContain('Đăng ký thành công: Anh Minh — cán bộ báo cáo, Sở Tài chính (Cà Mau)');
    expect(await cli('user', 'list')).toContain('Anh Minh — cán bộ báo cáo, Sở Tài chính (Cà Mau) — telegram:42');
    expect(await cli('user', 'role', '1', 'coordinator')).toContain('điều phối viên');
  });

  it('user invite --name: the person shows by the name the admin typed, not the platform display name', async () => {
    const out = await cli('user', 'invite', '--name', '  Phạm  Văn Dũng ', '--agency', 'Sở Tài chính', '--province', 'Cà Mau');
    expect(out).toContain('Người nhận: Phạm Văn Dũng; vai trò: cán bộ báo cáo (official)');
    const code = /Mã mời: ([A-Z0-9]{8})/.exec(out)![1]!;
    const bot = createBot(seed.app);
    const r = await bot.handle({ channel: 'zalo', userId: 'z7', chatId: 'z7', text: `/start ${code}`, displayName: 'dung.pv' });
    expect(r[0]?.text).toContain('Đăng ký thành công: Phạm Văn Dũng — cán bộ báo cáo, Sở Tài chính (Cà Mau)');
    expect(await cli('report', 'status', 'cds-ca-mau', '2026-Q4')).toContain(
      '• Sở Tài chính: chưa báo cáo (chưa đến hạn); 0/1 câu có số liệu; cán bộ: Phạm Văn Dũng',
    );
  });

  it('regime show / period open / lock / reopen', async () => {
    expect(await cli('regime', 'show', 'cds-ca-mau')).toContain('label: Tỷ lệ văn bản trao đổi trên môi trường mạng');
    expect(await cli('period', 'lock', 'cds-ca-mau', '2026-Q4')).toContain('Kỳ 2026-Q4 của cds-ca-mau: đã khóa (điều phối viên khóa).');
    const bot = createBot(seed.app);
    const say = async (text: string) =>
      (await bot.handle({ channel: 'console', userId: 'x', chatId: 'x', text })).map((m) => m.text).join('\n');
    await say(`/start ${CODES.tttt}`);
    expect(await say('báo cáo')).toContain('Kỳ báo cáo quý IV/2026 đã bị điều phối viên khóa');
    expect(await cli('period', 'reopen', 'cds-ca-mau', '2026-Q4', '--agency', 'Sở TT&TT')).toContain(
      'Đã mở lại kỳ 2026-Q4 cho Sở Thông tin và Truyền thông',
    );
    expect(await say('báo cáo')).toContain('Câu 1/4');
    expect(await cli('period', 'open', 'cds-ca-mau', '2027-Q1')).toContain(
      'hạn nộp 10/04/2027, khóa từ 10/05/2027; đang mở, hạn nộp 10/04/2027',
    );
    expect(await cli('regime', 'list')).toContain('cds-ca-mau — Báo cáo ứng dụng CNTT tỉnh Cà Mau (hằng quý');
  });
});
