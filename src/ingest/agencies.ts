// The agency registry: canonical names, aliases/abbreviations, kinds and predecessor links (data/agencies.yaml).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { AgencyDef, AgencyKind, AgencyRef } from '../core/types.ts';
import { fold } from '../core/text.ts';
import { AppError, ErrorCode } from '../core/errors.ts';

const KINDS: readonly AgencyKind[] = [
  'so',
  'ubnd-tinh',
  'ubnd-huyen',
  'ubnd-xa',
  'bo',
  'tinh-uy',
  'dang',
  'doan-the',
  'doanh-nghiep',
  'other',
];

// Words that may precede an agency name without changing which agency it is ("Giám đốc Sở Tài chính").
const LEADING_ROLE = /^(?:giam doc|pho giam doc|thu truong|lanh dao|chanh van phong|chu tich|pho chu tich|truong ban|truong)\s+(?=\S)/;
// Location qualifiers after a generic agency name ("Sở Tài chính tỉnh Cà Mau", "UBND huyện, TP.Cà Mau").
const TRAILING_PLACE = /(?:^|,|\s)\s*(?:tinh|thanh pho|tp\.?|quan|huyen|thi xa)(?:\s*\.?\s*[a-z][a-z ]*)?$/;

export class AgencyRegistry {
  private readonly byKey = new Map<string, AgencyDef>();
  private readonly byAlias = new Map<string, string>(); // folded alias → key

  constructor(defs: AgencyDef[]) {
    for (const d of defs) this.add(d);
  }

  add(def: AgencyDef): void {
    this.byKey.set(def.key, def);
    for (const a of [def.name, ...def.aliases]) {
      const k = aliasKey(a);
      if (k && !this.byAlias.has(k)) this.byAlias.set(k, def.key);
    }
  }

  /** Teaches the registry an alias a document defines inline ("Sở Thông tin và Truyền thông (Sở TT và TT)"). */
  learnAlias(alias: string, key: string): void {
    if (this.byKey.has(key) && aliasKey(alias)) this.byAlias.set(aliasKey(alias), key);
  }

  get(key: string): AgencyDef | undefined {
    return this.byKey.get(key);
  }

  all(): AgencyDef[] {
    return [...this.byKey.values()];
  }

  /** Every known name and alias (folded key form) with its agency key; longest first. */
  aliasEntries(): { alias: string; key: string }[] {
    return [...this.byAlias.entries()].map(([alias, key]) => ({ alias, key })).sort((a, b) => b.alias.length - a.alias.length);
  }

  /**
   * Resolves a name as written to a registry entry, or key null. Tolerates a leading role ("Giám đốc Sở …"),
   * a trailing place ("Sở Tài chính tỉnh Cà Mau") and a parenthesised abbreviation.
   */
  resolve(asWritten: string): AgencyRef {
    return { asWritten, key: this.lookup(asWritten) };
  }

  private lookup(asWritten: string): string | null {
    let k = aliasKey(asWritten.replace(/\([^)]*\)/g, ' '));
    for (let i = 0; i < 3 && k; i++) {
      const hit = this.byAlias.get(k);
      if (hit) return hit;
      const next = aliasKey(k.replace(LEADING_ROLE, '').replace(TRAILING_PLACE, ''));
      if (next === k) break;
      k = next;
    }
    return k ? (this.byAlias.get(k) ?? null) : null;
  }

  /** Predecessors of an agency (agencies whose successor chain leads to it), e.g. so-tttt → [so-bcvt]. */
  predecessorsOf(key: string): AgencyDef[] {
    return this.all().filter((d) => {
      let s = d.successor;
      for (let i = 0; s && i < 10; i++) {
        if (s === key) return true;
        s = this.byKey.get(s)?.successor;
      }
      return false;
    });
  }
}

/** Folded form used to compare agency names ("Sở TT&TT" ≡ "so tt&tt", "Sở TT - TT" ≡ "so tt-tt"). */
export function aliasKey(s: string): string {
  return fold(s)
    .replace(/\s*&\s*/g, '&')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*,\s*/g, ', ')
    .replace(/[.,;:]+$/g, '')
    .trim();
}

/** Loads and validates the registry file; a broken entry is a configuration error naming the file. */
export function loadAgencyRegistry(file: string): AgencyRegistry {
  let raw: { agencies?: unknown };
  try {
    raw = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as { agencies?: unknown };
  } catch (e) {
    throw new AppError(ErrorCode.Config, `Không đọc được danh mục cơ quan ${file}.`, { cause: e });
  }
  const list = Array.isArray(raw.agencies) ? (raw.agencies as Partial<AgencyDef>[]) : [];
  const defs: AgencyDef[] = [];
  for (const d of list) {
    if (!d || typeof d.key !== 'string' || typeof d.name !== 'string' || !KINDS.includes(d.kind as AgencyKind)) {
      throw new AppError(ErrorCode.Config, `Mục không hợp lệ trong danh mục cơ quan ${file}: ${JSON.stringify(d)}`);
    }
    defs.push({
      key: d.key,
      name: d.name,
      kind: d.kind as AgencyKind,
      aliases: Array.isArray(d.aliases) ? d.aliases.map(String) : [],
      province: d.province ?? null,
      successor: d.successor ?? null,
      mergedYear: d.mergedYear ?? null,
    });
  }
  const reg = new AgencyRegistry(defs);
  for (const d of defs) {
    if (d.successor && !reg.get(d.successor)) {
      throw new AppError(ErrorCode.Config, `Cơ quan ${d.key} trỏ tới cơ quan kế nhiệm không có: ${d.successor} (${file}).`);
    }
  }
  return reg;
}
