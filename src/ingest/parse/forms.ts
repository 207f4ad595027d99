// The forms an appendix prints ("Mẫu số 01", "Phiếu đánh giá …", "BM.07"): each has a national motto of its own but is
// no document. The splitter keeps them inside their document, under an appendix heading of their own, and no task
// or target is read from their fields.
import type { ParsedSection } from '../../core/types.ts';
import { foldKeep, isUpperText } from './vn.ts';

const f = (s: string) => foldKeep(s).trim();
const MOTTO_LINE = /^cong hoa xa hoi/;
/** The national motto in folded text (its words may be wrapped over lines). */
export const MOTTO = /cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam/;
const APPENDIX = /^ph[ụu] l[ụu]c\b/iu;

/** The national motto at line `i`, also wrapped over two lines ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG" / "HÒA …"). */
export function isMotto(lines: string[], i: number): boolean {
  const l = f(lines[i] ?? '');
  if (MOTTO_LINE.test(l)) return true;
  return /^cong(?: hoa(?: xa)?)?$/.test(l) && /^cong hoa xa hoi chu nghia\b/.test(`${l} ${f(lines[i + 1] ?? '')}`);
}

/** Above a form's motto: "Mẫu số 17", "BM.07", "Phụ lục 01", or its issuer as a placeholder ("TÊN CƠ QUAN, TỔ CHỨC", "<CƠ QUAN CHỦ QUẢN>"). */
const FORM_ABOVE =
  /^(?:m[ẫa]u\s+(?:s[ốo]\s*)?\d+|(?:bi[ểe]u\s+m[ẫa]u|bm)[\s.:-]*\d+|ph[ụu]\s+l[ụu]c\b|t[êe]n\s+(?:c[ơo]\s+quan|t[ổo]\s+ch[ứu]c|đ[ơo]n\s+v[ịi]|c[ơo]\s+s[ởo])|đ[ơo]n\s+v[ịi]\s+ch[ủu]\s+qu[ảa]n\b|<)/iu;

/** A placeholder the form's user replaces (".....(01)....."). */
const PLACEHOLDER = /^[.…]{3,}\s*\(\d+\)/u;

/** A blank to fill in ("Kính gửi: Cơ quan ...................", "Tên người bán hàng: ……………"). */
const FILL_IN = /\.{8,}|…{3,}|_{8,}/u;

/**
 * A form printed in an appendix, not a document: "Mẫu số 17", "Phụ lục 01", a placeholder issuer or ".....(02)....." just above its motto,
 * or blanks to fill below it ("Số: ……/BB", "(Tên địa phương), ngày … tháng … năm …", a date without its figures, "Kính gửi: ......").
 */
export function isFormTemplate(lines: string[], i: number): boolean {
  const above = lines
    .slice(Math.max(0, i - 10), i)
    .filter((l) => l !== '')
    .slice(-3);
  // The portal wraps these lines too ("Mẫu" / "số 26", "…, ngày ..." / "tháng ... năm ..."): read them joined.
  const form = (l: string, k: number) => FORM_ABOVE.test(`${l} ${above[k + 1] ?? ''}`);
  if (above.some((l, k) => form(l, k) || PLACEHOLDER.test(l))) return true;
  const below = lines.slice(i, i + 12);
  return (
    below.some((l) => /^s[ốo]\s*:?\s*(?:\.{3,}|…)/iu.test(l) || /^\(tên (?:địa|cơ quan|tổ chức)/iu.test(l) || FILL_IN.test(l)) ||
    /ngày\s*(?:\.{2,}|…)[.…\s]*tháng|ngày[\s.…*]*tháng[\s.…*]*năm\b(?![\s.…*]*\d{4})/iu.test(below.join(' '))
  );
}

/**
 * A form of the appendix starts an appendix section of its own ("PHỤ LỤC" / "BIỂU MẪU" put above its "Mẫu số 01" or
 * placeholder issuer when the text has no "Phụ lục" line there), so that its fields do not run on in the text of the task before it.
 */
/** The heading put above a form of the appendix that has none: src/ingest/parse/index.ts reads no tasks under it. */
const FORM_HEADING = ['PHỤ LỤC', 'BIỂU MẪU'];

export function markForms(lines: string[]): string[] {
  const at: number[] = [];
  lines.forEach((_l, i) => {
    if (i === 0 || !isMotto(lines, i) || !isFormTemplate(lines, i)) return;
    let first = i;
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
      const l = lines[j] as string;
      if (l === '') continue;
      // Also a wrapped "Mẫu" / "số 01": the line starting it and the line going on with it.
      const head = isUpperText(l) || PLACEHOLDER.test(l) || FORM_ABOVE.test(`${l} ${lines[j + 1] ?? ''}`);
      if (!head && !/^(?:s[ốo]\s+\d+|l[ụu]c\b)/iu.test(l)) break;
      first = j;
    }
    if (!/^ph[ụu]\s+l[ụu]c\b/iu.test(lines[first] as string)) at.push(first);
  });
  if (!at.length) return lines;
  const out = [...lines];
  for (const k of at.reverse()) out.splice(k, 0, ...FORM_HEADING, '');
  return out;
}

/**
 * Sections of the forms an appendix prints ("Mẫu số 01", "Phiếu đánh giá …"): an appendix headed "Biểu mẫu" (the
 * splitter heads so a form that has no "Phụ lục" line: src/ingest/parse/split.ts) or with a national motto at its
 * head, to the next appendix. Their lines ("Ưu điểm", "Họ tên", "Hạn chế, khuyết điểm: ……") are fields to fill, never tasks or
 * targets.
 */
export function formSections(sections: ParsedSection[]): Set<number> {
  const out = new Set<number>();
  let appendixAt = -Infinity;
  let inForm = false;
  sections.forEach((s, k) => {
    if (APPENDIX.test(s.label) || APPENDIX.test(s.heading ?? '')) {
      appendixAt = k;
      inForm = false;
    }
    if (k === appendixAt && /^bi[ểe]u m[ẫa]u\b/iu.test(s.heading ?? '')) inForm = true;
    if (k - appendixAt <= 2 && MOTTO.test(foldKeep(s.text))) inForm = true;
    if (inForm) out.add(s.idx);
  });
  return out;
}
