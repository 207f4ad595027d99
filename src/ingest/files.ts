// Finds importable files and reads them as text, refusing binary or non-UTF-8 input with a clear message.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { AppError, ErrorCode } from '../core/errors.ts';

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Expands folders (recursively, sorted) into text files; plain file paths are kept whatever their extension. */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(p);
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

export function readText(file: string): string {
  const st = statSync(file);
  if (st.size > MAX_FILE_BYTES) {
    throw new AppError(ErrorCode.Unreadable, `Tệp ${file} quá lớn (${Math.round(st.size / 1024 / 1024)} MB; tối đa 20 MB).`);
  }
  const buf = readFileSync(file);
  if (buf.includes(0)) throw new AppError(ErrorCode.Unreadable, `Tệp ${file} không phải văn bản (tệp nhị phân).`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError(ErrorCode.Unreadable, `Tệp ${file} không đọc được: không phải mã UTF-8.`);
  }
}
