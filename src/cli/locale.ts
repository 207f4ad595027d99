// The language the admin CLI speaks: `--lang <vi|en>` anywhere before a bare `--`, else the CLI_LANG setting, else
// Vietnamese. Known before the commands register, so that their help is written in it too. A value that is not a
// language the CLI speaks is an error naming the allowed ones, never a quiet fallback to Vietnamese.
import { AppError, ErrorCode } from '../core/errors.ts';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '../core/i18n.ts';

/** What follows `--lang` (or `--lang=…`) on the command line: undefined when absent, '' when nothing does. */
function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') {
      const next = argv[i + 1];
      found = next === undefined || next.startsWith('-') ? '' : next;
    } else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

/** Which language the user did not choose correctly: bilingual, since the language is what is unknown. */
function badLocale(where: string, value: string): AppError {
  const allowed = LOCALES.join(' | ');
  const vi = `${where} "${value}" không hợp lệ; chọn một trong: ${allowed}`;
  const en = `invalid ${where} "${value}"; choose one of: ${allowed}`;
  return new AppError(ErrorCode.InvalidInput, `${vi} / ${en}.`, { en: `${en}.` });
}

/** The CLI's language for this run (argv as process.argv gives it; env as process.env). */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const flag = langFlag(argv);
  if (flag !== undefined && !isLocale(flag)) throw badLocale('--lang', flag);
  // An empty CLI_LANG means unset, as for every setting (src/config.ts); a bad one is refused even beside --lang,
  // since the app's settings refuse it when a command opens the database.
  const set = env.CLI_LANG?.trim() || undefined;
  if (set !== undefined && !isLocale(set)) throw badLocale('CLI_LANG', set);
  return flag ?? set ?? DEFAULT_LOCALE;
}
