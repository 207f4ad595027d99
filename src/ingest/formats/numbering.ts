// Word's automatic numbering rebuilt as printed text: numbering.xml's formats ("%1.", "%2)"), start values and
// overrides, counters per list that restart below a higher level, and numbering that comes from a paragraph style.
import { attr, child, children, find, kids, type XNode } from './ooxml.ts';

interface Level {
  fmt: string;
  text: string;
  start: number;
}

export interface NumRef {
  numId: string;
  ilvl: number;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}

function letter(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

const val = (n: XNode | undefined) => attr(n, 'w:val');

export class Numbering {
  private abstract = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();

  constructor(numberingXml: XNode[] | null) {
    const root = numberingXml ? find(numberingXml, 'w:numbering') : undefined;
    for (const a of children(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'w:lvl'))
        levels.set(Number(attr(l, 'w:ilvl') ?? 0), {
          fmt: val(child(l, 'w:numFmt')) ?? 'decimal',
          text: val(child(l, 'w:lvlText')) ?? '',
          start: Number(val(child(l, 'w:start')) ?? 1),
        });
      this.abstract.set(attr(a, 'w:abstractNumId') ?? '', levels);
    }
    for (const n of children(root, 'w:num')) {
      const starts = new Map<number, number>();
      for (const o of children(n, 'w:lvlOverride')) {
        const s = val(child(o, 'w:startOverride'));
        if (s !== undefined) starts.set(Number(attr(o, 'w:ilvl') ?? 0), Number(s));
      }
      this.nums.set(attr(n, 'w:numId') ?? '', { abstractId: val(child(n, 'w:abstractNumId')) ?? '', starts });
    }
  }

  /** The printed label of the next paragraph of list `ref` ("II.", "2.1.", "a)", "-"), or null for none. */
  next(ref: NumRef): string | null {
    const num = this.nums.get(ref.numId);
    const levels = num ? this.abstract.get(num.abstractId) : undefined;
    const level = levels?.get(ref.ilvl);
    if (!num || !levels || !level) return null;
    if (level.fmt === 'bullet') return '-';
    if (level.fmt === 'none') return null;
    // Lists sharing an abstract definition continue each other's numbers unless one restarts them.
    const key = num.starts.size ? `n${ref.numId}` : `a${num.abstractId}`;
    const c = this.counters.get(key) ?? [];
    const startOf = (i: number) => num.starts.get(i) ?? levels.get(i)?.start ?? 1;
    c[ref.ilvl] = c[ref.ilvl] === undefined ? startOf(ref.ilvl) : c[ref.ilvl]! + 1;
    c.length = ref.ilvl + 1; // deeper levels restart
    this.counters.set(key, c);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(c[i] ?? startOf(i), levels.get(i)?.fmt ?? 'decimal');
    });
  }
}

/** Numbering a paragraph style gives its paragraphs (headings numbered by their style), following basedOn. */
export function styleNumbering(stylesXml: XNode[] | null): Map<string, NumRef> {
  const out = new Map<string, NumRef>();
  const root = stylesXml ? find(stylesXml, 'w:styles') : undefined;
  const raw = new Map<string, { numPr?: XNode; basedOn?: string }>();
  for (const s of children(root, 'w:style')) {
    const pPr = child(s, 'w:pPr');
    raw.set(attr(s, 'w:styleId') ?? '', { numPr: child(pPr, 'w:numPr'), basedOn: val(child(s, 'w:basedOn')) });
  }
  for (const id of raw.keys()) {
    let cur: string | undefined = id;
    for (let depth = 0; cur && depth < 10; depth++) {
      const s = raw.get(cur);
      const numId = val(child(s?.numPr, 'w:numId'));
      if (numId) {
        out.set(id, { numId, ilvl: Number(val(child(s?.numPr, 'w:ilvl')) ?? 0) });
        break;
      }
      cur = s?.basedOn;
    }
  }
  return out;
}

export function paragraphNumRef(p: XNode, styles: Map<string, NumRef>): NumRef | null {
  const pPr = kids(p).find((k) => 'w:pPr' in k);
  const numPr = child(pPr, 'w:numPr');
  const numId = val(child(numPr, 'w:numId'));
  const styled = styles.get(val(child(pPr, 'w:pStyle')) ?? '');
  if (numId === '0') return null;
  if (numId) return { numId, ilvl: Number(val(child(numPr, 'w:ilvl')) ?? styled?.ilvl ?? 0) };
  return styled ?? null;
}
