// Imports a file sent in chat through the same pipeline as `cli import`: the original bytes are kept
// content-addressed (ORIGINALS_DIR/<sha256><ext>), the file is read and stored under "chat/<name>", and what an
// upload added can be removed again (undo) when it replaced nothing.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { ImportConfig, IngestDeps } from './deps.ts';
import { deleteStoredDocuments, findStoredWithLeads } from './repo/stored-documents.ts';
import { importPaths, type FileResult } from './pipeline.ts';

export interface UploadedDoc {
  id: number;
  type: string;
  number: string | null;
  issuer: string | null;
  issueDate: string | null;
  sections: number;
  tasks: number;
  indicators: number;
  /** Lead agencies by number of tasks, most first. */
  leads: { name: string; tasks: number }[];
}

export interface UploadResult {
  result: FileResult;
  sha256: string;
  original: string;
  source: string;
  docs: UploadedDoc[];
}

/** The upload limit in bytes: UPLOAD_MAX_MB, or IMPORT_MAX_MB when not set. */
export const uploadMaxBytes = (cfg: Pick<ImportConfig, 'UPLOAD_MAX_MB' | 'IMPORT_MAX_MB'>): number =>
  (cfg.UPLOAD_MAX_MB ?? cfg.IMPORT_MAX_MB) * 1024 * 1024;

/** A file name safe to write: no directories, no control characters, an extension kept. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f/:*?"<>|]/g, '_')
    .trim()
    .slice(-120);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'tep-tai-len';
}

export async function importUpload(
  app: IngestDeps,
  name: string,
  bytes: Buffer,
  opts: { onOcrPage?: (done: number, total: number) => void } = {},
): Promise<UploadResult> {
  const file = safeFileName(name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = `chat/${file}`;
  const dir = mkdtempSync(join(tmpdir(), 'da-upload-'));
  const path = join(dir, file);
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
    const onOcrPage = opts.onOcrPage && ((_: string, done: number, total: number) => opts.onOcrPage!(done, total));
    const summary = await importPaths(app, [path], { sourceOf: () => source, onOcrPage });
    const result = summary.files[0]!;
    let original = '';
    if (result.status !== 'error') original = keepOriginal(app.config.ORIGINALS_DIR, sha256, extname(file), bytes);
    const docs = result.status === 'error' ? [] : await describeStored(app, source);
    return { result, sha256, original, source, docs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function keepOriginal(root: string, sha256: string, ext: string, bytes: Buffer): string {
  mkdirSync(root, { recursive: true });
  const path = join(root, `${sha256}${ext.toLowerCase().replace(/[^.a-z0-9]/g, '')}`);
  if (!existsSync(path)) writeFileSync(path, bytes, { mode: 0o640 });
  return path;
}

async function describeStored(app: IngestDeps, source: string): Promise<UploadedDoc[]> {
  const docs = await findStoredWithLeads(app.db, source);
  return docs.map((d) => {
    const byLead = new Map<string, number>();
    for (const t of d.tasks) for (const a of t.agencies) byLead.set(a.agency.name, (byLead.get(a.agency.name) ?? 0) + 1);
    const leads = [...byLead].map(([n, tasks]) => ({ name: n, tasks })).sort((a, b) => b.tasks - a.tasks || a.name.localeCompare(b.name));
    return {
      id: d.id,
      type: d.type,
      number: d.number,
      issuer: d.issuer,
      issueDate: d.issueDate,
      sections: d._count.sections,
      tasks: d._count.tasks,
      indicators: d._count.indicators,
      leads,
    };
  });
}

/** Removes the documents an upload added (by id, only those still stored from that upload's source). */
export async function removeUploaded(app: IngestDeps, source: string, ids: number[]): Promise<number> {
  return deleteStoredDocuments(app.db, ids, source);
}
