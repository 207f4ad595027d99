// Whether English output still has Vietnamese words of the program's own: the lines with Vietnamese letters once
// the data is taken out (what the documents say — titles, agency names — given by the test, and quoted text).
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/iu;
const QUOTED = /"[^"\n]*"|“[^”\n]*”|«[^»\n]*»/gu;

/** The lines of `out` with Vietnamese in them after removing `data` (longest first) and quoted text. */
export function vietnameseLines(out: string, data: readonly string[] = []): string[] {
  const known = [...data].sort((a, b) => b.length - a.length);
  return out.split('\n').filter((line) => {
    let rest = line.replace(QUOTED, '');
    for (const d of known) rest = rest.split(d).join('');
    return VIETNAMESE.test(rest);
  });
}
