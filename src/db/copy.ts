// `cli db copy`: moves a deployment from one database to another (SQLite → PostgreSQL, or back), every table in
// foreign-key order with its ids, then reads both sides again and compares a row count and a checksum per table.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AppError, ErrorCode } from '../core/errors.ts';
import { openDb, sqlitePath, type Db } from './client.ts';
import { Prisma } from './generated/client.ts';
import { isPostgresUrl } from './migrate-pg.ts';

/** Tables whose key is not `id`. */
const KEYS: Partial<Record<Prisma.ModelName, string>> = { Session: 'key', Lease: 'name', JobRun: 'name', InboundEvent: 'key' };
/** Columns pointing into their own table: written after every row of the table is in. */
const SELF_REFS: Partial<Record<Prisma.ModelName, string>> = { Document: 'approvesId', Section: 'parentId', Agency: 'successorId' };
const BATCH = 500;

type Row = Record<string, unknown>;
interface Delegate {
  findMany(a: { orderBy: Row; take: number; skip: number }): Promise<Row[]>;
  createMany(a: { data: Row[] }): Promise<unknown>;
  update(a: { where: Row; data: Row }): Promise<unknown>;
  count(): Promise<number>;
}

export interface TableCopy {
  table: string;
  rows: number;
  copied: number;
  checksum: string;
  same: boolean;
}

/** The schema's models in declaration order, which is foreign-key order apart from SELF_REFS. */
export const COPY_ORDER = Object.values(Prisma.ModelName);

const delegate = (db: Db, model: string) => (db as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

async function* rowsOf(db: Db, model: Prisma.ModelName): AsyncGenerator<Row[]> {
  const d = delegate(db, model);
  const key = KEYS[model] ?? 'id';
  for (let skip = 0; ; skip += BATCH) {
    const rows = await d.findMany({ orderBy: { [key]: 'asc' }, take: BATCH, skip });
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
  }
}

/** Row count and SHA-256 of the table's rows in key order, as the client reads them (so both sides compare). */
export async function tableChecksum(db: Db, model: Prisma.ModelName): Promise<{ rows: number; checksum: string }> {
  const h = createHash('sha256');
  let rows = 0;
  for await (const batch of rowsOf(db, model))
    for (const r of batch) {
      rows++;
      h.update(
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]]),
        ),
      );
      h.update('\n');
    }
  return { rows, checksum: h.digest('hex').slice(0, 16) };
}

async function copyTable(from: Db, to: Db, model: Prisma.ModelName): Promise<number> {
  const d = delegate(to, model);
  const self = SELF_REFS[model];
  const later: [unknown, Row][] = [];
  let n = 0;
  for await (const batch of rowsOf(from, model)) {
    const data = batch.map((r) => {
      if (!self || r[self] == null) return r;
      // @updatedAt would stamp the second write with the time of the copy: keep the row's own
      later.push([r.id, { [self]: r[self], ...('updatedAt' in r ? { updatedAt: r.updatedAt } : {}) }]);
      return { ...r, [self]: null };
    });
    await d.createMany({ data });
    n += data.length;
  }
  for (const [id, data] of later) await d.update({ where: { id }, data });
  return n;
}

/** Moves the sequences behind PostgreSQL's autoincrement ids past the ids copied in. */
async function resetSequences(db: Db): Promise<void> {
  for (const model of COPY_ORDER) {
    if (KEYS[model]) continue;
    await db.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${model}"', 'id'), COALESCE((SELECT MAX("id") FROM "${model}"), 0) + 1, false)`,
    );
  }
}

/**
 * Refuses what names no database this tool opens, before anything is opened: a URL of another kind ("mysql://…")
 * would be taken for an SQLite path and create one; a source SQLite file that does not exist would be created empty
 * and "copied".
 */
function checkUrls(fromUrl: string, toUrl: string): void {
  for (const url of [fromUrl, toUrl]) {
    if (!isPostgresUrl(url) && /^[a-z][a-z0-9+.-]*:\/\//i.test(url))
      throw new AppError(ErrorCode.Config, `"${url}" không phải cơ sở dữ liệu dùng được: dùng file:… (SQLite) hoặc postgresql://….`, {
        en: `"${url}" is no database this tool opens: use file:… (SQLite) or postgresql://….`,
      });
  }
  if (!isPostgresUrl(fromUrl) && !existsSync(sqlitePath(fromUrl)))
    throw new AppError(ErrorCode.Config, `Không có tệp cơ sở dữ liệu nguồn ${sqlitePath(fromUrl)}.`, {
      en: `The source database file ${sqlitePath(fromUrl)} does not exist.`,
    });
}

export async function copyDatabase(fromUrl: string, toUrl: string): Promise<TableCopy[]> {
  checkUrls(fromUrl, toUrl);
  if (fromUrl === toUrl)
    throw new AppError(ErrorCode.Config, 'Nguồn và đích là cùng một cơ sở dữ liệu.', {
      en: 'The source and the destination are the same database.',
    });
  const from = await openDb(fromUrl);
  const to = await openDb(toUrl);
  try {
    for (const model of COPY_ORDER) {
      if ((await delegate(to, model).count()) > 0)
        throw new AppError(
          ErrorCode.Config,
          `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${model}): chỉ chép vào một cơ sở dữ liệu mới, trống.`,
          { en: `The destination database already has data (table ${model}): copy only into a new, empty database.` },
        );
    }
    const out: TableCopy[] = [];
    for (const model of COPY_ORDER)
      out.push({ table: model, rows: 0, copied: await copyTable(from, to, model), checksum: '', same: false });
    if (isPostgresUrl(toUrl)) await resetSequences(to);
    for (const t of out) {
      const [a, b] = await Promise.all([tableChecksum(from, t.table as Prisma.ModelName), tableChecksum(to, t.table as Prisma.ModelName)]);
      Object.assign(t, { rows: a.rows, checksum: a.checksum, same: a.rows === b.rows && a.checksum === b.checksum });
    }
    return out;
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }
}
