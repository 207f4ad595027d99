// Finds the agency a question names ("Sở TT&TT", "so ke hoach dau tu", "STTTT"), through the registry and the DB.
import { localAgencyName, placedName, provinces } from '../ingest/provinces.ts';
import type { Db } from '../db/client.ts';
import { findAgencyAliases, findAgencyKeys } from './repo/load-agency-names.ts';
import type { AgencyRegistry, SuccessorAt } from '../ingest/agencies.ts';
import { nameKey, slug } from './normalize.ts';

/**
 * Names read from texts that are a bare kind of body or a clause ("Viện", "Trường", "xã", "khoản 1"):
 * in a question they are common words ("viễn thông", "thị trường", "xã hội"), never the agency asked.
 */
const BARE = /^(vien|truong|xa|phuong|cao dang|dai hoc|trung tam|hoi|ban|so|bo|cuc|phong|(khoan|muc|dieu|diem) \S+)$/;

/** "hồ sơ tài chính", "chỉ số y tế": a word ending in "số/sơ/sổ" is not "Sở …" (glued before names are matched). */
const SO_COMPOUND = /\b(ho|con|chu|ty|he|chi|tan|da|thong|bien|tham|doi|ky|ma|tong|dan|mat|phan) so\b/g;

export interface AgencyName {
  key: string; // nameKey of the alias
  baseKey: string; // registry key
  name: string; // canonical name
}

/** Who carries an agency's duties today, named for its province: "Sở Khoa học và Công nghệ tỉnh Cà Mau". */
export interface TodayAgency extends SuccessorAt {
  name: string;
  province: string | null; // today's province
}

export interface AgencyRow {
  id: number;
  key: string;
  baseKey: string;
  name: string;
  province: string | null;
}

export class AgencyMatcher {
  private readonly byId: Map<number, AgencyRow>;
  private readonly byBase = new Map<string, AgencyRow[]>();

  private constructor(
    private readonly names: AgencyName[],
    readonly rows: AgencyRow[],
    private readonly registry: AgencyRegistry,
  ) {
    // Answers look agencies up for every task they show: by id and by registry key, not by scanning the rows.
    this.byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) this.byBase.set(r.baseKey, [...(this.byBase.get(r.baseKey) ?? []), r]);
  }

  static async load(db: Db, registry: AgencyRegistry): Promise<AgencyMatcher> {
    const rows = await findAgencyKeys(db);
    const aliases = await findAgencyAliases(db);
    const names: AgencyName[] = [];
    const add = (alias: string, baseKey: string, name: string) => {
      const key = nameKey(alias);
      if (key.length >= 3 && !BARE.test(key)) names.push({ key, baseKey, name });
    };
    for (const d of registry.all()) for (const a of [d.name, ...d.aliases]) add(a, d.key, d.name);
    for (const r of rows) add(r.name, r.baseKey, registry.get(r.baseKey)?.name ?? r.name);
    for (const a of aliases) add(a.alias, a.agency.baseKey, registry.get(a.agency.baseKey)?.name ?? a.agency.name);
    names.sort((a, b) => b.key.length - a.key.length);
    return new AgencyMatcher(names, rows, registry);
  }

  /**
   * The agency a normalised question is about: the first one named ("Sở Nội vụ phối hợp Sở GD&ĐT làm gì" is about Sở
   * Nội vụ), and at one place the longest name ("Sở Thông tin và Truyền thông", not "Sở Thông tin").
   */
  find(normQuestion: string): (AgencyName & { phrase: string }) | null {
    const padded = ` ${normQuestion
      .replace(SO_COMPOUND, '$1so')
      .split(' ')
      .filter((w) => w !== 'va')
      .join(' ')} `;
    let best: { n: AgencyName; at: number } | null = null;
    for (const n of this.names) {
      const at = padded.indexOf(` ${n.key} `);
      if (at >= 0 && (!best || at < best.at)) best = { n, at }; // names are longest first: a tie keeps the longer
    }
    return best ? { ...best.n, phrase: best.n.key } : null;
  }

  /**
   * DB agencies of a registry key (optionally in one province) and of its predecessors. A province of today covers
   * the former ones merged into it (Cà Mau covers Bạc Liêu's); a former one is only itself.
   */
  rowsFor(baseKey: string, provinceSlug: string | null, on: Date = new Date()): { rows: AgencyRow[]; predecessors: AgencyRow[] } {
    const asked = provinceSlug
      ? (provinces()
          .names()
          .find((p) => slug(p) === provinceSlug) ?? null)
      : null;
    const inProvince = (r: AgencyRow) =>
      !provinceSlug ||
      r.key.endsWith(`@${provinceSlug}`) ||
      (r.province ? slug(r.province) === provinceSlug || (!!asked && provinces().covers(asked, r.province, on)) : !r.key.includes('@'));
    const rows = this.rows.filter((r) => r.baseKey === baseKey && inProvince(r));
    const predKeys = new Set(this.registry.predecessorsOf(baseKey).map((d) => d.key));
    const predecessors = this.rows.filter((r) => predKeys.has(r.baseKey) && inProvince(r));
    return { rows, predecessors };
  }

  /**
   * Who carries a DB agency's duties on a date (null when it still exists): the chain of the registry, the task's
   * subject for a split, and the province of today ("Sở TT&TT" of Bạc Liêu → "Sở KH&CN tỉnh Cà Mau").
   */
  today(id: number, opts: { on: Date; subject?: string }): TodayAgency | null {
    const r = this.byId.get(id);
    if (!r) return null;
    const province = r.province ? provinces().today(r.province, opts.on) : null;
    const present = (key: string) =>
      (this.byBase.get(key) ?? []).some((x) => x.province && province && provinces().today(x.province, opts.on) === province);
    const s = this.registry.successorOn(r.baseKey, { on: opts.on, subject: opts.subject, present });
    if (!s) return null;
    const def = this.registry.get(s.key);
    return { ...s, province, name: s.as ?? (def ? placedName(def.name, def.kind, def.province ?? null, province) : s.key) };
  }

  /** Today's name of a DB agency that was merged into another ("Sở Bưu chính, Viễn thông" → "Sở Khoa học và Công nghệ tỉnh …"). */
  successorName(id: number, on: Date = new Date()): string | null {
    return this.today(id, { on })?.name ?? null;
  }

  /** Canonical name of a DB agency. */
  nameOf(id: number): string {
    const r = this.byId.get(id);
    const def = r ? this.registry.get(r.baseKey) : undefined;
    return r ? (def ? localAgencyName(def.name, r.province) : r.name) : '';
  }
}
