// Tells a file's format by its first bytes (and, for a zip, by the parts it holds), never by its extension.
import { zipEntries } from './zip.ts';

export type Detected = 'text' | 'html' | 'docx' | 'odt' | 'zip' | 'pdf' | 'ole' | 'rtf' | 'png' | 'jpeg' | 'tiff' | 'binary';

const starts = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

export function detectFormat(buf: Uint8Array): Detected {
  if (starts(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04])) return zipKind(buf);
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'; // Word 97–2003 (or an encrypted DOCX)
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (starts(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(buf, [0x49, 0x49, 0x2a, 0x00]) || starts(buf, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (starts(buf, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  const head = new TextDecoder('utf-8').decode(buf.subarray(0, 2048));
  if (head.includes('\u0000')) return 'binary';
  if (/^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return 'html';
  return buf.includes(0) ? 'binary' : 'text';
}

function zipKind(buf: Uint8Array): Detected {
  let names: string[];
  try {
    names = zipEntries(buf).map((e) => e.name);
  } catch {
    // A cut or broken zip: a Word file if its first part says so (read as a broken DOCX), else just binary.
    const first = new TextDecoder('latin1').decode(buf.subarray(30, 30 + Math.min(64, buf[26] ?? 0)));
    // An OpenDocument file starts with its stored "mimetype" part (read as a broken .odt).
    if (first === 'mimetype' && odfType(buf) === 'application/vnd.oasis.opendocument.text') return 'odt';
    return /^(?:\[Content_Types\]\.xml|word\/|_rels\/)/.test(first) ? 'docx' : 'binary';
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) return 'odt';
  return 'zip';
}

/** The stored first part's data (an OpenDocument "mimetype"), after the local header, its name and extra field. */
function odfType(buf: Uint8Array): string {
  const at = 30 + (buf[26] ?? 0) + (buf[27] ?? 0) * 256 + (buf[28] ?? 0) + (buf[29] ?? 0) * 256;
  return new TextDecoder('latin1').decode(buf.subarray(at, at + 39));
}
