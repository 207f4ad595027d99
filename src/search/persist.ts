// The search index on disk (INDEX_DIR/index.json): FlexSearch's export plus what ranking needs, stamped with a
// fingerprint of the database content so a stale file is rebuilt. Written to a temp file and renamed (atomic).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocInfo, Entry } from './entries.ts';

/** Bump when the saved shape changes: older files are then rebuilt. */
const FORMAT = 9; // 8: "cửa" has its own token; 9: more abbreviations (QLVB&ĐH, NSNN …), roman numerals after "khóa", "Đại hội" …

export interface SavedIndex {
  fingerprint: string;
  docs: DocInfo[];
  entries: Entry[];
  df: [string, number][];
  pairDf: Uint32Array;
  parts: Record<string, string>;
}

export function writeIndexFile(dir: string, ix: SavedIndex): void {
  mkdirSync(dir, { recursive: true });
  const meta = {
    format: FORMAT,
    fingerprint: ix.fingerprint,
    docs: ix.docs,
    // The text as written is not saved (answers read it from the DB); only what ranking needs.
    entries: ix.entries.map((e) => [
      e.kind,
      e.ref,
      e.doc,
      e.path,
      e.norm,
      e.agencies,
      e.year,
      e.sub ?? null,
      e.ctx ?? null,
      e.page ?? null,
    ]),
    df: ix.df,
    pairDf: Buffer.from(ix.pairDf.buffer, ix.pairDf.byteOffset, ix.pairDf.byteLength).toString('base64'),
    parts: ix.parts,
  };
  const tmp = join(dir, `index.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(meta));
  renameSync(tmp, join(dir, 'index.json'));
}

/** The saved index when present, of this format, with this fingerprint and pair table size; otherwise null. */
export function readIndexFile(dir: string, fp: string, pairSlots: number): SavedIndex | null {
  const file = join(dir, 'index.json');
  if (!existsSync(file)) return null;
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as {
      format: number;
      fingerprint: string;
      docs: DocInfo[];
      entries: unknown[][];
      parts: Record<string, string>;
      df: [string, number][];
      pairDf: string;
    };
    if (meta.format !== FORMAT || meta.fingerprint !== fp) return null;
    const entries = meta.entries.map(
      ([kind, ref, doc, path, norm, agencies, year, sub, ctx, page], id) =>
        ({
          id,
          kind,
          ref,
          doc,
          path,
          text: '',
          norm,
          agencies,
          year,
          ...(sub ? { sub } : {}),
          ...(ctx ? { ctx } : {}),
          ...(page ? { page } : {}),
        }) as Entry,
    );
    const raw = Buffer.from(meta.pairDf, 'base64');
    const pairDf = new Uint32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    if (pairDf.length !== pairSlots) return null;
    return { fingerprint: meta.fingerprint, docs: meta.docs, entries, df: meta.df, pairDf, parts: meta.parts };
  } catch {
    return null;
  }
}
