// Reviewed data files (data/*.yaml) read through a zod schema: a wrong or unknown key is a configuration error
// that names the file and the line, so the admin who edited it can find it.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { AppError, ErrorCode } from '../core/errors.ts';

/** Parses `text` (the content of `file`) and validates it; throws AppError(Config) naming file and line. */
export function parseYamlData<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = lines.linePos(e.pos[0]);
    throw new AppError(ErrorCode.Config, `Tệp dữ liệu ${file}, dòng ${at.line}: YAML không hợp lệ (${e.code}).`, {
      en: `Data file ${file}, line ${at.line}: invalid YAML (${e.code}).`,
    });
  }
  const r = schema.safeParse(doc.toJS());
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  // An unknown key is reported at the key itself; other problems at the value the path leads to.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const line = lineOf(doc, path as (string | number)[], lines, issue.code === 'unrecognized_keys');
  const where = path.length ? ` (${path.join('.')})` : '';
  const unknown = issue.code === 'unrecognized_keys' ? `"${issue.keys.join('", "')}"` : null;
  const what = unknown ? `khóa không được phép ${unknown}` : issue.message;
  throw new AppError(ErrorCode.Config, `Tệp dữ liệu ${file}${line ? `, dòng ${line}` : ''}${where}: ${what}.`, {
    en: `Data file ${file}${line ? `, line ${line}` : ''}${where}: ${unknown ? `key not allowed ${unknown}` : issue.message}.`,
  });
}

export function loadYamlData<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(ErrorCode.Config, `Không đọc được tệp dữ liệu ${file}.`, { cause: e, en: `Cannot read the data file ${file}.` });
  }
  return parseYamlData(text, file, schema);
}

type Doc = ReturnType<typeof parseDocument>;

/** 1-based line of the node a path leads to (the key's line for an unknown key), or of its closest ancestor. */
function lineOf(doc: Doc, path: (string | number)[], lines: LineCounter, atKey: boolean): number | null {
  for (let n = path.length; n >= 0; n--) {
    const parentPath = path.slice(0, Math.max(0, n - 1));
    if (atKey && n === path.length && n > 0) {
      const parent = doc.getIn(parentPath, true) as { items?: { key?: { value?: unknown; range?: number[] } }[] } | undefined;
      const pair = parent?.items?.find((p) => p.key?.value === path[n - 1]);
      if (pair?.key?.range) return lines.linePos(pair.key.range[0]!).line;
    }
    const node = (n ? doc.getIn(path.slice(0, n), true) : doc.contents) as { range?: number[] } | null | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]!).line;
  }
  return null;
}
