// Tables as the parser reads them: one "| a | b |" line per row, a separator under the first row, "<br>" for a
// line break inside a cell. Merged cells are filled in the way a reader sees them: a cell merged down a column
// repeats on every row it covers (each task keeps its lead); a cell merged across a row fills its first column.
import { foldKeep } from '../parse/vn.ts';

export interface GridCell {
  text: string;
  colSpan: number;
  /** Continues the cell above (Word's vMerge continue, or covered by an HTML rowspan). */
  mergedUp: boolean;
}

/** Builds the full grid of cell texts from rows of cells with their spans. */
export function fillGrid(rows: GridCell[][]): string[][] {
  const out: string[][] = [];
  for (const row of rows) {
    const line: string[] = [];
    for (const c of row) {
      const col = line.length;
      const above = out[out.length - 1]?.[col] ?? '';
      line.push(c.mergedUp ? above : c.text);
      for (let k = 1; k < c.colSpan; k++) line.push(c.mergedUp ? (out[out.length - 1]?.[col + k] ?? '') : '');
    }
    out.push(line);
  }
  return out;
}

const cellText = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('<br>')
    .replace(/\|/g, '/');

/** The grid as pipe lines, with a blank line around it; empty rows dropped. */
export function tableLines(grid: string[][]): string[] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const rows = grid.map((r) => Array.from({ length: width }, (_, i) => cellText(r[i] ?? ''))).filter((r) => r.some(Boolean));
  if (!rows.length) return [];
  if (width < 2) return ['', ...rows.map((r) => r[0] ?? ''), ''];
  const line = (r: string[]) => `| ${r.map((c) => c || ' ').join(' | ')} |`;
  return ['', line(rows[0]!), `|${'---|'.repeat(width)}`, ...rows.slice(1).map(line), ''];
}

/**
 * Where the layout lost a merge (a PDF, a .doc): a lead or deadline cell left empty in a numbered row under a
 * numbered row is the cell above merged down (a task table never leaves them empty on purpose).
 */
export function fillMerged(rows: string[][]): void {
  const head = (rows[0] ?? []).map((c) => foldKeep(c));
  const merged = head.flatMap((h, i) => (/chu tri|thoi gian|thoi han|tien do/.test(h) && !/phoi hop/.test(h) ? [i] : []));
  for (let r = 2; r < rows.length; r++) {
    const [row, above] = [rows[r]!, rows[r - 1]!];
    if (!/^\d+$/.test(row[0] ?? '') || !/^\d+$/.test(above[0] ?? '')) continue;
    for (const c of merged) if (!row[c] && above[c]) row[c] = above[c]!;
  }
}
