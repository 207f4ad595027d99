// Shared helpers for the parser tests: the real registry and the seed texts from data/documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAgencyRegistry, type AgencyRegistry } from '../../src/ingest/agencies.ts';
import { parseDocumentText } from '../../src/ingest/parse/index.ts';
import type { ParsedDocument } from '../../src/core/types.ts';

export const registry: AgencyRegistry = loadAgencyRegistry(join(import.meta.dirname, '../../data/agencies.yaml'));

export const SEEDS = {
  canTho2007: 'can-tho-2007-chi-thi-ung-dung-cntt-2007-2010.txt',
  quangNgai2008: 'quang-ngai-2008-chi-thi-17-ct-ubnd-cntt.txt',
  caMau2013: 'ca-mau-2013-quyet-dinh-1578-qd-ubnd-ke-hoach-37-kh-stttt.txt',
  laoCai2012: 'lao-cai-2012-chi-thi-24-ct-tu-cntt.txt',
  canTho2015: 'can-tho-2015-quyet-dinh-3933-qd-ubnd-quy-hoach-tttt-2020.txt',
} as const;

export function seedText(name: string): string {
  return readFileSync(join(import.meta.dirname, '../../data/documents', name), 'utf8');
}

export function parse(text: string, fileName = 'test.txt'): ParsedDocument[] {
  return parseDocumentText(text, { fileName, registry });
}

export function parseSeed(name: string): ParsedDocument[] {
  return parse(seedText(name), name);
}

/** Tasks per lead agency key; tasks addressed to a group count under "(nhóm)". */
export function tasksByLead(doc: ParsedDocument): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of doc.tasks) {
    const l = t.leads[0];
    const k = l ? (l.key ?? `?${l.asWritten}`) : '(nhóm)';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function sectionByPath(doc: ParsedDocument, path: string) {
  return doc.sections.find((s) => s.path === path);
}

export function tasksIn(doc: ParsedDocument, path: string) {
  return doc.tasks.filter((t) => doc.sections[t.section]?.path === path);
}
