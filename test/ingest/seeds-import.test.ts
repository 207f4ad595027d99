// The five real seeds through the whole pipeline into SQLite, as `npm start` and `cli import` do it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { findDocument, renderDocumentTree } from '../../src/ingest/show.ts';
import { silentLogger } from '../../src/log.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';

describe('importing data/documents', () => {
  let t: TempDb;
  let app: App;
  beforeAll(async () => {
    t = await tempDb();
    app = await createApp({ config: { DATABASE_URL: t.url }, log: silentLogger });
    const r = await importPaths(app, ['data/documents']);
    expect(r.files.map((f) => f.status)).toEqual(['new', 'new', 'new', 'new', 'new']);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('stores six documents from five files, the decision linked to the plan it approves', async () => {
    const docs = await app.db.document.findMany({ orderBy: { id: 'asc' }, include: { approves: true } });
    expect(docs.map((d) => d.number)).toEqual(['1578/QĐ-UBND', '37/KH-STTTT', null, '3933/QĐ-UBND', '24-CT/TU', '17/CT-UBND']);
    expect(docs[0]!.approves?.number).toBe('37/KH-STTTT');
    expect(docs.map((d) => d.province)).toEqual(['Cà Mau', 'Cà Mau', 'Cần Thơ', 'Cần Thơ', 'Lào Cai', 'Quảng Ngãi']);
  });

  it("keeps the 2007 Cần Thơ directive's Sở Bưu chính, Viễn thông as a predecessor of that city's Sở TT&TT", async () => {
    const old = await app.db.agency.findUniqueOrThrow({ where: { key: 'so-bcvt@can-tho' }, include: { successor: true, taskLinks: true } });
    expect(old.successor?.key).toBe('so-tttt@can-tho');
    expect(old.mergedYear).toBe(2008);
    expect(old.taskLinks.filter((l) => l.role === 'lead')).toHaveLength(8);
  });

  it('stores the inline alias "Sở TT và TT" of 17/CT-UBND against Quảng Ngãi\'s Sở TT&TT', async () => {
    const alias = await app.db.agencyAlias.findFirst({ where: { alias: 'Sở TT và TT' }, include: { agency: true, document: true } });
    expect(alias?.agency.key).toBe('so-tttt@quang-ngai');
    expect(alias?.document?.number).toBe('17/CT-UBND');
  });

  it('keeps tasks addressed to everyone without pinning them on an agency (24-CT/TU)', async () => {
    const id = await findDocument(app.db, '24-ct/tu');
    const tasks = await app.db.task.findMany({ where: { documentId: id }, include: { agencies: true } });
    expect(tasks).toHaveLength(9);
    expect(tasks.every((x) => x.agencies.every((a) => a.role !== 'lead') && x.addressee)).toBe(true);
  });

  it('`show` prints the tree with citation paths, owners and targets', async () => {
    const tree = await renderDocumentTree(app.db, await findDocument(app.db, '3933/QD-UBND'));
    expect(tree).toContain('Quyết định 3933/QĐ-UBND');
    expect(tree).toMatch(/\[Điều 2\.5\.b\]/);
    expect(tree).toMatch(/chủ trì: Sở Thông tin và Truyền thông/);
    expect(tree).toMatch(/Chỉ tiêu: .*= 20 thuê bao\/100 dân \(năm 2020\)/);
  });

  it('a second import of the same folder changes nothing', async () => {
    const before = await app.db.task.findMany({ select: { id: true } });
    const r = await importPaths(app, ['data/documents']);
    expect(r.changed).toBe(false);
    expect(await app.db.task.findMany({ select: { id: true } })).toEqual(before);
  });
});
