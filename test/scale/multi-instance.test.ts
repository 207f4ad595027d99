// Two real bot processes on one PostgreSQL behind a round-robin proxy; 50 officials answer their forms and ask
// for help at the same time; one process is SIGKILLed in the middle and started again. Every answer lands once and in
// the order sent, the audit trail has each, and nobody gets an opening message twice. `npm run test:pg` only.
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/client.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { ITEMS, startBots, type Cluster } from './cluster.ts';

const USERS = 50;
const onPg = process.env.TEST_DB === 'postgresql';
const value = (user: number, k: number) => 1000 * (k + 1) + user;

async function official(cluster: Cluster, user: number, pace: () => Promise<void>): Promise<void> {
  const lines = ['trợ giúp', 'báo cáo', ...Array.from({ length: ITEMS }, (_, k) => String(value(user, k))), 'trợ giúp'];
  for (const [n, text] of lines.entries()) {
    const send = () => cluster.say(user, text, `u${user}-m${n}`);
    // A third of the messages are delivered twice at once (a platform re-sending on a slow answer): both copies
    // may reach different instances at the same moment.
    await (Math.random() < 1 / 3 ? Promise.all([send(), send()]) : send());
    await pace();
  }
}

describe.runIf(onPg)('two bot instances on one PostgreSQL, one killed mid-way', () => {
  let t: TempDb | undefined;
  let cluster: Cluster | undefined;
  let db: Db | undefined;
  afterAll(async () => {
    await cluster?.close();
    await db?.$disconnect();
    await t?.close();
  });

  it('50 officials: 0 lost, 0 duplicated answers or opening messages, audit complete, order kept', async () => {
    t = await tempDb('postgresql');
    cluster = await startBots(t.url, USERS, 2);
    const c = cluster;
    let sent = 0;
    let killed: Promise<void> | null = null;
    const total = USERS * (ITEMS + 3);
    const pace = async () => {
      sent++;
      if (sent === Math.floor(total * 0.4) && !killed) {
        killed = (async () => {
          await c.instances[0]!.kill();
          await new Promise((r) => setTimeout(r, 1000));
          await c.instances[0]!.start();
        })();
      }
      await new Promise((r) => setTimeout(r, Math.random() * 30));
    };
    await Promise.all(Array.from({ length: USERS }, (_, u) => official(c, u, pace)));
    expect(killed).not.toBeNull();
    await killed;

    db = await openDb(t.url);
    const identities = await db.identity.findMany({ where: { channel: 'zalo' }, orderBy: { id: 'asc' } });
    expect(identities).toHaveLength(USERS);
    for (const [u, ident] of identities.entries()) {
      const user = Number(ident.externalId.slice(1));
      const answers = await db.answer.findMany({
        where: { updatedById: ident.userId },
        include: { item: true },
        orderBy: { item: { ord: 'asc' } },
      });
      expect(
        answers.map((a) => a.value),
        `answers of u${user}`,
      ).toEqual(Array.from({ length: ITEMS }, (_, k) => value(user, k)));
      const audit = await db.auditLog.findMany({ where: { userId: ident.userId, action: 'answer.set' }, orderBy: { id: 'asc' } });
      // One entry per answer, none twice, in the order the official sent them.
      expect(
        audit.map((a) => (JSON.parse(a.newValue ?? '{}') as { value?: number }).value),
        `audit of u${user} (${u})`,
      ).toEqual(Array.from({ length: ITEMS }, (_, k) => value(user, k)));
    }
    // An opening message whose send the kill cut off is sent again once its send lease is over, at the next tick.
    const openings = () => c.fake.sent.filter((m) => m.text.startsWith('Đã mở kỳ báo cáo'));
    for (const end = Date.now() + 100_000; openings().length < USERS && Date.now() < end;) await new Promise((r) => setTimeout(r, 500));
    const opening = openings();
    expect(opening).toHaveLength(USERS); // the opening message reached everyone, once
    expect(new Set(opening.map((m) => m.chat_id)).size).toBe(USERS);
    const outboxSent = await db.outbox.count({ where: { status: 'sent' } });
    expect(c.fake.sent.filter((m) => /^Đã mở kỳ báo cáo|^Nhắc/.test(m.text)).length).toBeLessThanOrEqual(outboxSent);
  }, 260_000);
});
