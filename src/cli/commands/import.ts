// `cli import <files or folders…>`: parse and store directive texts, a progress line per file, a summary table.
import { outcomeIn } from '../../ingest/import-text.ts';
import type { RegisterCommands } from '../index.ts';
import type { Locale } from '../../core/i18n.ts';
import { importPaths, type FileResult } from '../../ingest/pipeline.ts';
import { table } from '../format/table.ts';
import { DOCUMENTS_TEXT, IMPORT_HEADERS } from '../text/documents.ts';

function statusIn(locale: Locale, s: FileResult['status']): string {
  const T = DOCUMENTS_TEXT(locale);
  return { new: T.statusNew, updated: T.statusUpdated, unchanged: T.statusUnchanged, error: T.statusError }[s];
}
function formatIn(locale: Locale, f: string): string {
  const T = DOCUMENTS_TEXT(locale);
  const names: Record<string, string> = {
    text: T.formatText,
    docx: 'DOCX',
    doc: 'DOC',
    pdf: 'PDF',
    'pdf-scan': T.formatScan,
    image: T.formatImage,
    html: 'HTML',
  };
  return names[f] ?? f;
}

/** "[██████░░░░░░] 3/8" */
export function progressBar(done: number, total: number, width = 20): string {
  const full = total ? Math.round((done / total) * width) : width;
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${done}/${total}`;
}

export const register: RegisterCommands = (program, getApp, locale) => {
  const T = DOCUMENTS_TEXT(locale);
  program
    .command('import')
    .description(T.import)
    .argument('<paths...>', T.paths)
    .action(async (paths: string[]) => {
      const app = await getApp();
      // On a terminal the bar also shows the file being read (a scan takes seconds), on one line rewritten.
      const tty = process.stderr.isTTY;
      const summary = await importPaths(app, paths, {
        onStart: (file, i, total) => {
          if (tty) process.stderr.write(`\r\x1b[K${progressBar(i, total)} ${T.reading(file)}`);
        },
        onProgress: (r, i, total) => {
          if (tty) process.stderr.write('\r\x1b[K');
          console.log(
            `${progressBar(i + 1, total)} ${r.file}: ${outcomeIn(locale, r)}${r.warnings.length ? T.warnings(r.warnings.length) : ''}`,
          );
        },
      });
      const rows = summary.files.map((r) => [
        r.file,
        r.format ? formatIn(locale, r.format) : '',
        statusIn(locale, r.status),
        r.counts.documents,
        r.counts.sections,
        r.counts.tasks,
        r.counts.indicators,
        Math.round(r.ms),
      ]);
      console.log('\n' + table([...IMPORT_HEADERS[locale]], rows));
      const noted = summary.files.filter((r) => r.warnings.length);
      if (noted.length) {
        console.log(`\n${T.noted(noted.length)}`);
        for (const r of noted) for (const w of (locale === 'en' && r.warningsEn) || r.warnings) console.log(`- ${r.file}: ${w}`);
      }
      const failed = summary.files.filter((r) => r.status === 'error').length;
      if (failed) {
        console.log(`\n${T.failed(failed)}`);
        process.exitCode = 1;
      }
    });
};
