// `user invite --from <csv|xlsx>`: a list of people becomes one invite each (audited, province and deep link
// shown), or nothing at all when a row is wrong; and the province on a single invite.
import { runCli } from '../helpers/cli.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/conversation/bot.ts';
import { seedReporting, type Seeded } from '../transcripts/seed.ts';

let seed: Seeded;
beforeEach(async () => {
  seed = await seedReporting();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await seed.close();
});

const cli = (...args: string[]) => runCli(seed.app, ...args);

const file = (name: string, content: string | Buffer) => {
  const path = join(seed.dir, name);
  writeFileSync(path, content);
  return path;
};
const invites = () => seed.app.db.invite.count();
const register = async (userId: string, code: string) =>
  (await createBot(seed.app).handle({ channel: 'telegram', userId, chatId: userId, text: `/start ${code}` }))[0]!.text;

describe('user invite --from', () => {
  it('reads a semicolon CSV with BOM and Vietnamese headers, prints a table with province and deep links, writes --out', async () => {
    seed.app.config.TELEGRAM_BOT_USERNAME = 'chithi_bot';
    const csv = file(
      'ds.csv',
      '\uFEFFSTT;HỌ TÊN;Cơ quan;tinh;Vai trò;Kênh\r\n' +
        '1;Nguyễn Văn An;Sở Tài chính;Cà Mau;cán bộ báo cáo;Telegram\r\n' +
        ';;;;;\r\n' +
        '2;"Lê Thị Hoa; phó phòng";Sở KH&ĐT;tỉnh Cà Mau;;Zalo\r\n' +
        '3;Trần Văn Bình;;Cà Mau;Điều phối viên;telegram\r\n',
    );
    const out = join(seed.dir, 'ma-moi.csv');
    const before = await invites();
    const text = await cli('user', 'invite', '--from', csv, '--out', out);
    expect(text).toContain('Đã tạo 3 mã mời');
    const codes = [...text.matchAll(/│ ([A-HJ-NP-Z2-9]{8}) │/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(3);
    expect(await invites()).toBe(before + 3);
    const lines = text.split('\n');
    const line = (code: string) => lines.find((l) => l.includes(code))!;
    expect(line(codes[0]!)).toMatch(/^2 +│ Nguyễn Văn An +│ Sở Tài chính +│ Cà Mau +│ cán bộ báo cáo +│ telegram/);
    expect(line(codes[0]!)).toContain(`https://t.me/chithi_bot?start=${codes[0]}`);
    expect(line(codes[1]!)).toMatch(/^4 +│ Lê Thị Hoa; phó phòng +│ Sở Kế hoạch và Đầu tư +│ Cà Mau +│ cán bộ báo cáo +│ zalo/);
    expect(line(codes[1]!)).not.toContain('t.me'); // Zalo: no Telegram link
    expect(line(codes[2]!)).toMatch(/^5 +│ Trần Văn Bình +│ +│ Cà Mau +│ điều phối viên/);

    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFFDòng,Họ tên,Cơ quan,Tỉnh,Vai trò,Kênh,Mã mời,Liên kết Telegram,Hết hạn\r\n')).toBe(true);
    expect(written).toContain(
      `2,Nguyễn Văn An,Sở Tài chính,Cà Mau,cán bộ báo cáo,telegram,${codes[0]},https://t.me/chithi_bot?start=${codes[0]},`,
    );

    const audits = await seed.app.db.auditLog.findMany({ where: { action: 'user.invite', entityId: { in: codes } } });
    expect(audits).toHaveLength(3);
    expect(await register('71', codes[0]!)).toContain('Đăng ký thành công: Nguyễn Văn An — cán bộ báo cáo, Sở Tài chính (Cà Mau)');
    expect(await register('72', codes[2]!)).toContain('Đăng ký thành công: Trần Văn Bình — điều phối viên, Cà Mau');
  });

  it('reads an XLSX with English headers and comma-free cells; a comma CSV without BOM too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Name', 'Agency', 'Province', 'Role', 'Channel']);
    ws.addRow(['Phạm Văn Dũng', 'STC', 'ca mau', 'official', 'slack']);
    ws.addRow(['Võ Thị Lan', 'Sở TT&TT', 'Bạc Liêu', 'official', '']);
    const xlsx = join(seed.dir, 'ds.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const text = await cli('user', 'invite', '--from', xlsx);
    expect(text).toContain('Đã tạo 2 mã mời');
    expect(text).toMatch(/2 +│ Phạm Văn Dũng +│ Sở Tài chính +│ Cà Mau +│ cán bộ báo cáo +│ slack/);
    // a former province is stored as the province it is part of today, and the admin is told
    expect(text).toMatch(/3 +│ Võ Thị Lan +│ Sở Thông tin và Truyền thông +│ Cà Mau/);
    expect(text).toContain('Lưu ý dòng 3: Sở Thông tin và Truyền thông tỉnh Bạc Liêu nay là Sở Thông tin và Truyền thông tỉnh Cà Mau');

    const csv = file('ds2.csv', 'name,agency,province,role\n"Đỗ Minh, Khoa",Sở Tài chính,Cà Mau,official\n');
    expect(await cli('user', 'invite', '--from', csv)).toMatch(/2 +│ Đỗ Minh, Khoa +│ Sở Tài chính/);
  });

  it('creates nothing when any row is wrong, naming each wrong row and the valid choices', async () => {
    const csv = file(
      'sai.csv',
      'Họ tên,Cơ quan,Tỉnh,Vai trò,Kênh\n' +
        'Đúng Một,Sở Tài chính,Cà Mau,official,telegram\n' +
        'Sai Cơ Quan,Sở Tài chánh Đâu Đó,Cà Mau,official,\n' +
        'Sai Tỉnh,Sở Tài chính,Cà Mâu Xa,official,\n' +
        'Sai Vai,Sở Tài chính,Cà Mau,sếp,\n' +
        'Sai Kênh,Sở Tài chính,Cà Mau,official,fax\n' +
        'Thiếu Cơ Quan,,Cà Mau,,\n',
    );
    const before = await invites();
    const err = await cli('user', 'invite', '--from', csv).catch((e: Error) => e.message);
    expect(err).toContain('Chưa tạo mã mời nào: 5/6 dòng chưa đúng.');
    expect(err).toMatch(/Dòng 3: không tìm thấy cơ quan "Sở Tài chánh Đâu Đó" .*tên gần giống: Sở Tài chính/);
    expect(err).toMatch(/Dòng 4: không có tỉnh "Cà Mâu Xa"; chọn một trong An Giang, .*Cà Mau, .*Vĩnh Long\./);
    expect(err).toContain(
      'Dòng 5: vai trò "sếp" không hợp lệ; chọn một trong: cán bộ báo cáo (official), điều phối viên (coordinator), quản trị viên (admin).',
    );
    expect(err).toContain('Dòng 6: kênh "fax" không hợp lệ');
    expect(err).toContain('Dòng 7: cán bộ báo cáo phải có cơ quan');
    expect(err).not.toContain('Dòng 2');
    expect(await invites()).toBe(before);
    expect(await seed.app.db.auditLog.count({ where: { action: 'user.invite' } })).toBe(before); // one per seeded invite
  });

  it('says what is wrong with the file itself: no header, not UTF-8, unknown type', async () => {
    const noHeader = file('a.csv', 'Nguyễn Văn An,Sở Tài chính,Cà Mau\n');
    await expect(cli('user', 'invite', '--from', noHeader)).rejects.toThrow(/cần một dòng tiêu đề với các cột: Họ tên, Cơ quan, Tỉnh/);
    const latin = file('b.csv', Buffer.from('Họ tên,Cơ quan\nAn,Sở Tài chính\n', 'latin1'));
    await expect(cli('user', 'invite', '--from', latin)).rejects.toThrow(/không phải văn bản UTF-8/);
    await expect(cli('user', 'invite', '--from', file('c.ods', 'x'))).rejects.toThrow(/phải là .csv hoặc .xlsx/);
    await expect(cli('user', 'invite', '--from', join(seed.dir, 'none.csv'))).rejects.toThrow(/Không thấy tệp/);
  });
});

describe('user invite (one person)', () => {
  it('names the province for a coordinator and an official, and prints the Telegram deep link when the bot is known', async () => {
    const coord = await cli('user', 'invite', '--role', 'coordinator', '--province', 'Cà Mau', '--name', 'Lê Cường');
    expect(coord).toContain('Người nhận: Lê Cường; vai trò: điều phối viên (coordinator); tỉnh: Cà Mau; hết hạn:');
    expect(coord).not.toContain('t.me'); // no bot name configured, no token: no link
    const everywhere = await cli('user', 'invite', '--role', 'admin');
    expect(everywhere).toContain('Vai trò: quản trị viên (admin); tỉnh: mọi tỉnh (không giới hạn)');

    seed.app.config.TELEGRAM_BOT_USERNAME = '@chithi_bot';
    const official = await cli('user', 'invite', '--agency', 'Sở Tài chính', '--province', 'Cà Mau');
    const code = /Mã mời: ([A-Z0-9]{8})/.exec(official)![1]!;
    expect(official).toContain('cơ quan: Sở Tài chính (so-tc@ca-mau); tỉnh: Cà Mau;');
    expect(official).toContain(`Trên Telegram chỉ cần bấm: https://t.me/chithi_bot?start=${code}`);
  });
});
