// A readable line diff (longest common subsequence) for the admin: what a proposal would change in a file.
// Hunks show two lines of context and the line numbers of both sides; "-" is the existing file, "+" the proposal.
import { catalog, type Locale } from '../../core/i18n.ts';

const TEXT = catalog({
  vi: {
    hunk: (a: number, b: number) => `@@ dòng ${a} (hiện có) / dòng ${b} (đề xuất) @@`,
    more: (n: number) => `… còn ${n} dòng khác biệt nữa (xem hai tệp).`,
  },
  en: {
    hunk: (a: number, b: number) => `@@ line ${a} (existing) / line ${b} (proposed) @@`,
    more: (n: number) => `… ${n} more differing lines (see the two files).`,
  },
});

export type DiffLine = { op: ' ' | '-' | '+'; text: string; a: number; b: number }; // a, b: 1-based line numbers

export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[at(i, j)] = a[i] === b[j] ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ op: ' ', text: a[i++]!, a: i, b: ++j });
    else if (i < n && (j === m || lcs[at(i + 1, j)]! >= lcs[at(i, j + 1)]!)) out.push({ op: '-', text: a[i++]!, a: i, b: j });
    else out.push({ op: '+', text: b[j++]!, a: i, b: j });
  }
  return out;
}

/** The changed lines with `context` lines around them, in hunks headed by their line numbers; '' when equal. */
export function formatDiff(before: string, after: string, opts: { context?: number; maxLines?: number; locale?: Locale } = {}): string {
  const T = TEXT(opts.locale);
  const context = opts.context ?? 2;
  const lines = diffLines(before, after);
  const keep = lines.map(() => false);
  lines.forEach((l, k) => {
    if (l.op === ' ') return;
    for (let d = Math.max(0, k - context); d <= Math.min(lines.length - 1, k + context); d++) keep[d] = true;
  });
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!keep[k]) continue;
    let end = k;
    while (end + 1 < lines.length && keep[end + 1]) end++;
    const hunk = lines.slice(k, end + 1);
    const first = hunk[0]!;
    out.push(T.hunk(first.op === '+' ? first.a + 1 : first.a, first.op === '-' ? first.b + 1 : first.b));
    for (const l of hunk) out.push(`${l.op} ${l.text}`);
    k = end;
  }
  const max = opts.maxLines ?? Infinity;
  if (out.length > max) return [...out.slice(0, max), T.more(out.length - max)].join('\n');
  return out.join('\n');
}

function splitLines(s: string): string[] {
  if (!s) return [];
  return s.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}
