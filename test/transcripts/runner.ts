// Golden transcripts: `> line` is what the user types, other lines are what the bot prints, `#` lines are
// comments (top of file), and `!` lines are directives:
//   ! as <console user id>   switch who is typing
//   ! clock <ISO time>       move the clock
//   ! restart                stop the bot; the following lines run in a NEW process on the same database
// The runner replays the user lines through the console channel (line mode, echo on) and returns the
// transcript actually produced, in the same format, for comparison with the file.
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runConsole } from '../../src/channels/console/console.ts';
import { createBot } from '../../src/conversation/bot.ts';
import type { Seeded } from './seed.ts';

export interface Segment {
  directives: string[];
  lines: string[]; // user lines
  expected: string[]; // echo + replies, as in the file
}

export function parseTranscript(text: string): { header: string[]; segments: Segment[] } {
  const header: string[] = [];
  const segments: Segment[] = [{ directives: [], lines: [], expected: [] }];
  let started = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!started && (line.startsWith('#') || line === '')) {
      header.push(line);
      continue;
    }
    started = true;
    if (line === '') continue;
    if (line.startsWith('! ')) {
      const cur = segments[segments.length - 1]!;
      if (cur.lines.length) segments.push({ directives: [line], lines: [], expected: [] });
      else cur.directives.push(line);
      continue;
    }
    const cur = segments[segments.length - 1]!;
    if (line.startsWith('> ')) cur.lines.push(line.slice(2));
    cur.expected.push(line);
  }
  return { header, segments: segments.filter((s) => s.lines.length || s.directives.length) };
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export function runChild(seed: Seeded, userId: string, input: string, echo = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, seed.dbUrl, seed.agenciesFile, seed.clock.now().toISOString(), userId, echo ? 'echo' : ''],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: 'silent' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
    child.stdin.end(input);
  });
}

async function runInProcess(seed: Seeded, userId: string, lines: string[]): Promise<string> {
  const bot = createBot(seed.app);
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString('utf8')));
  input.end(lines.map((l) => `${l}\n`).join(''));
  await runConsole(bot.handle, { input, output, userId, interactive: false, echo: true });
  return out;
}

/** Replays a transcript; returns the produced transcript (header and directives kept) for comparison. */
export async function replay(seed: Seeded, text: string): Promise<string> {
  const { header, segments } = parseTranscript(text);
  const produced: string[] = [...header];
  let userId = 'console-user';
  let restarted = false;
  for (const seg of segments) {
    for (const d of seg.directives) {
      produced.push(d);
      const [, verb, ...args] = d.split(/\s+/);
      if (verb === 'as') userId = args.join(' ');
      else if (verb === 'clock') seed.clock.set(args.join(' '));
      else if (verb === 'restart') restarted = true;
      else throw new Error(`unknown directive: ${d}`);
    }
    if (!seg.lines.length) continue;
    const out = restarted
      ? await runChild(seed, userId, seg.lines.map((l) => `${l}\n`).join(''))
      : await runInProcess(seed, userId, seg.lines);
    produced.push(
      ...out
        .trimEnd()
        .split('\n')
        .map((l) => l.trimEnd()),
    );
  }
  return `${produced.join('\n').trimEnd()}\n`;
}

/** The file's comparable content: the same normalisation the replay output gets. */
export function normalize(text: string): string {
  const { header, segments } = parseTranscript(text);
  const lines = [...header];
  for (const s of segments) lines.push(...s.directives, ...s.expected);
  return `${lines.join('\n').trimEnd()}\n`;
}
