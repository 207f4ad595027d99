// `regime create` when the regime is already there (issue 18): it never overwrites the hand-reviewed file or the
// live regime, but writes <code>.proposed.yaml beside it and shows the diff, until --force.
import { runCli } from '../helpers/cli.ts';
import { copyFileSync, existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { CODE, openCaMau37, SHIPPED, type CaMau } from './ca-mau-37.ts';

let cm: CaMau;
let regimesDir: string;
beforeEach(async () => {
  cm = await openCaMau37();
  regimesDir = cm.regimesDir;
}, 60_000);
afterEach(async () => {
  vi.restoreAllMocks();
  await cm.close();
});

const cli = (...args: string[]) => runCli(cm.app, ...args);

const liveItems = () =>
  cm.app.db.regimeItem.findMany({
    where: { regime: { code: CODE } },
    orderBy: { ord: 'asc' },
    select: { id: true, label: true, kind: true, agencyId: true, targetValue: true },
  });

describe('regime create when the regime is already there', () => {
  it('never overwrites the shipped file or the live regime: writes <code>.proposed.yaml and shows the diff', async () => {
    const file = join(regimesDir, `${CODE}.yaml`);
    copyFileSync(SHIPPED, file);
    expect(await loadRegimeFolder(cm.app, regimesDir)).toMatchObject({ loaded: [CODE], errors: [] });
    const before = await liveItems();
    const out = await cli('regime', 'create', '--from', '37/KH-STTTT', '--out', file); // --out: a regression must not hit data/
    expect(readFileSync(file)).toEqual(readFileSync(SHIPPED));
    expect(await liveItems()).toEqual(before);
    const proposed = join(regimesDir, `${CODE}.proposed.yaml`);
    expect(readFileSync(proposed, 'utf8')).toContain('label: Kiến nghị, đề xuất');
    expect(out).toContain('không ghi đè tệp, không thay chế độ đang dùng');
    expect(out).toMatch(/\n- # Reporting regime for Kế hoạch 37\/KH-STTTT/); // the diff: the file's lines…
    expect(out).toMatch(/\n\+ {9}kind: figure\n/); // …and the proposal's (the file leaves the default kind unsaid)
    expect(out).toContain(`regime create --from 37/KH-STTTT --out ${file} --force`);
    // the next start still loads the reviewed file only
    expect(await loadRegimeFolder(cm.app, regimesDir)).toMatchObject({ unchanged: [CODE], errors: [] });
  });

  it('keeps a live regime that has no file, and replaces both only with --force', async () => {
    copyFileSync(SHIPPED, join(regimesDir, `${CODE}.yaml`));
    await loadRegimeFolder(cm.app, regimesDir);
    const file = join(regimesDir, `${CODE}.yaml`);
    unlinkSync(file);
    const before = await liveItems();
    const out = await cli('regime', 'create', '--from', '37/KH-STTTT', '--out', file);
    expect(out).toContain('Khác biệt so với cơ sở dữ liệu');
    expect(await liveItems()).toEqual(before);
    expect(existsSync(file)).toBe(false);
    const forced = await cli('regime', 'create', '--from', '37/KH-STTTT', '--out', file, '--force');
    expect(forced).toContain(`Đã tạo chế độ báo cáo ${CODE}`);
    expect((await liveItems()).filter((i) => i.kind === 'text')).toHaveLength(21);
    expect(readFileSync(file, 'utf8')).toContain('agency: so-yt@ca-mau');
  });
});
