// Two instances on one database, each with its own search index (INDEX_DIR is per instance): a plan imported through
// one (an admin's upload or import there) is answered by the other within one INDEX_REFRESH_SECONDS, on SQLite and on
// PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { importPaths } from '../src/ingest/pipeline.ts';
import { silentLogger } from '../src/log.ts';
import { buildRuntime, watchKnowledgeBase } from '../src/runtime.ts';
import { dbKinds, tempDb, type TempDb } from './helpers/db.ts';

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH CÀ MAU
Số: 98/KH-UBND
Cà Mau, ngày 06 tháng 3 năm 2026
KẾ HOẠCH
Phát triển hạ tầng số tỉnh Cà Mau năm 2026
I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng trung tâm dữ liệu dự phòng của tỉnh.
`;

describe.each(await dbKinds())('a document imported through one instance (%s)', (kind) => {
  let t: TempDb;
  let dir: string;
  const apps: App[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is answered by the other instance within one refresh', async () => {
    t = await tempDb(kind);
    dir = mkdtempSync(join(tmpdir(), 'da-two-'));
    const open = async (name: string) => {
      const app = await createApp({
        config: { DATABASE_URL: t.url, INDEX_DIR: join(dir, name), INDEX_REFRESH_SECONDS: 1 },
        log: silentLogger,
      });
      apps.push(app);
      return app;
    };
    const a = await open('index-a');
    const b = await open('index-b');
    const rtB = await buildRuntime(b, { scheduler: { cron: false } });
    const ask = async (q: string) =>
      (await rtB.bot.handle({ channel: 'console', userId: 'b1', chatId: 'b1', text: q })).map((m) => m.text).join('\n');
    const question = 'Ai chủ trì xây dựng trung tâm dữ liệu dự phòng?';
    expect(await ask(question)).not.toContain('Sở Khoa học và Công nghệ chủ trì');
    const stop = watchKnowledgeBase(b, rtB.answerer); // every INDEX_REFRESH_SECONDS (1 s here)
    try {
      const file = join(dir, 'ca-mau-2026-ke-hoach-98.txt');
      writeFileSync(file, PLAN);
      const r = await importPaths(a, [file]);
      expect(r.files.map((f) => f.status)).toEqual(['new']);
      await expect.poll(() => ask(question), { timeout: 15_000, interval: 200 }).toContain('Sở Khoa học và Công nghệ chủ trì');
      expect(await ask(question)).toContain('Kế hoạch 98/KH-UBND');
    } finally {
      stop();
    }
  }, 60_000);
});
