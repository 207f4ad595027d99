// `npm start` as a user runs it: the real src/main.ts in a child process, console chat on piped stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'da-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${join(dir, 'app.db')}`,
        INDEX_DIR: join(dir, 'index'),
        LOG_LEVEL: 'info',
        TELEGRAM_BOT_TOKEN: '',
        SLACK_BOT_TOKEN: '',
        ZALO_BOT_TOKEN: '',
        ZALO_OA_APP_ID: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm start (console, no channel tokens)', () => {
  it('imports data/ on first start and answers a cited question on the console', async () => {
    const r = await start('ai chu tri dao tao nguon nhan luc cntt o ca mau?\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/nhập mới: 2 văn bản/);
    expect(r.stdout).toContain('Sở Giáo dục và Đào tạo chủ trì');
    expect(r.stdout).toMatch(/— Kế hoạch 37\/KH-STTTT, Cà Mau, mục V\.2\.\d/);
  }, 120_000);

  it('a second start re-imports nothing and still answers', async () => {
    const r = await start('3933/QD-UBND\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/"new":0,"updated":0,"unchanged":5,"errors":0/);
    expect(r.stderr).not.toMatch(/nhập mới/);
    expect(r.stdout).toContain('Quyết định 3933/QĐ-UBND');
  }, 120_000);
});
