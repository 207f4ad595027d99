// Builds a varied corpus of directive-like documents from the five seed texts, plus queries with known answers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus, DocInfo, Entry } from '../../src/search/entries.ts';
import { normalizeText, numberKey } from '../../src/search/normalize.ts';
import { PROVINCES } from '../../src/search/provinces.ts';

/** Deterministic PRNG (mulberry32) so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  'Sở Thông tin và Truyền thông',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Nội vụ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Khoa học và Công nghệ',
  'Sở Tư pháp',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài nguyên và Môi trường',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Ban Dân tộc',
];
const TYPES: [string, string][] = [
  ['Chỉ thị', 'CT-UBND'],
  ['Quyết định', 'QĐ-UBND'],
  ['Kế hoạch', 'KH-UBND'],
  ['Kế hoạch', 'KH-STTTT'],
  ['Chỉ thị', 'CT/TU'],
];
const SEED_PROVINCES = ['Quảng Ngãi', 'Cần Thơ', 'Cà Mau', 'Lào Cai'];

/** Sentences of the seed texts (wrapped lines joined), 40–400 characters. */
export function seedSentences(dir = 'data/documents'): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(join(dir, f), 'utf8')
      .replace(/\*\*/g, '')
      .replace(/\s*\n\s*/g, ' ');
    for (const s of text.split(/(?<=[.;:])\s+(?=[\p{Lu}\d+-])|\s(?=[-+] \p{Lu})|\s(?=[a-hđ]\) )/u)) {
      const t = s
        .replace(/^[-+]\s*/, '')
        .replace(/^[a-hđ]\)\s*/, '')
        .trim();
      if (t.length >= 40 && t.length <= 400 && /\p{Ll}/u.test(t)) out.push(t);
    }
  }
  return out;
}

/** Rewrites a sentence: other province, other agencies, other figures, sometimes a clause dropped. */
function vary(s: string, r: () => number, province: string): string {
  let t = s;
  for (const p of SEED_PROVINCES) t = t.replaceAll(p, province);
  t = t.replace(
    /Sở [A-ZĐ][^,;.()]*?(?= (và|chủ trì|phối hợp|có|thực hiện|tổng hợp|hướng dẫn)|[,;.()])/gu,
    () => AGENCIES[Math.floor(r() * AGENCIES.length)]!,
  );
  t = t.replace(/\d+(?=\s*%)/g, () => String(5 + Math.floor(r() * 95)));
  t = t.replace(/\b20[0-3]\d\b/g, (y) => String(Number(y) + Math.floor(r() * 5)));
  const parts = t.split(', ');
  if (parts.length > 3 && r() < 0.5) parts.splice(1 + Math.floor(r() * (parts.length - 2)), 1);
  return parts.join(', ');
}

export interface Query {
  text: string;
  target: number; // entry id
}

/**
 * `origin[id]` is the seed sentence passage `id` was varied from: the relevance judgement of the benchmark (a passage
 * of the sentence a query was taken from, however it was varied), not a property either engine computes.
 */
export function buildCorpus(nDocs: number, seed = 42): { corpus: Corpus; sentences: number; origin: number[] } {
  const r = rng(seed);
  const base = seedSentences();
  const docs = new Map<number, DocInfo>();
  const entries: Entry[] = [];
  const origin: number[] = [];
  for (let i = 1; i <= nDocs; i++) {
    const province = PROVINCES[Math.floor(r() * PROVINCES.length)]!;
    const [type, suffix] = TYPES[Math.floor(r() * TYPES.length)]!;
    const year = 2005 + Math.floor(r() * 20);
    const number = `${1 + Math.floor(r() * 4000)}/${suffix}`;
    const n = 8 + Math.floor(r() * 12);
    const first = base[Math.floor(r() * base.length)]!;
    docs.set(i, {
      id: i,
      number,
      numberKey: numberKey(number),
      type,
      issuer: `UBND tỉnh ${province}`,
      province,
      date: `${year}-01-15`,
      year,
      title: vary(first, r, province).slice(0, 160),
    });
    for (let k = 0; k < n; k++) {
      const from = Math.floor(r() * base.length);
      origin.push(from);
      const text = vary(base[from]!, r, province);
      const kind = k % 3 === 0 ? 'section' : k % 3 === 1 ? 'task' : 'indicator';
      entries.push({
        id: entries.length,
        kind,
        ref: entries.length,
        doc: i,
        path: `${k + 1}`,
        text,
        norm: normalizeText(text),
        agencies: [],
        year: null,
      });
    }
  }
  return { corpus: { docs, entries }, sentences: base.length, origin };
}

const SHORT: [RegExp, string][] = [
  [/công nghệ thông tin/gi, 'CNTT'],
  [/Thông tin và Truyền thông/g, 'TT&TT'],
  [/Ủy ban nhân dân/g, 'UBND'],
];

/** Queries of 3–6 consecutive words of a passage, half typed without diacritics, some abbreviated. */
export function buildQueries(corpus: Corpus, n: number, seed = 7): Query[] {
  const r = rng(seed);
  const out: Query[] = [];
  while (out.length < n) {
    const e = corpus.entries[Math.floor(r() * corpus.entries.length)]!;
    const words = e.text
      .replace(/[“”"(),.;:]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    if (words.length < 8) continue;
    const len = 3 + Math.floor(r() * 4);
    const start = Math.floor(r() * (words.length - len));
    let q = words.slice(start, start + len).join(' ');
    if (r() < 0.3) for (const [re, s] of SHORT) q = q.replace(re, s);
    if (r() < 0.5)
      q = q
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd');
    if (normalizeText(q).split(' ').length < 3) continue;
    out.push({ text: q, target: e.id });
  }
  return out;
}
