// Splits a long reply into platform-sized parts: at paragraph, then line, then word boundaries.
// A line is only ever cut when it is longer than the limit on its own, and then between words;
// a citation line ("Nguồn: …") is never cut and never separated from the block it closes.

/** How every adapter writes a citation as plain text; the splitter recognises these lines. */
export const CITATION_PREFIX = 'Nguồn: ';

/** The answerer's own citation line under a quoted passage: "— Kế hoạch 37/KH-STTTT, Cà Mau, mục V.2.2". */
const SOURCE_LINE = /^— \S.*(, mục \S+|\d+\/[\p{L}\d-]+)/u;

export function isCitationLine(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith(CITATION_PREFIX) || SOURCE_LINE.test(t);
}

/** Breaks one over-long line between words; a single word longer than the limit is cut by code points. */
function splitLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(/(?<=\s)/)) {
    if ((cur + word).trimEnd().length <= limit) {
      cur += word;
      continue;
    }
    if (cur.trim()) out.push(cur.trimEnd());
    cur = word;
    while (cur.trimEnd().length > limit) {
      const chars = Array.from(cur);
      let piece = '';
      let i = 0;
      while (i < chars.length && (piece + chars[i]).length <= limit) piece += chars[i++];
      out.push(piece);
      cur = chars.slice(i).join('');
    }
  }
  if (cur.trim()) out.push(cur.trimEnd());
  return out;
}

/** Units the splitter keeps whole when they fit: lines, with a citation line glued to the line before it. */
function units(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length - 1;
    if (isCitationLine(line) && prev >= 0 && out[prev]!.trim() !== '') out[prev] = `${out[prev]}\n${line}`;
    else out.push(line);
  }
  return out;
}

export function splitMessage(text: string, limit: number): string[] {
  if (limit < 20) throw new Error(`split limit too small: ${limit}`);
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (clean.length <= limit) return clean ? [clean] : [];
  const parts: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.trim()) parts.push(cur.replace(/\n+$/, '').trimEnd());
    cur = '';
  };
  for (const unit of units(clean)) {
    const candidate = cur ? `${cur}\n${unit}` : unit;
    if (candidate.length <= limit) {
      cur = candidate;
      continue;
    }
    flush();
    if (unit.length <= limit) {
      cur = unit;
      continue;
    }
    // A glued "line + citation" that does not fit: give the citation its own part rather than cut it.
    const lines = unit.split('\n');
    for (const line of lines) {
      if (line.length <= limit) {
        const next = cur ? `${cur}\n${line}` : line;
        if (next.length <= limit) cur = next;
        else {
          flush();
          cur = line;
        }
        continue;
      }
      flush();
      const pieces = splitLine(line, limit);
      cur = pieces.pop() ?? '';
      parts.push(...pieces);
    }
  }
  flush();
  return parts.filter((p) => p.trim() !== '');
}
