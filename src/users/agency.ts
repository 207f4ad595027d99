// Finds or creates the Agency row of a registry agency in a province: "Sở Tài chính" + "Cà Mau" → so-tc@ca-mau.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { fold } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import { AgencyRows, agencyRowKey } from '../ingest/agency-rows.ts';

export interface AgencyRow {
  id: number;
  key: string;
  baseKey: string;
  name: string;
  province: string | null;
}

/** Registry key of a name as written, or of a key given directly; throws a clear error when unknown. */
export function registryKey(app: Pick<App, 'registry'>, nameOrKey: string): string {
  const key = app.registry.resolve(nameOrKey).key ?? (app.registry.get(nameOrKey.trim()) ? nameOrKey.trim() : null);
  if (!key) {
    throw new AppError(
      ErrorCode.NotFound,
      `Không tìm thấy cơ quan "${nameOrKey}" trong danh mục cơ quan (data/agencies.yaml). Kiểm tra tên hoặc thêm cơ quan vào danh mục.`,
    );
  }
  return key;
}

export function agencyKey(app: Pick<App, 'registry'>, baseKey: string, province: string | null | undefined): string {
  return agencyRowKey(baseKey, app.registry.get(baseKey), province ?? null);
}

/** Accepts a row key ("so-tc@ca-mau"), or a name/registry key plus a province. */
export async function ensureAgency(app: Pick<App, 'registry' | 'db'>, nameOrKey: string, province?: string | null): Promise<AgencyRow> {
  if (nameOrKey.includes('@')) {
    const row = await app.db.agency.findUnique({ where: { key: nameOrKey.trim() } });
    if (row) return pick(row);
    const [base = '', prov = ''] = nameOrKey.split('@');
    const provName = province ?? (await provinceNameFromSlug(app.db, prov)) ?? prov;
    return ensureAgency(app, base, provName);
  }
  const base = registryKey(app, nameOrKey);
  // the import pipeline's own rule for row keys (national agencies have no province suffix), so rows are shared
  const id = await new AgencyRows(app.registry).idForKey(app.db, base, province ?? null);
  const row = await app.db.agency.findUniqueOrThrow({ where: { id: id! } });
  return pick(row);
}

/** Finds an existing Agency row by name/alias within a province (no creation). */
export async function findAgency(app: Pick<App, 'registry' | 'db'>, name: string, province?: string | null): Promise<AgencyRow | null> {
  const base = app.registry.resolve(name).key;
  const rows = base
    ? await app.db.agency.findMany({ where: { baseKey: base } })
    : (await app.db.agency.findMany()).filter((a) => fold(a.name) === fold(name) || a.key === name.trim());
  const inProvince = province ? rows.filter((r) => r.province && fold(r.province) === fold(province)) : rows;
  const row = inProvince[0] ?? (province ? null : rows[0]);
  return row ? pick(row) : null;
}

async function provinceNameFromSlug(db: Db, slug: string): Promise<string | null> {
  const rows = await db.agency.findMany({ where: { key: { endsWith: `@${slug}` } }, take: 1 });
  return rows[0]?.province ?? null;
}

function pick(r: { id: number; key: string; baseKey: string; name: string; province: string | null }): AgencyRow {
  return { id: r.id, key: r.key, baseKey: r.baseKey, name: r.name, province: r.province };
}
