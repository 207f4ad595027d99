// OpenDocument text (.odt): content.xml's paragraphs and headings in order, list numbers rebuilt from the list
// styles (format, prefix, suffix, start value; bullets as "-"), tables as pipe rows with merged cells filled as
// for DOCX. Notes, annotations and tracked (deleted) changes are not read. The zip is checked for a bomb first.
import JSZip from 'jszip';
import { isAppError } from '../../core/errors.ts';
import { formatNumber } from './numbering.ts';
import { attr, find, kids, parseXml, tagOf, type XNode } from './ooxml.ts';
import { fillGrid, tableLines, type GridCell } from './table-text.ts';
import { refuse, type Extracted, type FormatLimits } from './types.ts';
import { zipBombReason } from './zip.ts';

interface Level {
  format: string;
  prefix: string;
  suffix: string;
  start: number;
}

const FORMATS: Record<string, string> = { I: 'upperRoman', i: 'lowerRoman', A: 'upperLetter', a: 'lowerLetter', '1': 'decimal' };

/** List styles (automatic ones in content.xml, named ones in styles.xml): each level's number format or a bullet. */
function listStyles(parts: XNode[][]): Map<string, Map<number, Level | null>> {
  const out = new Map<string, Map<number, Level | null>>();
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      if (tagOf(n) === 'text:list-style') {
        const levels = new Map<number, Level | null>();
        for (const l of kids(n)) {
          const level = Number(attr(l, 'text:level') ?? 1);
          const fmt = attr(l, 'style:num-format') ?? '';
          if (tagOf(l) === 'text:list-level-style-number' && FORMATS[fmt]) {
            const [prefix, suffix] = [attr(l, 'style:num-prefix') ?? '', attr(l, 'style:num-suffix') ?? ''];
            levels.set(level, { format: FORMATS[fmt]!, prefix, suffix, start: Number(attr(l, 'text:start-value') ?? 1) });
          } else if (tagOf(l) === 'text:list-level-style-bullet') levels.set(level, null);
        }
        out.set(attr(n, 'style:name') ?? '', levels);
      } else walk(kids(n));
    }
  };
  parts.forEach(walk);
  return out;
}

interface Ctx {
  styles: Map<string, Map<number, Level | null>>;
  /** Counters per list style and level; a list that continues another keeps them. */
  counters: Map<string, number[]>;
}

function inline(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) {
    const t = tagOf(n);
    if (typeof n['#text'] === 'string') s += n['#text'];
    else if (t === 'text:s') s += ' '.repeat(Number(attr(n, 'text:c') ?? 1));
    else if (t === 'text:tab') s += ' ';
    else if (t === 'text:line-break') s += '\n';
    else if (['text:span', 'text:a', 'text:ruby', 'text:ruby-base', 'text:meta', 'text:date', 'text:page-number'].includes(t))
      s += inline(kids(n));
    // text:note, office:annotation, text:tracked-changes, bookmarks: not body text.
  }
  return s;
}

const clean = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();

function list(n: XNode, ctx: Ctx, depth: number, style: string, out: string[]): void {
  const name = attr(n, 'text:style-name') ?? style;
  if (depth === 1 && attr(n, 'text:continue-numbering') !== 'true' && !attr(n, 'text:continue-list')) ctx.counters.delete(name);
  const counters = ctx.counters.get(name) ?? [];
  ctx.counters.set(name, counters);
  for (const item of kids(n)) {
    if (tagOf(item) !== 'text:list-item' && tagOf(item) !== 'text:list-header') continue;
    let labelled = tagOf(item) === 'text:list-header';
    for (const k of kids(item)) {
      if (tagOf(k) === 'text:list') {
        list(k, ctx, depth + 1, name, out);
        continue;
      }
      const lines: string[] = [];
      block([k], ctx, lines);
      if (!lines.length) continue;
      if (!labelled) {
        labelled = true;
        const level = ctx.styles.get(name)?.get(depth);
        const label =
          level === undefined
            ? ''
            : level === null
              ? '-'
              : numberLabel(ctx.styles.get(name)!, depth, counters, attr(item, 'text:start-value'));
        if (label && lines[0]) lines[0] = `${label} ${lines[0]}`;
      }
      out.push(...lines);
    }
  }
}

/**
 * An item below levels that have no item yet counts them as their first (LibreOffice shows "1.1" for a first item
 * at level 2, and the level-1 item after it is "2."): a .doc opened by LibreOffice often starts a list that way.
 */
function numberLabel(levels: Map<number, Level | null>, depth: number, counters: number[], startValue: string | undefined): string {
  const level = levels.get(depth)!;
  for (let i = 1; i < depth; i++) counters[i] ??= levels.get(i)?.start ?? 1;
  const n = startValue ? Number(startValue) : counters[depth] !== undefined ? counters[depth]! + 1 : level.start;
  counters[depth] = n;
  counters.length = depth + 1; // a deeper level starts again under a new item
  return `${level.prefix}${formatNumber(n, level.format)}${level.suffix}`;
}

function table(t: XNode, ctx: Ctx): string[] {
  const rows: GridCell[][] = [];
  const pending: number[] = []; // per column: rows still covered by a cell merged down
  const rowsOf = (nodes: XNode[]): XNode[] =>
    nodes.flatMap((k) => (tagOf(k) === 'table:table-row' ? [k] : /^table:table-(?:header-)?rows$/.test(tagOf(k)) ? rowsOf(kids(k)) : []));
  for (const tr of rowsOf(kids(t))) {
    const cells: GridCell[] = [];
    let col = 0;
    for (const tc of kids(tr)) {
      const tag = tagOf(tc);
      if (tag !== 'table:table-cell' && tag !== 'table:covered-table-cell') continue;
      const repeat = Math.min(64, Number(attr(tc, 'table:number-columns-repeated') ?? 1));
      for (let r = 0; r < repeat; r++, col++) {
        const down = (pending[col] ?? 0) > 0;
        if (down) pending[col]!--;
        if (tag === 'table:covered-table-cell' && !down) continue; // covered across: the spanning cell counts it
        const lines: string[] = [];
        block(kids(tc), ctx, lines);
        const span = Number(attr(tc, 'table:number-columns-spanned') ?? 1);
        const rowSpan = Number(attr(tc, 'table:number-rows-spanned') ?? 1);
        if (rowSpan > 1) for (let c = col; c < col + span; c++) pending[c] = rowSpan - 1;
        cells.push({ text: down ? '' : lines.join('\n'), colSpan: span, mergedUp: down });
      }
    }
    rows.push(cells);
  }
  return tableLines(fillGrid(rows));
}

function block(nodes: XNode[], ctx: Ctx, out: string[]): void {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === 'text:p' || t === 'text:h') {
      const s = clean(inline(kids(n)));
      out.push(...(s ? s.split('\n') : ['']));
    } else if (t === 'text:list') list(n, ctx, 1, '', out);
    else if (t === 'table:table') out.push(...table(n, ctx));
    else if (t === 'text:section' || t === 'text:soft-page-break') block(kids(n), ctx, out);
  }
}

export async function readOdt(buf: Buffer, file: string, limits: FormatLimits): Promise<Extracted> {
  let zip: JSZip;
  try {
    const bomb = zipBombReason(buf, limits.maxUnzippedBytes);
    if (bomb) throw refuse(file, bomb);
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw refuse(file, { vi: 'tệp ODT bị hỏng (không mở được gói nén).', en: 'the ODT file is damaged (its package cannot be opened).' });
  }
  const manifest = (await zip.file('META-INF/manifest.xml')?.async('string')) ?? '';
  if (/manifest:encryption-data/.test(manifest))
    throw refuse(file, {
      vi: 'tài liệu ODT được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại.',
      en: 'the ODT document is password-protected; remove the password and import it again.',
    });
  const content = parseXml((await zip.file('content.xml')?.async('string')) ?? '');
  const body = find(content, 'office:text');
  if (!body)
    throw refuse(file, {
      vi: 'tệp ODT bị hỏng (không có phần nội dung content.xml).',
      en: 'the ODT file is damaged (it has no content.xml).',
    });
  const styles = parseXml((await zip.file('styles.xml')?.async('string')) ?? '');
  const ctx: Ctx = { styles: listStyles([content, styles]), counters: new Map() };
  const out: string[] = [];
  block(kids(body), ctx, out);
  return { text: out.join('\n'), format: 'odt', warnings: [] };
}
