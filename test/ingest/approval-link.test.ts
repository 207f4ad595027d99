// "Quyết định 1578/QĐ-UBND approves Kế hoạch 37/KH-STTTT" holds whichever file is imported first, and survives a
// re-import of the plan (which replaces the plan's row).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';

const SEED = readFileSync('data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt', 'utf8');
const cut = SEED.indexOf('UBND TỈNH CÀ MAU\nSỞ THÔNG TIN VÀ');

describe('approval link across files', () => {
  let t: TempDb;
  let app: App;
  let dir: string;
  beforeAll(async () => {
    t = await tempDb();
    app = await createApp({ config: { DATABASE_URL: t.url }, log: silentLogger });
    dir = mkdtempSync(join(tmpdir(), 'da-approve-'));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const decision = () => app.db.document.findFirstOrThrow({ where: { number: '1578/QĐ-UBND' }, include: { approves: true } });

  it('links the decision to a plan imported after it, and again after the plan is re-imported', async () => {
    expect(cut).toBeGreaterThan(0);
    const [qd, kh] = [join(dir, 'qd-1578.txt'), join(dir, 'kh-37.txt')];
    writeFileSync(qd, SEED.slice(0, cut));
    writeFileSync(kh, SEED.slice(cut));
    await importPaths(app, [qd]);
    expect((await decision()).approves).toBeNull();
    await importPaths(app, [kh]);
    expect((await decision()).approves?.number).toBe('37/KH-STTTT');

    writeFileSync(
      kh,
      `${SEED.slice(cut)}\n`.replace('Tỷ lệ hộ gia đình có máy tính đạt 10-15%.', 'Tỷ lệ hộ gia đình có máy tính đạt 12-15%.'),
    );
    const r = await importPaths(app, [kh]);
    expect(r.files[0]!.status).toBe('updated');
    const d = await decision();
    expect(d.approves?.number).toBe('37/KH-STTTT');
    expect(d.approvesId).toBe((await app.db.document.findFirstOrThrow({ where: { number: '37/KH-STTTT' } })).id);
  });
});
