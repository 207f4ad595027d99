// The production start: `npm run build` compiles src/ to dist/, and `npm start` runs dist/main.js with Node
// (no tsx), reading .env from the working directory when there is one; a bad setting stops the start.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'da-dist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the `start` script's node command (from package.json) in `dir`, with `.env` holding `dotenv`. */
function start(dotenv: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const args = script
    .split(/\s+/)
    .slice(1)
    .map((a) => (a.startsWith('dist/') ? join(root, a) : a));
  writeFileSync(join(dir, '.env'), dotenv);
  return new Promise((res, rej) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TELEGRAM_BOT_TOKEN: '', SLACK_BOT_TOKEN: '', ZALO_BOT_TOKEN: '', ZALO_OA_APP_ID: '' };
    for (const k of ['DATA_DIR', 'DATABASE_URL', 'QUIET_START', 'SCHEDULER', 'INDEX_DIR']) delete env[k];
    const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const paths = [
  `DATA_DIR=${join(root, 'data/documents')}`,
  `AGENCIES_FILE=${join(root, 'data/agencies.yaml')}`,
  `REGIMES_DIR=${join(root, 'data/regimes')}`,
  `DATABASE_URL=file:${join(dir, 'app.db')}`,
  `INDEX_DIR=${join(dir, 'index')}`,
].join('\n');

describe('compiled start (dist/)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'src/build.mjs')], { cwd: root, stdio: 'pipe' });
  }, 60_000);

  it('answers a cited question on the piped console, with the settings read from .env', async () => {
    const r = await start(paths, 'ai chu tri dao tao nguon nhan luc cntt o ca mau?\n');
    expect(r.stderr).not.toMatch(/tsx/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sở Giáo dục và Đào tạo chủ trì');
    expect(r.stdout).toMatch(/— Kế hoạch 37\/KH-STTTT, Cà Mau, mục V\.2\.\d/);
  }, 120_000);

  it('a bad QUIET_START in .env stops the start naming the setting and the expected form', async () => {
    const r = await start(`${paths}\nQUIET_START=7h30\n`, 'xin chào\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('QUIET_START="7h30"');
    expect(r.stderr).toMatch(/HH:MM/);
    expect(r.stdout).toBe('');
  }, 60_000);
});
