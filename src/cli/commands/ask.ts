// `cli ask "<question>"` prints the reply; `--json` prints the answer object; `--json` without a question reads
// stdin line by line and writes JSON Lines. Only answers go to stdout; logs go to stderr.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { App } from '../../app.ts';
import { createAnswerer, type AnswerResult, type Answerer } from '../../answers/index.ts';
import type { AnswerFilters } from '../../answers/filters.ts';
import { fold } from '../../core/text.ts';

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

export function register(program: Command, getApp: () => Promise<App>): void {
  program
    .command('ask')
    .description('Hỏi đáp về văn bản chỉ đạo (trả lời kèm trích dẫn)')
    .argument('[question...]', 'câu hỏi')
    .option('--json', 'in đối tượng JSON; không có câu hỏi thì đọc từng dòng từ stdin và in JSON Lines')
    .option('--page <n>', 'trang kết quả', '1')
    .option('--province <tên>', 'chỉ văn bản của tỉnh/thành này')
    .option('--year <năm>', 'chỉ năm này')
    .option('--type <loại>', 'chỉ loại văn bản này (chỉ thị, quyết định, kế hoạch…)')
    .option('--document <số hiệu>', 'chỉ văn bản này, ví dụ 37/KH-STTTT')
    .option('--agency <cơ quan>', 'chỉ nhiệm vụ của cơ quan này')
    .action(async (words: string[], opts: { json?: boolean; page: string } & AnswerFilterFlags) => {
      const question = words.join(' ').trim();
      const app = await getApp();
      const answerer = await openAnswerer(app);
      const filters = filtersOf(opts);
      if (filters) answerer.checkFilter(filters); // a bad filter is an error, not an unfiltered answer
      if (question || !opts.json) {
        const r = await answerer.answer(question, { page: Number(opts.page) || 1, filters });
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
