// `npm run build`: transpiles src/ to dist/ file by file (esbuild, no bundling), so dist/ mirrors src/ and every
// path resolved from import.meta.url (../../prisma/migrations, ../../data/...) still points at the same place.
// Relative `.ts` import specifiers are rewritten to `.js`; types are stripped, not checked (that is `npm run typecheck`).
import { transform } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)); // src/ → the project
const src = join(root, 'src');
const out = join(root, 'dist');

async function* walk(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** `from './x.ts'`, `import('./x.ts')`, `export … from '../y.ts'` → `.js`; bare package names are left alone. */
export function rewriteImports(code) {
  return code.replace(/((?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"])(\.{1,2}\/[^'"\n]*?)\.ts(['"])/g, '$1$2.js$3');
}

const t0 = performance.now();
await rm(out, { recursive: true, force: true });
const jobs = [];
for await (const file of walk(src)) {
  if (file === fileURLToPath(import.meta.url)) continue; // this script is not part of the program
  const target = join(out, relative(src, file));
  jobs.push(
    (async () => {
      await mkdir(dirname(target), { recursive: true });
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return copyFile(file, target);
      const r = await transform(await readFile(file, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'node20',
        sourcefile: relative(root, file),
      });
      await writeFile(target.replace(/\.ts$/, '.js'), rewriteImports(r.code));
    })(),
  );
}
await Promise.all(jobs);
process.stderr.write(`dist/: ${jobs.length} files in ${Math.round(performance.now() - t0)} ms\n`);
