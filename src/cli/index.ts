// `npm run cli -- <command>`: one entry; each file in ./commands registers its own subcommands (.ts from src/,
// .js from the compiled dist/), in the language of the run (`--lang`, else CLI_LANG, else Vietnamese).
import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createApp, type App } from '../app.ts';
import { isAppError } from '../core/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { cliLocale } from './locale.ts';
import { CLI_TEXT } from './text/common.ts';

/** What a command module exports. `getApp` opens the database lazily and once; `locale` is the run's language. */
export type RegisterCommands = (program: Command, getApp: () => Promise<App>, locale: Locale) => void;

/** The command tree for `argv` (its --lang, else env's CLI_LANG, chooses the language of help and output). */
export async function buildProgram(
  getApp: () => Promise<App>,
  { argv = process.argv, env = process.env }: { argv?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<Command> {
  const locale = cliLocale(argv, env);
  const T = CLI_TEXT(locale);
  const program = new Command('cli').description(T.program).option('--lang <vi|en>', T.lang).showHelpAfterError();
  const dir = fileURLToPath(new URL('./commands', import.meta.url));
  for (const f of readdirSync(dir)
    .filter((n) => /\.(ts|js)$/.test(n) && !n.endsWith('.d.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: RegisterCommands };
    mod.register?.(program, getApp, locale);
  }
  return program;
}

async function main(): Promise<void> {
  let app: App | undefined;
  let locale: Locale = DEFAULT_LOCALE;
  const getApp = async () => (app ??= await createApp());
  try {
    locale = cliLocale(process.argv, process.env);
    const program = await buildProgram(getApp);
    await program.parseAsync(process.argv);
  } catch (e) {
    console.error(`${CLI_TEXT(locale).error}: ${isAppError(e) ? e.messageIn(locale) : (e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await app?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
