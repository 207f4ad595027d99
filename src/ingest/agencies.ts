// The agency registry: canonical names, aliases/abbreviations, kinds and predecessor links (data/agencies.yaml).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { AgencyDef, AgencyRef } from '../core/types.ts';
import { fold } from '../core/text.ts';

export class AgencyRegistry {
  private readonly byKey = new Map<string, AgencyDef>();
  private readonly byAlias = new Map<string, string>(); // folded alias → key

  constructor(defs: AgencyDef[]) {
    for (const d of defs) this.add(d);
  }

  add(def: AgencyDef): void {
    this.byKey.set(def.key, def);
    for (const a of [def.name, ...def.aliases]) this.byAlias.set(aliasKey(a), def.key);
  }

  /** Teaches the registry an alias a document defines inline ("Sở Thông tin và Truyền thông (Sở TT và TT)"). */
  learnAlias(alias: string, key: string): void {
    if (this.byKey.has(key)) this.byAlias.set(aliasKey(alias), key);
  }

  get(key: string): AgencyDef | undefined {
    return this.byKey.get(key);
  }

  all(): AgencyDef[] {
    return [...this.byKey.values()];
  }

  /** Resolves a name as written to a registry entry, or null. */
  resolve(asWritten: string): AgencyRef {
    return { asWritten, key: this.byAlias.get(aliasKey(asWritten)) ?? null };
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

/** Folded form used to compare agency names ("Sở TT&TT" ≡ "so tt&tt"). */
export function aliasKey(s: string): string {
  return fold(s).replace(/\s*&\s*/g, '&').replace(/[.,;:]+$/g, '');
}

export function loadAgencyRegistry(file: string): AgencyRegistry {
  const raw = parseYaml(readFileSync(file, 'utf8')) as { agencies: AgencyDef[] };
  return new AgencyRegistry(raw.agencies ?? []);
}
