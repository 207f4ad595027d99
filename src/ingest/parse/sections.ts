// Section hierarchy and citation paths from blocks.
//
// Path convention: segments joined with "." — "Điều 2", roman "V", number "2", "2.1" replaces its parent number
// ("V.2.1", not "V.2.2.1"), letter "b", bullets by position among their siblings "-3" / "+1" ("I.4.-3").
// Text before the first label is the section "Mở đầu" (label ''); closing formulas ("Trên đây là …",
// "Quyết định này có hiệu lực …") are "Kết thúc".
import { typeWords } from '../../core/doc-types.ts';
import type { ParsedSection } from '../../core/types.ts';
import { RANK, type Block, type LabelKind } from './blocks.ts';
import { foldKeep } from './vn.ts';

export type SecKind = LabelKind | 'pre' | 'close';

export interface SecInfo {
  kind: SecKind;
  key: string;
  paras: string[]; // own paragraphs (the label line's text first when it is not a heading)
  tables: string[][][];
  children: number[];
}

/** A paragraph in document order with the section holding it; used by the target extractor for year context. */
export interface StreamItem {
  section: number;
  text: string;
  heading: boolean;
  labelled: boolean; // the first paragraph of a labelled item
}

export interface Outline {
  sections: ParsedSection[];
  info: SecInfo[];
  stream: StreamItem[];
}

// "Nơi nhận:" opens the closing; "Nơi nhận kết quả." (where a citizen collects a result) is content.
const CLOSING = new RegExp(
  `^(?:tren day la|yeu cau .{0,200}(?:${typeWords('issues')}) nay|(?:${typeWords('issues', ['van ban'])}) nay co hieu luc|` +
    `noi nhan(?!\\s*[a-z])|.{0,300}\\b(?:thuc hien|thi hanh) (?:${typeWords('executed')}) nay\\s*\\.?\\/\\.$)`,
);
const BULLET = new Set<SecKind>(['dash', 'plus']);

function isHeading(kind: LabelKind, text: string): boolean {
  if (!text) return false;
  const w = text.split(/\s+/).filter((t) => /[\p{L}\d]/u.test(t)).length; // "chính trị - xã hội": "-" is no word
  if (kind === 'dash' || kind === 'plus') return /:$/.test(text) && w <= 15;
  if (/:$/.test(text)) return w <= 25;
  // "2.11. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội trực thuộc": an addressee
  // heading runs longer than a title.
  return !/[.;!?…]["”)]*$/.test(text) && w <= (/^(?:Đề nghị|Giao)\s/u.test(text) ? 30 : 20);
}

/**
 * The citation path of a new section: its parent's path and its own segment ("V.2.2"); bullets are numbered in
 * their parent ("-1", "+2"); "2.1" under "2" (or "2.1.1" under "2.1") replaces the parent's segment.
 */
function pathOf(
  o: { sections: ParsedSection[]; info: SecInfo[]; bulletCount: Map<string, number> },
  kind: SecKind,
  key: string,
  parent: number | null,
): string {
  if (kind === 'pre') return 'Mở đầu';
  if (kind === 'close') return 'Kết thúc';
  let seg = key;
  let base = parent;
  if (kind === 'dash' || kind === 'plus') {
    const k = `${parent ?? 'root'}:${kind}`;
    const n = (o.bulletCount.get(k) ?? 0) + 1;
    o.bulletCount.set(k, n);
    seg = `${key}${n}`;
  } else if ((kind === 'num2' || kind === 'num3') && base !== null) {
    const pk = o.info[base]?.kind;
    if (pk === 'num' || (kind === 'num3' && pk === 'num2')) base = o.sections[base]?.parent ?? null;
  }
  return base === null ? seg : `${(o.sections[base] as ParsedSection).path}.${seg}`;
}

export function buildOutline(blocks: Block[]): Outline {
  const sections: ParsedSection[] = [];
  const info: SecInfo[] = [];
  const stream: StreamItem[] = [];
  let stack: number[] = [];
  let pre: number | null = null;
  let close: number | null = null;
  const bulletCount = new Map<string, number>(); // parent idx + kind → count

  const add = (kind: SecKind, label: string, key: string, parent: number | null, heading: string | null, text: string): number => {
    const idx = sections.length;
    const level = parent === null ? 0 : (sections[parent] as ParsedSection).level + 1;
    sections.push({ idx, parent, level, label, path: pathOf({ sections, info, bulletCount }, kind, key, parent), heading, text });
    info.push({ kind, key, paras: text ? [text] : [], tables: [], children: [] });
    if (parent !== null) (info[parent] as SecInfo).children.push(idx);
    return idx;
  };

  const current = (): number | null => stack[stack.length - 1] ?? null;

  for (const b of blocks) {
    if (b.table) {
      const at = current() ?? close ?? pre ?? (pre = add('pre', '', '', null, null, ''));
      (info[at] as SecInfo).tables.push(b.table);
      continue;
    }
    if (!b.label) {
      const f = foldKeep(b.text);
      if (close !== null || (sections.length > 0 && stack.length > 0 && CLOSING.test(f))) {
        if (close === null) {
          close = add('close', '', '', null, null, '');
          stack = [];
        }
        attach(close, b.text);
        continue;
      }
      let at = current();
      // After a finished bullet ("- … ;"), a new paragraph belongs to the bullet's parent, except the bullet's own
      // "Thời gian thực hiện: …" line.
      const own = /^thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:/.test(f);
      while (
        !own &&
        at !== null &&
        BULLET.has(info[at]?.kind as SecKind) &&
        !sections[at]?.heading &&
        /[.;!?…]["”)]*$/.test(lastText(at))
      ) {
        stack.pop();
        at = current();
      }
      if (at === null) at = pre ?? (pre = add('pre', '', '', null, null, ''));
      attach(at, b.text);
      continue;
    }
    const { kind, printed, key } = b.label;
    // A part of the document after its closing lines ("I. MỤC TIÊU" of a plan printed below the decision's signature
    // without a header of its own): the closing is over, and the paragraphs that follow are that part's text.
    if (close !== null && RANK[kind] <= RANK.num) close = null;
    // Sibling of an open item of the same kind, or child of the current item; structural kinds close deeper items.
    const same = findLast(stack, (i) => info[i]?.kind === kind);
    if (same >= 0) stack = stack.slice(0, same);
    else if (RANK[kind] <= RANK.num) stack = stack.filter((i) => RANK[info[i]?.kind as LabelKind] < RANK[kind]);
    const parent = current();
    const heading = isHeading(kind, b.text) ? b.text.replace(/\s*:$/, '') : null;
    const idx = add(kind, printed, key, parent, heading, heading ? '' : b.text);
    stream.push({ section: idx, text: b.text, heading: heading !== null, labelled: true });
    stack.push(idx);
  }

  function attach(at: number, text: string): void {
    const s = sections[at] as ParsedSection;
    s.text = s.text ? `${s.text}\n${text}` : text;
    (info[at] as SecInfo).paras.push(text);
    stream.push({ section: at, text, heading: false, labelled: false });
  }
  function lastText(at: number): string {
    const p = info[at]?.paras;
    return p && p.length > 0 ? (p[p.length - 1] as string) : (sections[at]?.heading ?? '');
  }
  return { sections, info, stream };
}

function findLast<T>(a: T[], pred: (x: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (pred(a[i] as T)) return i;
  return -1;
}
