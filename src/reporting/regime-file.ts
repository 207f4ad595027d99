// Reading a regime definition from a YAML/JSON file strictly: a misspelt key, a value of the wrong type or outside
// its choices is refused with the file, the line and what would be valid ("khóa không hợp lệ 'valuekind' ở dòng 14
// của 37-kh-stttt-ca-mau.yaml; có thể là: valueKind"), so a typo never silently drops a setting.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { AppError, ErrorCode } from '../core/errors.ts';
import { keysAt, RegimeDefSchema, SCHEMA_MESSAGES_EN, type RegimeDef } from './regime-def.ts';
import { REGIME_FILE_TEXT } from './regime-file-text.ts';

type Issue = z.core.$ZodIssue;

/** Where an issue is in the file: the line of its key or value, or of the nearest enclosing node that exists. */
interface Place {
  name: string; // file name as the admin knows it
  doc: Document;
  lines: LineCounter;
}

export function parseRegimeFile(file: string): RegimeDef {
  const text = readFileSync(file, 'utf8');
  const name = basename(file);
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (e) {
      throw invalid((t) => t.badJson(name, (e as Error).message));
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const bad = doc.errors[0];
  if (bad) {
    const line = lines.linePos(bad.pos[0]).line;
    throw invalid((t) => t.badYaml(line, name, bad.message.split('\n')[0]!));
  }
  return validateRegime(doc.toJS(), { name, doc, lines });
}

export function validateRegime(raw: unknown, place?: Place): RegimeDef {
  const r = RegimeDefSchema.safeParse(raw);
  if (r.success) return r.data;
  throw invalid((t) => t.invalid(place?.name ?? null, r.error.issues.map((i) => describeIssue(t, i, place)).join('; ')));
}

type Text = ReturnType<typeof REGIME_FILE_TEXT>;
const invalid = (say: (t: Text) => string) =>
  new AppError(ErrorCode.InvalidInput, say(REGIME_FILE_TEXT('vi')), { en: say(REGIME_FILE_TEXT('en')) });

function describeIssue(t: Text, i: Issue, place?: Place): string {
  const where = pathText(t, i.path);
  const at = (path: readonly PropertyKey[], key?: string) => (place ? t.at(lineOf(place, path, key), place.name) : '');
  switch (i.code) {
    case 'unrecognized_keys':
      return i.keys
        .map((k) => {
          const near = closest(k, keysAt(i.path));
          return `${where}: ${t.unknownKey(k)}${at(i.path, k)}; ${near ? t.maybe(near) : t.keysUsed(keysAt(i.path).join(', '))}`;
        })
        .join('; ');
    case 'invalid_value': {
      const choices = t.choices(i.values.map(String).join(', '));
      if (valueAt(place, i.path) === undefined) return `${where}: ${t.missing}${at(i.path)}; ${choices}`;
      return `${where}: ${t.badValue(shown(t, valueAt(place, i.path)))}${at(i.path)}; ${choices}`;
    }
    case 'invalid_type': {
      const v = valueAt(place, i.path);
      if (v === undefined) return `${where}: ${t.missing}${at(i.path)}`;
      return `${where}: ${t.mustBe(t.type(i.expected), shown(t, v))}${at(i.path)}`;
    }
    default:
      return `${where}: ${issueMessage(t, i)}${at(i.path)}`;
  }
}

function issueMessage(t: Text, i: Issue): string {
  // the schema's own (Vietnamese) message: regex, custom checks; in English when it has one
  const own = () =>
    t.own(i.message, i.code === 'custom' && typeof i.params?.en === 'string' ? i.params.en : SCHEMA_MESSAGES_EN.get(i.message));
  if (i.code === 'too_small' && i.origin === 'string') return t.notEmpty;
  if (i.code === 'too_small' && i.origin === 'array' && /^Too small/.test(i.message)) return t.listNotEmpty;
  if (i.code === 'too_small') return /^Too small/.test(i.message) ? t.atLeast(String(i.minimum)) : own();
  if (i.code === 'invalid_union') return t.documentRef;
  return own();
}

/** `agencies[0].items[3].valueKind`, or "(gốc)" for the whole file. */
function pathText(t: Text, path: readonly PropertyKey[]): string {
  const s = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return s.replace(/^\./, '') || t.root;
}

function shown(t: Text, v: unknown): string {
  if (v === undefined) return t.empty;
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return t.type('array');
  if (v && typeof v === 'object') return t.type('object');
  return String(v);
}

function valueAt(place: Place | undefined, path: readonly PropertyKey[]): unknown {
  if (!place) return undefined;
  const n: unknown = place.doc.getIn(path as unknown[], true);
  return isNode(n) ? n.toJSON() : n;
}

function lineOf(place: Place, path: readonly PropertyKey[], key?: string): number {
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const n: unknown = p.length ? place.doc.getIn(p as unknown[], true) : place.doc.contents;
    if (key !== undefined && isMap(n)) {
      const pair = n.items.find((it) => isNode(it.key) && (it.key as { value?: unknown }).value === key);
      if (pair && isNode(pair.key) && pair.key.range) return place.lines.linePos(pair.key.range[0]).line;
    }
    if (isNode(n) && n.range) return place.lines.linePos(n.range[0]).line;
    if (!p.length) return 1;
    key = undefined; // the parent's line, for a key that is missing
  }
}

/** The valid key a misspelt one most likely meant (case or up to two letters off), if any. */
export function closest(key: string, valid: string[]): string | null {
  let best: { k: string; d: number } | null = null;
  for (const k of valid) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : distance(k.toLowerCase(), key.toLowerCase());
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 4)) ? best.k : null;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
