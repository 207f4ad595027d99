// Maps registry agencies (generic) to per-province Agency rows: "Sở Tài chính" of Cà Mau is its own row.
import type { AgencyDef, AgencyRef } from '../core/types.ts';
import { localAgencyName, provinces } from './provinces.ts';
import { slugify } from '../core/text.ts';
import type { AgencyRegistry } from './agencies.ts';
import type { Db } from '../db/client.ts';
import { upsertAgency } from './repo/upsert-agency.ts';

type Tx = Pick<Db, 'agency'>;

/** Kinds that exist once for the whole country and so have no province in their row key. */
const NATIONAL_KINDS = new Set(['bo']);

/** Unknown names of national bodies ("Bộ Xây dựng", "Các bộ, ngành") exist once, not per province. */
const NATIONAL_NAME = /^(?:bo-|cac-bo-|chinh-phu|thu-tuong|quoc-hoi|van-phong-chinh-phu)/;

export function agencyRowKey(baseKey: string, def: AgencyDef | undefined, province: string | null): string {
  if (def && (NATIONAL_KINDS.has(def.kind) || def.province)) return baseKey;
  if (!def && NATIONAL_NAME.test(baseKey.replace(/^x-/, ''))) return baseKey;
  return province ? `${baseKey}@${slugify(province)}` : baseKey;
}

/** Finds or creates Agency rows, caching ids for one import; links predecessors to their successors. */
export class AgencyRows {
  private readonly cache = new Map<string, number>();
  constructor(readonly registry: AgencyRegistry) {}

  async idFor(tx: Tx, ref: AgencyRef, province: string | null): Promise<number> {
    const def = ref.key ? this.registry.get(ref.key) : undefined;
    const baseKey = def ? def.key : `x-${slugify(ref.asWritten).slice(0, 60) || 'khong-ro'}`;
    return this.ensure(tx, baseKey, def, def?.name ?? ref.asWritten.trim(), province);
  }

  /** Row id for a registry key in a province (used by invites and regimes too). */
  async idForKey(tx: Tx, baseKey: string, province: string | null): Promise<number | null> {
    const def = this.registry.get(baseKey);
    return def ? this.ensure(tx, baseKey, def, def.name, province) : null;
  }

  private async ensure(tx: Tx, baseKey: string, def: AgencyDef | undefined, name: string, province: string | null): Promise<number> {
    const key = agencyRowKey(baseKey, def, province);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    // The successor lives in today's province: Sở TT&TT of Bạc Liêu → Sở KH&CN of Cà Mau.
    let successorId: number | null = null;
    const next = def?.successor ? this.registry.get(def.successor) : undefined;
    if (next) successorId = await this.ensure(tx, next.key, next, next.name, province ? provinces().today(province) : null);
    const rowProvince = key === baseKey ? (def?.province ?? null) : province;
    const shown = def ? localAgencyName(name, rowProvince) : name;
    const row = await upsertAgency(
      tx,
      key,
      {
        key,
        baseKey,
        name: shown,
        kind: def?.kind ?? 'other',
        province: rowProvince,
        successorId,
        mergedYear: def?.mergedYear ?? null,
      },
      def ? { successorId, mergedYear: def.mergedYear ?? null } : {},
    );
    this.cache.set(key, row.id);
    return row.id;
  }
}
