// A long text PDF without LibreOffice: the fixture's pages repeated, appended to it as an incremental update
// (new page objects sharing the fixture's content streams and fonts, a new page tree). Reads as the fixture's
// text `copies` times over, each page with its running header and page number, as a long plan would.
export function repeatPdf(pdf: Buffer, copies: number): Buffer {
  const src = pdf.toString('latin1');
  const size = Number(/\/Size (\d+)/.exec(src.slice(src.lastIndexOf('trailer')))?.[1]);
  const prev = Number(/startxref\s+(\d+)/.exec(src.slice(src.lastIndexOf('startxref')))?.[1]);
  const pagesObj = /(\d+) 0 obj\s*<<\/Type\/Pages\b/.exec(src)?.[1];
  const rootObj = /\/Root (\d+) 0 R/.exec(src)?.[1];
  const pages = [...src.matchAll(/<<\/Type\/Page\/[^>]*>>/g)].map((m) => m[0]);
  if (!size || !prev || !pagesObj || !rootObj || !pages.length) throw new Error('not a LibreOffice-shaped PDF');
  let body = '\n';
  const offsets: [number, number][] = [];
  const at = () => pdf.length + Buffer.byteLength(body, 'latin1');
  const kids: string[] = [];
  for (let n = 0; n < copies * pages.length; n++) {
    const num = size + n;
    offsets.push([num, at()]);
    body += `${num} 0 obj\n${pages[n % pages.length]}\nendobj\n`;
    kids.push(`${num} 0 R`);
  }
  offsets.push([Number(pagesObj), at()]);
  body += `${pagesObj} 0 obj\n<</Type/Pages/Kids[${kids.join(' ')}]/Count ${kids.length}>>\nendobj\n`;
  const xref = at();
  body += 'xref\n';
  for (const [num, off] of offsets.sort((a, b) => a[0] - b[0])) body += `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${size + copies * pages.length}/Root ${rootObj} 0 R/Prev ${prev}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body, 'latin1')]);
}
