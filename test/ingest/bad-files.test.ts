// Files that must not stop or hang a batch: a FIFO named x.txt (it hung the import forever), a file over the line
// or size limit (settings), a document cut short (imported, with a warning in the summary and in `show`), and a
// database failure (said by its kind, never as Prisma's invocation text with source paths).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { documentJson, findDocument, renderDocumentTree } from '../../src/ingest/show.ts';
import { failureMessage, importPaths } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';

const SEED = 'data/documents/quang-ngai-2008-chi-thi-17-ct-ubnd-cntt.txt';
let app: App;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bad-files-'));
  app = await createApp({
    config: { DATABASE_URL: `file:${join(dir, 'a.db')}`, INDEX_DIR: join(dir, 'idx'), IMPORT_MAX_LINES: 2000 },
    log: silentLogger,
  });
}, 30_000);
afterAll(async () => app.close());

describe('a batch with bad files imports the rest', () => {
  it('a FIFO is skipped in a folder and refused by name; a file over the line limit is refused; the good file imports', async () => {
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    copyFileSync(SEED, join(folder, 'a-good.txt'));
    execFileSync('mkfifo', [join(folder, 'b-pipe.txt')]);
    writeFileSync(join(folder, 'c-long.txt'), `${readFileSync(SEED, 'utf8')}\n${'dòng thêm\n'.repeat(2500)}`);
    const r = await importPaths(app, [folder, join(folder, 'b-pipe.txt')]);
    expect(r.files.map((f) => [f.file.split('/').pop(), f.status])).toEqual([
      ['a-good.txt', 'new'],
      ['c-long.txt', 'error'],
      ['b-pipe.txt', 'error'],
    ]);
    expect(r.files[1]!.message).toMatch(/dài quá 2\.000 dòng \(giới hạn đặt bằng IMPORT_MAX_LINES\)/);
    expect(r.files[2]!.message).toMatch(/không phải tệp thông thường/);
  });

  it('a document cut mid-sentence is imported with a warning in the summary, in show and in show --json', async () => {
    const text = readFileSync(SEED, 'utf8');
    const cut = text.slice(0, text.indexOf('trình UBND tỉnh quyết định') + 'trình UBND tỉnh'.length);
    writeFileSync(join(dir, 'cut.txt'), cut);
    const r = await importPaths(app, [join(dir, 'cut.txt')]);
    expect(r.files[0]!.status).toBe('new');
    expect(r.files[0]!.warnings).toEqual([
      expect.stringMatching(/^Văn bản có thể bị cắt cụt: .*dòng cuối dừng giữa câu \(“….*trình UBND tỉnh”\)/),
    ]);
    const id = await app.db.document.findFirstOrThrow({ where: { sourceFile: { endsWith: 'cut.txt' } } });
    expect(await renderDocumentTree(app.db, id.id)).toContain('Lưu ý: Văn bản có thể bị cắt cụt');
    expect((await documentJson(app.db, id.id)).warnings).toEqual(r.files[0]!.warnings);
    // the whole document has no such warning
    const whole = await findDocument(app.db, '17/CT-UBND');
    expect(((await documentJson(app.db, whole)).warnings as string[]).filter((w) => /cắt cụt/.test(w))).toEqual([]);
  });

  it('a 30,000-line block imports (the joiner was quadratic: 16,000 lines took 15 s, 50,000 did not finish)', async () => {
    const head = readFileSync(SEED, 'utf8').split('\n').slice(0, 12).join('\n');
    const body = Array.from({ length: 30_000 }, (_, i) => `${i + 1} dòng số liệu thứ ${i} của kế hoạch và`).join('\n');
    writeFileSync(join(dir, 'long-block.txt'), `${head}\n${body}\nNơi nhận:\n- Như trên;\nCHỦ TỊCH\n`);
    const r = await importPaths({ ...app, config: { ...app.config, IMPORT_MAX_LINES: 200_000 } }, [join(dir, 'long-block.txt')]);
    expect(r.files[0]).toMatchObject({ status: 'new', counts: { documents: 1 } });
  }, 30_000);

  it('a database error is said by its kind and code, without Prisma’s invocation text', () => {
    const prisma = Object.assign(
      new Error(
        '\nInvalid `prisma.document.create()` invocation in\n/home/x/src/ingest/store.ts:38:36\n\n  35 for (const d of docs) {\n→ 38 const doc = await tx.document.create(\nUnique constraint failed',
      ),
      { code: 'P2002' },
    );
    expect(failureMessage(prisma, 'a.txt')).toBe('Không lưu được a.txt: lỗi cơ sở dữ liệu (P2002); chi tiết trong nhật ký.');
    expect(failureMessage(new Error('SqliteError: database is locked'), 'a.txt')).toMatch(/cơ sở dữ liệu đang bận/);
    expect(failureMessage(new Error('at /home/x/src/a.ts:1 boom'), 'a.txt')).toBe('Lỗi khi nhập a.txt; chi tiết trong nhật ký.');
  });
});
