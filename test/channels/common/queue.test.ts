import { describe, expect, it } from 'vitest';
import { RateLimitedError, retryAfterMs, SendQueue } from '../../../src/channels/common/queue.ts';

describe('SendQueue', () => {
  it('waits retry_after after a 429 and delivers each message exactly once, in order', async () => {
    const delivered: string[] = [];
    const attempts: Record<string, number> = {};
    let refuseNext = true;
    const q = new SendQueue({ chatIntervalMs: () => 0 });
    const send = (m: string) => async () => {
      attempts[m] = (attempts[m] ?? 0) + 1;
      if (m === 'b' && refuseNext) {
        refuseNext = false;
        throw new RateLimitedError(300); // platform refused: nothing was delivered
      }
      delivered.push(m);
    };
    const t0 = Date.now();
    await Promise.all(['a', 'b', 'c'].map((m) => q.run('chat', send(m))));
    expect(delivered).toEqual(['a', 'b', 'c']);
    expect(attempts).toEqual({ a: 1, b: 2, c: 1 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('never retries an ambiguous failure (the message may have gone out)', async () => {
    let calls = 0;
    const q = new SendQueue({ chatIntervalMs: () => 0 });
    await expect(
      q.run('chat', async () => {
        calls++;
        throw new Error('socket hang up');
      }),
    ).rejects.toThrow('socket hang up');
    expect(calls).toBe(1);
  });

  it('gives up after maxRetries and when retry_after is too long', async () => {
    let calls = 0;
    const q = new SendQueue({ chatIntervalMs: () => 0, maxRetries: 2, maxRetryAfterMs: 1000 });
    await expect(
      q.run('c', async () => {
        calls++;
        throw new RateLimitedError(10);
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      q.run('c', async () => {
        calls++;
        throw new RateLimitedError(60_000);
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(calls).toBe(1);
  });

  it('spaces sends to one chat, while other chats are not held up', async () => {
    const at: Record<string, number[]> = { x: [], y: [] };
    const q = new SendQueue({ chatIntervalMs: () => 100, globalPerSecond: 1000 });
    const t0 = Date.now();
    await Promise.all([
      ...[1, 2, 3].map(() => q.run('x', async () => void at.x!.push(Date.now() - t0))),
      q.run('y', async () => void at.y!.push(Date.now() - t0)),
    ]);
    expect(at.x![1]! - at.x![0]!).toBeGreaterThanOrEqual(95);
    expect(at.x![2]! - at.x![1]!).toBeGreaterThanOrEqual(95);
    expect(at.y![0]!).toBeLessThan(at.x![1]!);
  });

  it('parses Retry-After seconds, dates and Telegram retry_after', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(2)).toBe(2000);
    expect(retryAfterMs(undefined, 1500)).toBe(1500);
    const d = retryAfterMs(new Date(Date.now() + 5000).toUTCString());
    expect(d).toBeGreaterThan(3000);
    expect(d).toBeLessThanOrEqual(5000);
  });
});
