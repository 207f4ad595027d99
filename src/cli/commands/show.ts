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
  program
    .command('agencies')
    .description('Liệt kê cơ quan đã gặp trong văn bản; --unknown: những cơ quan chưa có trong danh mục (để xác nhận hoặc thêm bí danh)')
    .option('--unknown', 'chỉ các cơ quan chưa có trong data/agencies.yaml')
    .action(async (opts: { unknown?: boolean }) => {
      const app = await getApp();
      const rows = await app.db.agency.findMany({
        where: opts.unknown ? { baseKey: { startsWith: 'x-' } } : {},
        include: { taskLinks: { select: { role: true, task: { select: { document: { select: { number: true, title: true } } } } } } },
        orderBy: { name: 'asc' },
      });
      const list = rows
        .map((a) => ({ a, n: a.taskLinks.length, doc: a.taskLinks[0]?.task.document }))
        .filter((x) => x.n > 0 || !opts.unknown)
        .sort((x, y) => y.n - x.n || x.a.name.localeCompare(y.a.name, 'vi'));
      for (const { a, n, doc } of list)
        console.log(
          `${String(n).padStart(4)} nhiệm vụ  ${a.name}${a.province ? ` (${a.province})` : ''}  [${a.key}]${doc ? `  — vd. ${doc.number ?? doc.title}` : ''}`,
        );
      console.log(
        opts.unknown
          ? `${list.length} cơ quan chưa có trong danh mục. Thêm vào data/agencies.yaml (tên chuẩn hoặc bí danh) rồi nhập lại văn bản.`
          : `${list.length} cơ quan.`,
      );
    });
};
