// An app over a fresh DB with the five seed documents imported by the real pipeline, and an Answerer on it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { silentLogger } from '../../src/log.ts';
import { createAnswerer, type Answerer } from '../../src/answers/index.ts';
import { tempDb } from '../helpers/db.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import type { Clock } from '../../src/core/clock.ts';

export interface Seeded {
  app: App;
  answerer: Answerer;
  indexDir: string;
  close(): Promise<void>;
}

/**
 * `clock`: the date questions are asked on (who carries a task today depends on it); the system clock by default.
 * `texts`: documents written by the test (file name → text), imported with the seeds and removed at close.
 */
export async function seeded(extra: string[] = [], opts: { clock?: Clock; texts?: Record<string, string> } = {}): Promise<Seeded> {
  const t = await tempDb();
  const indexDir = mkdtempSync(join(tmpdir(), 'idx-'));
  const textDir = opts.texts ? mkdtempSync(join(tmpdir(), 'texts-')) : null;
  for (const [name, text] of Object.entries(opts.texts ?? {})) writeFileSync(join(textDir!, name), text);
  const app = await createApp({ config: { DATABASE_URL: t.url, INDEX_DIR: indexDir }, log: silentLogger, clock: opts.clock });
  await importPaths(app, ['data/documents', ...extra, ...(textDir ? [textDir] : [])]);
  const answerer = await createAnswerer(app);
  return {
    app,
    answerer,
    indexDir,
    async close() {
      await app.close();
      await t.close();
      rmSync(indexDir, { recursive: true, force: true });
      if (textDir) rmSync(textDir, { recursive: true, force: true });
    },
  };
}
