// Secrets never reach the log, even inside library errors that carry request URLs.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

function capture(secrets: string[]) {
  const lines: string[] = [];
  const log = createLogger('debug', secrets, { write: (s: string) => lines.push(s) });
  return { log, text: () => lines.join('') };
}

describe('log scrubbing', () => {
  it('removes configured secrets and token-shaped strings from errors and fields', () => {
    const { log, text } = capture(['s3cr3t-signing-key', 'oa-refresh-abcdef']);
    const err = new Error(
      'request to https://api.telegram.org/bot123456789:AAHk9_Jx-abcdefghijklmnopqrstuv/getUpdates failed, reason: ECONNRESET',
    );
    log.error({ err }, 'telegram: polling failed');
    log.warn({ header: 'v0=… s3cr3t-signing-key', token: 'xoxb-1234567890-abcdefghij' }, 'slack');
    log.info({ body: 'refresh_token=oa-refresh-abcdef&app_id=1' }, 'zalo oa refresh');
    const out = text();
    expect(out).not.toMatch(/AAHk9_Jx|s3cr3t-signing-key|xoxb-1234567890|oa-refresh-abcdef/);
    expect(out).toContain('https://api.telegram.org/bot***/getUpdates');
    expect(out).toContain('ECONNRESET');
    expect(out.trim().split('\n')).toHaveLength(3);
    for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
