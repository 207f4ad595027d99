// Regimes in the database: load/replace from a definition, export back, list. Item ids are kept across edits
// so answers already given stay attached; an item with answers cannot be deleted silently.
import { stringify as toYaml } from 'yaml';
import type { App } from '../app.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { documentNumberKey, fold } from '../core/text.ts';
import { aliasKey } from '../ingest/agencies.ts';
import type { Db, DbTx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { findDocumentById, findDocumentByNumberKey } from './repo/documents.ts';
import {
  createRegimeItem,
  deleteRegimeItems,
  findItemsWithAnswerCounts,
  findRegimeAgencyIds,
  updateRegimeItem,
} from './repo/regime-items.ts';
import { setOpenPeriodsExpected } from './repo/periods.ts';
import { createRegime, findRegimeByCode, findRegimeWithItems, listRegimesWithCounts, updateRegime } from './repo/regimes.ts';
import { placedName, provinces } from '../ingest/provinces.ts';
import type { Locale } from '../core/i18n.ts';
import { currentAgency } from '../users/agency.ts';
import { RegimeNotes, storedRegimeNotes } from './regime-notes.ts';
import { matchItems } from './regime-match.ts';
import type { ItemDef, RegimeDef, RegimeDefInput } from './regime-def.ts';
import { validateRegime } from './regime-file.ts';

export { parseRegimeFile, validateRegime } from './regime-file.ts';

export async function findDocumentId(db: Db, ref: string | number): Promise<number | null> {
  if (typeof ref === 'number' || /^\d+$/.test(ref)) {
    const d = await findDocumentById(db, Number(ref));
    return d?.id ?? null;
  }
  const d = await findDocumentByNumberKey(db, documentNumberKey(ref));
  return d?.id ?? null;
}

export interface SaveResult {
  id: number;
  code: string;
  items: number;
  /** Agencies (and the province) of the definition that no longer exist, and who got their items (Vietnamese). */
  warnings: string[];
  /** The same in English. */
  warningsEn: string[];
  /** created: a new regime; updated: something changed; unchanged: the database already said exactly this. */
  outcome: 'created' | 'updated' | 'unchanged';
  changes: { added: number; changed: number; removed: number; fields: string[] };
}

type Tx = DbTx;
type Assigned = ItemDef & { formerAgencyId: number | null };
type ItemGroup = { agencyId: number; agencyKey: string; items: Assigned[] };

/**
 * Every item goes to the agency that carries it today: a former agency's items to its successor (for a split, by the
 * item's own words), in today's province. Each change is added to `changes`, kept with the regime for `regime show`.
 */
async function assignItems(app: Pick<App, 'db' | 'registry' | 'clock'>, def: RegimeDef, changes: RegimeNotes): Promise<ItemGroup[]> {
  const groups: ItemGroup[] = [];
  for (const g of def.agencies) {
    for (const it of g.items) {
      const where = g.agency.includes('@') ? null : (def.province ?? null);
      const { row: a, change, former } = await currentAgency(app, g.agency, where, it.label);
      if (change) changes.add({ code: 'item-agency', change });
      // A label naming an agency that has since changed ("phối hợp Sở TT&TT") names the one that carries it today.
      const item = { ...it, label: todaysWording(app, it.label, changes), formerAgencyId: change ? (former?.id ?? null) : null };
      const same = groups.find((x) => x.agencyId === a.id);
      if (same)
        same.items.push(item); // the same agency listed twice (by name and by key, or as predecessor and successor): one group
      else groups.push({ agencyId: a.id, agencyKey: a.key, items: [item] });
    }
  }
  for (const g of groups) g.items = textItemsLast(g.items);
  return groups;
}

/** The database rows of the items, numbered in order. */
function itemRows(wanted: { it: Assigned; agencyId: number }[]) {
  return wanted.map(({ it, agencyId }, i) => ({
    ord: i + 1,
    kind: it.kind,
    label: it.label,
    unit: it.kind === 'text' ? null : (it.unit ?? (it.valueKind === 'percent' ? '%' : null)), // a text item is answered in words
    valueKind: it.kind === 'figure' ? (it.valueKind ?? 'count') : null,
    min: it.min ?? null,
    max: it.max ?? null,
    targetText: it.targetText ?? null,
    targetValue: it.targetValue ?? null,
    targetYear: it.targetYear ?? null,
    agencyId,
    indicatorId: it.indicatorId ?? null,
    taskId: it.taskId ?? null,
    key: it.key ?? null,
    partOf: it.partOf ?? null,
    cumulative: it.cumulative ?? false,
  }));
}

/** Updates the regime's items in place (ids and answers kept), adds the new ones, deletes those gone if unanswered. */
async function syncItems(tx: Tx, regimeId: number, rows: ReturnType<typeof itemRows>, wanted: { it: Assigned }[]) {
  const existing = await findItemsWithAnswerCounts(tx, regimeId);
  const ids = matchItems(
    existing,
    rows.map((r, i) => ({ ...r, id: wanted[i]!.it.id, formerAgencyId: wanted[i]!.it.formerAgencyId })),
  );
  const keep = new Set<number>();
  let added = 0;
  let changed = 0;
  for (const [i, data] of rows.entries()) {
    const same = existing.find((e) => e.id === ids[i]);
    if (same) {
      keep.add(same.id);
      if ((Object.keys(data) as (keyof typeof data)[]).some((k) => same[k] !== data[k])) {
        await updateRegimeItem(tx, same.id, data);
        changed++;
      }
    } else {
      await createRegimeItem(tx, { ...data, regimeId });
      added++;
    }
  }
  const dropped = existing.filter((e) => !keep.has(e.id));
  const answered = dropped.filter((e) => e._count.answers > 0);
  if (answered.length) {
    const items = answered.map((e) => `#${e.id} "${e.label}"`).join(', ');
    throw new AppError(
      ErrorCode.Conflict,
      `Không xóa được chỉ tiêu đã có số liệu báo cáo: ${items}. Giữ lại các mục này trong tệp (có thể thêm "id: <số>" để chắc chắn khớp đúng mục).`,
      {
        en: `Cannot delete items that already have reported figures: ${items}. Keep them in the file (adding "id: <number>" makes sure each matches its item).`,
      },
    );
  }
  if (dropped.length)
    await deleteRegimeItems(
      tx,
      dropped.map((d) => d.id),
    );
  return { added, changed, removed: dropped.length };
}

/** Creates or replaces a regime from its definition, keeping the ids (and answers) of the items it still has. */
export async function saveRegime(app: Pick<App, 'db' | 'registry' | 'clock'>, input: RegimeDefInput | RegimeDef): Promise<SaveResult> {
  const def = validateRegime(input);
  const db = app.db;
  const documentId = def.document != null ? await findDocumentId(db, def.document) : null;
  const changes = new RegimeNotes();
  const province = def.province ? provinces().today(def.province, app.clock.now()) : null;
  if (province && def.province && province !== def.province) changes.add({ code: 'province', from: def.province, to: province });
  const groups = await assignItems(app, def, changes);
  const receivingBody = def.receivingBody ? todaysWording(app, def.receivingBody, changes) : null;
  const method = def.method ? todaysWording(app, def.method, changes) : null;
  const fields = {
    name: def.name,
    content: def.content ?? null,
    reportingBodies: JSON.stringify(groups.map((g) => g.agencyKey)),
    receivingBody,
    method,
    agencyChanges: changes.size ? JSON.stringify(changes.codes()) : null,
    frequency: def.frequency,
    cutoffDay: def.cutoffDay,
    deadlineDays: def.deadlineDays,
    lockAfterDays: def.lockAfterDays,
    province,
    documentId,
  };
  const wanted = groups.flatMap((g) => g.items.map((it) => ({ it, agencyId: g.agencyId })));
  const rows = itemRows(wanted);
  return inTransaction(db, async (tx) => {
    const old = await findRegimeByCode(tx, def.code);
    const changedFields = old ? (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => old[k] !== fields[k]) : [];
    const regime = !old
      ? await createRegime(tx, { code: def.code, ...fields })
      : changedFields.length
        ? await updateRegime(tx, old.id, fields)
        : old;
    const items = await syncItems(tx, regime.id, rows, wanted);
    // the periods still open ask the new list; closed ones keep the agencies they asked (the trend's denominator)
    if (items.added || items.changed || items.removed)
      await setOpenPeriodsExpected(tx, regime.id, app.clock.now(), await expectedAgencies(tx, regime.id));
    const outcome = !old ? 'created' : changedFields.length || items.added || items.changed || items.removed ? 'updated' : 'unchanged';
    return {
      id: regime.id,
      code: regime.code,
      items: rows.length,
      warnings: changes.texts(),
      warningsEn: changes.in('en'),
      outcome,
      changes: { ...items, fields: changedFields },
    };
  });
}

/**
 * A free-text field ("Sở Thông tin và Truyền thông tỉnh Cà Mau (tổng hợp …)") in today's terms: every agency name of
 * the registry that no longer exists is replaced by its successor's, and the change is noted.
 */
function todaysWording(app: Pick<App, 'registry' | 'clock'>, text: string, changes: RegimeNotes): string {
  let out = text;
  const on = app.clock.now();
  // a name can be replaced only where its folded form occurs: most of the registry is skipped at once
  const hay = aliasKey(text);
  for (const { alias, key } of app.registry.aliasEntries()) {
    if (!hay.includes(alias)) continue;
    const s = app.registry.successorOn(key, { on, subject: text });
    const to = s ? app.registry.get(s.key) : undefined;
    if (!s || !to) continue;
    for (const name of [app.registry.get(key)!.name, ...app.registry.get(key)!.aliases]) {
      if (aliasKey(name) !== alias) continue;
      const re = new RegExp(`(^|[^\\p{L}])${escapeRe(name)}(?![\\p{L}])`, 'gu');
      const next = out.replace(re, (_m, pre: string) => `${pre}${s.as ?? placedName(to.name, to.kind, to.province ?? null, null)}`);
      if (next !== out) changes.add({ code: 'wording', name, as: s.as ?? to.name, since: s.since, basis: s.basis });
      out = next;
    }
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The agencies the regime asks today, as Period.expectedAgencies records them (a JSON array of ids). */
export async function expectedAgencies(db: Pick<Db, 'regimeItem'>, regimeId: number): Promise<string> {
  const rows = await findRegimeAgencyIds(db, regimeId);
  return JSON.stringify(rows.map((r) => r.agencyId).sort((a, b) => a - b));
}

export async function getRegime(db: Db, code: string) {
  const r = await findRegimeWithItems(db, code.trim());
  if (!r)
    throw new AppError(ErrorCode.NotFound, `Không có chế độ báo cáo mã "${code}". Xem danh sách: npm run cli -- regime list`, {
      en: `No reporting regime "${code}". To list them: npm run cli -- regime list`,
    });
  return r;
}

/** What `saveRegime` changed to reach today's agencies (kept with the regime), in sentences of the reader's language. */
export async function regimeAgencyChanges(db: Db, code: string, locale: Locale = 'vi'): Promise<string[]> {
  return storedRegimeNotes((await getRegime(db, code)).agencyChanges, locale);
}

/** The regime as an editable definition (items grouped by agency, with ids). */
export async function exportRegime(db: Db, code: string): Promise<RegimeDef> {
  const r = await getRegime(db, code);
  const groups = new Map<string, ItemDef[]>();
  for (const it of r.items) {
    const list = groups.get(it.agency.key) ?? [];
    list.push(
      stripNulls({
        id: it.id,
        label: it.label,
        kind: it.kind,
        unit: it.unit,
        valueKind: it.valueKind,
        min: it.min,
        max: it.max,
        targetText: it.targetText,
        targetValue: it.targetValue,
        targetYear: it.targetYear,
        indicatorId: it.indicatorId,
        taskId: it.taskId,
        key: it.key,
        partOf: it.partOf,
        cumulative: it.cumulative || null,
      }),
    );
    groups.set(it.agency.key, list);
  }
  return stripNulls({
    code: r.code,
    name: r.name,
    content: r.content,
    receivingBody: r.receivingBody,
    method: r.method,
    frequency: r.frequency as RegimeDef['frequency'],
    cutoffDay: r.cutoffDay,
    deadlineDays: r.deadlineDays,
    lockAfterDays: r.lockAfterDays,
    province: r.province,
    document: r.document?.number ?? r.documentId,
    agencies: [...groups].map(([agency, items]) => ({ agency, items })),
  });
}

export function regimeToYaml(def: RegimeDef): string {
  return toYaml(def, { lineWidth: 0 });
}

function stripNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export async function listRegimes(db: Db) {
  return listRegimesWithCounts(db);
}

/**
 * An agency's free-text items come after its figures and tasks, once each: when agencies merged, the successor's
 * group holds each former agency's "Khó khăn, vướng mắc"; it is asked once.
 */
function textItemsLast<T extends ItemDef>(items: T[]): T[] {
  const seen = new Set<string>();
  const texts = items.filter((it) => it.kind === 'text' && !seen.has(fold(it.label)) && seen.add(fold(it.label)));
  return [...items.filter((it) => it.kind !== 'text'), ...texts];
}
