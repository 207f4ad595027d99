// Reads a zip's central directory (names and sizes) without unpacking anything: a zip bomb is refused before
// a single part is inflated.
export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipEntries(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: ZipEntry[] = [];
  const dec = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== CENTRAL) throw new Error('broken central directory');
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    out.push({
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      name: dec.decode(buf.subarray(at + 46, at + 46 + nameLen)),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Why a zip must not be unpacked (too big once unpacked, or zip64 sizes we cannot check), or null. */
export function zipBombReason(buf: Uint8Array, maxUnzipped: number): { vi: string; en: string } | null {
  const entries = zipEntries(buf);
  if (entries.some((e) => e.uncompressed === 0xffffffff || e.compressed === 0xffffffff))
    return { vi: 'tệp nén quá lớn (zip64), không giải nén.', en: 'the archive is too large (zip64): not unpacked.' };
  const total = entries.reduce((a, e) => a + e.uncompressed, 0);
  const [got, max] = [(total / 1024 / 1024).toFixed(0), (maxUnzipped / 1024 / 1024).toFixed(0)];
  if (total > maxUnzipped)
    return {
      vi: `giải nén ra ${got} MB, quá giới hạn ${max} MB (IMPORT_MAX_UNZIPPED_MB): có thể là "bom nén", không nhập.`,
      en: `unpacks to ${got} MB, over the ${max} MB limit (IMPORT_MAX_UNZIPPED_MB): possibly a "zip bomb", not imported.`,
    };
  return null;
}
