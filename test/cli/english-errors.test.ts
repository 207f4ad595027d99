// The errors the English CLI prints from below it (users, invites, regimes, data files, the database copy) are
// English: each AppError carries its English (`en`), which the CLI prints with --lang en, and the Vietnamese
// stays as it was. A user number that is not one is refused by the CLI itself, in either language.
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/core/errors.ts';
import { loadYamlData, parseYamlData } from '../../src/ingest/yaml-data.ts';
import { runCli } from '../helpers/cli.ts';
import { vietnameseLines } from '../helpers/vietnamese.ts';
import { seedReporting, type Seeded } from '../transcripts/seed.ts';

/** The error `run` was refused with, after checking that its English has no Vietnamese of its own. */
async function refused(run: Promise<unknown>, data: string[] = []): Promise<AppError> {
  const e = await run.then(
    () => expect.fail('expected a refusal'),
    (x: unknown) => x as AppError,
  );
  expect(e.en, e.message).toBeTypeOf('string');
  expect(vietnameseLines(e.messageIn('en'), data)).toEqual([]);
  return e;
}

describe('errors in the English CLI', () => {
  let seed: Seeded;
  beforeAll(async () => {
    seed = await seedReporting();
  }, 60_000);
  afterAll(async () => seed?.close());
  const en = (...args: string[]) => runCli(seed.app, '--lang', 'en', ...args);
  const vi = (...args: string[]) => runCli(seed.app, ...args);

  it('user invite, role and link refuse a bad role, a missing agency and an unknown user in English', async () => {
    expect((await refused(en('user', 'invite', '--role', 'boss'))).en).toBe(
      'Invalid role "boss"; choose one of: official, coordinator, admin.',
    );
    await expect(vi('user', 'invite', '--role', 'boss')).rejects.toThrow(
      'Vai trò "boss" không hợp lệ; chọn một trong: official, coordinator, admin.',
    );
    expect((await refused(en('user', 'invite', '--role', 'official'))).en).toMatch(
      /^A reporting officer \(official\) belongs to an agency/,
    );
    expect((await refused(en('user', 'role', '999', 'admin'))).en).toBe('No user number 999.');
    expect((await refused(en('user', 'link', '999'))).en).toBe('No user number 999.');
    await expect(vi('user', 'link', '999')).rejects.toThrow('Không có người dùng số 999.');
    expect((await refused(en('user', 'invite', '--code', 'abc', '--agency', 'Sở Tài chính', '--province', 'Cà Mau'))).en).toMatch(
      /^Invalid code "abc": a code is exactly 8 characters/,
    );
    expect((await refused(en('user', 'invite', '--from', join(seed.dir, 'none.csv')))).en).toBe(`No file "${join(seed.dir, 'none.csv')}".`);
  });

  it('a user number that is not a number is refused by name, not with a database error', async () => {
    expect((await refused(en('user', 'link', 'abc'))).en).toBe(
      '"abc" is not a user number (a positive whole number; see: npm run cli -- user list).',
    );
    await expect(en('dashboard-link', '--user', 'abc')).rejects.toMatchObject({ en: expect.stringMatching(/^"abc" is not a user number/) });
    await expect(vi('user', 'role', 'x', 'admin')).rejects.toThrow('"x" không phải số người dùng');
  });

  it('regime create from an unknown document says so in English', async () => {
    expect((await refused(en('regime', 'create', '--from', '999/XX'))).en).toBe(
      'No document "999/XX" (by number or id). Import the document first.',
    );
    await expect(vi('regime', 'create', '--from', '999/XX')).rejects.toThrow(
      'Không tìm thấy văn bản "999/XX" (theo số hiệu hoặc mã số). Hãy nhập văn bản trước.',
    );
  });

  it('regime create refuses a --deadline-days that is no whole number of days, before reading the document', async () => {
    expect((await refused(en('regime', 'create', '--from', '37/KH-STTTT', '--deadline-days', 'abc'))).en).toBe(
      'Invalid --deadline-days "abc": the days after the period\'s end to send the report in, a whole number (e.g. 10).',
    );
    await expect(vi('regime', 'create', '--from', '37/KH-STTTT', '--deadline-days', '-3')).rejects.toThrow(
      '--deadline-days "-3" không hợp lệ',
    );
  });

  it('db copy refuses the same database and a destination with data in English', async () => {
    expect((await refused(en('db', 'copy', '--from', seed.dbUrl, '--to', seed.dbUrl))).en).toBe(
      'The source and the destination are the same database.',
    );
    const copy = `file:${join(seed.dir, 'copy.db')}`;
    await en('db', 'copy', '--from', seed.dbUrl, '--to', copy);
    expect((await refused(en('db', 'copy', '--from', seed.dbUrl, '--to', copy))).en).toMatch(
      /^The destination database already has data \(table \w+\): copy only into a new, empty database\.$/,
    );
  });

  it('a data file that is missing, not YAML or with an unknown key is an English error', async () => {
    const schema = z.strictObject({ agencies: z.array(z.string()) });
    const missing = await refused(Promise.resolve().then(() => loadYamlData('/nonexistent/agencies.yaml', schema)));
    expect(missing.en).toBe('Cannot read the data file /nonexistent/agencies.yaml.');
    expect(missing.userMessage).toBe('Không đọc được tệp dữ liệu /nonexistent/agencies.yaml.');
    const bad = await refused(Promise.resolve().then(() => parseYamlData('agencies: [\n', 'a.yaml', schema)));
    expect(bad.en).toMatch(/^Data file a\.yaml, line \d+: invalid YAML \(\w+\)\.$/);
    const key = await refused(Promise.resolve().then(() => parseYamlData('agencies: []\nagencys: []\n', 'a.yaml', schema)));
    expect(key.en).toBe('Data file a.yaml, line 2 (agencys): key not allowed "agencys".');
    expect(key.userMessage).toBe('Tệp dữ liệu a.yaml, dòng 2 (agencys): khóa không được phép "agencys".');
  });
});
