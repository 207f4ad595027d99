// A `cli import` in another process holding the write lock froze the running bot (even "trợ giúp") and turned
// replies into internal errors: SQLite's busy wait blocked the event loop. Now, with another process holding the
// lock: "trợ giúp" is answered while the lock is still held, the event loop keeps running, and opening the form
// (a write) waits for the lock asynchronously and goes through once it is released, with no internal error.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { internalError } from '../../src/conversation/replies.ts';
import { startBot, type Bot } from '../e2e/helpers.ts';

let bot: Bot;
const say = async (text: string) =>
  (await bot.runtime.bot.handle({ channel: 'console', userId: 'o', chatId: 'o', text })).map((m) => m.text).join('\n');

beforeAll(async () => {
  bot = await startBot();
  await say(`/start ${await bot.invite()}`);
}, 60_000);
afterAll(async () => bot?.close());

/** Another process takes the write lock, says "locked", holds it `ms`, then commits and says "released". */
function holdLock(file: string, ms: number) {
  const code = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO InboundEvent(key) VALUES ('lock-holder')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT');
    process.stdout.write('released\\n');`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const events: string[] = [];
  const seen = (what: string) =>
    new Promise<void>((resolve) => {
      const check = () => events.includes(what) && resolve();
      child.stdout.on('data', (d: Buffer) => {
        events.push(...d.toString().trim().split('\n'));
        check();
      });
      check();
    });
  return { events, locked: seen('locked'), released: seen('released'), exited: new Promise((r) => child.on('exit', r)) };
}

it('another process holding the write lock neither blocks the bot nor makes its writes fail', async () => {
  const file = bot.app.config.DATABASE_URL.replace(/^file:/, '');
  const lock = holdLock(file, 1500);
  await lock.locked;
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  const help = await say('trợ giúp');
  expect(help).toContain('Tôi có thể');
  expect(lock.events).not.toContain('released'); // answered while the other process still holds the lock
  const form = say('báo cáo');
  await lock.released;
  const out = await form;
  clearInterval(timer);
  expect(out).toContain('Câu 1/');
  expect(out).not.toContain(internalError().text);
  expect(await say('85')).toContain('Đã ghi câu 1: 85%.');
  expect(ticks).toBeGreaterThan(20); // the event loop ran while waiting (a blocking wait gives ~0)
  await lock.exited;
});
