// Text positions of a PDF page turned into lines and segments, running headers and page numbers removed, lines
// that wrapped at the right margin re-joined into paragraphs.
export interface Item {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface Segment {
  text: string;
  x: number;
  end: number;
  size: number;
  /** Baseline and page, to tell a paragraph gap from a line break. */
  y?: number;
  page?: number;
}

export interface Line {
  y: number;
  segs: Segment[];
}

/** Items on one baseline become a line; items far apart on it (a table's columns) stay separate segments. */
export function linesOf(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  // Sorted top to bottom, an item is on the last line started or starts the next one.
  const lines: { y: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(cur.y - it.y) < it.size * 0.5) cur.items.push(it);
    else lines.push({ y: it.y, items: [it] });
  }
  const out: Line[] = [];
  for (const l of lines) {
    const segs: Segment[] = [];
    for (const it of l.items.length > 1 ? l.items.sort((a, b) => a.x - b.x) : l.items) {
      const last = segs[segs.length - 1];
      const gap = last ? it.x - last.end : Infinity;
      if (last && gap < it.size * 0.4) {
        const space = gap > it.size * 0.12 && !last.text.endsWith(' ') && !it.text.startsWith(' ');
        last.text += (space ? ' ' : '') + it.text;
        last.end = Math.max(last.end, it.x + it.w);
      } else segs.push({ text: it.text, x: it.x, end: it.x + it.w, size: it.size, y: l.y });
    }
    const kept = segs.filter((s) => (s.text = s.text.replace(/\s+/g, ' ').trim()));
    if (kept.length) out.push({ y: l.y, segs: kept });
  }
  return out;
}

const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–])?$/iu;
const shape = (l: Line) =>
  l.segs
    .map((s) => s.text)
    .join(' ')
    .replace(/\d+/g, '#');

/** Drops, in each page's top and bottom bands, page numbers and lines that repeat on other pages' bands. */
export function dropFurniture(pages: { lines: Line[]; height: number }[]): Line[][] {
  const band = (p: { lines: Line[]; height: number }) => p.lines.filter((l) => l.y > p.height * 0.9 || l.y < p.height * 0.1);
  const seen = new Map<string, number>();
  for (const p of pages) for (const s of new Set(band(p).map(shape))) seen.set(s, (seen.get(s) ?? 0) + 1);
  return pages.map((p) => {
    const furniture = new Set(band(p).filter((l) => PAGE_NUMBER.test(shape(l).replace(/#/g, '1')) || (seen.get(shape(l)) ?? 0) >= 2));
    return p.lines.filter((l) => !furniture.has(l));
  });
}

const LABEL_START = /^(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-–•+]|Điều\s+\d|Chương\s|Phần\s|PHỤ LỤC|Phụ lục)(?:\s|$)/u;

/** Whether `next` continues the paragraph of `prev`: prev reached the right edge, so the next word did not fit. */
export function wraps(prevEnd: number, right: number, next: Segment): boolean {
  if (LABEL_START.test(next.text)) return false;
  const first = next.text.split(' ')[0] ?? '';
  const charW = (next.end - next.x) / Math.max(1, next.text.length);
  return right - prevEnd < (first.length + 0.5) * charW;
}

/** Body lines (one segment each) re-joined into paragraphs, one per output line. */
export function reflow(lines: Segment[], right: number): string[] {
  const out: string[] = [];
  let prev: Segment | null = null;
  for (const s of lines) {
    // A gap of more than a line and a half between lines of a page: an empty paragraph, kept as a blank line.
    const gap = prev && prev.page === s.page && prev.y !== undefined && s.y !== undefined && prev.y - s.y > s.size * 2.1;
    if (gap) out.push('');
    if (prev && !gap && wraps(prev.end, right, s)) out[out.length - 1] += ` ${s.text}`;
    else out.push(s.text);
    prev = s;
  }
  return out;
}
