// Where a browser test saves its screenshot: a temporary folder, so that `npm test` leaves the checkout as it was;
// docs/images/ when SCREENSHOTS_DIR says so (`npm run docs:screenshots` refreshes the README's pictures).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let scratch: string | null = null;

export function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOTS_DIR || (scratch ??= mkdtempSync(join(tmpdir(), 'screenshots-')));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
