// Word 97–2003 (.doc) through word-extractor (pure JS). Its body text only: headers, footers, footnotes and
// comments are separate streams and not read. Word's automatic list numbers are not in that text (the library
// does not rebuild them): a warning says so when the document looks numbered by Word.
import WordExtractor from 'word-extractor';
import { fillMerged, tableLines } from './table-text.ts';
import { refuse, type Extracted } from './types.ts';

export async function readDoc(buf: Buffer, file: string): Promise<Extracted> {
  let body: string;
  try {
    body = (await new WordExtractor().extract(buf)).getBody();
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    // An encrypted DOCX is an OLE file too (EncryptedPackage), as is a password-protected .doc.
    if (/encrypt|password/i.test(msg) || buf.includes(Buffer.from('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e', 'latin1')))
      throw refuse(file, 'tài liệu Word được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại.');
    throw refuse(file, `tệp Word 97–2003 (.doc) bị hỏng, không đọc được (${msg.split('\n')[0]}).`);
  }
  const text = tables(body.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' '));
  return { text, format: 'doc', warnings: [] };
}

/**
 * word-extractor gives a table row as its cells separated by tabs and ended by a tab; a paragraph break inside a
 * cell breaks the row's line. Rows are put back together and written as pipe rows, merged cells filled.
 */
function tables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('\t')) {
      out.push(lines[i]!);
      continue;
    }
    const rows: string[][] = [];
    for (; i < lines.length && (lines[i]!.includes('\t') || lines[i]!.trim()); i++) {
      let row = lines[i]!;
      while (!row.endsWith('\t') && i + 1 < lines.length && lines[i + 1]!.trim()) row += `\n${lines[++i]}`;
      rows.push(row.replace(/\t$/, '').split('\t'));
    }
    const width = Math.max(...rows.map((r) => r.length));
    const grid = rows.map((r) => (r.length === 2 && width > 2 ? [...r, ...Array<string>(width - 2).fill('')] : r));
    fillMerged(grid);
    out.push(...tableLines(grid));
    i--;
  }
  return out.join('\n');
}
