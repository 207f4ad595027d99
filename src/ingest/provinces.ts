// The provinces registry (data/provinces.yaml): today's 34 units, the 63 former ones they were formed from, and
// the ways people write them. Shared by the parser (headers, titles), search (questions, filters) and answers.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadYamlData } from './yaml-data.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải viết dạng YYYY-MM-DD');
const Former = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    aliases: z.array(z.string()).optional(),
    date: IsoDate.optional(),
    basis: z.string().optional(),
  }),
]);
const FileSchema = z.strictObject({
  date: IsoDate,
  basis: z.string().min(1),
  provinces: z.array(
    z.strictObject({
      name: z.string().min(1),
      city: z.boolean().optional(),
      aliases: z.array(z.string()).optional(),
      from: z.array(Former).optional(),
    }),
  ),
});

/** A former unit and what it became: "Bạc Liêu" → "Cà Mau" from 2025-07-01. */
export interface ProvinceChange {
  name: string;
  into: string;
  date: string; // ISO
  basis: string;
}

export class ProvinceRegistry {
  private readonly current = new Map<string, { city: boolean }>();
  private readonly changes = new Map<string, ProvinceChange>();
  private readonly spellings: [string, string][] = [];

  constructor(data: z.infer<typeof FileSchema>) {
    for (const p of data.provinces) {
      this.current.set(p.name, { city: p.city ?? false });
      for (const a of p.aliases ?? []) this.spellings.push([a, p.name]);
      for (const f of p.from ?? []) {
        const one = typeof f === 'string' ? { name: f } : f;
        this.changes.set(one.name, { name: one.name, into: p.name, date: one.date ?? data.date, basis: one.basis ?? data.basis });
        for (const a of (typeof f === 'string' ? [] : f.aliases) ?? []) this.spellings.push([a, one.name]);
      }
    }
  }

  /** Every name a document may carry as its province: today's units and the former ones. */
  names(): string[] {
    return [...this.current.keys(), ...this.changes.keys()];
  }

  /** Other spellings → the name in `names()` ("TPHCM" → "Hồ Chí Minh", "Vũng Tàu" → "Bà Rịa - Vũng Tàu"). */
  aliases(): [string, string][] {
    return this.spellings;
  }

  isCurrent(name: string): boolean {
    return this.current.has(name);
  }

  /** What became of a former unit (null for one of today's units). */
  changeOf(name: string): ProvinceChange | null {
    return this.changes.get(name) ?? null;
  }

  /** Today's unit of a province as a document names it, on a date (by default now): "Bạc Liêu" → "Cà Mau". */
  today(name: string, on: Date = new Date()): string {
    const c = this.changes.get(name);
    return c && on.toISOString().slice(0, 10) >= c.date ? c.into : name;
  }

  /** The former units merged into one of today's: "Cà Mau" → ["Bạc Liêu"]. */
  formerOf(name: string): ProvinceChange[] {
    return [...this.changes.values()].filter((c) => c.into === name);
  }

  /** A question about `asked` covers a document of `docProvince`: the same, or `asked` is what it became. */
  covers(asked: string, docProvince: string | null, on: Date = new Date()): boolean {
    if (!docProvince) return false;
    return asked === docProvince || (this.isCurrent(asked) && this.today(docProvince, on) === asked);
  }

  /** Centrally-run cities: their bodies say "thành phố" where a province's say "tỉnh" ("Công an thành phố"). */
  isCity(name: string | null): boolean {
    // A former unit keeps what it was: Hải Dương was a province, its documents say "Công an tỉnh".
    return name ? (this.current.get(name)?.city ?? false) : false;
  }
}

const DEFAULT_FILE = fileURLToPath(new URL('../../data/provinces.yaml', import.meta.url));
let loaded: ProvinceRegistry | null = null;

/** The registry of data/provinces.yaml, read once (it is reviewed data that ships with the code). */
export function provinces(): ProvinceRegistry {
  loaded ??= loadProvinceRegistry(DEFAULT_FILE);
  return loaded;
}

export function loadProvinceRegistry(file: string): ProvinceRegistry {
  return new ProvinceRegistry(loadYamlData(file, FileSchema));
}

/** A registry name written for a province, as it reads there: "Công an tỉnh" → "Công an thành phố" in Hà Nội. */
export function localAgencyName(name: string, province: string | null): string {
  return provinces().isCity(province) ? name.replace(/ tỉnh$/u, ' thành phố') : name;
}

/** A registry name placed in a province: "Sở Tài chính tỉnh Cà Mau", "Công an thành phố Cần Thơ", "Bộ Xây dựng". */
export function placedName(name: string, kind: string, fixedProvince: string | null, province: string | null): string {
  if (kind === 'bo' || fixedProvince || !province) return name;
  const local = localAgencyName(name, province);
  if (/ (tỉnh|thành phố)$/u.test(local)) return `${local} ${province}`;
  if (kind === 'so' || kind === 'ubnd-tinh') return `${local} ${provinces().isCity(province) ? 'thành phố' : 'tỉnh'} ${province}`;
  return local;
}
