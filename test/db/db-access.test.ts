// The rule of docs/architecture.md: database access goes through each module's repository functions. The check
// (`npm run db:access`, scripts/check-db-access.ts) finds a Prisma call added outside src/db/ and the repo/ folders.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findViolations, mayTouchDb, srcProgram } from '../../scripts/check-db-access.ts';

const root = resolve(import.meta.dirname, '../..');

describe('database access only in src/db/ and repo/ folders', () => {
  it('allows src/db/ and a module repo/ folder, nothing else in src/', () => {
    expect(mayTouchDb('src/db/raw.ts')).toBe(true);
    expect(mayTouchDb('src/users/repo/users.ts')).toBe(true);
    expect(mayTouchDb('src/reporting/report/repo/x.ts')).toBe(true);
    expect(mayTouchDb('src/answers/owner.ts')).toBe(false);
    expect(mayTouchDb('src/reporting/report/load.ts')).toBe(false);
  });

  it('finds a query added to an answer module, an alias of a delegate and a transaction, and nothing else', () => {
    const owner = resolve(root, 'src/answers/owner.ts');
    const added = [
      'export const _a = (app: { db: import("../db/client.ts").Db }) => app.db.user.findMany({});',
      'export const _b = (db: import("../db/client.ts").Db) => { const u = db.session; return u.count(); };',
      'export const _c = (db: import("../db/client.ts").Db) => db.$transaction(async (tx) => tx.$executeRaw`SELECT 1`);',
    ];
    const text = `${readFileSync(owner, 'utf8')}\n${added.join('\n')}\n`;
    const found = findViolations(srcProgram(root, new Map([[owner, text]])), root);
    expect(found.map((v) => `${v.file} ${v.text}`)).toEqual([
      'src/answers/owner.ts app.db.user',
      'src/answers/owner.ts db.session',
      'src/answers/owner.ts db.$transaction',
      'src/answers/owner.ts tx.$executeRaw',
    ]);
  }, 120_000);
});
