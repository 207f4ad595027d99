// Vietnamese provinces and centrally-run cities, to read "ở Cần Thơ", "tinh quang ngai" from a question.
import { provinces } from '../ingest/provinces.ts';

const PROVINCES = provinces().names();
const PROVINCE_ALIASES = provinces().aliases();
import { nameKey } from './normalize.ts';

export { PROVINCES };

/** Finds a province named in a normalised question; `known` are the provinces present in the DB (preferred). */
export function findProvince(normQuestion: string, known: string[]): { name: string; key: string } | null {
  const padded = ` ${normQuestion
    .split(' ')
    .filter((w) => w !== 'va')
    .join(' ')} `;
  const candidates: [string, string][] = [
    ...known.map((k): [string, string] => [k, k]),
    ...PROVINCES.map((p): [string, string] => [p, p]),
    ...PROVINCE_ALIASES,
  ];
  let best: { name: string; key: string } | null = null;
  for (const [alias, name] of candidates) {
    const key = nameKey(alias);
    if (key && padded.includes(` ${key} `) && (!best || key.length > best.key.length)) {
      best = { name: known.find((k) => nameKey(k) === nameKey(name)) ?? name, key };
    }
  }
  return best;
}
