// Two instances on one database with Telegram in long-polling mode: Telegram allows one poller per token, so only
// the holder of the poller lease polls; the other says why it does not and takes over when the holder is gone
// (stopped: at once; died without releasing: within one lease period).
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../src/channels/telegram/adapter.ts';
import type { ExclusiveLease, Logger } from '../../../src/core/interfaces.ts';
import { leaseFor } from '../../../src/scheduler/lease.ts';
import { dbKinds, tempDb, type TempDb } from '../../helpers/db.ts';
import { until } from '../common/fake-handler.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '123456:LEASE-token-abcdefghijklmnopq';
const LAN = { id: 801, first_name: 'Lan' };
const TTL_MS = 3000; // renewed every second; generous so that a loaded machine does not let it lapse

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const put = (_obj: unknown, msg?: string) => void lines.push(msg ?? '');
  return { lines, info: put, warn: put, error: put, debug: () => undefined };
}

describe.each(await dbKinds())('one Telegram poller across instances (%s)', (kind) => {
  let t: TempDb;
  let api: FakeBotApi;
  const running: TelegramAdapter[] = [];
  afterEach(async () => {
    for (const a of running.splice(0)) await a.stop();
    await api?.stop();
    await t?.close();
  });

  function instance(name: string, lease: ExclusiveLease = leaseFor(t.db, 'telegram-poller', name, TTL_MS)) {
    const log = recordingLog();
    const a = new TelegramAdapter({ token: TOKEN, apiRoot: api.url, log, pollerLease: lease, queue: { chatIntervalMs: () => 10 } });
    running.push(a);
    const handler = async (m: { text: string }) => [{ text: `${name}: ${m.text}` }];
    return { a, log, start: () => a.start(handler) };
  }

  it('the second instance refuses to poll and says to use webhooks; it takes over when the first stops', async () => {
    t = await tempDb(kind);
    api = await new FakeBotApi(TOKEN).start();
    const one = instance('one');
    const two = instance('two');
    await one.start();
    await two.start();
    expect(two.log.lines.join('\n')).toMatch(/another instance holds the polling lease.*TELEGRAM_WEBHOOK_URL/);
    expect(one.log.lines.join('\n')).not.toMatch(/another instance/);
    api.userSays(LAN, 'tin 1');
    await until(() => api.sentTo(LAN.id)[0]);
    await new Promise((r) => setTimeout(r, 2 * TTL_MS)); // renewals keep the lease where it is
    api.userSays(LAN, 'tin 2');
    await until(() => api.sentTo(LAN.id)[1]);
    expect(api.sentTo(LAN.id).map((m) => m.text)).toEqual(['one: tin 1', 'one: tin 2']);

    await one.a.stop(); // released: the other instance polls at its next try
    api.userSays(LAN, 'tin 3');
    const third = await until(() => api.sentTo(LAN.id)[2], 5000);
    expect(third.text).toBe('two: tin 3');
    expect(two.log.lines).toContain('telegram: took the polling lease over, long polling');
  });

  it('an instance that died without releasing the lease is replaced within one lease period', async () => {
    t = await tempDb(kind);
    api = await new FakeBotApi(TOKEN).start();
    const real = leaseFor(t.db, 'telegram-poller', 'one', TTL_MS);
    let dead = false;
    // A killed process neither renews nor releases: its lease simply runs out.
    const dying: ExclusiveLease = {
      everyMs: real.everyMs,
      take: () => (dead ? new Promise<boolean>(() => {}) : real.take()),
      release: async () => undefined,
    };
    const one = instance('one', dying);
    const two = instance('two');
    await one.start();
    await two.start();
    api.userSays(LAN, 'trước');
    await until(() => api.sentTo(LAN.id)[0]);
    dead = true;
    await one.a.stop();
    api.userSays(LAN, 'sau');
    // Without failover the message is never answered; with it, within the lease (3 s) and a retry.
    const next = await until(() => api.sentTo(LAN.id)[1], 10_000);
    expect(next.text).toBe('two: sau');
  });
});
