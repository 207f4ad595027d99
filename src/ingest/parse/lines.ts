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

export function prepareLines(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split('\n')) {
    const table = isTableRow(rawLine);
    let line = rawLine
      .replace(/\*\*|__/g, '')
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
