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
      // a FIFO or socket named "x.txt" would block the import forever: only regular files (or links to them)
      else if (TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase()) && (entry.isFile() || entry.isSymbolicLink())) files.push(p);
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

export interface ReadLimits {
  maxBytes?: number;
  maxLines?: number;
}

/** Reads a regular file as UTF-8 text, within the size and line limits (each refusal names the file and the limit). */
export function readText(file: string, limits: ReadLimits = {}): string {
  const st = statSync(file);
  if (!st.isFile()) throw new AppError(ErrorCode.Unreadable, `${file} không phải tệp thông thường (thư mục, FIFO hay thiết bị): bỏ qua.`);
  const maxBytes = limits.maxBytes ?? MAX_FILE_BYTES;
  if (st.size > maxBytes) {
    throw new AppError(
      ErrorCode.Unreadable,
      `Tệp ${file} quá lớn (${(st.size / 1024 / 1024).toFixed(1)} MB; giới hạn ${(maxBytes / 1024 / 1024).toFixed(0)} MB, đặt bằng IMPORT_MAX_MB).`,
    );
  }
  const buf = readFileSync(file);
  if (buf.includes(0)) throw new AppError(ErrorCode.Unreadable, `Tệp ${file} không phải văn bản (tệp nhị phân).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError(ErrorCode.Unreadable, `Tệp ${file} không đọc được: không phải mã UTF-8.`);
  }
  const maxLines = limits.maxLines ?? Infinity;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= maxLines; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > maxLines)
    throw new AppError(
      ErrorCode.Unreadable,
      `Tệp ${file} dài quá ${maxLines.toLocaleString('vi-VN')} dòng (giới hạn đặt bằng IMPORT_MAX_LINES): không nhập.`,
    );
  return text;
}
