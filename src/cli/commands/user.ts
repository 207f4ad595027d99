// `cli user invite|link|list|role`: onboarding by one-time codes, linking channels, roles.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { botUsername } from '../../channels/telegram/deep-link.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { formatDateTime } from '../../reporting/periods.ts';
import { csvLine } from '../../reporting/report/render/csv.ts';
import { checkInviteRows, createInvites } from '../../users/bulk-invites.ts';
import { readInviteFile } from '../../users/invite-file.ts';
import { bulkHeaders, bulkRows, inviteLines } from '../../users/invite-text.ts';
import { createInvite, createLinkCode } from '../../users/invites.ts';
import { describeUser, listUsers, setRole, ROLES } from '../../users/users.ts';
import { table } from '../format/table.ts';
import { CLI_TEXT, cliError, userNumber } from '../text/common.ts';
import { USER_TEXT } from '../text/user.ts';

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
async function inviteList(app: App, o: InviteOptions, locale: Locale): Promise<void> {
  const T = USER_TEXT(locale);
  const extra = (['name', 'agency', 'province', 'code'] as const).filter((k) => o[k] !== undefined);
  if (extra.length) throw cliError(USER_TEXT, ErrorCode.InvalidInput, (t) => t.fromExtra(extra.join(', --')));
  if (o.out && extname(o.out).toLowerCase() !== '.csv') throw cliError(USER_TEXT, ErrorCode.InvalidInput, (t) => t.outNotCsv(o.out!));
  const rows = checkInviteRows(app, await readInviteFile(o.from!));
  const bot = await botUsername(app.config);
  const made = await createInvites(app, rows, { expiresDays: Number(o.expiresDays) });
  const cells = bulkRows(made, bot.username, locale);
  const headers = bulkHeaders(locale);
  console.log(T.made(made.length, o.from!));
  console.log(table(headers, cells));
  for (const m of made) if (m.invite.change) console.log(T.rowChange(m.row, m.invite.change));
  if (bot.note && made.some((m) => m.channel === 'telegram')) console.log(CLI_TEXT(locale).note(bot.note));
  console.log(T.howToStart);
  if (o.out) {
    // UTF-8 with BOM and CRLF: Excel opens it with the Vietnamese intact
    writeFileSync(o.out, `\uFEFF${[headers, ...cells].map(csvLine).join('\r\n')}\r\n`);
    console.log(T.wroteCsv(o.out));
  }
}

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = USER_TEXT(locale);
  const user = program.command('user').description(T.group);

  user
    .command('invite')
    .description(T.invite)
    .option('--name <name>', T.inviteName)
    .option('--agency <name>', T.inviteAgency)
    .option('--province <name>', T.inviteProvince)
    .option('--role <role>', T.inviteRole(ROLES.join(' | ')), 'official')
    .option('--expires-days <n>', T.expiresDays, '7')
    .option('--code <code>', T.inviteCode)
    .option('--from <file>', T.inviteFrom)
    .option('--out <file.csv>', T.inviteOut)
    .action(async (o: InviteOptions) => {
      if (o.from) return inviteList(await getApp(), o, locale);
      if (o.out) throw cliError(USER_TEXT, ErrorCode.InvalidInput, (t) => t.outNeedsFrom);
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
      for (const line of inviteLines(inv, bot.username, locale)) console.log(line);
      if (bot.note) console.log(CLI_TEXT(locale).note(bot.note));
    });

  user
    .command('link')
    .description(T.link)
    .argument('<userId>', T.userIdSeeList)
    .option('--expires-days <n>', T.expiresDays, '1')
    .action(async (id: string, o: { expiresDays: string }) => {
      const app = await getApp();
      const c = await createLinkCode(app.db, userNumber(id), app.clock.now(), Number(o.expiresDays));
      console.log(T.linkCode(c.code, formatDateTime(c.expiresAt)));
    });

  user
    .command('list')
    .description(T.list)
    .option('--json', T.json)
    .action(async (o: { json?: boolean }) => {
      const app = await getApp();
      const users = await listUsers(app.db);
      if (o.json) return void console.log(JSON.stringify(users, null, 2));
      if (!users.length) return void console.log(T.noUsers);
      for (const u of users)
        console.log(
          `#${u.id} ${describeUser(u, locale)} — ${u.identities.map((i) => `${i.channel}:${i.externalId}`).join(', ') || T.noChannel}`,
        );
    });

  user
    .command('role')
    .description(T.role)
    .argument('<userId>', T.userId)
    .argument('<role>', ROLES.join(' | '))
    .action(async (id: string, role: string) => {
      const app = await getApp();
      const u = await setRole(app.db, userNumber(id), role);
      console.log(T.roleChanged(`#${u.id} ${describeUser(u, locale)}`));
    });
}
