// Runs the admin CLI in-process on a test app and returns what it printed with console.log, one line per call.
import { vi } from 'vitest';
import type { App } from '../../src/app.ts';
import { buildProgram } from '../../src/cli/index.ts';

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
