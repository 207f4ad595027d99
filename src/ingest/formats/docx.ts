// DOCX: paragraphs in order with Word's automatic numbers rebuilt, tables as pipe rows (merged cells filled,
// paragraphs in a cell kept apart). Headers, footers, comments, footnotes and deleted (tracked) text are not read.
import JSZip from 'jszip';
import { isAppError } from '../../core/errors.ts';
import { Numbering, paragraphNumRef, styleNumbering, type NumRef } from './numbering.ts';
import { attr, child, kids, parseXml, tagOf, textOf, type XNode } from './ooxml.ts';
import { fillGrid, tableLines, type GridCell } from './table-text.ts';
import { refuse, type Extracted, type FormatLimits } from './types.ts';
import { zipBombReason } from './zip.ts';

interface Ctx {
  numbering: Numbering;
  styles: Map<string, NumRef>;
}

/** Text of a run-level container: runs, hyperlinks, insertions, fields, content controls; deletions skipped. */
function inlineText(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) {
    switch (tagOf(n)) {
      case 'w:t':
        s += textOf(n);
        break;
      case 'w:tab':
      case 'w:ptab':
        s += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        s += attr(n, 'w:type') === 'page' ? '' : '\n';
        break;
      case 'w:noBreakHyphen':
        s += '-';
        break;
      case 'w:del':
      case 'w:delText':
      case 'w:pPr':
      case 'w:rPr':
      case 'w:instrText':
      case 'w:footnoteReference':
      case 'w:endnoteReference':
      case 'w:commentReference':
        break;
      case 'w:r':
      case 'w:hyperlink':
      case 'w:ins':
      case 'w:smartTag':
      case 'w:fldSimple':
      case 'w:sdt':
      case 'w:sdtContent':
      case 'w:customXml':
        s += inlineText(kids(n));
        break;
    }
  }
  return s;
}

function paragraph(p: XNode, ctx: Ctx): string {
  const text = inlineText(kids(p))
    .replace(/[ \u00a0]+/g, ' ')
    .trim();
  const ref = paragraphNumRef(p, ctx.styles);
  // An empty numbered paragraph still takes its number in Word; it prints nothing here.
  const label = ref ? ctx.numbering.next(ref) : null;
  return label && text ? `${label} ${text}` : text;
}

function table(tbl: XNode, ctx: Ctx): string[] {
  const rows: GridCell[][] = [];
  for (const tr of kids(tbl).filter((k) => tagOf(k) === 'w:tr')) {
    const cells: GridCell[] = [];
    for (const tc of cellsOf(tr)) {
      const pr = child(tc, 'w:tcPr');
      const vMerge = child(pr, 'w:vMerge');
      const text = blockLines(kids(tc), ctx)
        .filter((l) => !/^\|?-{3}/.test(l))
        .join('\n');
      cells.push({
        text,
        colSpan: Number(attr(child(pr, 'w:gridSpan'), 'w:val') ?? 1),
        mergedUp: !!vMerge && attr(vMerge, 'w:val') !== 'restart',
      });
    }
    rows.push(cells);
  }
  return tableLines(fillGrid(rows));
}

function cellsOf(tr: XNode): XNode[] {
  return kids(tr).flatMap((k) => (tagOf(k) === 'w:tc' ? [k] : tagOf(k) === 'w:sdt' ? cellsOf(child(k, 'w:sdtContent') ?? {}) : []));
}

/** Lines of a block container (the body, a cell, a content control). A table inside a cell is read as text. */
function blockLines(nodes: XNode[], ctx: Ctx, top = false): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === 'w:p') out.push(...paragraph(n, ctx).split('\n'));
    else if (t === 'w:tbl') out.push(...(top ? table(n, ctx) : nestedTable(n, ctx)));
    else if (t === 'w:sdt' || t === 'w:customXml') out.push(...blockLines(kids(child(n, 'w:sdtContent') ?? n), ctx, top));
  }
  return out;
}

function nestedTable(tbl: XNode, ctx: Ctx): string[] {
  return kids(tbl)
    .filter((k) => tagOf(k) === 'w:tr')
    .map((tr) =>
      cellsOf(tr)
        .map((tc) => blockLines(kids(tc), ctx).join(' '))
        .filter(Boolean)
        .join('; '),
    );
}

async function part(zip: JSZip, name: string): Promise<XNode[] | null> {
  const f = zip.file(name);
  return f ? parseXml(await f.async('string')) : null;
}

export async function readDocx(buf: Buffer, file: string, limits: FormatLimits): Promise<Extracted> {
  let zip: JSZip;
  try {
    const bomb = zipBombReason(buf, limits.maxUnzippedBytes);
    if (bomb) throw refuse(file, bomb);
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw refuse(file, { vi: 'tệp DOCX bị hỏng (không mở được gói nén).', en: 'the DOCX file is damaged (its package cannot be opened).' });
  }
  const doc = await part(zip, 'word/document.xml');
  const body = doc
    ? child(
        doc.find((n) => tagOf(n) === 'w:document'),
        'w:body',
      )
    : undefined;
  if (!body)
    throw refuse(file, {
      vi: 'tệp DOCX bị hỏng (không có phần nội dung word/document.xml).',
      en: 'the DOCX file is damaged (it has no word/document.xml).',
    });
  const ctx: Ctx = {
    numbering: new Numbering(await part(zip, 'word/numbering.xml')),
    styles: styleNumbering(await part(zip, 'word/styles.xml')),
  };
  const text = blockLines(kids(body), ctx, true).join('\n');
  return { text, format: 'docx', warnings: [] };
}
