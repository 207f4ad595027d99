// `regime edit <code>` without --file (issue 18): it exports the live regime for editing, but never over the
// hand-reviewed file of the regimes folder (which keeps its comments); a live regime that differs from that file
// goes to <code>.live.yaml beside it, with the diff.
import { runCli } from '../helpers/cli.ts';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRegimeFolder } from '../../src/reporting/regime-folder.ts';
import { parseRegimeFile } from '../../src/reporting/regimes.ts';
import { CODE, openCaMau37, SHIPPED, type CaMau } from './ca-mau-37.ts';

let cm: CaMau;
beforeEach(async () => {
  cm = await openCaMau37();
}, 60_000);
afterEach(async () => {
  vi.restoreAllMocks();
  await cm.close();
});

const cli = (...args: string[]) => runCli(cm.app, ...args);

describe('regime edit without --file', () => {
  it('points at the reviewed file when the live regime is what it says, and leaves the file byte for byte', async () => {
    const file = join(cm.regimesDir, `${CODE}.yaml`);
    copyFileSync(SHIPPED, file);
    await loadRegimeFolder(cm.app, cm.regimesDir);
    const out = await cli('regime', 'edit', CODE);
    expect(readFileSync(file)).toEqual(readFileSync(SHIPPED));
    expect(out).toContain(`regime edit ${CODE} --file ${file}`);
    expect(out).toContain('khớp với chế độ đang dùng');
    expect(existsSync(join(cm.regimesDir, `${CODE}.live.yaml`))).toBe(false);
  });

  it('writes a live regime that differs from the file to <code>.live.yaml, with the diff, and keeps the file', async () => {
    const file = join(cm.regimesDir, `${CODE}.yaml`);
    copyFileSync(SHIPPED, file);
    await loadRegimeFolder(cm.app, cm.regimesDir);
    const item = await cm.app.db.regimeItem.findFirstOrThrow({ where: { regime: { code: CODE } }, orderBy: { ord: 'asc' } });
    await cm.app.db.regimeItem.update({ where: { id: item.id }, data: { label: 'Nhãn đã sửa trong cơ sở dữ liệu' } });
    const out = await cli('regime', 'edit', CODE);
    expect(readFileSync(file)).toEqual(readFileSync(SHIPPED));
    const live = join(cm.regimesDir, `${CODE}.live.yaml`);
    expect(readFileSync(live, 'utf8')).toContain('Nhãn đã sửa trong cơ sở dữ liệu');
    expect(out).toMatch(/\n\+ .*Nhãn đã sửa trong cơ sở dữ liệu/);
    // the live copy is a valid regime file of the same code, not loaded at start (the folder loader skips it)
    expect(parseRegimeFile(live).code).toBe(CODE);
    expect(await loadRegimeFolder(cm.app, cm.regimesDir)).toMatchObject({ errors: [] });
  });

  it('with no file yet, writes <code>.yaml into the regimes folder (REGIMES_DIR), not the working directory', async () => {
    const source = join(cm.regimesDir, '..', 'elsewhere.yaml'); // loaded from outside the regimes folder
    copyFileSync(SHIPPED, source);
    await cli('regime', 'load', source);
    const out = await cli('regime', 'edit', CODE);
    expect(out).toContain(join(cm.regimesDir, `${CODE}.yaml`));
    expect(parseRegimeFile(join(cm.regimesDir, `${CODE}.yaml`)).code).toBe(CODE);
  });
});
