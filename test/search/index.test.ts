import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { fingerprint, loadCorpus } from '../../src/search/entries.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { seedFixture } from './fixture.ts';

let t: TempDb;
let index: SearchIndex;
const dir = mkdtempSync(join(tmpdir(), 'idx-'));

beforeAll(async () => {
  t = await tempDb();
  await seedFixture(t.db);
  index = SearchIndex.build(await loadCorpus(t.db));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SearchIndex', () => {
  it('finds passages typed without diacritics and with abbreviations', () => {
    const a = index.search('thuong mai dien tu')[0]!;
    expect(a.entry.text).toContain('thương mại điện tử');
    const b = index.search('chinh phu dien tu')[0]!;
    expect(b.entry.text).toContain('Chính phủ điện tử');
    const c = index.search('cntt', { kinds: ['task'] });
    expect(c.some((h) => h.entry.text.includes('CNTT'))).toBe(true);
    const d = index.search('công nghệ thông tin', { kinds: ['task'] });
    expect(d.some((h) => /CNTT/.test(h.entry.text))).toBe(true);
  });

  it('ranks adjacent syllables as a phrase', () => {
    const hits = index.search('cán bộ lãnh đạo thông tin');
    expect(hits[0]!.entry.text).toContain('cán bộ lãnh đạo thông tin');
  });

  it('filters by province, type, document and kind', () => {
    const all = index.search('kinh phí');
    expect(new Set(all.map((h) => h.doc.province)).size).toBeGreaterThan(1);
    const cm = index.search('kinh phí', { province: 'Cà Mau' });
    expect(cm.length).toBeGreaterThan(0);
    expect(cm.every((h) => h.doc.province === 'Cà Mau')).toBe(true);
    const ct = index.search('kinh phí', { type: 'Chỉ thị' });
    expect(ct.every((h) => h.doc.type === 'Chỉ thị')).toBe(true);
    const inds = index.search('internet', { kinds: ['indicator'] });
    expect(inds.length).toBe(2);
    expect(inds.every((h) => h.entry.kind === 'indicator')).toBe(true);
  });

  it('looks up document numbers in any spelling', () => {
    for (const s of ['17/CT-UBND', '17/ct-ubnd', 'chỉ thị số 17/CT-UBND nói gì'])
      expect(index.findByNumber(s)[0]?.number).toBe('17/CT-UBND');
    for (const s of ['3933/QĐ-UBND', '3933/QD-UBND', '3933 qd ubnd']) expect(index.findByNumber(s)[0]?.number).toBe('3933/QĐ-UBND');
    for (const s of ['24-CT/TU', '24 CT TU', '24/ct-tu']) expect(index.findByNumber(s)[0]?.number).toBe('24-CT/TU');
    expect(index.findByNumber('117/CT-UBND')).toEqual([]);
  });

  it('persists and reloads only when the fingerprint matches', async () => {
    const fp = await fingerprint(t.db);
    await index.save(dir, fp);
    const loaded = SearchIndex.load(dir, fp)!;
    expect(loaded.size).toBe(index.size);
    expect(loaded.search('thuong mai dien tu')[0]!.entry.ref).toBe(index.search('thuong mai dien tu')[0]!.entry.ref);
    expect(loaded.search('kinh phí', { province: 'Cà Mau' }).length).toBeGreaterThan(0);
    expect(SearchIndex.load(dir, 'other')).toBeNull();
    await t.db.document.update({ where: { id: 1 }, data: { contentHash: 'changed' } });
    expect(await fingerprint(t.db)).not.toBe(fp);
  });
});
