// `cli user invite|link|list|role`: onboarding by one-time codes, linking channels, roles.
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { formatDateTime } from '../../reporting/periods.ts';
import { createInvite, createLinkCode } from '../../users/invites.ts';
import { describeUser, listUsers, setRole, ROLE_LABELS, ROLES } from '../../users/users.ts';

export function register(program: Command, getApp: () => Promise<App>): void {
  const user = program.command('user').description('Người dùng, mã mời, vai trò');

  user
    .command('invite')
    .description('Tạo mã mời dùng một lần; người nhận gửi "/start <mã>" từ bất kỳ kênh nào')
    .option('--name <name>', 'họ tên người được mời, ví dụ "Nguyễn Văn An" (hiện trong tình hình báo cáo và nhật ký)')
    .option('--agency <name>', 'tên cơ quan (theo danh mục), ví dụ "Sở Tài chính"')
    .option('--province <name>', 'tỉnh, ví dụ "Cà Mau"')
    .option('--role <role>', `vai trò: ${ROLES.join(' | ')}`, 'official')
    .option('--expires-days <n>', 'số ngày mã còn hiệu lực', '7')
    .option('--code <code>', 'đặt mã cố định (mặc định: ngẫu nhiên 8 ký tự)')
    .action(async (o: { name?: string; agency?: string; province?: string; role: string; expiresDays: string; code?: string }) => {
      const app = await getApp();
      const inv = await createInvite(app, {
        role: o.role,
        name: o.name,
        agency: o.agency,
        province: o.province,
        expiresDays: Number(o.expiresDays),
        code: o.code,
      });
      console.log(`Mã mời: ${inv.code}`);
      if (inv.change) console.log(`Lưu ý: ${inv.change}; mã mời gắn với cơ quan hiện nay.`);
      console.log(
        `${inv.name ? `Người nhận: ${inv.name}; v` : 'V'}ai trò: ${ROLE_LABELS[inv.role]} (${inv.role})${inv.agency ? `; cơ quan: ${inv.agency.name} (${inv.agency.key})` : ''}; hết hạn: ${formatDateTime(inv.expiresAt)}`,
      );
      console.log(`Người nhận gửi "/start ${inv.code}" (hoặc "đăng ký ${inv.code}") cho trợ lý trên Telegram, Zalo, Slack hoặc console.`);
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
