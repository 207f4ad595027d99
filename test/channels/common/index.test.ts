// createChannelAdapters: one adapter per configured channel, clear problems for bad settings, and a
// channel whose token is refused at start does not stop the others.
import { describe, expect, it } from 'vitest';
import { createChannelAdapters, startChannelAdapters, stopChannelAdapters } from '../../../src/channels/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/log.ts';
import { startFakeZaloBot } from '../zalo/fakes.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { fakeEngine } from './fake-handler.ts';

const TG = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789';

describe('createChannelAdapters', () => {
  it('builds nothing and reports nothing when no channel is configured', async () => {
    expect(await createChannelAdapters(loadConfig({}), silentLogger)).toEqual({ adapters: [], problems: [] });
  });

  it('builds one adapter per configured channel', async () => {
    const { adapters, problems } = await createChannelAdapters(
      loadConfig({
        TELEGRAM_BOT_TOKEN: TG,
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        ZALO_BOT_TOKEN: 'z',
        ZALO_BOT_WEBHOOK_SECRET: 'secret-123',
        ZALO_OA_APP_ID: '1',
        ZALO_OA_SECRET_KEY: 'k',
        ZALO_OA_REFRESH_TOKEN: 'r',
      }),
      silentLogger,
    );
    expect(problems).toEqual([]);
    expect(adapters.map((a) => a.name)).toEqual(['telegram', 'slack', 'zalo', 'zalo-oa']);
  });

  it('names each bad setting, and still builds the channels that are fine', async () => {
    const { adapters, problems } = await createChannelAdapters(
      loadConfig({
        TELEGRAM_BOT_TOKEN: 'not-a-token',
        TELEGRAM_WEBHOOK_URL: 'http://plain.example/hook',
        SLACK_BOT_TOKEN: 'xoxp-user-token',
        ZALO_BOT_TOKEN: 'z',
        ZALO_BOT_WEBHOOK_SECRET: 'short',
        ZALO_OA_APP_ID: '1',
      }),
      silentLogger,
      { zaloOaTokenFile: '/nonexistent/tokens.json' },
    );
    expect(adapters).toEqual([]);
    expect(problems).toEqual([
      expect.stringContaining('TELEGRAM_BOT_TOKEN does not look like'),
      expect.stringContaining('TELEGRAM_WEBHOOK_URL must be a public https://'),
      expect.stringContaining('SLACK_BOT_TOKEN must be a bot token'),
      expect.stringContaining('needs SLACK_SIGNING_SECRET'),
      expect.stringContaining('ZALO_BOT_WEBHOOK_SECRET must be 8–256'),
      'Zalo OA: missing ZALO_OA_SECRET_KEY, ZALO_OA_REFRESH_TOKEN',
    ]);
  });

  it('a token refused at start is reported; the other channel runs', async () => {
    const zalo = await startFakeZaloBot('good-token');
    const slack = await startFakeSlack();
    const { adapters } = await createChannelAdapters(
      loadConfig({
        ZALO_BOT_TOKEN: 'wrong-token',
        ZALO_BOT_API_ROOT: zalo.url,
        ZALO_BOT_WEBHOOK_SECRET: 'secret-123',
        ZALO_BOT_WEBHOOK_PORT: '0',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.url.replace(/\/$/, ''),
        SLACK_PORT: '0',
      }),
      silentLogger,
    );
    const { started, problems } = await startChannelAdapters(adapters, fakeEngine().handler);
    expect(started.map((a) => a.name)).toEqual(['slack']);
    expect(problems).toEqual([expect.stringMatching(/^zalo: Zalo Bot: getMe failed, check ZALO_BOT_TOKEN.*401/)]);
    expect(slack.calls.map((c) => c.method)).toContain('auth.test');
    await stopChannelAdapters(started);
    await zalo.close();
    await slack.close();
  });
});
