// Tables of a text PDF rebuilt from positions: a run of lines whose text sits in several columns is a table; a
// line with text in the first column starts a row, lines without continue the cells above (wrapped text). A
// lead or deadline cell left empty in a numbered row is a cell merged down from the row above (a task table
// never leaves them empty on purpose), and takes its text.
import { reflow, wraps, type Line, type Segment } from './pdf-layout.ts';
import { fillMerged, tableLines } from './table-text.ts';

export type Piece = { kind: 'line'; seg: Segment } | { kind: 'table'; lines: string[] };

function columnsOf(lines: Line[]): number[] {
  const xs = lines.flatMap((l) => l.segs.map((s) => s.x)).sort((a, b) => a - b);
  const size = lines[0]?.segs[0]?.size ?? 10;
  const cols: number[] = [];
  for (const x of xs) if (!cols.length || x - cols[cols.length - 1]! > size * 2) cols.push(x);
  return cols;
}

function buildRows(lines: Line[], cols: number[]): string[][] {
  const size = lines[0]?.segs[0]?.size ?? 10;
  const colOf = (x: number) =>
    Math.max(
      0,
      cols.findLastIndex((c) => c <= x + size),
    );
  const right = cols.map((_, i) =>
    i + 1 < cols.length ? cols[i + 1]! - size * 0.4 : Math.max(...lines.flatMap((l) => l.segs.map((s) => s.end))),
  );
  const rows: { cells: string[]; last: (Segment | null)[] }[] = [];
  for (const l of lines) {
    const byCol = new Map<number, Segment>();
    for (const s of l.segs) byCol.set(colOf(s.x), s);
    if (byCol.has(0) || !rows.length) rows.push({ cells: cols.map(() => ''), last: cols.map(() => null) });
    const row = rows[rows.length - 1]!;
    for (const [c, s] of byCol) {
      const prev = row.last[c];
      // Lower case goes on the line above (a wrapped name: "Sở Thông tin" / "và Truyền thông"); capitals go on
      // unless the first word would have fitted on the line above (then it is a new paragraph: a second agency).
      const sep = !prev ? '' : (/^\p{Ll}/u.test(s.text) && !/[.;:]$/.test(prev.text)) || wraps(prev.end, right[c]!, s) ? ' ' : '\n';
      row.cells[c] += sep + s.text;
      row.last[c] = s;
    }
  }
  return rows.map((r) => r.cells);
}

/** Splits a document's lines into body lines and tables. */
export function piecesOf(lines: Line[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.segs.length < 3) {
      for (const seg of l.segs.length === 1
        ? l.segs
        : [{ ...l.segs[0]!, text: l.segs.map((s) => s.text).join(' '), end: l.segs.at(-1)!.end }])
        out.push({ kind: 'line', seg });
      continue;
    }
    const start = i;
    const firstX = l.segs[0]!.x;
    const size = l.segs[0]!.size;
    // The table goes on while lines have several columns, or one cell's text that is not in the first column.
    while (i + 1 < lines.length) {
      const n = lines[i + 1]!;
      if (n.segs.length === 1 && n.segs[0]!.x <= firstX + size && n.segs[0]!.text.length > 4) break;
      i++;
    }
    const region = lines.slice(start, i + 1);
    const rows = buildRows(region, columnsOf(region));
    fillMerged(rows);
    out.push({ kind: 'table', lines: tableLines(rows) });
  }
  return out;
}

/** The pieces as text: body lines re-joined into paragraphs, tables as pipe rows. */
export function piecesText(pieces: Piece[]): string {
  const body = pieces.flatMap((p) => (p.kind === 'line' ? [p.seg] : []));
  const ends = body.map((s) => s.end).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  const out: string[] = [];
  let run: Segment[] = [];
  const flush = () => {
    out.push(...reflow(run, right));
    run = [];
  };
  for (const p of pieces) {
    if (p.kind === 'line') run.push(p.seg);
    else {
      flush();
      out.push(...p.lines);
    }
  }
  flush();
  return out.join('\n');
}
