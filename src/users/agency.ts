// Finds or creates the Agency row of a registry agency in a province: "Sở Tài chính" + "Cà Mau" → so-tc@ca-mau.
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { fold, vnDate } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import { AgencyRows, agencyRowKey } from '../ingest/agency-rows.ts';
import { placedName, provinces } from '../ingest/provinces.ts';
import {
  findAgenciesByBaseKey,
  findAgencyByIdOrThrow,
  findAgencyByKey,
  findAgencyOfSlug,
  findPredecessors,
  listAgencies,
} from './repo/agencies.ts';

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
      { en: `No agency "${nameOrKey}" in the agency registry (data/agencies.yaml). Check the name or add the agency to the registry.` },
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
    const row = await findAgencyByKey(app.db, nameOrKey.trim());
    if (row) return pick(row);
    const [base = '', prov = ''] = nameOrKey.split('@');
    const provName = province ?? (await provinceNameFromSlug(app.db, prov)) ?? prov;
    return ensureAgency(app, base, provName);
  }
  const base = registryKey(app, nameOrKey);
  // the import pipeline's own rule for row keys (national agencies have no province suffix), so rows are shared
  const id = await new AgencyRows(app.registry).idForKey(app.db, base, province ?? null);
  const row = await findAgencyByIdOrThrow(app.db, id!);
  return pick(row);
}

/** An agency named by its former name, and who it is today: for warnings and audit. */
export interface AgencyChange {
  from: string; // "Sở Thông tin và Truyền thông tỉnh Cà Mau"
  to: string; // "Sở Khoa học và Công nghệ tỉnh Cà Mau"
  since: string; // ISO date
  basis: string;
  inferred: string | null; // the duties a split was decided by
}

/** "Sở Thông tin và Truyền thông tỉnh Cà Mau nay là Sở Khoa học và Công nghệ tỉnh Cà Mau (từ 01/3/2025, Nghị định …)". */
export function describeChange(c: AgencyChange): string {
  const why = c.inferred ? `; theo nội dung: ${c.inferred}` : '';
  return `${c.from} nay là ${c.to} (từ ${vnDate(c.since)}, ${c.basis}${why})`;
}

/**
 * The Agency row that carries a name's duties today (on the app clock's date): a former agency becomes its
 * successor, in today's province ("Sở TT&TT" + "Bạc Liêu" → Sở KH&CN of Cà Mau); `subject` picks the share of a
 * split (a press item → Sở VHTTDL). Used wherever a person names an agency: invites, regimes, registration.
 */
export async function currentAgency(
  app: Pick<App, 'registry' | 'db' | 'clock'>,
  nameOrKey: string,
  province: string | null,
  subject?: string,
): Promise<{ row: AgencyRow; change: AgencyChange | null; former: AgencyRow | null }> {
  let name = nameOrKey;
  let prov = province;
  if (nameOrKey.includes('@')) {
    const row = await findAgencyByKey(app.db, nameOrKey.trim());
    name = row?.baseKey ?? nameOrKey.split('@')[0]!;
    prov = row?.province ?? (await provinceNameFromSlug(app.db, nameOrKey.split('@')[1] ?? '')) ?? province;
  }
  const base = registryKey(app, name);
  const on = app.clock.now();
  const s = app.registry.successorOn(base, { on, subject });
  const today = prov ? provinces().today(prov, on) : null;
  if (!s) {
    // The agency still exists; its province may not (Sở Tài chính of Bạc Liêu is Cà Mau's today).
    const row = await ensureAgency(app, base, today);
    const from = prov && today !== prov ? await ensureAgency(app, base, prov) : null;
    const c = from ? provinces().changeOf(prov!)! : null;
    return {
      row,
      former: from,
      change: from && c ? { from: placed(app, from), to: placed(app, row), since: c.date, basis: c.basis, inferred: null } : null,
    };
  }
  const old = await ensureAgency(app, base, prov);
  const row = await ensureAgency(app, s.key, today);
  const to = s.as ?? placed(app, row);
  return { row, former: old, change: { from: placed(app, old), to, since: s.since, basis: s.basis, inferred: s.inferred } };
}

function placed(app: Pick<App, 'registry'>, r: AgencyRow): string {
  const def = app.registry.get(r.baseKey);
  return def ? placedName(def.name, def.kind, def.province ?? null, r.province) : r.name;
}

/** Finds an existing Agency row by name/alias within a province (no creation). */
export async function findAgency(
  app: Pick<App, 'registry' | 'db'> & Partial<Pick<App, 'clock'>>,
  name: string,
  province?: string | null,
): Promise<AgencyRow | null> {
  const named = app.registry.resolve(name).key;
  // A former name ("Sở TT&TT") finds the agency that carries its duties today.
  const base = named ? (app.registry.successorOn(named, { on: app.clock?.now() ?? new Date() })?.key ?? named) : null;
  // An agency the catalogue does not know by that name (a regime's own key) is found by its exact name or key.
  const byBase = base ? await findAgenciesByBaseKey(app.db, base) : [];
  const rows = byBase.length ? byBase : (await listAgencies(app.db)).filter((a) => fold(a.name) === fold(name) || a.key === name.trim());
  const inProvince = province ? rows.filter((r) => r.province && fold(r.province) === fold(province)) : rows;
  const row = inProvince[0] ?? (province ? null : rows[0]);
  return row ? pick(row) : null;
}

async function provinceNameFromSlug(db: Db, slug: string): Promise<string | null> {
  const rows = await findAgencyOfSlug(db, slug);
  return rows[0]?.province ?? null;
}

function pick(r: { id: number; key: string; baseKey: string; name: string; province: string | null }): AgencyRow {
  return { id: r.id, key: r.key, baseKey: r.baseKey, name: r.name, province: r.province };
}

/** DB ids of the agencies whose successor chain leads to `id` (Sở BCVT, Sở TT&TT → Sở KH&CN of the province). */
export async function predecessorIds(db: Db, id: number): Promise<number[]> {
  const out: number[] = [];
  let frontier = [id];
  for (let depth = 0; frontier.length && depth < 10; depth++) {
    const rows = await findPredecessors(db, frontier);
    frontier = rows.map((r) => r.id).filter((x) => !out.includes(x) && x !== id);
    out.push(...frontier);
  }
  return out;
}
