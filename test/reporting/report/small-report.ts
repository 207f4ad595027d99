// The report most report tests read: the small seed (seed.ts) in a scratch database, 2026-Q4 consolidated on
// 20/01/2027; `withTextsAndStates` adds the text answers and task states of texts-seed.
import { tempDb, type TempDb } from '../../helpers/db.ts';
import { buildConsolidatedReport } from '../../../src/reporting/report/build.ts';
import type { ConsolidatedReport } from '../../../src/reporting/report/types.ts';
import { REGIME_CODE, seedSmall, seedTextsAndStates } from './seed.ts';

export const REPORT_NOW = new Date('2027-01-20T00:00:00Z');

export async function smallReport(opts: { withTextsAndStates?: boolean } = {}): Promise<{ t: TempDb; r: ConsolidatedReport }> {
  const t = await tempDb();
  const seeded = await seedSmall(t.db);
  if (opts.withTextsAndStates) await seedTextsAndStates(t.db, seeded);
  const r = await buildConsolidatedReport(t.db, { regime: REGIME_CODE, period: '2026-Q4', now: REPORT_NOW });
  return { t, r };
}
