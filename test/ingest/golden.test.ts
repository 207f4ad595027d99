// Whole extractions pinned: every parser fixture (the five seeds in data/documents and the shapes in
// test/ingest/fixtures) is imported through the real pipeline and its `cli show --json` output compared whole with
// test/ingest/golden/<file>.<part>.json. After a deliberate parser change, re-bless with `npm run golden:bless` and
// review the diff of the golden files in the commit.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { documentJson } from '../../src/ingest/show.ts';
import { silentLogger } from '../../src/log.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const bless = process.env.GOLDEN_BLESS === '1';
const sources = [
  ...readdirSync('data/documents').map((f) => join('data/documents', f)),
  ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
].sort();

/** The JSON without what depends on the database (row ids) or on where the test runs (absolute paths). */
function stable(json: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, sourceFile, ...rest } = json;
  return { sourceFile: basename(String(sourceFile)), ...rest };
}

describe('golden extractions (cli show --json) of every parser fixture', () => {
  let t: TempDb;
  let app: App;
  beforeAll(async () => {
    t = await tempDb();
    app = await createApp({ config: { DATABASE_URL: t.url, INDEX_DIR: join(t.dir, 'index') }, log: silentLogger });
    const r = await importPaths(app, sources);
    expect(r.files.filter((f) => f.status === 'error')).toEqual([]);
    if (bless) mkdirSync(GOLDEN, { recursive: true });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  for (const src of sources) {
    it(basename(src), async () => {
      const docs = await app.db.document.findMany({ where: { sourceFile: { endsWith: basename(src) } }, orderBy: { partIndex: 'asc' } });
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) {
        const file = join(GOLDEN, `${basename(src)}.${d.partIndex}.json`);
        const got = stable(await documentJson(app.db, d.id));
        if (bless) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
        expect(existsSync(file), `${file} is missing: run npm run golden:bless`).toBe(true);
        expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      }
    });
  }
});
