// Finds importable files (by extension in a folder; the format itself is told by the bytes, src/ingest/formats)
// and checks the text read from them against the line limit.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { AppError, ErrorCode } from '../core/errors.ts';

const IMPORT_EXTENSIONS = new Set([
  '.txt',
  '.md',
  '.text',
  '.docx',
  '.doc',
  '.odt',
  '.pdf',
  '.html',
  '.htm',
  '.jpg',
  '.jpeg',
  '.png',
  '.tif',
  '.tiff',
]);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Expands folders (recursively, sorted) into importable files; plain file paths are kept whatever their extension. */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      // a FIFO or socket named "x.txt" would block the import forever: only regular files (or links to them)
      else if (IMPORT_EXTENSIONS.has(extname(entry.name).toLowerCase()) && (entry.isFile() || entry.isSymbolicLink())) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, missing };
}

/** The name a file is stored under: its path relative to the working folder, with forward slashes. */
export function sourceName(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return (rel.startsWith('..') ? resolve(file) : rel).split('\\').join('/');
}

/** Refuses a text longer than the line limit (a setting), naming the file. */
export function checkLines(text: string, file: string, maxLines = Infinity): void {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= maxLines; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > maxLines)
    throw new AppError(
      ErrorCode.Unreadable,
      `Tệp ${file} dài quá ${maxLines.toLocaleString('vi-VN')} dòng (giới hạn đặt bằng IMPORT_MAX_LINES): không nhập.`,
      {
        en: `The file ${file} is longer than ${maxLines.toLocaleString('vi-VN')} lines (the limit set by IMPORT_MAX_LINES): not imported.`,
      },
    );
}
