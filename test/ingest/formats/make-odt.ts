// An .odt of a text twin, in the shape LibreOffice writes (content.xml with automatic list styles, nested
// text:list per numbered paragraph continuing the numbering, tables with cells merged down and across as
// table:number-rows-spanned / covered cells). Written here because `soffice --convert-to odt` is not installed
// on every machine; the output is committed as a fixture like the others (npm run fixtures:formats).
import JSZip from 'jszip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (t: string, style = 'P1') => `<text:p text:style-name="${style}">${esc(t)}</text:p>`;
const LABEL: [RegExp, number][] = [
  [/^[IVX]+\.\s+/, 1],
  [/^\d+\.\s+/, 2],
  [/^[a-zđ]\)\s+/, 3],
];

function listItem(text: string, level: number, style: string, first: boolean): string {
  let inner = `<text:list-item>${p(text)}</text:list-item>`;
  for (let l = level; l > 1; l--) inner = `<text:list-item><text:list>${inner}</text:list></text:list-item>`;
  return `<text:list text:style-name="${style}"${first ? '' : ' text:continue-numbering="true"'}>${inner}</text:list>`;
}

const cellsOf = (line: string) =>
  line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

function table(lines: string[]): string {
  const rows = lines.filter((l) => !/^\|-/.test(l)).map(cellsOf);
  const width = rows[0]!.length;
  const cell = (t: string, attrs = '') =>
    `<table:table-cell office:value-type="string"${attrs}>${t
      .split('<br>')
      .map((x) => p(x))
      .join('')}</table:table-cell>`;
  const body = rows.map((r, i) => {
    if (i > 0 && r.slice(2).every((c) => !c))
      return `<table:table-row>${cell(r[0]!)}${cell(r[1]!, ` table:number-columns-spanned="${width - 1}"`)}${'<table:covered-table-cell/>'.repeat(width - 2)}</table:table-row>`;
    const cells = r.map((c, j) => {
      if (i > 0 && j >= 2 && c && rows[i - 1]![j] === c) return '<table:covered-table-cell/>';
      let span = 1;
      while (i > 0 && j >= 2 && c && rows[i + span]?.[j] === c) span++;
      return cell(c, span > 1 ? ` table:number-rows-spanned="${span}"` : '');
    });
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  });
  return `<table:table table:name="Bang${lines.length}"><table:table-column table:number-columns-repeated="${width}"/>${body.join('')}</table:table>`;
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"';
const LIST_STYLES =
  '<text:list-style style:name="L1">' +
  '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/>' +
  '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>' +
  '<text:list-level-style-number text:level="3" style:num-suffix=")" style:num-format="a"/>' +
  '</text:list-style><text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="-"/></text:list-style>';

export async function odtOf(text: string): Promise<Buffer> {
  const lines = text.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let numbered = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('|')) {
      const start = i;
      while (lines[i + 1]?.startsWith('|')) i++;
      out.push(table(lines.slice(start, i + 1)));
      continue;
    }
    const label = LABEL.find(([re]) => re.test(line));
    if (label) {
      out.push(listItem(line.replace(label[0], ''), label[1], 'L1', !numbered));
      numbered = true;
    } else if (/^- /.test(line)) out.push(listItem(line.slice(2), 1, 'L2', true));
    else out.push(p(line));
  }
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${LIST_STYLES}</office:automatic-styles><office:body><office:text>${out.join('')}</office:text></office:body></office:document-content>`,
  );
  zip.file('styles.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles/></office:document-styles>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.oasis.opendocument.text' });
}

if (process.argv[1] === import.meta.filename) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const name = join(import.meta.dirname, 'fixtures/dong-thap-2024-ke-hoach-312-chuyen-doi-so');
  writeFileSync(`${name}.odt`, await odtOf(readFileSync(`${name}.txt`, 'utf8')));
}
