// An Agency row by key: created the first time a document names it, its successor kept up to date.
import type { Db, Prisma } from '../../db/client.ts';

/** Creates the row of `key`, or applies `update` to it. */
export const upsertAgency = (
  tx: Pick<Db, 'agency'>,
  key: string,
  create: Prisma.AgencyUncheckedCreateInput,
  update: Prisma.AgencyUncheckedUpdateInput,
) => tx.agency.upsert({ where: { key }, create, update });
