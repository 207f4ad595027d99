// One set of numbers per channel: the scheduler paces reminders by the limits the adapter itself keeps, read through
// the adapter interface (before, the scheduler had its own table: Telegram groups 1 s apart where the adapter and
// Telegram's 20 messages a minute ask 3 s; Zalo OA 10/s and 1 s per chat against the adapter's 20/s and 0.5 s).
import { describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/core/interfaces.ts';
import type { ChannelName } from '../../src/core/types.ts';
import { TelegramAdapter } from '../../src/channels/telegram/adapter.ts';
import { ZaloOaAdapter } from '../../src/channels/zalo/oa.ts';
import type { ZaloOaApi } from '../../src/channels/zalo/oa-api.ts';
import { silentLogger } from '../../src/log.ts';
import { limitsOf, RateLimiter } from '../../src/scheduler/limiter.ts';

const telegram = new TelegramAdapter({ token: '123:abc', log: silentLogger });
const oa = new ZaloOaAdapter({ appId: 'z', secretKey: 'y', api: {} as ZaloOaApi, webhook: { port: 0 }, log: silentLogger });

describe('pacing owned by the channel adapter', () => {
  it('spaces a Telegram group 3 s and a private chat 1 s in the scheduler, as the adapter does', () => {
    let now = 0;
    const adapters = new Map<ChannelName, ChannelAdapter>([['telegram', telegram]]);
    const lim = new RateLimiter({ limits: limitsOf(adapters), now: () => now, sleep: async () => {} });
    expect([lim.reserve('telegram', '-1001'), lim.reserve('telegram', '-1001')]).toEqual([0, 3000]);
    now = 100_000;
    expect([lim.reserve('telegram', '42'), lim.reserve('telegram', '42')]).toEqual([0, 1000]);
  });

  it("takes Zalo OA's daily budget from the OA adapter, and leaves an adapter without limits unpaced", () => {
    const adapters = new Map<ChannelName, ChannelAdapter>([
      ['zalo-oa', oa],
      ['console', { name: 'console', start: async () => {}, stop: async () => {}, send: async () => ({ ok: true }) }],
    ]);
    const limits = limitsOf(adapters);
    expect(limits['zalo-oa']?.dailyQuota).toBe(2000);
    expect(limits.console).toBeUndefined();
    const lim = new RateLimiter({ limits, now: () => 0, sleep: async () => {} });
    expect([lim.reserve('console', 'a'), lim.reserve('console', 'a')]).toEqual([0, 1]);
  });
});
