// A Slack adapter in HTTP mode on 127.0.0.1 with a fake Web API and a fake engine, set up and torn down around a
// test file; Web API calls are cleared before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SlackAdapter } from '../../../src/channels/slack/adapter.ts';
import { silentLogger } from '../../../src/log.ts';
import { fakeEngine } from '../common/fake-handler.ts';
import { startFakeSlack } from './fake-slack.ts';

export interface SlackHttp {
  fake: Awaited<ReturnType<typeof startFakeSlack>>;
  adapter: SlackAdapter;
  engine: ReturnType<typeof fakeEngine>;
  /** The adapter's events/commands/interactivity URL. */
  url: string;
}

export function useSlackHttp(signingSecret: string): SlackHttp {
  const h = { engine: fakeEngine(), url: '' } as SlackHttp;
  beforeAll(async () => {
    h.fake = await startFakeSlack();
    h.adapter = new SlackAdapter({
      botToken: 'xoxb-test',
      signingSecret,
      apiUrl: h.fake.url,
      port: 0,
      host: '127.0.0.1',
      log: silentLogger,
      queue: { chatIntervalMs: () => 10 },
    });
    await h.adapter.start(h.engine.handler);
    h.url = `http://127.0.0.1:${h.adapter.port}/slack/events`;
  });
  afterAll(async () => {
    await h.adapter?.stop();
    await h.fake?.close();
  });
  beforeEach(() => {
    h.fake.calls.length = 0;
  });
  return h;
}
