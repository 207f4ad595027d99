// The rule of docs/architecture.md: no import cycle between the modules of src/ (its folders and top-level files).
// The check (`npm run deps`, scripts/check-module-cycles.ts) finds none today, and finds one a back-import adds.
import { beforeAll, describe, expect, it } from 'vitest';
import { moduleCycles, moduleOf, srcEdges, type Edge } from '../scripts/check-module-cycles.ts';

describe('no import cycle between the modules of src/', () => {
  it('takes a folder under src/ or a top-level file as a module', () => {
    expect(moduleOf('src/conversation/repo/person.ts')).toBe('conversation');
    expect(moduleOf('src/app.ts')).toBe('app.ts');
    expect(moduleOf('src/runtime.ts')).toBe('runtime.ts');
    expect(moduleOf('node_modules/zod/index.js')).toBeNull();
  });

  let edges: Edge[] = [];
  beforeAll(() => {
    edges = srcEdges();
  }, 120_000);

  it('finds no cycle in src/', () => {
    expect(edges.length).toBeGreaterThan(1000);
    expect(moduleCycles(edges)).toEqual([]);
  });

  it('finds the cycle a back-import from reporting to conversation would close, with its edge', () => {
    const back = { from: 'src/reporting/report/progress-chat.ts', to: 'src/conversation/ports.ts' };
    const cycles = moduleCycles([...edges, back]);
    expect(cycles.map((c) => c.modules)).toEqual([['conversation', 'reporting']]);
    expect(cycles[0]!.edges).toContainEqual(back);
  });

  it('finds a longer cycle, and one through a top-level file', () => {
    const cycles = moduleCycles([
      { from: 'src/web/a.ts', to: 'src/scheduler/b.ts' },
      { from: 'src/scheduler/b.ts', to: 'src/conversation/c.ts' },
      { from: 'src/conversation/c.ts', to: 'src/web/d.ts' },
      { from: 'src/app.ts', to: 'src/ingest/agencies.ts' },
      { from: 'src/ingest/pipeline.ts', to: 'src/app.ts' },
      { from: 'src/core/types.ts', to: 'src/core/i18n.ts' },
    ]);
    expect(cycles.map((c) => c.modules)).toEqual([
      ['app.ts', 'ingest'],
      ['conversation', 'scheduler', 'web'],
    ]);
  });
});
