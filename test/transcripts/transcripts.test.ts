// Replays every golden transcript (test/transcripts/*.txt) through the console channel against a freshly
// seeded database, then checks what the conversations left in the database. UPDATE_TRANSCRIPTS=1 rewrites them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalize, replay } from './runner.ts';
import { seedReporting, type Seeded } from './seed.ts';
import { dbChecks } from './checks.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('golden transcripts through the console channel', () => {
  let seed: Seeded | undefined;
  afterEach(async () => {
    await seed?.close();
    seed = undefined;
  });

  it('has transcripts to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of files) {
    it(f, async () => {
      seed = await seedReporting();
      const path = join(DIR, f);
      const golden = readFileSync(path, 'utf8');
      const produced = await replay(seed, golden);
      if (process.env.UPDATE_TRANSCRIPTS) writeFileSync(path, produced);
      else expect(produced).toBe(normalize(golden));
      await dbChecks[f.replace(/\.txt$/, '')]?.(seed);
    });
  }
});
