// Nothing an official typed and the bot accepted is lost: a bot process in console line mode is killed with
// SIGKILL between answers, and the database must hold every answer the bot acknowledged; a new process then
// resumes at the same question.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client.ts';
import { runChild } from './runner.ts';
import { seedReporting, type Seeded } from './seed.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Writes one line and waits until the bot's reply contains `until`. */
function say(child: ChildProcessWithoutNullStreams, line: string, until: string, out: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = out.text.length;
    const timer = setTimeout(() => reject(new Error(`no "${until}" after "${line}": ${out.text.slice(start)}`)), 20_000);
    const onData = () => {
      if (out.text.slice(start).includes(until)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stdin.write(`${line}\n`);
  });
}

describe('SIGKILL between answers', () => {
  let seed: Seeded | undefined;
  afterEach(async () => {
    await seed?.close();
    seed = undefined;
  });

  it('keeps every acknowledged answer and resumes at the same question in a new process', async () => {
    seed = await seedReporting();
    const s = seed;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, s.dbUrl, s.agenciesFile, s.clock.now().toISOString(), 'kill-me'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    const out = { text: '' };
    child.stdout.on('data', (d: Buffer) => (out.text += d.toString('utf8')));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));

    await say(child, '/start TTTT2K26', 'Đăng ký thành công', out);
    await say(child, 'báo cáo', 'Câu 1/4', out);
    await say(child, '85,5', 'Câu 2/4', out);
    await say(child, '130', 'Câu 3/4', out);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const db = await openDb(s.dbUrl); // a fresh connection, as after a crash
    try {
      const user = await db.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: 'kill-me' } } });
      const answers = await db.answer.findMany({
        where: { submission: { periodId: s.periodId } },
        include: { item: true },
        orderBy: { item: { ord: 'asc' } },
      });
      expect(answers.map((a) => [a.item.label, a.value, a.updatedById])).toEqual([
        ['Tỷ lệ văn bản trao đổi trên môi trường mạng', 85.5, user.userId],
        ['Số doanh nghiệp sử dụng hóa đơn điện tử', 130, user.userId],
      ]);
      const audits = await db.auditLog.count({ where: { action: 'answer.set', userId: user.userId } });
      expect(audits).toBe(2);
    } finally {
      await db.$disconnect();
    }

    // a new process picks the conversation up at question 3 without being told "báo cáo" again
    const again = await runChild(s, 'kill-me', '500\n', true);
    expect(again).toContain('Đã ghi câu 3: 500 triệu đồng.');
    expect(again).toContain('Câu 4/4.');
  });

  it('an answer typed and killed before its reply is either fully stored or not at all', async () => {
    seed = await seedReporting();
    const s = seed;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, s.dbUrl, s.agenciesFile, s.clock.now().toISOString(), 'kill-fast'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = { text: '' };
    child.stdout.on('data', (d: Buffer) => (out.text += d.toString('utf8')));
    const exited = new Promise((r) => child.on('exit', r));
    await say(child, '/start TTTT2K26', 'Đăng ký thành công', out);
    await say(child, 'báo cáo', 'Câu 1/4', out);
    child.stdin.write('77\n');
    child.kill('SIGKILL');
    await exited;
    const db = await openDb(s.dbUrl);
    try {
      const answers = await db.answer.findMany({ where: { submission: { periodId: s.periodId } } });
      const sessions = await db.session.findMany();
      const cursor = (JSON.parse(sessions[0]!.data) as { form: { cursor: number } }).form.cursor;
      // answer and session are written in one transaction: both moved on, or neither did
      expect([answers.length, cursor]).toSatisfy(([n, c]: number[]) => (n === 1 && c === 1) || (n === 0 && c === 0));
    } finally {
      await db.$disconnect();
    }
  });
});
