// `cli show <number or id>`: the extracted tree of one document, as the bot will answer from it.
import type { RegisterCommands } from '../index.ts';
import { documentJson, findDocument, renderDocumentTree } from '../../ingest/show.ts';

export const register: RegisterCommands = (program, getApp) => {
  program
    .command('show')
    .description('Xem cây nội dung đã trích xuất của một văn bản (mục, nhiệm vụ, chỉ tiêu)')
    .argument('<ref>', 'số hiệu (vd. 17/CT-UBND) hoặc mã văn bản')
    .option('--json', 'in toàn bộ kết quả trích xuất dưới dạng JSON (không cắt bớt)')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const app = await getApp();
      const id = await findDocument(app.db, ref);
      console.log(opts.json ? JSON.stringify(await documentJson(app.db, id), null, 2) : await renderDocumentTree(app.db, id));
    });
  program
    .command('documents')
    .description('Liệt kê các văn bản đã nhập')
    .action(async () => {
      const app = await getApp();
      const docs = await app.db.document.findMany({
        orderBy: { id: 'asc' },
        include: { _count: { select: { tasks: true, indicators: true } } },
      });
      for (const d of docs) {
        console.log(
          `${String(d.id).padStart(4)}  ${d.type} ${d.number ?? '(không số)'} — ${d.province ?? '?'} ${d.year ?? ''} — ${d._count.tasks} nhiệm vụ, ${d._count.indicators} chỉ tiêu`,
        );
      }
    });
};
