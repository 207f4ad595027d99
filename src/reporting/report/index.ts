// Public surface of consolidated reports, for the conversation, channels and the CLI.
import type { Locale } from '../../core/i18n.ts';
import type { Db } from '../../db/client.ts';
import type { OutFile } from '../../core/types.ts';
import { buildConsolidatedReport } from './build.ts';
import { renderChatSummary, renderReport, type DocxMeta, type ReportFormat } from './render/index.ts';
import { resolveReportRef, type ReportScope } from './resolve.ts';
import type { ConsolidatedReport } from './types.ts';

export { buildConsolidatedReport, assembleReport, type BuildReportOptions } from './build.ts';
export { normalizePeriodKey } from './load.ts';
export { resolveReportRef, periodSuffix, type ReportRef, type ReportScope } from './resolve.ts';
export { agencyHistory, renderAgencyHistory, type AgencyHistory, type HistoryEntry, type HistoryValue } from './history.ts';
export { periodLabel } from './format.ts';
export * from './render/index.ts';
export type * from './types.ts';

export interface ChatReport {
  report: ConsolidatedReport;
  /** The summary, one message. */
  text: string;
  /** Files to send as documents (default XLSX and DOCX). */
  files: OutFile[];
}

/**
 * What the bot answers to "báo cáo tổng hợp [<mã chế độ>] [quý 4]": the chat summary and the files.
 * Regime and period may be omitted or partial (see resolveReportRef); errors are AppError with Vietnamese messages.
 */
export async function consolidatedReportForChat(
  db: Db,
  opts: {
    regime?: string | number;
    period?: string;
    now?: Date;
    formats?: ReportFormat[];
    docx?: DocxMeta;
    includeDrafts?: boolean;
    scope?: ReportScope;
    /** The summary's language (the files stay Vietnamese: they are the official report). */
    locale?: Locale | null;
  },
): Promise<ChatReport> {
  const ref = await resolveReportRef(db, opts);
  const report = await buildConsolidatedReport(db, {
    regime: ref.regimeId,
    period: ref.periodKey,
    now: opts.now,
    includeDrafts: opts.includeDrafts,
  });
  const files: OutFile[] = [];
  for (const f of opts.formats ?? (['xlsx', 'docx'] as const)) files.push(await renderReport(report, f, { docx: opts.docx }));
  return { report, text: renderChatSummary(report, { locale: opts.locale }), files };
}
