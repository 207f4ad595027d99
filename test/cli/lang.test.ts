// The admin CLI in English for IT teams: `--lang en` (or CLI_LANG=en) writes the help and the output in English,
// Vietnamese stays the default, and a language it does not speak is refused by name of the allowed ones.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.ts';
import { buildProgram } from '../../src/cli/index.ts';
import { createBot } from '../../src/conversation/bot.ts';
import { runCli } from '../helpers/cli.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

const noApp = async (): Promise<App> => {
  throw new Error('help needs no database');
};
/** The help text of `cli [sub…]` as commander prints it for argv. */
async function help(argv: string[], env: NodeJS.ProcessEnv = {}, ...sub: string[]): Promise<string> {
  let cmd = await buildProgram(noApp, { argv: ['node', 'cli', ...argv], env });
  for (const name of sub) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd.helpInformation();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('choosing the language', () => {
  it('speaks Vietnamese by default: the help of the program and of its commands', async () => {
    const top = await help([]);
    expect(top).toContain('Trợ lý văn bản chỉ đạo — công cụ quản trị');
    expect(top).toMatch(/user +Người dùng, mã mời, vai trò/);
    expect(top).toMatch(/--lang <vi\|en> +ngôn ngữ của công cụ/);
    expect(await help([], {}, 'user', 'invite')).toContain('số ngày mã còn hiệu lực');
  });

  it('--lang en lists the commands and options in English', async () => {
    const top = await help(['--lang', 'en']);
    expect(top).toContain('Directive assistant — admin tool');
    expect(top).toMatch(/user +Users, invite codes, roles/);
    expect(top).not.toContain('Người dùng');
    const invite = await help(['--lang=en', 'user', 'invite', '--help'], {}, 'user', 'invite');
    expect(invite).toContain('Create a one-time invite code');
    expect(invite).toContain('days the code stays valid');
  });

  it('CLI_LANG=en chooses English when there is no --lang, and --lang wins over it', async () => {
    expect(await help([], { CLI_LANG: 'en' })).toMatch(/user +Users, invite codes, roles/);
    expect(await help([], { CLI_LANG: '' })).toMatch(/user +Người dùng, mã mời, vai trò/); // empty = unset
    expect(await help(['--lang', 'vi'], { CLI_LANG: 'en' })).toMatch(/user +Người dùng, mã mời, vai trò/);
  });

  it('refuses a language it does not speak, naming the allowed values, instead of falling back', async () => {
    await expect(help(['--lang', 'fr'])).rejects.toThrow(/--lang "fr".*vi \| en/);
    await expect(help(['user', 'list', '--lang'])).rejects.toThrow(/--lang "".*vi \| en/);
    await expect(help([], { CLI_LANG: 'english' })).rejects.toThrow(/CLI_LANG "english".*vi \| en/);
    await expect(help(['--lang', 'en'], { CLI_LANG: 'de' })).rejects.toThrow(/CLI_LANG "de"/);
  });
});

describe('commands in English', () => {
  let seed: Seeded;
  beforeAll(async () => {
    seed = await seedReporting();
    await createBot(seed.app).handle({ channel: 'telegram', userId: '7', chatId: '7', text: `/start ${CODES.taichinh}` });
  }, 60_000);
  afterAll(async () => seed?.close());
  const cli = (...args: string[]) => runCli(seed.app, ...args);
  /** What a command wrote with process.stdout.write (reminders, report build) rather than console.log. */
  async function stdout(...args: string[]): Promise<string> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    await cli(...args); // restores the spy
    return out;
  }

  it('user list: roles and "no channel linked" in English; Vietnamese by default', async () => {
    await seed.app.db.user.create({ data: { name: 'Lê Văn Chưa', role: 'coordinator' } });
    const en = await cli('--lang', 'en', 'user', 'list');
    expect(en).toMatch(/^#\d+ .* — reporting officer, Sở Tài chính \(Cà Mau\) — telegram:7$/m);
    expect(en).toMatch(/^#\d+ Lê Văn Chưa — coordinator — no channel linked$/m);
    const vi = await cli('user', 'list');
    expect(vi).toMatch(/^#\d+ Lê Văn Chưa — điều phối viên — chưa liên kết kênh$/m);
  });

  it('user invite with CLI_LANG=en prints the invite in English', async () => {
    vi.stubEnv('CLI_LANG', 'en');
    const out = await cli('user', 'invite', '--name', 'Phạm Văn Dũng', '--agency', 'Sở Tài chính', '--province', 'Cà Mau');
    expect(out).toMatch(/^Invite code: [A-Z0-9]{8}$/m);
    expect(out).toContain('Invitee: Phạm Văn Dũng; role: reporting officer (official); agency: Sở Tài chính');
    expect(out).toContain('; province: Cà Mau; expires: ');
    await expect(cli('user', 'invite', '--out', 'x.csv')).rejects.toMatchObject({ en: '--out is only used with --from <list file>.' });
  });

  it('regime list and period list/open/lock in English; Vietnamese by default', async () => {
    const regimes = await cli('--lang', 'en', 'regime', 'list');
    expect(regimes).toMatch(/^cds-ca-mau — .* \(quarterly, due 10 days after the period; \d+ items, \d+ periods?\)$/m);
    expect(await cli('regime', 'list')).toMatch(/^cds-ca-mau — .* \(hằng quý, hạn 10 ngày sau kỳ; \d+ mục, \d+ kỳ\)$/m);
    expect(await cli('--lang', 'en', 'period', 'list', 'cds-ca-mau')).toMatch(/^2026-Q4: due 10\/01\/2027, locks \d\d\/\d\d\/\d{4}; open/m);
    const opened = await cli('--lang', 'en', 'period', 'open', 'cds-ca-mau', '2027-Q1');
    expect(opened).toMatch(/^Period 2027-Q1 of cds-ca-mau: 01\/01\/2027–31\/03\/2027, due 10\/04\/2027, locked from /);
    expect(await cli('period', 'lock', 'cds-ca-mau', '2027-Q1')).toMatch(/^Kỳ 2027-Q1 của cds-ca-mau: /);
    expect(await cli('--lang', 'en', 'period', 'unlock', 'cds-ca-mau', '2027-Q1')).toMatch(/^Period 2027-Q1 of cds-ca-mau: open/);
  });

  it('a regime diff is headed in English, and a bad --frequency is an English error', async () => {
    const { formatDiff } = await import('../../src/cli/format/line-diff.ts');
    expect(formatDiff('a\nb\n', 'a\nc\n', { locale: 'en' })).toBe('@@ line 1 (existing) / line 1 (proposed) @@\n  a\n- b\n+ c');
    expect(formatDiff('a\nb\n', 'a\nc\n')).toContain('@@ dòng 1 (hiện có) / dòng 1 (đề xuất) @@');
    await expect(cli('--lang', 'en', 'regime', 'create', '--from', 'x', '--frequency', 'weekly')).rejects.toMatchObject({
      en: 'Invalid frequency "weekly"; choose: month, quarter, half-year, year.',
    });
  });

  it('report status, one agency and report build in English', async () => {
    const status = await cli('--lang', 'en', 'report', 'status', 'cds-ca-mau', '2026-Q4');
    expect(status).toContain('Reports for Q4 2026 — Báo cáo ứng dụng CNTT tỉnh Cà Mau (cds-ca-mau). Due 10/01/2027.');
    expect(status).toMatch(/^• Sở Thông tin và Truyền thông: not started \(not due yet\); 0\/4 questions answered/m);
    expect(await cli('report', 'status', 'cds-ca-mau', '2026-Q4')).toContain('Tình hình báo cáo quý IV/2026');
    const one = await cli('--lang', 'en', 'report', 'status', 'cds-ca-mau', '2026-Q3', '--agency', 'Sở TT&TT');
    expect(one).toMatch(/^Sở Thông tin và Truyền thông — Q3 2026 report \(cds-ca-mau\), due 10\/10\/2026: sent at /);
    await expect(cli('--lang', 'en', 'report', 'status', 'cds-ca-mau', '2026-Q4', '--agency', 'Sở Du lịch')).rejects.toMatchObject({
      en: 'No agency "Sở Du lịch" found in Cà Mau.',
    });
    const built = await stdout('--lang', 'en', 'report', 'build', 'cds-ca-mau', '2026-Q3', '--format', 'md', '--out', `${seed.dir}/`);
    expect(built).toMatch(/^Wrote \/.*\.md \(\d+\.\d KB\)$/m);
  });

  it('reminders pause, list and resume in English', async () => {
    expect(await stdout('--lang', 'en', 'reminders', 'pause', 'cds-ca-mau')).toBe(
      'Paused the reminders of “Báo cáo ứng dụng CNTT tỉnh Cà Mau” (cds-ca-mau).\n',
    );
    expect(await stdout('--lang', 'en', 'reminders', 'list')).toMatch(/^Reminders ahead:\n- .* Q4 2026: reminder .* \[paused\]/);
    expect(await stdout('reminders', 'resume', 'cds-ca-mau')).toBe(
      'Đã bật lại nhắc báo cáo “Báo cáo ứng dụng CNTT tỉnh Cà Mau” (cds-ca-mau).\n',
    );
    await expect(cli('--lang', 'en', 'reminders', 'leave', '1', '--until', 'mai kia')).rejects.toMatchObject({
      en: 'Invalid date “mai kia”. Example: 15/11/2026.',
    });
  });

  it('import, documents, agencies and ask in English; ask --json is the same whatever the language', async () => {
    const file = 'ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt';
    const docs = join(seed.dir, 'docs');
    mkdirSync(docs);
    copyFileSync(join('data/documents', file), join(docs, file));
    seed.app.config.DATA_DIR = docs; // what `ask` imports first
    const imported = await cli('--lang', 'en', 'import', docs);
    expect(imported).toMatch(/^File +│ Format │ Status │ Documents │ Sections │ Tasks │ Targets │ ms *$/m);
    expect(imported).toMatch(new RegExp(`/${file} │ text +│ new +│ 2 +│`));
    // the progress line too (it was "nhập mới: …" whatever the language), and a replaced file's counts
    expect(imported).toMatch(new RegExp(`/${file}: imported: 2 documents, \\d+ sections, 11 tasks, 12 targets`));
    writeFileSync(join(docs, file), readFileSync(join('data/documents', file), 'utf8').replace('Điều 3.', 'Điều 3. Bổ sung.\n\nĐiều 4.'));
    expect(await cli('--lang', 'en', 'import', docs)).toMatch(
      /: replaced the old version \(documents 2, sections \d+ → \d+, tasks 11, targets 12\)/,
    );
    expect(await cli('--lang', 'en', 'import', docs)).toMatch(/: unchanged, skipped/);
    expect(await cli('--lang', 'en', 'documents')).toMatch(/^ +\d+ {2}Kế hoạch 37\/KH-STTTT — Cà Mau 2013 — 10 tasks, 12 targets$/m);
    expect(await cli('documents')).toMatch(/— 10 nhiệm vụ, 12 chỉ tiêu$/m);
    expect(await cli('--lang', 'en', 'agencies')).toMatch(/^ +\d+ tasks? {2}Sở Tài chính \(Cà Mau\) {2}\[so-tc@ca-mau\] {2}— e\.g\. /m);
    expect(await cli('--lang', 'en', 'agencies', '--unknown')).toMatch(
      /^\d+ agencies not in the catalogue\. Add them to data\/agencies\.yaml/m,
    );

    expect(await stdout('--lang', 'en', 'ask', '37/KH-STTTT')).toMatch(/^Kế hoạch 37\/KH-STTTT .*\. 10 tasks, 12 targets\.\n$/);
    expect(await stdout('ask', '37/KH-STTTT')).toMatch(/Gồm 10 nhiệm vụ, 12 chỉ tiêu\.\n$/);
    const json = await stdout('--lang', 'en', 'ask', '--json', '37/KH-STTTT');
    expect(json).toBe(await stdout('ask', '--json', '37/KH-STTTT'));
    expect(JSON.parse(json).reply).toContain('Gồm 10 nhiệm vụ, 12 chỉ tiêu.');
    const show = await cli('--lang', 'en', 'show', '--json', '37/KH-STTTT');
    expect(show).toBe(await cli('show', '--json', '37/KH-STTTT'));
  });

  it('dashboard-link refuses an unknown user in English', async () => {
    await expect(cli('--lang', 'en', 'dashboard-link', '--user', '999')).rejects.toMatchObject({ en: 'No user #999.' });
    await expect(cli('dashboard-link', '--user', '999')).rejects.toThrow('Không có người dùng #999.');
  });
});

describe('the command line as it is run', () => {
  let seed: Seeded;
  beforeAll(async () => {
    seed = await seedReporting();
  }, 60_000);
  afterAll(async () => seed?.close());
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      env: { ...process.env, CLI_LANG: '', DATABASE_URL: seed.dbUrl, INDEX_DIR: join(seed.dir, 'index'), LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
    });

  it('prints an error in the chosen language with "Error:" and exits 1; Vietnamese with "Lỗi:" by default', () => {
    const en = run(['dashboard-link', '--user', '999'], { CLI_LANG: 'en' });
    expect([en.status, en.stderr]).toEqual([1, 'Error: No user #999.\n']);
    const vi = run(['dashboard-link', '--user', '999']);
    expect([vi.status, vi.stderr]).toEqual([1, 'Lỗi: Không có người dùng #999.\n']);
    expect(run(['--lang', 'en', 'regime', 'list']).stdout).toMatch(/^cds-ca-mau — .*\(quarterly, due 10 days after the period;/);
  }, 30_000);

  it('an unknown --lang stops with the allowed values and exit code 1, before any help or command', () => {
    const bad = run(['--lang', 'fr', '--help']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('Lỗi: --lang "fr" không hợp lệ; chọn một trong: vi | en / invalid --lang "fr"; choose one of: vi | en.\n');
  }, 30_000);
});
