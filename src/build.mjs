// `npm run build`: transpiles src/ to dist/ file by file (esbuild, no bundling), so dist/ mirrors src/ and every
// path resolved from import.meta.url (../../prisma/migrations, ../../data/...) still points at the same place.
// Relative `.ts` import specifiers are rewritten to `.js`; types are stripped, not checked (that is `npm run typecheck`).
// `npm start` runs it first (prestart): when no file of src/ changed since the last build (same paths, sizes and
// modification times, kept in dist/.build.json), dist/ is left as it is and the start pays a few stat calls only.
import { transform } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
const self = fileURLToPath(import.meta.url); // this script is not part of the program
const manifestFile = join(out, '.build.json');
const sources = [];
for await (const file of walk(src)) if (file !== self) sources.push(file);
const manifest = {};
for (const file of sources) {
  const st = await stat(file);
  manifest[relative(src, file)] = [st.size, st.mtimeMs];
}
const previous = await readFile(manifestFile, 'utf8').catch(() => null);
if (previous === JSON.stringify(manifest) && !process.argv.includes('--force')) {
  process.stderr.write(`dist/: up to date (${sources.length} files)\n`);
  process.exit(0);
}
await rm(out, { recursive: true, force: true });
const jobs = [];
for (const file of sources) {
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
await writeFile(manifestFile, JSON.stringify(manifest));
process.stderr.write(`dist/: ${jobs.length} files in ${Math.round(performance.now() - t0)} ms\n`);
