// A page saved from a portal (vbpl.vn, thuvienphapluat.vn, a province's or a newspaper's site): the document's
// body without menus, ads, related links, rating or share widgets; paragraphs one per line, tables as pipe rows.
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { fillGrid, tableLines, type GridCell } from './table-text.ts';
import type { Extracted } from './types.ts';

/** Containers the portals put a document's full text in, best first. */
const BODY_SELECTORS = [
  '#toanvancontent',
  '.toanvancontent',
  '.content1',
  '#divContentDoc',
  '.fulltext',
  '.the-document',
  'article',
  'main',
];
const NOISE =
  'script, style, noscript, iframe, form, nav, header, footer, aside, button, input, select, svg, [class*="menu"], [class*="banner"], [class*="ads"], [id*="ads"], [class*="quangcao"], [class*="rating"], [class*="share"], [class*="lien-quan"], [class*="related"], [class*="breadcrumb"], [class*="sidebar"], [class*="comment"]';
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'section',
  'article',
  'blockquote',
  'center',
  'pre',
  'ul',
  'ol',
  'dd',
  'dt',
]);

function bodyOf(root: HTMLElement): HTMLElement {
  for (const sel of BODY_SELECTORS) {
    const el = root.querySelector(sel);
    if (el && el.text.trim().length > 200) return el;
  }
  // No known container: the element holding the most paragraph text.
  let best = root.querySelector('body') ?? root;
  let bestLen = 0;
  for (const el of root.querySelectorAll('div, td, section')) {
    const len = el.childNodes
      .filter((c) => c instanceof Object && (c as HTMLElement).tagName === 'P')
      .reduce((a, p) => a + p.text.length, 0);
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return best;
}

function cellGrid(table: HTMLElement, walkCell: (el: HTMLElement) => string): string[][] {
  const rows: GridCell[][] = [];
  const pending: { col: number; left: number; text: string }[] = []; // rowspans still covering columns
  for (const tr of table.querySelectorAll('tr').filter((r) => r.closest('table') === table)) {
    const cells: GridCell[] = [];
    let col = 0;
    const place = () => {
      for (let p = pending.find((x) => x.col === col && x.left > 0); p; p = pending.find((x) => x.col === col && x.left > 0)) {
        cells.push({ text: p.text, colSpan: 1, mergedUp: true });
        p.left--;
        col++;
      }
    };
    for (const td of tr.childNodes.filter(
      (c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE && /^t[dh]$/i.test((c as HTMLElement).tagName),
    )) {
      place();
      const span = Number(td.getAttribute('colspan') ?? 1) || 1;
      const down = Number(td.getAttribute('rowspan') ?? 1) || 1;
      const text = walkCell(td);
      if (down > 1) pending.push({ col, left: down - 1, text });
      cells.push({ text, colSpan: span, mergedUp: false });
      col += span;
    }
    place();
    rows.push(cells);
  }
  return fillGrid(rows);
}

function linesOf(el: Node, out: string[], cur: { s: string }): void {
  const flush = () => {
    const t = cur.s.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) out.push(t);
    cur.s = '';
  };
  for (const c of el.childNodes) {
    if (c.nodeType === NodeType.TEXT_NODE) cur.s += c.text.replace(/\s+/g, ' ');
    else if (c.nodeType === NodeType.ELEMENT_NODE) {
      const e = c as HTMLElement;
      const tag = e.tagName?.toLowerCase() ?? '';
      if (tag === 'br') flush();
      else if (tag === 'table') {
        flush();
        out.push(...tableLines(cellGrid(e, (td) => cellText(td))));
      } else if (BLOCK.has(tag)) {
        flush();
        if (tag === 'p' && !e.text.replace(/[\s\u00a0]+/g, '')) out.push(''); // an empty paragraph: a blank line
        linesOf(e, out, cur);
        flush();
      } else linesOf(e, out, cur);
    }
  }
}

function cellText(td: HTMLElement): string {
  const out: string[] = [];
  const cur = { s: '' };
  linesOf(td, out, cur);
  out.push(cur.s.trim());
  return out.filter((l) => l && !/^\|/.test(l)).join('\n');
}

export function readHtml(html: string): Extracted {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  for (const el of root.querySelectorAll(NOISE)) el.remove();
  const out: string[] = [];
  const cur = { s: '' };
  linesOf(bodyOf(root), out, cur);
  out.push(cur.s.trim());
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, format: 'html', warnings: [] };
}
