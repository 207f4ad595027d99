// One-off generator of the binary format fixtures from their text twins (run: npm run fixtures:formats, then
// commit test/ingest/formats/fixtures). Needs LibreOffice (soffice) and poppler (pdftoppm).
//   <twin>.docx   built with the `docx` package: Word's automatic numbering (I./1./a) and bullets), bold headings,
//                 the appendix as a table with merged cells (leads and deadlines merged down, group rows across)
//                 and a cell of two paragraphs
//   <twin>.pdf    the DOCX rendered by LibreOffice (a text layer)
//   <twin>.doc    Word 97-2003 by LibreOffice, from a DOCX with the numbers typed (see README: .doc numbering)
//   <twin>.auto.doc  Word 97-2003 by LibreOffice from <twin>.docx itself: the numbers are Word's automatic ones
//   <twin>.html   the text inside a portal page's layout (menu, ads, related links, rating widget)
//   <scan>.scan.pdf / .jpg  page 1 of the scan twin's PDF rasterised at 300 dpi (grey JPEG), wrapped in a PDF
//   <twin>.pages.pdf  the twin's text with a page break before parts II and III (3 pages: citations say "trang N"),
//                 by LibreOffice from plain HTML; `npx tsx test/ingest/formats/make-fixtures.ts --pages` makes only this one
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { portalHtml } from './portal-html.ts';

const DIR = join(import.meta.dirname, 'fixtures');
export const TWIN = 'dong-thap-2024-ke-hoach-312-chuyen-doi-so';
export const SCAN = 'dong-thap-2024-chi-thi-09-an-toan-thong-tin';

const COMMENTED = 'dịch vụ công trực tuyến toàn trình';

const LABEL: [RegExp, number][] = [
  [/^[IVX]+\.\s+/, 0],
  [/^\d+\.\s+/, 1],
  [/^[a-zđ]\)\s+/, 2],
];

function numbered(line: string, typed: boolean): Paragraph {
  for (const [re, level] of LABEL) {
    const m = re.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length);
    const bold = level === 0 || (level === 1 && !/[.;:]$/.test(rest));
    // A reviewer's comment on one target: the reader must not mix its text into the document.
    const runs = typed
      ? [new TextRun({ text: line, bold })]
      : rest.includes(COMMENTED)
        ? [
            new CommentRangeStart(0),
            new TextRun({ text: rest, bold }),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
          ]
        : [new TextRun({ text: rest, bold })];
    return new Paragraph({ children: runs, numbering: typed ? undefined : { reference: 'muc', level } });
  }
  if (/^- /.test(line) && !typed)
    return new Paragraph({ children: [new TextRun(line.slice(2))], numbering: { reference: 'gach', level: 0 } });
  const upper = line === line.toUpperCase() && /\p{L}/u.test(line);
  return new Paragraph({ children: [new TextRun({ text: line, bold: upper })], alignment: upper ? AlignmentType.CENTER : undefined });
}

const cellsOf = (line: string) =>
  line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** Lead, partner and deadline cells equal to the row above are merged down; a group row spans its title across. */
function table(lines: string[]): Table {
  const rows = lines.filter((l) => !/^\|-/.test(l)).map(cellsOf);
  const width = rows[0]!.length;
  const para = (t: string, bold = false) => t.split('<br>').map((p) => new Paragraph({ children: [new TextRun({ text: p, bold })] }));
  return new Table({
    rows: rows.map((r, i) => {
      const group = i > 0 && r.slice(2).every((c) => !c);
      if (group)
        return new TableRow({
          children: [new TableCell({ children: para(r[0]!, true) }), new TableCell({ children: para(r[1]!, true), columnSpan: width - 1 })],
        });
      return new TableRow({
        children: r.map((c, j) => {
          const above = rows[i - 1]?.[j];
          const below = rows[i + 1]?.[j];
          const mergeable = i > 0 && j >= 2 && c !== '';
          const verticalMerge =
            mergeable && above === c ? VerticalMergeType.CONTINUE : mergeable && below === c ? VerticalMergeType.RESTART : undefined;
          return new TableCell({
            children: verticalMerge === VerticalMergeType.CONTINUE ? [new Paragraph('')] : para(c, i === 0),
            verticalMerge,
          });
        }),
      });
    }),
  });
}

export const RUNNING_HEAD = 'UBND tỉnh Đồng Tháp - Kế hoạch chuyển đổi số năm 2025';

/** A running header and "Trang 1/2" in the footer: DOCX does not read them; the PDF drops them as furniture. */
function furniture() {
  return {
    headers: {
      default: new Header({ children: [new Paragraph({ children: [new TextRun(RUNNING_HEAD)], alignment: AlignmentType.RIGHT })] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            children: [new TextRun({ children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] })],
            alignment: AlignmentType.CENTER,
          }),
        ],
      }),
    },
  };
}

export async function docxOf(text: string, typed = false): Promise<Buffer> {
  const lines = text.replace(/\n$/, '').split('\n');
  const children: (Paragraph | Table)[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('|')) {
      const start = i;
      while (lines[i + 1]?.startsWith('|')) i++;
      children.push(table(lines.slice(start, i + 1)));
    } else children.push(lines[i] ? numbered(lines[i]!, typed) : new Paragraph(''));
  }
  const lvl = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level,
    format,
    text,
    alignment: AlignmentType.LEFT,
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'muc',
          levels: [lvl(0, LevelFormat.UPPER_ROMAN, '%1.'), lvl(1, LevelFormat.DECIMAL, '%2.'), lvl(2, LevelFormat.LOWER_LETTER, '%3)')],
        },
        { reference: 'gach', levels: [lvl(0, LevelFormat.BULLET, '-')] },
      ],
    },
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    comments: {
      children: typed
        ? []
        : [{ id: 0, author: 'Phòng CĐS', children: [new Paragraph('Đề nghị rà soát lại chỉ tiêu này, số liệu năm trước chỉ đạt 45%')] }],
    },
    sections: [
      {
        // word-extractor 1.0.4 fails on the paragraph properties LibreOffice writes for a header and footer in
        // a .doc: the typed variant (the .doc's source) has none.
        ...(typed ? {} : furniture()),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function soffice(input: string, to: string, outDir: string): void {
  execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', outDir, input], { stdio: 'ignore' });
}

/** A PDF of `pages` pages each showing the same JPEG, as a scanner writes it. */
export function jpegPdf(jpeg: Buffer, width: number, height: number, components: number, dpi = 300, pages = 1): Buffer {
  const [w, h] = [(width * 72) / dpi, (height * 72) / dpi].map((v) => v.toFixed(2));
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const page = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`;
  const objs: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${['3 0 R', ...Array.from({ length: pages - 1 }, (_, i) => `${i + 6} 0 R`)].join(' ')}] /Count ${pages} >>`,
    page,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      Buffer.from('\nendstream'),
    ]),
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...Array<string>(pages - 1).fill(page),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objs.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o), Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export function jpegSize(jpeg: Buffer): { width: number; height: number; components: number } {
  for (let i = 2; i < jpeg.length;) {
    const marker = jpeg[i + 1]!;
    const len = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7), components: jpeg[i + 9]! };
    i += 2 + len;
  }
  throw new Error('no JPEG frame');
}

/** The text one paragraph a line, a page break before the parts "II." and "III.". */
function pagedHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p${/^III?\. /.test(l) ? ' style="page-break-before: always"' : ''}>${esc(l)}</p>`);
  const style = '<style>p{margin:0 0 6pt 0;font-family:"Liberation Serif";font-size:13pt}</style>';
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${style}</head><body>\n${paras.join('\n')}\n</body></html>`;
}

function pagedPdf(tmp: string): void {
  writeFileSync(join(tmp, `${TWIN}.pages.html`), pagedHtml(readFileSync(join(DIR, `${TWIN}.txt`), 'utf8')));
  soffice(join(tmp, `${TWIN}.pages.html`), 'pdf:writer_web_pdf_Export', tmp);
  copyFileSync(join(tmp, `${TWIN}.pages.pdf`), join(DIR, `${TWIN}.pages.pdf`));
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'fixtures-'));
  try {
    pagedPdf(tmp);
    if (process.argv.includes('--pages')) return;
    for (const name of [TWIN, SCAN]) {
      const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
      writeFileSync(join(DIR, `${name}.docx`), await docxOf(text));
      soffice(join(DIR, `${name}.docx`), 'pdf', tmp);
      if (name === TWIN) {
        copyFileSync(join(tmp, `${name}.pdf`), join(DIR, `${name}.pdf`));
        writeFileSync(join(tmp, `${name}.docx`), await docxOf(text, true));
        soffice(join(tmp, `${name}.docx`), 'doc', tmp);
        copyFileSync(join(tmp, `${name}.doc`), join(DIR, `${name}.doc`));
        mkdirSync(join(tmp, 'auto'));
        soffice(join(DIR, `${name}.docx`), 'doc', join(tmp, 'auto'));
        copyFileSync(join(tmp, 'auto', `${name}.doc`), join(DIR, `${name}.auto.doc`));
        writeFileSync(join(DIR, `${name}.html`), portalHtml(text));
        const locked = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"123"}}';
        mkdirSync(join(tmp, 'locked'));
        soffice(join(DIR, `${name}.docx`), `pdf:writer_pdf_Export:${locked}`, join(tmp, 'locked'));
        copyFileSync(join(tmp, 'locked', `${name}.pdf`), join(DIR, 'password-protected.pdf'));
      } else {
        execFileSync('pdftoppm', [
          '-r',
          '300',
          '-gray',
          '-jpeg',
          '-jpegopt',
          'quality=90',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          join(tmp, `${name}.pdf`),
          join(tmp, 'page'),
        ]);
        const jpeg = readFileSync(join(tmp, 'page.jpg'));
        const { width, height, components } = jpegSize(jpeg);
        writeFileSync(join(DIR, `${name}.scan.pdf`), jpegPdf(jpeg, width, height, components));
        writeFileSync(join(DIR, `${name}.jpg`), jpeg);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) await main();
