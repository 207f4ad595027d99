// `npm run cli -- <command>`: one entry; each file in ./commands registers its own subcommands (.ts from src/,
// .js from the compiled dist/).
import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createApp, type App } from '../app.ts';
import { isAppError } from '../core/errors.ts';

/** What a command module exports. `getApp` opens the database lazily and once. */
export type RegisterCommands = (program: Command, getApp: () => Promise<App>) => void;

export async function buildProgram(getApp: () => Promise<App>): Promise<Command> {
  const program = new Command('cli').description('Trợ lý văn bản chỉ đạo — công cụ quản trị').showHelpAfterError();
  const dir = fileURLToPath(new URL('./commands', import.meta.url));
  for (const f of readdirSync(dir)
    .filter((n) => /\.(ts|js)$/.test(n) && !n.endsWith('.d.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: RegisterCommands };
    mod.register?.(program, getApp);
  }
  return program;
}

async function main(): Promise<void> {
  let app: App | undefined;
  const getApp = async () => (app ??= await createApp());
  try {
    const program = await buildProgram(getApp);
    await program.parseAsync(process.argv);
  } catch (e) {
    console.error(isAppError(e) ? `Lỗi: ${e.userMessage}` : `Lỗi: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await app?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
