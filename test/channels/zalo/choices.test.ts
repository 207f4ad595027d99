// Several instances behind one webhook URL: a reminder sent by one instance offers "1. Báo cáo ngay", and the "1"
// the official types back may reach another instance. With the lists kept in the database it picks the choice there
// too; a list kept in one process's memory (the default, one instance) is unknown to the other.
import { afterEach, describe, expect, it } from 'vitest';
import { ZaloBotAdapter } from '../../../src/channels/zalo/bot.ts';
import { databaseChoices } from '../../../src/conversation/choice-memory.ts';
import type { ChoiceMemory } from '../../../src/core/interfaces.ts';
import { silentLogger } from '../../../src/log.ts';
import { tempDb } from '../../helpers/db.ts';
import { fakeEngine, until } from '../common/fake-handler.ts';
import { startFakeZaloBot } from './fakes.ts';

const TOKEN = '1234:zalo-bot-token';
const SECRET = 'zalo-webhook-secret';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function instance(apiRoot: string, choices?: ChoiceMemory) {
  const engine = fakeEngine();
  const adapter = new ZaloBotAdapter({
    token: TOKEN,
    apiRoot,
    log: silentLogger,
    queue: { chatIntervalMs: () => 5 },
    webhook: { secret: SECRET, port: 0, host: '127.0.0.1' },
    ...(choices ? { choices } : {}),
  });
  await adapter.start(engine.handler);
  cleanup.push(() => adapter.stop());
  const type = (text: string) =>
    fetch(`http://127.0.0.1:${adapter.webhookPort}/zalo/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        event_name: 'message.text.received',
        message: { message_id: `m-${Math.random()}`, from: { id: 'u1' }, chat: { id: 'u1', chat_type: 'PRIVATE' }, date: Date.now(), text },
      }),
    });
  return { adapter, engine, type };
}

const REMINDER = [{ text: 'Nhắc: báo cáo quý IV/2026 đến hạn ngày 10/01/2027.', choices: [{ id: 'bao_cao', label: 'Báo cáo ngay' }] }];

describe('Zalo numbered choices across instances', () => {
  it('a "1" reaching the other instance picks the choice the first one offered, when the lists are in the database', async () => {
    const fake = await startFakeZaloBot(TOKEN);
    const t = await tempDb();
    cleanup.push(
      () => fake.close(),
      () => t.close(),
    );
    const a = await instance(fake.url, databaseChoices(t.db, 'zalo'));
    const b = await instance(fake.url, databaseChoices(t.db, 'zalo'));
    expect(await a.adapter.send('u1', REMINDER)).toEqual({ ok: true });
    expect(fake.sent.at(-1)?.text).toMatch(/1\. Báo cáo ngay/);
    expect((await b.type('1')).status).toBe(200);
    await until(() => b.engine.seen.length === 1);
    expect(b.engine.seen[0]).toMatchObject({ choice: 'bao_cao', text: 'Báo cáo ngay' });
    // A number only refers to the list just shown: once picked, a second "1" is a plain "1".
    expect((await a.type('1')).status).toBe(200);
    await until(() => a.engine.seen.length === 1);
    expect(a.engine.seen[0]?.choice).toBeUndefined();
  });

  it('with each process keeping its own lists, the other instance does not know what "1" meant', async () => {
    const fake = await startFakeZaloBot(TOKEN);
    cleanup.push(() => fake.close());
    const a = await instance(fake.url);
    const b = await instance(fake.url);
    await a.adapter.send('u1', REMINDER);
    await b.type('1');
    await until(() => b.engine.seen.length === 1);
    expect(b.engine.seen[0]?.choice).toBeUndefined();
  });
});
