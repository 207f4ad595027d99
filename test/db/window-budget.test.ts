// Zalo OA's free messages (8 within 48 h of the user's last message) counted once for all instances: the user writes
// to one instance, the scheduler on another sends the reminder. Each instance counting alone saw no window at all
// (the reminder was refused as over budget) or let both send 8.
import { afterEach, describe, expect, it } from 'vitest';
import { OaQuota } from '../../src/channels/zalo/quota.ts';
import { databaseWindowBudget } from '../../src/db/window-budget.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';

const H = 3600_000;
let t: TempDb | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(await dbKinds())('Zalo OA budget shared by instances (%s)', (kind) => {
  it('a window opened by a message to one instance is seen and spent by the other', async () => {
    t = await tempDb(kind);
    let now = 1_000_000;
    const a = databaseWindowBudget(t.db, 'zalo-oa', 8, 48 * H, () => now);
    const b = databaseWindowBudget(t.db, 'zalo-oa', 8, 48 * H, () => now);
    expect(await b.remaining('zu1')).toBe(0); // the user never wrote: no free message
    await a.inbound('zu1');
    expect(await b.remaining('zu1')).toBe(8);
    await b.consume('zu1', 3);
    await a.consume('zu1');
    expect(await a.remaining('zu1')).toBe(4);
    expect(await b.remaining('zu2')).toBe(0);
    now += 49 * H;
    expect(await b.remaining('zu1')).toBe(0);
    await b.inbound('zu1'); // a new message opens a fresh window
    expect(await a.remaining('zu1')).toBe(8);
  });

  it('(the contrast) two processes counting alone: the other instance sees no window', () => {
    const [a, b] = [new OaQuota(), new OaQuota()];
    a.inbound('zu1');
    expect([a.remaining('zu1'), b.remaining('zu1')]).toEqual([8, 0]);
  });
});
