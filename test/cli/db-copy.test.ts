// `cli db copy`: every table moved with its ids and links, verified by row counts and checksums; refuses a
// destination that already holds data. SQLite → SQLite always; SQLite → PostgreSQL when there is one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { COPY_ORDER, tableChecksum } from '../../src/db/copy.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import { runCli } from '../helpers/cli.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';

let dir: string;
let app: App;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'da-copy-'));
  app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'src.db')}`, INDEX_DIR: join(dir, 'idx') }, log: silentLogger });
  await importPaths(app, ['data/documents/ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt']);
  const agency = await app.db.agency.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const u = await app.db.user.create({
    data: { name: 'Nguyễn Văn Á', role: 'official', agencyId: agency.id, pausedUntil: new Date('2027-01-02T03:04:05.678Z') },
  });
  await app.db.identity.create({ data: { channel: 'telegram', externalId: '42', userId: u.id } });
  await app.db.session.create({ data: { key: `user:${u.id}`, data: JSON.stringify({ v: 1, note: 'đang trả lời “mục 2”' }) } });
  await app.db.regime.create({ data: { code: 'q', name: 'Báo cáo quý', frequency: 'quarter', paused: true } });
}, 120_000);
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(await dbKinds())('cli db copy → %s', (kind) => {
  let to: TempDb;
  beforeAll(async () => {
    to = await tempDb(kind);
  });
  afterAll(async () => to?.close());

  it('copies every table, prints rows and checksums that match, and the copy keeps working', async () => {
    const out = await runCli(app, 'db', 'copy', '--from', app.config.DATABASE_URL, '--to', to.url);
    expect(out).toContain('mọi bảng khớp');
    const docs = await app.db.document.count();
    expect(docs).toBeGreaterThan(0);
    expect(out).toMatch(new RegExp(`^Document +${docs} `, 'm'));
    for (const t of COPY_ORDER) expect(await tableChecksum(to.db, t)).toEqual(await tableChecksum(app.db, t));
    const approved = await to.db.document.findFirst({ where: { approvesId: { not: null } } });
    expect(approved).not.toBeNull(); // Quyết định 1578 still approves Kế hoạch 37
    expect((await to.db.user.findFirstOrThrow()).pausedUntil?.toISOString()).toBe('2027-01-02T03:04:05.678Z');
    expect((await to.db.regime.findFirstOrThrow()).paused).toBe(true);
    // new rows get new ids (PostgreSQL's sequences were moved past the copied ones)
    const maxSection = (await to.db.section.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
    const s = await to.db.section.create({ data: { documentId: approved!.id, ord: 999, level: 0, label: '-', path: 'x', text: 'mới' } });
    expect(s.id).toBeGreaterThan(maxSection);
  }, 120_000);

  it('refuses a destination that already holds data, in Vietnamese, and changes nothing there', async () => {
    const before = await to.db.document.count();
    await expect(runCli(app, 'db', 'copy', '--from', app.config.DATABASE_URL, '--to', to.url)).rejects.toThrow(/đã có dữ liệu/);
    expect(await to.db.document.count()).toBe(before);
  }, 60_000);
});

it('a copy onto itself is refused', async () => {
  await expect(runCli(app, 'db', 'copy', '--from', app.config.DATABASE_URL, '--to', app.config.DATABASE_URL)).rejects.toThrow(/cùng một/);
});

it('refuses a URL of another kind and a source file that does not exist, creating nothing', async () => {
  const cwd = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'da-copy-bad-'));
  process.chdir(work);
  try {
    await expect(runCli(app, 'db', 'copy', '--from', app.config.DATABASE_URL, '--to', 'mysql://db/x')).rejects.toThrow(
      /"mysql:\/\/db\/x" không phải cơ sở dữ liệu dùng được/,
    );
    const missing = `file:${join(work, 'khong-co.db')}`;
    await expect(runCli(app, 'db', 'copy', '--from', missing, '--to', `file:${join(work, 'moi.db')}`)).rejects.toThrow(
      /Không có tệp cơ sở dữ liệu nguồn/,
    );
    expect(readdirSync(work)).toEqual([]);
  } finally {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
  }
});
