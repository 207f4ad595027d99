// A running bot picks up documents that an admin imports with `cli import` (another process) without a restart.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { importPaths } from '../src/ingest/pipeline.ts';
import { silentLogger } from '../src/log.ts';
import { buildRuntime, watchKnowledgeBase, type Runtime } from '../src/runtime.ts';
import { tempDb, type TempDb } from './helpers/db.ts';

const NEW_PLAN = `ỦY BAN NHÂN DÂN
TỈNH CÀ MAU
Số: 99/KH-UBND
Cà Mau, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Chuyển đổi số tỉnh Cà Mau năm 2026
I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính triển khai nền tảng điện toán đám mây dùng chung của tỉnh.
`;

describe('knowledge base watch', () => {
  let t: TempDb;
  let app: App;
  let rt: Runtime;
  let dir: string;
  beforeAll(async () => {
    t = await tempDb();
    dir = mkdtempSync(join(tmpdir(), 'da-watch-'));
    app = await createApp({ config: { DATABASE_URL: t.url, INDEX_DIR: join(dir, 'index') }, log: silentLogger });
    await importPaths(app, ['data/documents']);
    rt = await buildRuntime(app, { scheduler: { cron: false } });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (q: string) =>
    (await rt.bot.handle({ channel: 'console', userId: 'w1', chatId: 'w1', text: q })).map((m) => m.text).join('\n');

  it('answers from a plan imported by `npm run cli -- import` in another process, within one refresh', async () => {
    const question = 'Ai chủ trì triển khai nền tảng điện toán đám mây dùng chung?';
    expect(await ask(question)).not.toContain('Sở Khoa học và Công nghệ chủ trì');
    const file = join(dir, 'ca-mau-2026-ke-hoach-99.txt');
    writeFileSync(file, NEW_PLAN);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import', file], {
      env: { ...process.env, DATABASE_URL: t.url, INDEX_DIR: join(dir, 'index'), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(cli.stdout).toContain('nhập mới: 1 văn bản');
    const stop = watchKnowledgeBase(app, rt.answerer, 50);
    try {
      await expect.poll(() => ask(question), { timeout: 10_000, interval: 100 }).toContain('Sở Khoa học và Công nghệ chủ trì');
      expect(await ask(question)).toContain('— Kế hoạch 99/KH-UBND, Cà Mau');
    } finally {
      stop();
    }
    expect(await rt.answerer.refreshIfChanged()).toBe(false); // nothing new: no rebuild
  }, 60_000);
});
