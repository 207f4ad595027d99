// `cli user invite|link|list|role`: onboarding by one-time codes, linking channels, roles.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { botUsername } from '../../channels/telegram/deep-link.ts';
import { AppError, ErrorCode } from '../../core/errors.ts';
import { formatDateTime } from '../../reporting/periods.ts';
import { csvLine } from '../../reporting/report/render/csv.ts';
import { checkInviteRows, createInvites } from '../../users/bulk-invites.ts';
import { readInviteFile } from '../../users/invite-file.ts';
import { BULK_HEADERS, bulkRows, inviteLines } from '../../users/invite-text.ts';
import { createInvite, createLinkCode } from '../../users/invites.ts';
import { describeUser, listUsers, setRole, ROLES } from '../../users/users.ts';
import { table } from '../format/table.ts';

interface InviteOptions {
  name?: string;
  agency?: string;
  province?: string;
  role: string;
  expiresDays: string;
  code?: string;
  from?: string;
  out?: string;
}

/** `user invite --from <tệp> [--out <tệp.csv>]`: every row checked, then one invite per row, printed as a table. */
async function inviteList(app: App, o: InviteOptions): Promise<void> {
  const extra = (['name', 'agency', 'province', 'code'] as const).filter((k) => o[k] !== undefined);
  if (extra.length)
    throw new AppError(
      ErrorCode.InvalidInput,
      `Với --from, mỗi dòng của tệp ghi họ tên, cơ quan, tỉnh, vai trò; bỏ --${extra.join(', --')}.`,
    );
  if (o.out && extname(o.out).toLowerCase() !== '.csv')
    throw new AppError(ErrorCode.InvalidInput, `--out ghi tệp .csv (không phải "${o.out}").`);
  const rows = checkInviteRows(app, await readInviteFile(o.from!));
  const bot = await botUsername(app.config);
  const made = await createInvites(app, rows, { expiresDays: Number(o.expiresDays) });
  const cells = bulkRows(made, bot.username);
  console.log(`Đã tạo ${made.length} mã mời từ ${o.from}:`);
  console.log(table(BULK_HEADERS, cells));
  for (const m of made) if (m.invite.change) console.log(`Lưu ý dòng ${m.row}: ${m.invite.change}; mã mời gắn với cơ quan hiện nay.`);
  if (bot.note && made.some((m) => m.channel === 'telegram')) console.log(`Lưu ý: ${bot.note}`);
  console.log('Mỗi người gửi "/start <mã>" cho trợ lý trên kênh của mình, hoặc bấm liên kết Telegram.');
  if (o.out) {
    // UTF-8 with BOM and CRLF: Excel opens it with the Vietnamese intact
    writeFileSync(o.out, `\uFEFF${[BULK_HEADERS, ...cells].map(csvLine).join('\r\n')}\r\n`);
    console.log(`Đã ghi bảng mã mời vào ${o.out}.`);
  }
}

export function register(program: Command, getApp: () => Promise<App>): void {
  const user = program.command('user').description('Người dùng, mã mời, vai trò');

  user
    .command('invite')
    .description('Tạo mã mời dùng một lần; người nhận gửi "/start <mã>" từ bất kỳ kênh nào (hoặc bấm liên kết t.me)')
    .option('--name <name>', 'họ tên người được mời, ví dụ "Nguyễn Văn An" (hiện trong tình hình báo cáo và nhật ký)')
    .option('--agency <name>', 'tên cơ quan (theo danh mục), ví dụ "Sở Tài chính"')
    .option('--province <name>', 'tỉnh, ví dụ "Cà Mau"')
    .option('--role <role>', `vai trò: ${ROLES.join(' | ')}`, 'official')
    .option('--expires-days <n>', 'số ngày mã còn hiệu lực', '7')
    .option('--code <code>', 'đặt mã cố định (mặc định: ngẫu nhiên 8 ký tự)')
    .option('--from <file>', 'mời cả danh sách từ tệp .csv hoặc .xlsx (cột: Họ tên, Cơ quan, Tỉnh, Vai trò, Kênh)')
    .option('--out <file.csv>', 'với --from: ghi bảng mã mời ra tệp CSV')
    .action(async (o: InviteOptions) => {
      if (o.from) return inviteList(await getApp(), o);
      if (o.out) throw new AppError(ErrorCode.InvalidInput, '--out chỉ dùng cùng --from <tệp danh sách>.');
      const app = await getApp();
      const inv = await createInvite(app, {
        role: o.role,
        name: o.name,
        agency: o.agency,
        province: o.province,
        expiresDays: Number(o.expiresDays),
        code: o.code,
      });
      const bot = await botUsername(app.config);
      for (const line of inviteLines(inv, bot.username)) console.log(line);
      if (bot.note) console.log(`Lưu ý: ${bot.note}`);
    });

  user
    .command('link')
    .description('Tạo mã để một người đã đăng ký liên kết thêm một tài khoản kênh khác')
    .argument('<userId>', 'số người dùng (xem: user list)')
    .option('--expires-days <n>', 'số ngày mã còn hiệu lực', '1')
    .action(async (id: string, o: { expiresDays: string }) => {
      const app = await getApp();
      const c = await createLinkCode(app.db, Number(id), app.clock.now(), Number(o.expiresDays));
      console.log(`Mã liên kết: ${c.code} (hết hạn ${formatDateTime(c.expiresAt)}). Gửi "/start ${c.code}" từ tài khoản cần liên kết.`);
    });

  user
    .command('list')
    .description('Danh sách người dùng và các tài khoản kênh đã liên kết')
    .option('--json', 'in JSON')
    .action(async (o: { json?: boolean }) => {
      const app = await getApp();
      const users = await listUsers(app.db);
      if (o.json) return void console.log(JSON.stringify(users, null, 2));
      if (!users.length)
        return void console.log('Chưa có người dùng nào. Tạo mã mời: npm run cli -- user invite --agency "<cơ quan>" --province "<tỉnh>"');
      for (const u of users)
        console.log(
          `#${u.id} ${describeUser(u)} — ${u.identities.map((i) => `${i.channel}:${i.externalId}`).join(', ') || 'chưa liên kết kênh'}`,
        );
    });

  user
    .command('role')
    .description('Đổi vai trò của một người dùng')
    .argument('<userId>', 'số người dùng')
    .argument('<role>', ROLES.join(' | '))
    .action(async (id: string, role: string) => {
      const app = await getApp();
      const u = await setRole(app.db, Number(id), role);
      console.log(`Đã đổi: #${u.id} ${describeUser(u)}`);
    });
}
