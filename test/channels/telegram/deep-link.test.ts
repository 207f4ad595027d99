// Telegram deep links: `user invite` asks getMe for the bot's name and prints https://t.me/<bot>?start=<mã>;
// pressing Start on that link sends "/start <mã>", which registers through the real adapter and bot.
import { runCli } from '../../helpers/cli.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChannelAdapters } from '../../../src/channels/index.ts';
import { TelegramAdapter } from '../../../src/channels/telegram/adapter.ts';
import { loadConfig } from '../../../src/config.ts';
import { createBot } from '../../../src/conversation/bot.ts';
import { silentLogger } from '../../../src/log.ts';
import { seedReporting, type Seeded } from '../../transcripts/seed.ts';
import { until } from '../common/fake-handler.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '123456:DEEP-link-abcdefghijklmnopqrst';

let seed: Seeded;
let api: FakeBotApi;
let adapter: TelegramAdapter | undefined;
beforeEach(async () => {
  seed = await seedReporting();
  api = await new FakeBotApi(TOKEN).start();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await adapter?.stop();
  await api.stop();
  await seed.close();
});

const cli = (...args: string[]) => runCli(seed.app, ...args);

describe('Telegram deep links', () => {
  it('the invite prints the t.me link (bot name from getMe), and Start on it registers the person', async () => {
    Object.assign(seed.app.config, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url });
    const out = await cli('user', 'invite', '--role', 'coordinator', '--province', 'Cà Mau', '--name', 'Lê Cường');
    const link = /https:\/\/t\.me\/(\w+)\?start=(\S+)/.exec(out);
    expect(link?.[1]).toBe('chithi_bot');
    const code = link![2]!;
    expect(out).toContain(`Mã mời: ${code}`);
    expect(api.count('getMe')).toBe(1);

    adapter = new TelegramAdapter({ token: TOKEN, apiRoot: api.url, log: silentLogger, queue: { chatIntervalMs: () => 5 } });
    await adapter.start(createBot(seed.app).handle);
    api.userSays({ id: 9101, first_name: 'Cường' }, `/start ${code}`); // what Telegram sends when Start is pressed
    const reply = await until(() => api.sentTo(9101).find((m) => m.text.includes('Đăng ký thành công')));
    expect(reply.text).toContain('Đăng ký thành công: Lê Cường — điều phối viên, Cà Mau');
    const ident = await seed.app.db.identity.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId: '9101' } } });
    expect(ident).not.toBeNull();
  });

  it('without the bot name the invite still works and says how to get the link', async () => {
    Object.assign(seed.app.config, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    const out = await cli('user', 'invite', '--agency', 'Sở Tài chính', '--province', 'Cà Mau');
    expect(out).toMatch(/Mã mời: [A-Z0-9]{8}/);
    expect(out).not.toContain('t.me/');
    expect(out).toContain('Lưu ý: Không hỏi được tên bot Telegram (getMe:');
    expect(out).toContain('đặt TELEGRAM_BOT_USERNAME');
    expect(out).not.toContain(TOKEN);
  });

  it('a TELEGRAM_BOT_USERNAME that is not a bot name is a setting problem at start', async () => {
    const { problems } = await createChannelAdapters(
      loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_BOT_USERNAME: 't.me/chithi' }),
      silentLogger,
    );
    expect(problems).toEqual([expect.stringContaining('TELEGRAM_BOT_USERNAME must be the bot')]);
  });
});
