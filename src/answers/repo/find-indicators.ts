// Indicators by id.
import type { Db } from '../../db/client.ts';

export const findIndicators = (db: Db, ids: number[]) => db.indicator.findMany({ where: { id: { in: ids } } });
