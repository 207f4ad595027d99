// No import cycle between the modules of src/ (docs/architecture.md): a module is a folder under src/ (src/conversation,
// src/web, …) or a top-level file (src/app.ts, src/runtime.ts, src/config.ts …). dependency-cruiser's no-circular
// rule sees files only; this check collapses its graph to modules and fails on any cycle among them (a → b → a, or
// longer), naming the file edges that close it. `npm run deps` (part of `npm run check`) runs it.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export interface Edge {
  from: string;
  to: string;
}

/** The module of a file of src/: its folder under src/, or the file's name for a top-level file; null outside src/. */
export function moduleOf(file: string): string | null {
  const m = /^src\/([^/]+)(\/)?/.exec(file);
  if (!m) return null;
  return m[2] ? m[1]! : m[1]!.replace(/\.[cm]?[jt]s$/, '.ts');
}

/** The import edges between files of src/, as dependency-cruiser resolves them (type-only imports count). */
export function srcEdges(root = ROOT): Edge[] {
  const bin = resolve(root, 'node_modules/.bin/depcruise');
  const json = execFileSync(bin, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const { modules } = JSON.parse(json) as { modules: { source: string; dependencies: { resolved: string }[] }[] };
  return modules.flatMap((m) => m.dependencies.map((d) => ({ from: m.source, to: d.resolved })));
}

export interface ModuleCycle {
  /** The modules that reach each other, sorted. */
  modules: string[];
  /** The file edges between them. */
  edges: Edge[];
}

/** The cycles between modules: each set of modules that import each other (a strongly connected component). */
export function moduleCycles(edges: Edge[]): ModuleCycle[] {
  const graph = new Map<string, Set<string>>();
  const between: (Edge & { a: string; b: string })[] = [];
  for (const e of edges) {
    const a = moduleOf(e.from);
    const b = moduleOf(e.to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
    between.push({ ...e, a, b });
  }
  // Tarjan's strongly connected components
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found
    .map((modules) => ({
      modules,
      edges: between.filter((e) => modules.includes(e.a) && modules.includes(e.b)).map(({ from, to }) => ({ from, to })),
    }))
    .sort((x, y) => x.modules[0]!.localeCompare(y.modules[0]!));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = moduleCycles(srcEdges());
  for (const c of cycles) {
    console.error(`import cycle between modules: ${c.modules.join(' ↔ ')}`);
    const pairs = new Map<string, Edge[]>();
    for (const e of c.edges) {
      const pair = `${moduleOf(e.from)} → ${moduleOf(e.to)}`;
      pairs.set(pair, [...(pairs.get(pair) ?? []), e]);
    }
    for (const [pair, list] of pairs) {
      console.error(
        `  ${pair} (${list.length}): ${list
          .slice(0, 3)
          .map((e) => `${e.from} → ${e.to}`)
          .join(', ')}${list.length > 3 ? ', …' : ''}`,
      );
    }
  }
  if (cycles.length) {
    console.error(`${cycles.length} cycle(s) between the modules of src/ (docs/architecture.md, "no-module-cycle").`);
    process.exit(1);
  }
  console.log('✔ no import cycle between the modules of src/');
}
