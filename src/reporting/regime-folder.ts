// `npm start` loads every regime written by hand in data/regimes/ (*.yaml, *.yml, *.json). Idempotent: a file
// the database already agrees with changes nothing; an edited file updates its regime in place, keeping item
// ids and answers; a broken file is reported (file, line and reason) and the others still load. Proposals written
// by `regime create` (<code>.proposed.yaml) and live copies written by `regime edit` (<code>.live.yaml) are skipped:
// they wait for review.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../app.ts';
import { isAppError } from '../core/errors.ts';
import { parseRegimeFile, saveRegime, type SaveResult } from './regimes.ts';

export interface RegimeFolderError {
  file: string;
  message: string; // in Vietnamese, for the admin
}

export interface RegimeFolderResult {
  warnings: { file: string; code: string; warnings: string[] }[]; // agencies resolved to their successors
  loaded: string[]; // regime codes created by this run
  updated: string[];
  unchanged: string[];
  errors: RegimeFolderError[];
}

const REGIME_FILE = /\.(ya?ml|json)$/i;
/** `regime create` / `regime edit` leave their copy beside the file it would replace: for review, never loaded. */
export const PROPOSED_FILE = /\.(proposed|live)\.(ya?ml|json)$/i;

export async function loadRegimeFolder(app: Pick<App, 'db' | 'registry' | 'log' | 'clock'>, dir: string): Promise<RegimeFolderResult> {
  const result: RegimeFolderResult = { loaded: [], updated: [], unchanged: [], errors: [], warnings: [] };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return result;
  const files = readdirSync(dir)
    .filter((f) => REGIME_FILE.test(f) && !PROPOSED_FILE.test(f) && !f.startsWith('.'))
    .sort();
  const seen = new Map<string, string>(); // code → file that defined it
  for (const name of files) {
    const file = join(dir, name);
    try {
      const def = parseRegimeFile(file);
      const first = seen.get(def.code);
      if (first) throw new Error(`mã chế độ "${def.code}" đã dùng trong ${first}; mỗi tệp phải có mã riêng`);
      seen.set(def.code, name);
      const r = await saveRegime(app, def);
      (r.outcome === 'created' ? result.loaded : r.outcome === 'updated' ? result.updated : result.unchanged).push(r.code);
      if (r.outcome !== 'unchanged') app.log.info({ file, code: r.code, items: r.items, ...describe(r) }, `regime ${r.outcome}`);
      // Agencies of the file that no longer exist: said at every start until the file is brought up to date.
      if (r.warnings.length) app.log.warn({ file, code: r.code, changes: r.warnings }, 'regime names agencies that no longer exist');
      if (r.warnings.length) result.warnings.push({ file, code: r.code, warnings: r.warnings });
    } catch (e) {
      const message = isAppError(e) ? e.userMessage : (e as Error).message;
      result.errors.push({ file, message });
      app.log.error({ file }, `Không nạp được chế độ báo cáo từ ${file}: ${message}`);
    }
  }
  app.log.info(
    { dir, loaded: result.loaded.length, updated: result.updated.length, unchanged: result.unchanged.length, errors: result.errors.length },
    'regimes loaded',
  );
  return result;
}

function describe(r: SaveResult): Record<string, unknown> {
  return r.outcome === 'updated'
    ? { added: r.changes.added, changed: r.changes.changed, removed: r.changes.removed, fields: r.changes.fields }
    : {};
}
