// Runs the admin CLI in-process on a test app and returns what it printed with console.log, one line per call.
import { vi } from 'vitest';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { buildProgram } from '../../src/cli/index.ts';
import { silentLogger } from '../../src/log.ts';
import { tempDb } from './db.ts';

export async function runCli(app: App, ...args: string[]): Promise<string> {
  const lines: string[] = [];
  const argv = ['node', 'cli', ...args];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const program = await buildProgram(async () => app, { argv });
    program.exitOverride();
    await program.parseAsync(argv);
  } finally {
    vi.restoreAllMocks();
    process.exitCode = 0; // a refused command sets it; the next test starts clean
  }
  return lines.join('\n');
}

/** An app on a fresh database of its own (the repository's agency registry, an index beside the database). */
export async function freshApp(): Promise<{ app: App; close(): Promise<void> }> {
  const t = await tempDb();
  const app = await createApp({ config: { DATABASE_URL: t.url, INDEX_DIR: join(t.dir, 'index') }, log: silentLogger });
  return { app, close: async () => (await app.close(), await t.close()) };
}
