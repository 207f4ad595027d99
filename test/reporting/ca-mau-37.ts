// An app on a temp database with the real agency registry and the Cà Mau 1578/QĐ-UBND + 37/KH-STTTT text imported,
// its regimes folder a temp directory: what `regime create --from 37/KH-STTTT` works on.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';

export const CODE = '37-kh-stttt-ca-mau';
export const SHIPPED = 'data/regimes/37-kh-stttt-ca-mau.yaml';
export const TEXT_ITEMS = ['Khó khăn, vướng mắc', 'Nhiệm vụ, giải pháp thời gian tới', 'Kiến nghị, đề xuất'];

export interface CaMau {
  app: App;
  regimesDir: string;
  close(): Promise<void>;
}

export async function openCaMau37(): Promise<CaMau> {
  const dir = mkdtempSync(join(tmpdir(), 'regime-create-'));
  const regimesDir = join(dir, 'regimes');
  mkdirSync(regimesDir);
  const app = await createApp({
    config: { DATABASE_URL: `file:${join(dir, 'app.db')}`, INDEX_DIR: join(dir, 'index'), REGIMES_DIR: regimesDir },
    clock: new ManualClock(new Date('2014-01-05T09:00:00+07:00')),
    log: silentLogger,
  });
  await importPaths(app, ['data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt']);
  return {
    app,
    regimesDir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
