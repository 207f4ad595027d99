// The agencies and their aliases, as the agency matcher reads them.
import type { Db } from '../../db/client.ts';

export const findAgencyKeys = (db: Db) =>
  db.agency.findMany({ select: { id: true, key: true, baseKey: true, name: true, province: true } });

export const findAgencyAliases = (db: Db) => db.agencyAlias.findMany({ include: { agency: { select: { baseKey: true, name: true } } } });
