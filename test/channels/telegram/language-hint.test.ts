// Telegram says which language the person's app uses: an English app is offered English after registering (never
// switched to it: many Vietnamese officials' phones are set to English), and a Vietnamese one is not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { toInbound } from '../../../src/channels/telegram/map.ts';
import { createBot } from '../../../src/conversation/index.ts';
import { CODES, seedReporting, type Seeded } from '../../transcripts/seed.ts';

const me = { id: 999, username: 'trolybot' };
const message = (text: string, language_code?: string): Message.TextMessage =>
  ({
    message_id: 1,
    date: 0,
    chat: { id: 42, type: 'private', first_name: 'Bích' },
    from: { id: 42, is_bot: false, first_name: 'Bích', ...(language_code ? { language_code } : {}) },
    text,
  }) as Message.TextMessage;

describe('the language a Telegram app is set to', () => {
  let seed: Seeded;
  beforeEach(async () => {
    seed = await seedReporting();
  });
  afterEach(async () => {
    await seed.close();
  });

  it('is read from the message, and offers English after registering without switching to it', async () => {
    const inbound = toInbound(message(`/start ${CODES.tttt}`, 'en'), me)!;
    expect(inbound.language).toBe('en');
    const bot = createBot(seed.app);
    const out = (await bot.handle(inbound)).map((m) => m.text);
    expect(out).toEqual([
      expect.stringMatching(/^Đăng ký thành công: Trần Thị Bích/),
      'Your app is set to English: type "/lang en" and I will reply in English.',
    ]);
    const user = await seed.app.db.user.findFirstOrThrow({ where: { identities: { some: { externalId: '42' } } } });
    expect(user.locale).toBe('vi');
  });

  it('offers nothing to an app in Vietnamese or one that does not say', async () => {
    const bot = createBot(seed.app);
    const vi = (await bot.handle(toInbound(message(`/start ${CODES.tttt}`, 'vi'), me)!)).map((m) => m.text);
    expect(vi).toHaveLength(1);
    expect(toInbound(message('chào'), me)!.language).toBeUndefined();
  });
});
