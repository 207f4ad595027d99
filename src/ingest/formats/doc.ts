// Word 97–2003 (.doc) through word-extractor (pure JS): its body text only (headers, footers, footnotes and
// comments are separate streams and not read). Word's automatic list numbers are not in that text (the library
// does not rebuild them): when the text looks numbered by Word, or word-extractor cannot read the file, and
// LibreOffice is installed (SOFFICE_BIN), LibreOffice converts the file to .odt and the ODT reader reads it, with
// the numbers ("I.", "1.", "a)", bullets) as LibreOffice shows them. Without it, a warning says the numbers are lost.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import WordExtractor from 'word-extractor';
import { warningIn, type ParseWarning } from '../../core/parse-warnings.ts';
import { readOdt } from './odt.ts';
import { fillMerged, tableLines } from './table-text.ts';
import { DEFAULT_LIMITS, refuse, type Extracted, type FormatLimits } from './types.ts';

const run = promisify(execFile);
export const SOFFICE_INSTALL = 'apt-get install -y libreoffice-writer-nogui';
const available = new Map<string, Promise<boolean>>();

/** Whether LibreOffice's `soffice` runs here (asked once per process and command; '' is never). */
export function sofficeAvailable(bin: string): Promise<boolean> {
  if (!bin) return Promise.resolve(false);
  let p = available.get(bin);
  if (!p) {
    p = run(bin, ['--version'], { timeout: 30_000 }).then(
      (r) => /LibreOffice/i.test(r.stdout),
      () => false,
    );
    available.set(bin, p);
  }
  return p;
}

/**
 * Runs LibreOffice in a process group of its own: `soffice` is a script whose soffice.bin child would outlive a
 * kill of the script alone, so past IMPORT_MAX_SECONDS the whole group is killed.
 */
function convert(bin: string, args: string[], limits: FormatLimits): Promise<'ok' | 'failed' | 'timeout'> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { detached: true, stdio: 'ignore' });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve('timeout');
    }, limits.maxSeconds * 1000);
    child.on('error', () => {
      clearTimeout(timer);
      resolve('failed');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'ok' : 'failed');
    });
  });
}

/**
 * The .doc converted to .odt by LibreOffice, read by the ODT reader; null when LibreOffice fails (a password, a
 * broken file: word-extractor then says why). Each run has its own LibreOffice profile: two imports at once, or
 * the admin's own LibreOffice, would otherwise share one, and the second process only hands its work to the first.
 */
async function viaLibreOffice(buf: Buffer, file: string, limits: FormatLimits): Promise<Extracted | null> {
  const dir = await mkdtemp(join(tmpdir(), 'da-doc-'));
  try {
    const input = join(dir, 'in.doc');
    await writeFile(input, buf, { mode: 0o600 });
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
    const ended = await convert(
      limits.soffice,
      [profile, '--headless', '--norestore', '--convert-to', 'odt', '--outdir', dir, input],
      limits,
    );
    if (ended === 'timeout')
      throw refuse(file, {
        vi: `đọc tệp .doc quá ${limits.maxSeconds} giây (IMPORT_MAX_SECONDS): dừng, không nhập.`,
        en: `reading the .doc file took over ${limits.maxSeconds} s (IMPORT_MAX_SECONDS): stopped, not imported.`,
      });
    if (ended === 'failed') return null;
    const odt = await readFile(join(dir, 'in.odt')).catch(() => null);
    if (!odt) return null;
    const r = await readOdt(odt, file, limits);
    return { ...r, text: r.text.trimEnd(), format: 'doc' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * word-extractor first (fast, pure JS, reads the tables of every .doc tried); LibreOffice only when that text has
 * lost Word's automatic numbers or word-extractor cannot read the file (it fails on some lists LibreOffice writes).
 */
export async function readDoc(buf: Buffer, file: string, limits: FormatLimits = DEFAULT_LIMITS): Promise<Extracted> {
  let text: string | null = null;
  let failure: unknown = null;
  try {
    const body = (await new WordExtractor().extract(buf)).getBody();
    text = tables(body.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' '));
    if (!numbersLost(text)) return { text, format: 'doc', warnings: [] };
  } catch (e) {
    failure = e;
  }
  if (await sofficeAvailable(limits.soffice)) {
    const converted = await viaLibreOffice(buf, file, limits);
    if (converted) return converted;
  }
  if (text !== null) return { text, format: 'doc', warnings: [NUMBERS_LOST], warningCodes: [NUMBERS_LOST_CODE] };
  const msg = String((failure as Error)?.message ?? failure);
  // An encrypted DOCX is an OLE file too (EncryptedPackage), as is a password-protected .doc.
  if (/encrypt|password/i.test(msg) || buf.includes(Buffer.from('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e', 'latin1')))
    throw refuse(file, {
      vi: 'tài liệu Word được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại.',
      en: 'the Word document is password-protected; remove the password and import it again.',
    });
  throw refuse(file, {
    vi: `tệp Word 97–2003 (.doc) bị hỏng, không đọc được (${msg.split('\n')[0]}).`,
    en: `the Word 97–2003 (.doc) file is damaged and cannot be read (${msg.split('\n')[0]}).`,
  });
}

const NUMBERS_LOST_CODE: ParseWarning = { code: 'doc-numbers-lost', install: SOFFICE_INSTALL };
export const NUMBERS_LOST = warningIn('vi', NUMBERS_LOST_CODE);

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
