// A console-only `npm start` answers questions without loading the report renderers (vega, vega-lite, resvg,
// exceljs, docx), the channel libraries (the Slack SDK, telegraf), the web server (fastify) or the PostgreSQL client:
// they cost CPU and memory at every start and are loaded when a report file is asked for, when their channel is
// configured, when WEB_PORT is set or when DATABASE_URL is postgresql://.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'da-main-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(input: string): Promise<{ code: number | null; stdout: string; packages: Set<string> }> {
  const log = join(dir, 'packages.log');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/helpers/package-log.mjs', 'src/main.ts'], {
      env: {
        ...process.env,
        PACKAGE_LOG: log,
        DATABASE_URL: `file:${join(dir, 'app.db')}`,
        INDEX_DIR: join(dir, 'index'),
        TELEGRAM_BOT_TOKEN: '',
        SLACK_BOT_TOKEN: '',
        ZALO_BOT_TOKEN: '',
        ZALO_OA_APP_ID: '',
        WEB_PORT: '',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const packages = new Set(
        readFileSync(log, 'utf8')
          .split('\n')
          .map((l) => l.split('\t')[0]!),
      );
      resolve({ code, stdout, packages });
    });
    child.stdin.end(input);
  });
}

describe('npm start on the console', () => {
  it('answers a question without loading the renderers, the channel libraries, the web server or pg', async () => {
    const r = await start('ai chu tri dao tao nguon nhan luc cntt o ca mau?\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sở Giáo dục và Đào tạo chủ trì');
    expect(r.packages.has('flexsearch')).toBe(true); // the log works: what answers questions is there
    for (const p of ['vega', 'vega-lite', '@resvg/resvg-js', 'exceljs', 'docx', '@slack/bolt', 'telegraf', 'fastify', 'pg'])
      expect([p, r.packages.has(p)]).toEqual([p, false]);
  }, 120_000);
});
