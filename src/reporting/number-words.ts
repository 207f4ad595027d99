// Numbers spelled in Vietnamese words ("mười sáu nghìn", "hai mươi lăm phần trăm", "ba phẩy năm tỷ") rewritten as the
// digits people type ("16 nghin", "25 phan tram", "3,5 ty"), so one figure reader handles both. Works on folded text
// (lower case, no diacritics): "mười" and "mươi" both fold to "muoi", "năm" (five) to "nam".

const DIGIT: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SCALE = new Set(['nghin', 'ngan', 'trieu', 'ty', 'ti']);
const NUMBER_WORD = new Set([...Object.keys(DIGIT), 'muoi', 'tram', 'linh', 'le', 'phay', 'ruoi']);

interface Group {
  value: number;
  hundreds: boolean; // "trăm" or "linh" was said: the group is a full three-digit group
  words: number;
}

/** Reads one group below a thousand ("hai trăm linh năm", "mười sáu", "hai mươi mốt") from words[i]. */
function readGroup(words: string[], i: number): Group & { next: number } {
  let value = 0;
  let unit: number | null = null;
  let hundreds = false;
  let tensSaid = false;
  let j = i;
  for (; j < words.length; j++) {
    const w = words[j]!;
    if (w in DIGIT) {
      if (unit !== null) break; // two digits in a row ("hai ba") is not one number
      if ((w === 'lam' || w === 'tu') && !tensSaid && j > i) break;
      unit = DIGIT[w]!;
    } else if (w === 'muoi') {
      if (tensSaid) break;
      value += unit === null ? 10 : unit * 10;
      unit = null;
      tensSaid = true;
    } else if (w === 'tram') {
      if (hundreds || unit === null) break;
      value += unit * 100;
      unit = null;
      hundreds = true;
    } else if (w === 'linh' || w === 'le') {
      if (!hundreds) break;
      tensSaid = true;
    } else break;
  }
  return { value: value + (unit ?? 0), hundreds, words: j - i, next: j };
}

/**
 * Rewrites a leading run of number words as digits, keeping scale words and what follows: "mười sáu nghìn" →
 * "16 nghin", "một nghìn hai trăm" → "1 nghin 200", "hai tỷ rưỡi" → "2 ty ruoi", "bảy mươi lăm phần trăm" →
 * "75 phan tram", "ba phẩy năm" → "3,5". Returns null when the text does not start with a number word.
 */
export function wordsToDigits(folded: string): string | null {
  const words = folded.trim().split(/\s+/);
  if (!words.length || !NUMBER_WORD.has(words[0]!) || words[0] === 'phay' || words[0] === 'ruoi') return null;
  const out: string[] = [];
  let i = 0;
  let afterScale = false;
  while (i < words.length) {
    const w = words[i]!;
    if (SCALE.has(w) && out.length) {
      out.push(w);
      afterScale = true;
      i++;
      continue;
    }
    if (w === 'ruoi' && afterScale) {
      out.push(w);
      i++;
      continue;
    }
    if (w === 'phay' && out.length && /\d$/.test(out[out.length - 1]!)) {
      const digits: string[] = [];
      let j = i + 1;
      while (j < words.length && words[j]! in DIGIT) digits.push(String(DIGIT[words[j++]!]));
      if (!digits.length) break;
      out[out.length - 1] += `,${digits.join('')}`;
      i = j;
      continue;
    }
    const g = readGroup(words, i);
    if (!g.words) break;
    // after a scale word a full group is three digits ("một nghìn không trăm hai mươi" = 1 nghìn 020); a bare digit
    // continues the number as spoken ("hai tỷ năm" = 2,5 tỷ)
    out.push(afterScale && g.hundreds ? String(g.value).padStart(3, '0') : String(g.value));
    i = g.next;
    if (i < words.length && !SCALE.has(words[i]!) && words[i] !== 'phay' && words[i] !== 'ruoi') break;
  }
  if (!out.length || !/\d/.test(out[0]!)) return null;
  if (/^\d/.test(words[i] ?? '')) return null; // "tạm 80", "năm 2020": a word before digits is not a number
  return [out.join(' '), ...words.slice(i)].join(' ').trim();
}
