// `cli db copy --from <url> --to <url>`: moves a deployment to another database (SQLite → PostgreSQL), verified.
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { copyDatabase } from '../../db/copy.ts';
import { cliError } from '../text/common.ts';
import { TOOLS_TEXT } from '../text/tools.ts';

export function register(program: Command, _getApp: () => Promise<App>, locale: Locale): void {
  const T = TOOLS_TEXT(locale);
  const cmd = program.command('db').description(T.db);
  cmd
    .command('copy')
    .description(T.copy)
    .requiredOption('--from <url>', T.from)
    .requiredOption('--to <url>', T.to)
    .action(async (opts: { from: string; to: string }) => {
      const tables = await copyDatabase(opts.from, opts.to);
      const w = Math.max(...tables.map((t) => t.table.length));
      // a checksum is 16 hex digits
      console.log(`${T.colTable.padEnd(w)}  ${T.colRows.padStart(8)}  ${T.colChecksum.padEnd(16)}  ${T.colSame}`);
      for (const t of tables) console.log(`${t.table.padEnd(w)}  ${String(t.rows).padStart(8)}  ${t.checksum}  ${t.same ? T.yes : T.no}`);
      const bad = tables.filter((t) => !t.same);
      if (bad.length) throw cliError(TOOLS_TEXT, ErrorCode.Internal, (t) => t.mismatch(bad.map((b) => b.table).join(', ')));
      console.log(
        T.copied(
          tables.reduce((a, t) => a + t.copied, 0),
          tables.length,
        ),
      );
    });
}
