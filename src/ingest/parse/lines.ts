// Line-level clean-up of copy-pasted texts: Markdown markup, web-page wrappers, layout separators.
// Output: one string per line, '' where the line only separated things (blank, "|", "-----").

const WRAPPER_LINE: RegExp[] = [
  /^theo\s+[\w.-]+\.(?:vn|com|net|org)\b.*$/i,
  /^ngu[oồ]n\s*:\s*[\w./:-]+$/i,
  /^đánh giá bài viết\s*\(\s*\d*\s*\)$/i,
  /^(?:chia sẻ|in bài( viết)?|gửi bài( viết)?|bình luận|tin liên quan|các tin khác|tags?)\s*[:(]?.*$/i,
  /^(?:share|tweet|like|print|email)$/i,
];
// "(Mic.gov.vn) - " at the start of a news lede.
const WRAPPER_PREFIX = /^\(\s*[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\s*\)\s*[-–—:]?\s*/i;

export function isTableRow(line: string): boolean {
  if (line.includes('\t')) return line.split('\t').filter((c) => c.trim()).length >= 2;
  const cells = line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|');
  return cells.length >= 3 && cells.filter((c) => c.trim()).length >= 2;
}

// Page furniture of a text copied from a PDF: "2", "- 3 -", "Trang 2/5" alone on a line.
const PAGE_MARK = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/iu;

/**
 * Removes page numbers and the running header or footer repeated next to them, and re-joins words the PDF
 * hyphenated at a line end ("công ngh-" + "ệ thông tin"). Removed lines become '' so paragraphs still join.
 */
function dropPageFurniture(raw: string[]): string[] {
  const lines = [...raw];
  const marks = new Set<number>();
  lines.forEach((l, i) => {
    if (PAGE_MARK.test(l.trim()) && !isTableRow(l)) marks.add(i);
  });
  if (marks.size > 0) {
    const count = new Map<string, number>();
    for (const l of lines) if (l.trim().length >= 10) count.set(l.trim(), (count.get(l.trim()) ?? 0) + 1);
    const near = (i: number) => [-3, -2, -1, 1, 2, 3].some((d) => marks.has(i + d));
    lines.forEach((l, i) => {
      if (marks.has(i) || ((count.get(l.trim()) ?? 0) >= 2 && near(i))) lines[i] = '';
    });
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const cur = lines[i] as string;
    const next = lines[i + 1] as string;
    if (/\p{L}-$/u.test(cur.trimEnd()) && /^\p{Ll}/u.test(next)) {
      lines[i] = cur.trimEnd().slice(0, -1) + next;
      lines[i + 1] = '';
    }
  }
  return lines;
}

const PIPE_ONLY = /^\s*\|\s*$/;

/**
 * Tables exported one cell per line (legal-document websites): cells separated by lines holding only "|", a row ended
 * by two such lines in a row, no blank line inside the table. Rebuilt as "| a | b | c |" rows when the run has at
 * least two rows and three cells in a row; smaller runs (the two-cell header and signature layouts) are left alone.
 */
export function rebuildCellTables(raw: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    if (!PIPE_ONLY.test(raw[i] as string)) {
      out.push(raw[i] as string);
      i++;
      continue;
    }
    let j = i;
    while (j < raw.length && (raw[j] as string).trim() !== '') j++;
    const rows = cellRows(raw.slice(i, j));
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length >= 2 && width >= 3) {
      // A group row ("A | PHÁT TRIỂN NỀN MÓNG …") has fewer cells: padded, it stays a row of the same table.
      const pad = (r: string[]) => (r.length >= 3 ? r : [...r, ...Array<string>(width - r.length).fill('')]);
      for (const r of rows)
        out.push(
          `| ${pad(r)
            .map((c) => c.replace(/\|/g, '/'))
            .join(' | ')} |`,
        );
    } else out.push(...raw.slice(i, j));
    i = j;
  }
  return out;
}

function cellRows(run: string[]): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell: string[] | null = null;
  const cleanCell = (c: string[]) =>
    c
      .join(' ')
      .replace(/\*\*|__/g, '')
      .replace(/^\s*\*\s*|\s*\*\s*$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  for (let k = 0; k < run.length; k++) {
    const l = run[k] as string;
    if (PIPE_ONLY.test(l)) {
      if (cell) row.push(cleanCell(cell));
      cell = [];
      if (PIPE_ONLY.test(run[k + 1] ?? '') || k + 1 >= run.length) {
        if (row.length) rows.push(row);
        row = [];
        cell = null;
        if (k + 1 < run.length) k++; // the second "|" opens the next row
        cell = k + 1 < run.length ? [] : null;
      }
      continue;
    }
    (cell ??= []).push(l);
  }
  if (cell && cell.length) row.push(cleanCell(cell));
  if (row.length) rows.push(row);
  return rows;
}

export function prepareLines(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of dropPageFurniture(rebuildCellTables(text.split('\n')))) {
    const table = isTableRow(rawLine);
    let line = rawLine
      .replace(/\*\*|__/g, '')
      // Italic markers, paired ("*Đơn vị chủ trì:*"), closed after a space ("*Dữ liệu mở *là", "*trước ngày 31/3/2026 *để")
      // or broken across lines ("*1.2." / "… thường trực*"); "* " is a bullet.
      .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
      .replace(/\*(?=\S)([^*]*?\S)\s+\*(?=[\p{L}\p{N}(])/gu, '$1 ')
      .replace(/^(\s*)\*(?=[^\s*])/, '$1')
      .replace(/(?<=[^\s*])\*\s*$/, '')
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/[ \u000B\f]+/g, ' ');
    line = table ? line.trim() : line.replace(/\t+/g, ' ').trim();
    if (!line || /^\|+$/.test(line) || /^[-=_*~.·•]{3,}$/.test(line) || /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(line)) {
      out.push('');
      continue;
    }
    if (WRAPPER_LINE.some((re) => re.test(line))) {
      out.push('');
      continue;
    }
    line = line.replace(WRAPPER_PREFIX, '');
    if (table) {
      out.push(line);
      continue;
    }
    // Layout cells of a header table: "| ỦY BAN NHÂN DÂN | CỘNG HÒA … |" → one line per cell.
    const cells = line.split('|').map((c) => c.trim());
    cells.forEach((c, i) => {
      if (i > 0) out.push('');
      if (c) out.push(c);
    });
  }
  return out;
}
