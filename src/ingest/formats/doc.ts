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
  return { text, format: 'doc', warnings: numbersLost(text) ? [NUMBERS_LOST] : [] };
}

export const NUMBERS_LOST =
  'danh sách tự động đánh số trong .doc có thể mất số thứ tự (I., 1., a) của Word không đọc được); hãy kiểm tra các mục, hoặc lưu thành .docx rồi nhập lại.';

const ROMAN_HEADING = /^[IVXLC]+\.\s/;
const CAPS_HEADING = /^(?=.*\p{Lu}{3})[\p{Lu}\d ,.\-–]+$/u;
const HEADER_BLOCK =
  /^(?:ỦY BAN|UỶ BAN|UBND|CỘNG HÒA|CỘNG HOÀ|SỞ |BỘ |HỘI ĐỒNG|KẾ HOẠCH|CHỈ THỊ|QUYẾT ĐỊNH|CÔNG VĂN|THÔNG BÁO|BÁO CÁO|PHỤ LỤC|DANH MỤC|TỈNH |THÀNH PHỐ |HUYỆN )/u;

/**
 * Whether the text looks like a directive whose section numbers were Word's automatic ones, now gone: headings
 * in capitals (MỤC TIÊU, NHIỆM VỤ…) and not one of them with its "I." label. Typed numbers are kept, so a
 * document that shows them is not flagged.
 */
export function numbersLost(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  if (lines.some((l) => ROMAN_HEADING.test(l))) return false;
  const headings = lines.filter((l) => l.split(' ').length >= 2 && l.length <= 80 && CAPS_HEADING.test(l) && !HEADER_BLOCK.test(l));
  return headings.length >= 2;
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
