// `cli ask "<question>"` prints the reply; `--json` prints the answer object; `--json` without a question reads
// stdin line by line and writes JSON Lines. Only answers go to stdout; logs go to stderr.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { createAnswerer, type AnswerResult, type Answerer } from '../../answers/index.ts';
import type { AnswerFilters } from '../../answers/filters.ts';
import type { Locale } from '../../core/i18n.ts';
import { fold } from '../../core/text.ts';
import { TOOLS_TEXT } from '../text/tools.ts';

/** Makes sure data/ is imported (a no-op when nothing changed), then opens the answerer. */
export async function openAnswerer(app: App): Promise<Answerer> {
  try {
    const { importPaths } = await import('../../ingest/pipeline.ts');
    await importPaths(app, [app.config.DATA_DIR]);
  } catch (e) {
    app.log.warn({ err: (e as Error).message }, 'could not import the documents folder; answering from the database as it is');
  }
  return createAnswerer(app);
}

interface AnswerFilterFlags {
  province?: string;
  year?: string;
  type?: string;
  document?: string;
  agency?: string;
}

function filtersOf(o: AnswerFilterFlags): AnswerFilters | undefined {
  const f: AnswerFilters = {
    province: o.province,
    year: o.year ? Number(o.year) : undefined,
    type: o.type,
    document: o.document,
    agency: o.agency,
  };
  return Object.values(f).some((v) => v !== undefined) ? f : undefined;
}

// A contract other tools read: fields are added (confidence, readings), never renamed or dropped.
export const toJson = (r: AnswerResult): string =>
  JSON.stringify({
    question: r.question,
    intent: r.intent,
    answers: r.answers,
    reply: r.reply,
    confidence: r.confidence,
    readings: r.readings ?? [],
  });
const isMore = (s: string) => ['them', 'xem them', 'tiep', 'xem tiep', 'more'].includes(fold(s).replace(/[.!'"]/g, ''));

export function register(program: Command, getApp: () => Promise<App>, locale: Locale): void {
  const T = TOOLS_TEXT(locale);
  program
    .command('ask')
    .description(T.ask)
    .argument('[question...]', T.question)
    .option('--json', T.askJson)
    .option('--page <n>', T.page, '1')
    .option(`--province ${T.argName}`, T.province)
    .option(`--year ${T.argYear}`, T.year)
    .option(`--type ${T.argType}`, T.type)
    .option(`--document ${T.argNumber}`, T.document)
    .option(`--agency ${T.argAgency}`, T.agency)
    .action(async (words: string[], opts: { json?: boolean; page: string } & AnswerFilterFlags) => {
      const question = words.join(' ').trim();
      const app = await getApp();
      const answerer = await openAnswerer(app);
      const filters = filtersOf(opts);
      if (filters) answerer.checkFilter(filters); // a bad filter is an error, not an unfiltered answer
      if (question || !opts.json) {
        // --json keeps the reply as it always was (a contract); the words around a printed reply are the CLI's language
        const r = await answerer.answer(question, { page: Number(opts.page) || 1, filters, ...(opts.json ? {} : { locale }) });
        process.stdout.write(`${opts.json ? toJson(r) : r.reply}\n`);
        return;
      }
      let last: { q: string; page: number } | null = null;
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) {
        let r: AnswerResult;
        if (last && isMore(line)) {
          last.page += 1;
          r = { ...(await answerer.answer(last.q, { page: last.page, filters })), question: line };
        } else {
          r = await answerer.answer(line, { filters });
          last = { q: line, page: 1 };
        }
        process.stdout.write(`${toJson(r)}\n`);
      }
    });
}
