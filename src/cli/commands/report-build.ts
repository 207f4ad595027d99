// `cli report build <regime> <period> --format xlsx|csv|docx|png|md[,…]|all --out <file or folder>` writes the
// consolidated report (CSV for a Vietnamese Excel unless `--csv-format standard`); `cli report history <agency>`
// prints an agency's report history.
// Another module registers `report status`; both share the one `report` parent command.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { listAgencyNames } from '../repo/listings.ts';
import { ErrorCode } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { fold } from '../../core/text.ts';
import { buildConsolidatedReport } from '../../reporting/report/build.ts';
import { agencyHistory, renderAgencyHistory } from '../../reporting/report/history.ts';
import {
  CSV_FORMATS,
  REPORT_FORMATS,
  isReportFormat,
  renderChatSummary,
  renderReport,
  type CsvFormat,
  type ReportFormat,
} from '../../reporting/report/render/index.ts';
import { cliError } from '../text/common.ts';
import { REPORT_TEXT } from '../text/report.ts';

interface BuildOpts {
  format: string;
  out?: string;
  item?: string;
  drafts?: boolean;
  summary?: boolean;
  number?: string;
  signer?: string;
  signerTitle?: string;
  date?: string;
  csvFormat: string;
}

export function parseFormats(s: string): ReportFormat[] {
  const list =
    s.trim().toLowerCase() === 'all'
      ? [...REPORT_FORMATS]
      : s
          .split(/[,\s]+/)
          .filter(Boolean)
          .map((x) => x.toLowerCase());
  const bad = list.filter((f) => !isReportFormat(f));
  if (bad.length || !list.length) {
    throw cliError(REPORT_TEXT, ErrorCode.InvalidInput, (t) => t.badFormat(bad.join(', ') || s, REPORT_FORMATS.join(', ')));
  }
  return [...new Set(list)] as ReportFormat[];
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Where each file goes: --out is a folder (existing, ending in "/", or several formats) or the file itself. */
export function outputPath(out: string | undefined, name: string, several: boolean): string {
  if (!out) return resolve(name);
  if (several || out.endsWith('/') || isDir(out)) return resolve(out, name);
  return resolve(out);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The `report` parent command, made by whichever of this module and report-status registers first. */
export const reportCommand = (program: Command, locale: Locale): Command =>
  program.commands.find((c) => c.name() === 'report') ?? program.command('report').description(REPORT_TEXT(locale).group);

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = REPORT_TEXT(locale);
  const report = reportCommand(program, locale);

  report
    .command('build')
    .description(T.build)
    .argument('<regime>', T.buildRegime)
    .argument('<period>', T.buildPeriod)
    .option('-f, --format <formats>', T.formats(REPORT_FORMATS.join(', ')), 'xlsx')
    .option('-o, --out <path>', T.out)
    .option('--item <n>', T.item)
    .option('--drafts', T.drafts)
    .option('--summary', T.summary)
    .option(`--number ${T.argNumber}`, T.number)
    .option(`--signer ${T.argSigner}`, T.signer)
    .option(`--signer-title ${T.argTitle}`, T.signerTitle)
    .option('--date <yyyy-mm-dd>', T.date)
    .option('--csv-format <vn|standard>', T.csvFormat, 'vn')
    .action(async (regime: string, period: string, opts: BuildOpts) => {
      const formats = parseFormats(opts.format);
      let date: Date | undefined;
      if (opts.date) {
        date = new Date(`${opts.date}T12:00:00+07:00`);
        if (Number.isNaN(date.getTime())) throw cliError(REPORT_TEXT, ErrorCode.InvalidInput, (t) => t.badDate(opts.date!));
      }
      const csvFormat = opts.csvFormat.trim().toLowerCase();
      if (!(CSV_FORMATS as readonly string[]).includes(csvFormat)) {
        throw cliError(REPORT_TEXT, ErrorCode.InvalidInput, (t) => t.badCsvFormat(opts.csvFormat));
      }
      const item = opts.item !== undefined ? Number(opts.item) : undefined;
      if (item !== undefined && !(Number.isInteger(item) && item > 0)) {
        throw cliError(REPORT_TEXT, ErrorCode.InvalidInput, (t) => t.badItem(opts.item!));
      }
      const app = await getApp();
      const r = await buildConsolidatedReport(app.db, { regime, period, includeDrafts: opts.drafts ?? false, now: app.clock.now() });
      if (opts.summary) process.stdout.write(`${renderChatSummary(r, { locale })}\n\n`);
      for (const format of formats) {
        const file = await renderReport(r, format, {
          item,
          csvFormat: csvFormat as CsvFormat,
          docx: { number: opts.number, signerName: opts.signer, signerTitle: opts.signerTitle, date },
        });
        const path = outputPath(opts.out, file.name, formats.length > 1);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.data);
        process.stdout.write(`${T.wrote(path, kb(file.data.length))}\n`);
      }
    });

  report
    .command('history')
    .description(T.history)
    .argument('<agency>', T.historyAgency)
    .option('--regime <code>', T.historyRegime)
    .action(async (agencyRef: string, opts: { regime?: string }) => {
      const app = await getApp();
      const agencies = await listAgencyNames(app.db);
      const f = fold(agencyRef);
      const hits = agencies.filter((a) => a.key === agencyRef || fold(a.key) === f || fold(a.name) === f);
      if (hits.length === 0) throw cliError(REPORT_TEXT, ErrorCode.NotFound, (t) => t.noUnit(agencyRef));
      if (hits.length > 1)
        throw cliError(REPORT_TEXT, ErrorCode.InvalidInput, (t) => t.manyUnits(hits.length, agencyRef, hits.map((a) => a.key).join(', ')));
      const h = await agencyHistory(app.db, { agencyId: (hits[0] as { id: number }).id, regime: opts.regime, now: app.clock.now() });
      process.stdout.write(`${renderAgencyHistory(h, { limit: Number.MAX_SAFE_INTEGER, locale })}\n`);
    });
}
