// `npm start` as a user runs it: the real src/main.ts in a child process, console chat on piped stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'da-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
        ...env,
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

describe('npm start with a channel configured', () => {
  const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789';

  it('refuses a plain-http TELEGRAM_WEBHOOK_URL with the reason and exit 1, instead of opening the console', async () => {
    const r = await start('trợ giúp\n', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'http://bot.example.vn/tg' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TELEGRAM_WEBHOOK_URL must be a public https:// URL');
    expect(r.stderr).toContain('Không khởi động được: cấu hình kênh chưa đúng');
    expect(r.stdout).not.toContain('Tôi có thể'); // the console never answered
  }, 60_000);

  it('stops with exit 1 when the only configured channel cannot start (no silent console)', async () => {
    const r = await start('trợ giúp\n', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Không khởi động được: không kênh nào khởi động được: telegram: Telegram: getMe failed/);
    expect(r.stdout).not.toContain('Tôi có thể');
  }, 120_000);
});
