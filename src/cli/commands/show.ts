// `cli show <number or id>`: the extracted tree of one document, as the bot will answer from it.
import type { RegisterCommands } from '../index.ts';
import { documentJson, findDocument, renderDocumentTree } from '../../ingest/show.ts';
import { listAgenciesWithTasks, listDocumentsWithCounts } from '../repo/listings.ts';
import { DOCUMENTS_TEXT } from '../text/documents.ts';

export const register: RegisterCommands = (program, getApp, locale) => {
  const T = DOCUMENTS_TEXT(locale);
  program
    .command('show')
    .description(T.show)
    .argument('<ref>', T.showRef)
    .option('--json', T.showJson)
    .action(async (ref: string, opts: { json?: boolean }) => {
      const app = await getApp();
      const id = await findDocument(app.db, ref);
      console.log(opts.json ? JSON.stringify(await documentJson(app.db, id), null, 2) : await renderDocumentTree(app.db, id, locale));
    });
  program
    .command('documents')
    .description(T.documents)
    .action(async () => {
      const app = await getApp();
      const docs = await listDocumentsWithCounts(app.db);
      for (const d of docs) {
        console.log(
          `${String(d.id).padStart(4)}  ${d.type} ${d.number ?? T.noNumber} — ${d.province ?? '?'} ${d.year ?? ''} — ${T.counts(d._count.tasks, d._count.indicators)}`,
        );
      }
    });
  program
    .command('agencies')
    .description(T.agencies)
    .option('--unknown', T.unknown)
    .action(async (opts: { unknown?: boolean }) => {
      const app = await getApp();
      const rows = await listAgenciesWithTasks(app.db, opts.unknown);
      const list = rows
        .map((a) => ({ a, n: a.taskLinks.length, doc: a.taskLinks[0]?.task.document }))
        .filter((x) => x.n > 0 || !opts.unknown)
        .sort((x, y) => y.n - x.n || x.a.name.localeCompare(y.a.name, 'vi'));
      for (const { a, n, doc } of list)
        console.log(
          `${T.tasks(n)}  ${a.name}${a.province ? ` (${a.province})` : ''}  [${a.key}]${doc ? T.example(doc.number ?? doc.title) : ''}`,
        );
      console.log(opts.unknown ? T.unknownTotal(list.length) : T.total(list.length));
    });
};
