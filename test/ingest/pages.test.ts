// A PDF's page numbers reach what a user sees: `cli show --json` gives each section and task its page ("page"),
// and a citation from it says "trang N". The fixture is the plan's text with page breaks before parts II and III.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { citation } from '../../src/answers/format.ts';
import { importPaths } from '../../src/ingest/pipeline.ts';
import { documentJson } from '../../src/ingest/show.ts';
import { silentLogger } from '../../src/log.ts';

let app: App | undefined;
afterAll(async () => app?.close());

it('sections and tasks of a 3-page PDF carry the page they start on; the citation says "trang N"', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da-pages-'));
  app = await createApp({ config: { DATABASE_URL: `file:${join(dir, 'app.db')}`, INDEX_DIR: join(dir, 'index') }, log: silentLogger });
  const file = join(dir, 'ke-hoach-312.pdf');
  copyFileSync('test/ingest/formats/fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so.pages.pdf', file);
  const r = await importPaths(app, [file]);
  expect(r.files[0]!.status).toBe('new');
  const doc = await app.db.document.findFirstOrThrow();
  const j = (await documentJson(app.db, doc.id)) as { sections: { path: string; page?: number }[]; tasks: { page?: number }[] };
  const pageOf = (path: string) => j.sections.find((s) => s.path === path)?.page;
  expect([pageOf('I'), pageOf('II'), pageOf('III')]).toEqual([1, 2, 3]);
  expect(j.tasks.every((t) => t.page === 2 || t.page === 3)).toBe(true);
  const d = { type: 'Kế hoạch', number: '312/KH-UBND', title: '', province: 'Đồng Tháp' };
  expect(citation(d, 'II.1', 2)).toBe('— Kế hoạch 312/KH-UBND, Đồng Tháp, mục II.1, trang 2');
});
