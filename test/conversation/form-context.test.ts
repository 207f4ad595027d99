// The form's context as the engine reads it on every form message (joined raw statements since issue 15), on
// SQLite and on PostgreSQL: the period and its regime, this agency's answers so far, last period's figures
// (its own, else those of the agency merged into it) and the lock.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { applyEffects, loadFormContext } from '../../src/conversation/repo/context.ts';
import { silentLogger } from '../../src/log.ts';
import { openPeriod } from '../../src/reporting/period-service.ts';
import { saveRegime } from '../../src/reporting/regimes.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';
import { AGENCIES_YAML, NOW, REGIME } from '../transcripts/seed.ts';

const open: TempDb[] = [];
afterAll(async () => {
  for (const t of open) await t.close();
});

async function seeded(
  kind: 'sqlite' | 'postgresql',
  order: 'Q3 first' | 'Q4 first' = 'Q3 first',
): Promise<{ app: App; q3: number; q4: number; tttt: number; tc: number }> {
  const t = await tempDb(kind);
  await t.db.$disconnect();
  open.push(t);
  const agenciesFile = join(t.dir, 'agencies.yaml');
  writeFileSync(agenciesFile, AGENCIES_YAML);
  const clock = new ManualClock(new Date(NOW));
  const app = await createApp({
    config: { DATABASE_URL: t.url, AGENCIES_FILE: agenciesFile, INDEX_DIR: join(t.dir, 'index') },
    clock,
    log: silentLogger,
  });
  open.push({ ...t, close: () => app.close() });
  await saveRegime(app, REGIME);
  const [first, second] = order === 'Q3 first' ? ['2026-Q3', '2026-Q4'] : ['2026-Q4', '2026-Q3'];
  const a = await openPeriod(app, REGIME.code, first!);
  const b = await openPeriod(app, REGIME.code, second!);
  const [q3, q4] = order === 'Q3 first' ? [a, b] : [b, a];
  const tttt = await app.db.agency.findUniqueOrThrow({ where: { key: 'so-tttt@ca-mau' } });
  const tc = await app.db.agency.findUniqueOrThrow({ where: { key: 'so-tc@ca-mau' } });
  const items = await app.db.regimeItem.findMany({ where: { agencyId: tttt.id }, orderBy: { ord: 'asc' } });
  // last quarter: Sở TT&TT answered item 1; an agency merged into it answered items 1 and 2
  const old = await app.db.agency.create({
    data: { key: 'so-cu@ca-mau', baseKey: 'so-cu', name: 'Sở Cũ', kind: 'so', province: 'Cà Mau', successorId: tttt.id },
  });
  const mine = await app.db.submission.create({ data: { periodId: q3.id, agencyId: tttt.id, status: 'submitted' } });
  const theirs = await app.db.submission.create({ data: { periodId: q3.id, agencyId: old.id, status: 'submitted' } });
  await app.db.answer.create({ data: { submissionId: theirs.id, itemId: items[0]!.id, value: 10 } });
  await app.db.answer.create({ data: { submissionId: theirs.id, itemId: items[1]!.id, value: 20 } });
  await app.db.answer.create({ data: { submissionId: mine.id, itemId: items[0]!.id, value: 72 } });
  // this quarter: item 3 answered, item 4 skipped
  const now = await app.db.submission.create({ data: { periodId: q4.id, agencyId: tttt.id, status: 'draft' } });
  await app.db.answer.create({ data: { submissionId: now.id, itemId: items[2]!.id, value: 500, note: 'ước' } });
  await app.db.answer.create({ data: { submissionId: now.id, itemId: items[3]!.id, skipped: true } });
  return { app, q3: q3.id, q4: q4.id, tttt: tttt.id, tc: tc.id };
}

const contextOf = (app: App, periodId: number, agencyId: number) =>
  loadFormContext(app.db, {
    periodId,
    agencyId,
    user: { id: 1, name: null, role: 'official', province: 'Cà Mau', agency: null, locale: 'vi' },
    channel: 'console',
    now: app.clock.now(),
    outlierFactor: 3,
  });

describe.each(await dbKinds())('form context on %s', (kind) => {
  it('shows last period’s figures (own first, else the merged agency’s), the answers so far and no lock', async () => {
    const { app, q4, tttt } = await seeded(kind);
    const ctx = await contextOf(app, q4, tttt);
    expect(ctx.period).toMatchObject({ key: '2026-Q4', regimeCode: REGIME.code, regimeName: REGIME.name });
    expect(ctx.agency).toEqual({ id: tttt, name: 'Sở Thông tin và Truyền thông' });
    expect(ctx.items.map((i) => i.prev?.value ?? null)).toEqual([72, 20, null, null]);
    expect(Object.values(ctx.answers)).toEqual([
      { value: 500, valueText: null, status: null, percentDone: null, note: 'ước', skipped: false },
      { value: null, valueText: null, status: null, percentDone: null, note: null, skipped: true },
    ]);
    expect(ctx.submission).toMatchObject({ status: 'draft', submittedAt: null, reopenedAt: null });
    expect(ctx.lock).toBeNull();
  });

  it('reads the same again (last period found from the period read before), in each database of the process', async () => {
    // the same period ids hold different quarters in the two databases: Q3 and Q4 opened in the other order
    const one = await seeded(kind, 'Q3 first');
    const other = await seeded(kind, 'Q4 first');
    expect(one.q4).not.toBe(other.q4);
    for (let round = 0; round < 2; round++) {
      for (const { app, q3, q4, tttt } of [one, other]) {
        expect((await contextOf(app, q3, tttt)).period.key).toBe('2026-Q3');
        const ctx = await contextOf(app, q4, tttt);
        expect(ctx.period.key).toBe('2026-Q4');
        expect(ctx.items.map((i) => i.prev?.value ?? null)).toEqual([72, 20, null, null]);
        expect(Object.keys(ctx.answers)).toHaveLength(2);
      }
    }
  });

  it('an agency with nothing answered has no submission; a locked period says so', async () => {
    const { app, q4, tc } = await seeded(kind);
    await app.db.period.update({ where: { id: q4 }, data: { status: 'locked' } });
    const ctx = await contextOf(app, q4, tc);
    expect(ctx.submission).toBeNull();
    expect(ctx.answers).toEqual({});
    expect(ctx.items.map((i) => i.prev)).toEqual([null]);
    expect(ctx.lock?.message).toMatch(/đã bị điều phối viên khóa/);
  });

  it('an answer changed by someone else after the context was read: the audit’s old value is the stored one', async () => {
    const { app, q4, tttt } = await seeded(kind);
    const ctx = await contextOf(app, q4, tttt);
    const [, two, three] = ctx.items;
    // meanwhile another official of the agency answers item 2 and corrects item 3 (500 → 450), e.g. on the web page
    const sub = await app.db.submission.findFirstOrThrow({ where: { periodId: q4, agencyId: tttt } });
    await app.db.answer.create({ data: { submissionId: sub.id, itemId: two!.id, value: 7 } });
    await app.db.answer.update({ where: { submissionId_itemId: { submissionId: sub.id, itemId: three!.id } }, data: { value: 450 } });
    const meta = { periodId: q4, agencyId: tttt, userId: 1, channel: 'console' as const, now: app.clock.now() };
    await app.db.$transaction((tx) =>
      applyEffects(
        tx,
        [
          { kind: 'saveAnswer', itemId: two!.id, values: { value: 8 } },
          { kind: 'saveAnswer', itemId: three!.id, values: { value: 600 } },
        ],
        { ...meta, submissionId: ctx.submission!.id!, seen: ctx.answers },
      ),
    );
    const stored = await app.db.answer.findMany({ where: { submissionId: sub.id, itemId: { in: [two!.id, three!.id] } } });
    expect(stored.map((a) => [a.itemId, a.value]).sort()).toEqual([
      [two!.id, 8],
      [three!.id, 600],
    ]);
    const audit = await app.db.auditLog.findMany({ where: { entity: 'Answer' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.entityId, JSON.parse(a.oldValue ?? 'null')?.value ?? null, JSON.parse(a.newValue!).value])).toEqual([
      [`${sub.id}:${two!.id}`, 7, 8],
      [`${sub.id}:${three!.id}`, 450, 600],
    ]);
  });

  it('answers as the context showed them are written with the right old values (none, then the one seen)', async () => {
    const { app, q4, tttt } = await seeded(kind);
    const ctx = await contextOf(app, q4, tttt);
    const [one, two, three] = ctx.items;
    const meta = { periodId: q4, agencyId: tttt, userId: 1, channel: 'console' as const, now: app.clock.now() };
    await app.db.$transaction((tx) =>
      applyEffects(
        tx,
        [
          { kind: 'saveAnswer', itemId: one!.id, values: { value: 80, valueText: '80' } },
          { kind: 'saveAnswer', itemId: three!.id, values: { value: 510 } },
          { kind: 'saveAnswer', itemId: one!.id, values: { note: 'ước tính' } },
          { kind: 'saveAnswer', itemId: two!.id, values: { status: 'no_data', note: 'chưa thống kê' } },
        ],
        { ...meta, submissionId: ctx.submission!.id!, seen: ctx.answers },
      ),
    );
    const again = await contextOf(app, q4, tttt);
    expect(again.answers[one!.id]).toMatchObject({ value: 80, valueText: '80', note: 'ước tính', skipped: false });
    expect(again.answers[three!.id]).toMatchObject({ value: 510, note: 'ước' });
    expect(again.answers[two!.id]).toMatchObject({ value: null, status: 'no_data', note: 'chưa thống kê' });
    const audit = await app.db.auditLog.findMany({ where: { entity: 'Answer' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [JSON.parse(a.oldValue ?? 'null'), JSON.parse(a.newValue!).value, JSON.parse(a.newValue!).note])).toEqual([
      [null, 80, null],
      [{ value: 500, valueText: null, status: null, percentDone: null, note: 'ước', skipped: false }, 510, 'ước'],
      [{ value: 80, valueText: '80', status: null, percentDone: null, note: null, skipped: false }, 80, 'ước tính'],
      [null, null, 'chưa thống kê'],
    ]);
  });
});
