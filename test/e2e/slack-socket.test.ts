// Slack over Socket Mode end to end: the real bot (buildRuntime) behind the SlackAdapter built from config the
// way `npm start` builds it (SLACK_BOT_TOKEN + SLACK_APP_TOKEN + SLACK_API_URL), talking to a local fake of
// apps.connections.open and the Socket Mode WebSocket. No public URL, no signing secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelAdapters, startChannelAdapters, stopChannelAdapters } from '../../src/channels/index.ts';
import type { ChannelAdapter } from '../../src/core/interfaces.ts';
import { silentLogger } from '../../src/log.ts';
import { APP_TOKEN, startFakeSocketSlack, type ApiCall, type FakeSocketSlack } from '../channels/slack/fake-socket-mode.ts';
import { ANSWER_AGENCY, CITATION, QUESTION, startBot, until, type Bot } from './helpers.ts';
import { blocksOf, textOf } from './slack-harness.ts';

let bot: Bot;
let fake: FakeSocketSlack;
let adapters: ChannelAdapter[] = [];

const posts = (channel: string): ApiCall[] => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);

beforeAll(async () => {
  bot = await startBot();
  fake = await startFakeSocketSlack();
  const config = {
    ...bot.app.config,
    SLACK_BOT_TOKEN: 'xoxb-e2e-socket',
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_SIGNING_SECRET: undefined,
    SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''), // operators may leave off the trailing slash
  };
  const built = await createChannelAdapters(config, silentLogger);
  expect(built.problems).toEqual([]);
  const slack = built.adapters.filter((a) => a.name === 'slack');
  expect(slack).toHaveLength(1);
  const started = await startChannelAdapters(slack, bot.runtime.bot.handle);
  expect(started.problems).toEqual([]);
  adapters = started.started;
  for (const a of adapters) bot.runtime.adapters.set(a.name, a);
}, 60_000);
afterAll(async () => {
  await stopChannelAdapters(adapters);
  await fake?.close();
  await bot?.close();
});

describe('Slack Socket Mode × real bot', () => {
  it('connects with the app token and no listening port', async () => {
    await fake.connected();
    const open = fake.calls.filter((c) => c.method === 'apps.connections.open');
    expect(open.map((c) => c.auth)).toEqual([`Bearer ${APP_TOKEN}`]);
  });

  it('/chithi /start <code> registers the user; then /chithi <question> gets the cited answer', async () => {
    const before = await bot.counts();
    const code = await bot.invite('official');
    const ack = await fake.command({ text: `/start ${code}`, user_id: 'US1', user_name: 'lan', channel_id: 'DUS1' });
    expect(ack.envelope_id).toBeTruthy();
    const [welcome] = await until(() => posts('DUS1').length >= 1 && posts('DUS1'));
    expect(textOf(welcome!)).toContain('Đăng ký thành công');
    expect((await bot.counts()).identity).toBe(before.identity + 1);

    await fake.command({ text: QUESTION, user_id: 'US1', user_name: 'lan', channel_id: 'DUS1' });
    const answered = await until(() => posts('DUS1').length >= 2 && posts('DUS1'));
    const blocks = blocksOf(answered[1]!);
    expect(blocks[0]!.text!.text).toMatch(new RegExp(`^${ANSWER_AGENCY} chủ trì`));
    const context = blocks.find((b) => b.type === 'context');
    expect(context, JSON.stringify(blocks)).toBeDefined();
    expect(context!.elements![0]!.text as string).toMatch(CITATION);
    expect(answered[1]!.auth).toBe('Bearer xoxb-e2e-socket');
  });

  it('an app mention in a channel is answered there, also after Slack rotates the connection', async () => {
    await fake.event({ type: 'app_mention', user: 'US2', channel: 'CS1', text: `<@UBOT> ${QUESTION}`, ts: '5.1' });
    const [first] = await until(() => posts('CS1').length >= 1 && posts('CS1'));
    expect(JSON.stringify(blocksOf(first!))).toMatch(CITATION);

    const old = await fake.connected();
    const opens = fake.opens();
    fake.disconnect('refresh_requested');
    await until(() => !old.open);
    await fake.connected(opens + 1);
    await fake.event({ type: 'app_mention', user: 'US2', channel: 'CS1', text: `<@UBOT> ${QUESTION}`, ts: '5.2' });
    const again = await until(() => posts('CS1').length >= 2 && posts('CS1'), 15_000);
    expect(textOf(again[1]!)).toContain(ANSWER_AGENCY);
  }, 30_000);
});
