// What SQLite gives for free and PostgreSQL does not (case-insensitive matching, JSON kept as text, booleans,
// dates, its single writer): the same behaviour on both databases (PostgreSQL when there is one here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease, releaseLease } from '../../src/scheduler/lease.ts';
import { findDocumentId } from '../../src/reporting/regimes.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';

describe.each(await dbKinds())('on %s', (kind) => {
  let t: TempDb;
  beforeAll(async () => {
    t = await tempDb(kind);
  });
  afterAll(async () => t?.close());

  it('a document is found by its number however the number is capitalised', async () => {
    const d = await t.db.document.create({
      data: { type: 'Kế hoạch', number: '37/KH-STTTT', numberKey: '37/kh-stttt', title: 'KH', sourceFile: 'a.txt', contentHash: 'h' },
    });
    expect(await findDocumentId(t.db, '37/KH-STTTT')).toBe(d.id);
    expect(await findDocumentId(t.db, '37/kh-stttt')).toBe(d.id);
  });

  it('JSON kept as text comes back unchanged, Vietnamese and quotes included', async () => {
    const warnings = JSON.stringify(['Không có số hiệu', 'trích "Điều 2"; \\ và ’']);
    const d = await t.db.document.create({ data: { type: 'Chỉ thị', title: 'x', sourceFile: 'b.txt', contentHash: 'h', warnings } });
    expect(JSON.parse((await t.db.document.findUniqueOrThrow({ where: { id: d.id } })).warnings!)).toEqual(JSON.parse(warnings));
  });

  it('booleans filter and dates keep their instant to the millisecond, ordered by time', async () => {
    const early = new Date('2027-01-15T16:59:59.123Z');
    const late = new Date('2027-01-15T17:00:00.001Z');
    const r = await t.db.regime.create({ data: { code: 'r1', name: 'R', frequency: 'quarter', paused: true } });
    await t.db.regime.create({ data: { code: 'r2', name: 'R2', frequency: 'quarter' } });
    expect((await t.db.regime.findMany({ where: { paused: true } })).map((x) => x.code)).toEqual(['r1']);
    for (const [key, at] of [
      ['b', late],
      ['a', early],
    ] as const)
      await t.db.period.create({ data: { regimeId: r.id, key, startsAt: at, endsAt: at, deadline: at, locksAt: at } });
    const rows = await t.db.period.findMany({ where: { deadline: { lte: late } }, orderBy: { deadline: 'asc' } });
    expect(rows.map((p) => [p.key, p.deadline.toISOString()])).toEqual([
      ['a', early.toISOString()],
      ['b', late.toISOString()],
    ]);
    expect(await t.db.period.count({ where: { deadline: { lt: late } } })).toBe(1);
  });

  it('the scheduler lease: racing holders get it once; after its holder dies another takes it within one period', async () => {
    const now = new Date('2027-01-10T02:00:00Z');
    const ttl = 30_000;
    const got = await Promise.all(['a', 'b', 'c', 'd'].map((h) => acquireLease(t.db, 'scheduler', h, now, ttl)));
    expect(got.filter(Boolean)).toHaveLength(1);
    const holder = ['a', 'b', 'c', 'd'][got.indexOf(true)]!;
    const other = holder === 'a' ? 'b' : 'a';
    expect(await acquireLease(t.db, 'scheduler', other, new Date(now.getTime() + ttl - 1), ttl)).toBe(false);
    expect(await acquireLease(t.db, 'scheduler', holder, new Date(now.getTime() + 1000), ttl)).toBe(true); // renewed
    // the holder dies (no more renewals): the lease is free once its period is over
    expect(await acquireLease(t.db, 'scheduler', other, new Date(now.getTime() + 1000 + ttl), ttl)).toBe(true);
    expect(await acquireLease(t.db, 'scheduler', holder, new Date(now.getTime() + 2000 + ttl), ttl)).toBe(false);
    await releaseLease(t.db, 'scheduler', other);
    expect(await acquireLease(t.db, 'scheduler', holder, new Date(now.getTime() + 3000 + ttl), ttl)).toBe(true);
  });

  it('a state outside its list is refused when written, and the row stays as it was', async () => {
    const u = await t.db.user.create({ data: { name: 'Hoa', role: 'coordinator' } });
    await expect(t.db.user.update({ where: { id: u.id }, data: { role: 'superuser' as never } })).rejects.toThrow();
    await expect(t.db.user.create({ data: { name: 'X', role: 'Admin' as never } })).rejects.toThrow();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe('coordinator');
    expect(await t.db.user.count()).toBe(1);
  });
});
