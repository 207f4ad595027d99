// `npm start` builds first (prestart): with no source changed since the last build, dist/ is left as it is (the
// start costs a few stat calls instead of a full transpile); a changed, added or removed source rebuilds it.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'da-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// a project of two sources beside a copy of the build script (it builds the src/ next to it)
mkdirSync(join(dir, 'src'));
copyFileSync(join(root, 'src/build.mjs'), join(dir, 'src/build.mjs'));
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
writeFileSync(join(dir, 'src/a.ts'), "import { b } from './b.ts';\nexport const a: number = b + 1;\n");
writeFileSync(join(dir, 'src/b.ts'), 'export const b: number = 1;\n');
const build = () => execFileSync(process.execPath, [join(dir, 'src/build.mjs')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
const built = (f: string) => readFileSync(join(dir, 'dist', f), 'utf8');

it('builds, then leaves dist/ alone until a source changes, is added or is removed', () => {
  build();
  expect(built('a.js')).toContain('from "./b.js"');
  const first = statSync(join(dir, 'dist/a.js')).mtimeMs;
  build();
  expect(statSync(join(dir, 'dist/a.js')).mtimeMs).toBe(first);
  // a change of content (a later modification time)
  writeFileSync(join(dir, 'src/b.ts'), 'export const b: number = 2;\n');
  utimesSync(join(dir, 'src/b.ts'), new Date(), new Date(Date.now() + 5000));
  build();
  expect(built('b.js')).toContain('= 2');
  // a new file, then a removed one
  writeFileSync(join(dir, 'src/c.ts'), 'export const c = 3;\n');
  build();
  expect(built('c.js')).toContain('= 3');
  rmSync(join(dir, 'src/c.ts'));
  build();
  expect(existsSync(join(dir, 'dist/c.js'))).toBe(false);
}, 60_000);
