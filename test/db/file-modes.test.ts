// Data at rest: a new database is created readable by its owner only (it was 0644), with its WAL files alike, and
// an account that cannot read and write the database is refused with the reason (the CLI can mint admin codes).
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbAccessProblem } from '../../src/db/client.ts';
import { tempDb } from '../helpers/db.ts';

describe('database file', () => {
  it('is created 0600, and so are its -wal and -shm files', async () => {
    const t = await tempDb();
    await t.db.document.create({ data: { type: 'Chỉ thị', title: 'x', sourceFile: 'f', contentHash: 'h' } });
    const file = t.url.slice('file:'.length);
    for (const f of [file, `${file}-wal`, `${file}-shm`].filter(existsSync)) expect((statSync(f).mode & 0o777).toString(8)).toBe('600');
    await t.close();
  });

  it('refuses an account that cannot read and write it, saying which file and what to do', () => {
    const st = { uid: 1000, gid: 1000, mode: 0o100600 };
    expect(dbAccessProblem('/srv/app.db', st, { uid: 1000, groups: [1000] })).toBeNull();
    expect(dbAccessProblem('/srv/app.db', st, { uid: 0, groups: [0] })).toBeNull();
    const refused = dbAccessProblem('/srv/app.db', st, { uid: 1001, groups: [1000] });
    expect(refused?.vi).toMatch(/^Tài khoản ".+" không đọc và ghi được cơ sở dữ liệu \/srv\/app\.db\. Hãy chạy bằng tài khoản của dịch vụ/);
    expect(refused?.en).toMatch(/^The account ".+" cannot read and write the database \/srv\/app\.db\. Run as the service's account/);
    expect(dbAccessProblem('/srv/app.db', { ...st, mode: 0o100660 }, { uid: 1001, groups: [1000] })).toBeNull();
    expect(dbAccessProblem('/srv/app.db', { ...st, mode: 0o100640 }, { uid: 1001, groups: [1000] })).not.toBeNull();
  });
});
