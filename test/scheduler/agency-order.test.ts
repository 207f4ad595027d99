// Lists of agencies the bot shows (who has and has not reported, in the coordinator's digest and the reminders'
// counts) are in Vietnamese alphabetical order on both databases: SQLite's binary order put "Đài …" and "Ủy ban …"
// after "Văn phòng …", and PostgreSQL's order depends on the locale the cluster was created with.
import { afterEach, describe, expect, it } from 'vitest';
import { reportingAgencies } from '../../src/scheduler/planner.ts';
import { dbKinds, tempDb, type TempDb } from '../helpers/db.ts';

const NAMES = [
  'Văn phòng UBND tỉnh',
  'Ủy ban nhân dân huyện Cái Nước',
  'Sở Y tế',
  'Đài Phát thanh và Truyền hình',
  'Ban Dân tộc',
  'Sở Tài chính',
];
const VIETNAMESE_ORDER = [
  'Ban Dân tộc',
  'Đài Phát thanh và Truyền hình',
  'Sở Tài chính',
  'Sở Y tế',
  'Ủy ban nhân dân huyện Cái Nước',
  'Văn phòng UBND tỉnh',
];

describe.each(await dbKinds())('agency names in Vietnamese order (%s)', (kind) => {
  let t: TempDb;
  afterEach(async () => t?.close());

  it('the agencies reporting under a regime come in Vietnamese alphabetical order', async () => {
    t = await tempDb(kind);
    const keys: string[] = [];
    for (const [i, name] of NAMES.entries()) {
      const a = await t.db.agency.create({ data: { key: `cq-${i}@ca-mau`, baseKey: `cq-${i}`, name, kind: 'so', province: 'Cà Mau' } });
      keys.push(a.key);
    }
    const regime = await t.db.regime.create({
      data: { code: 'TT', name: 'Báo cáo thử', frequency: 'quarter', province: 'Cà Mau', reportingBodies: JSON.stringify(keys) },
    });
    expect((await reportingAgencies(t.db, regime)).map((a) => a.name)).toEqual(VIETNAMESE_ORDER);
  });
});
